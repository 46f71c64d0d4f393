import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { McpManager, McpToolEntry } from '../mcp/mcp-manager.ts';

/**
 * The tools offered to Claude for one reply: every connected, enabled server's tools except
 * those of the servers the conversation switched off, under names unique across servers.
 */
export class ToolSet {
  readonly definitions: Tool[];
  readonly #byName: Map<string, McpToolEntry>;

  constructor(entries: McpToolEntry[]) {
    this.#byName = new Map(entries.map((entry) => [entry.qualifiedName, entry]));
    this.definitions = entries.map((entry) => ({
      name: entry.qualifiedName,
      description: entry.tool.description || `${entry.tool.name} (from ${entry.serverName})`,
      input_schema: { type: 'object', ...entry.tool.inputSchema } as Tool.InputSchema,
    }));
  }

  /** The server and tool behind a name Claude used, if it was offered. */
  find(qualifiedName: string): McpToolEntry | undefined {
    return this.#byName.get(qualifiedName);
  }

  /** What the definitions add to every prompt, in characters (for the budget's estimate). */
  get promptChars(): number {
    return JSON.stringify(this.definitions).length;
  }

  /** The tools for a conversation; null when there are none to offer. */
  static for(mcp: McpManager, disabledServers: readonly string[]): ToolSet | null {
    const entries = mcp.tools(disabledServers);
    return entries.length > 0 ? new ToolSet(entries) : null;
  }
}
