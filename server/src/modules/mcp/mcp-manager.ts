import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/sqlite';
import type { McpToolInfo, McpToolOutcome } from '../../integrations/mcp-client.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import { McpConfigError, readMcpConfig, watchMcpConfig } from './config-file.ts';
import {
  defaultTiming,
  McpConnection,
  type ConnectionTiming,
  type McpServerStatus,
} from './connection.ts';
import { sameEndpoint, type McpServerDefinition } from './definition.ts';
import { definitionOf, McpServer } from './mcp-server.entity.ts';
import { qualifiedToolNames } from './tool-names.ts';

export type McpSource = 'FILE' | 'DATABASE';

/** One configured server as the API shows it. */
export type McpServerEntry = Readonly<{
  /** `db:<id>` or `file:<name>`: stable while the server exists. */
  key: string;
  source: McpSource;
  definition: McpServerDefinition;
  status: McpServerStatus;
  tools: readonly McpToolInfo[];
}>;

/** A tool Claude can be offered, under a name unique across every server. */
export type McpToolEntry = Readonly<{
  qualifiedName: string;
  serverKey: string;
  serverName: string;
  tool: McpToolInfo;
}>;

export type McpManagerOptions = {
  orm: MikroORM;
  logger: Logger;
  pubsub: PubSub;
  configPath: string | undefined;
  timing?: Partial<ConnectionTiming>;
};

type Slot = { key: string; source: McpSource; connection: McpConnection; refused: boolean };

/**
 * The registry of MCP servers, merged from the MCP_CONFIG file (watched) and the database, each
 * with its live connection. The SDK is loaded only when the first server connects.
 */
export class McpManager {
  readonly #slots = new Map<string, Slot>();
  readonly #timing: ConnectionTiming;
  #fileDefinitions: McpServerDefinition[] = [];
  #unwatch: () => void = () => {};
  #reloading: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(private readonly options: McpManagerOptions) {
    this.#timing = { ...defaultTiming, ...options.timing };
  }

  /** Loads both sources and starts connecting in the background; a bad file throws. */
  async start(): Promise<void> {
    const stored = await this.options.orm.em.fork().find(McpServer, {}, { orderBy: { id: 'asc' } });
    for (const server of stored) this.#put(`db:${server.id}`, 'DATABASE', definitionOf(server));
    const path = this.options.configPath;
    if (path) {
      this.#applyFile(readMcpConfig(path));
      this.#unwatch = watchMcpConfig(path, () => void this.reloadFile(), this.options.logger);
    }
  }

  /** Re-reads MCP_CONFIG; a broken file is logged and the servers it had stay as they were. */
  reloadFile(): Promise<void> {
    const path = this.options.configPath;
    if (!path || this.#stopped) return Promise.resolve();
    this.#reloading = this.#reloading.then(async () => {
      try {
        this.#applyFile(readMcpConfig(path));
        this.options.logger.info({ path }, 'MCP_CONFIG reloaded');
      } catch (error) {
        if (!(error instanceof McpConfigError)) throw error;
        this.options.logger.error(error.message + ' (kept the previous servers)');
      }
    });
    return this.#reloading;
  }

  list(): McpServerEntry[] {
    return [...this.#slots.values()]
      .map((slot) => this.#entry(slot))
      .sort((a, b) => a.definition.name.localeCompare(b.definition.name));
  }

  get(key: string): McpServerEntry | undefined {
    const slot = this.#slots.get(key);
    return slot && this.#entry(slot);
  }

  /** The server currently using a name, from either source. */
  byName(name: string): McpServerEntry | undefined {
    return this.list().find((entry) => entry.definition.name === name);
  }

  /** Adds or replaces a database server; the connection is kept when only its name or mode changed. */
  putStored(id: number, definition: McpServerDefinition): McpServerEntry {
    const slot = this.#put(`db:${id}`, 'DATABASE', definition);
    this.#applyFile(this.#fileDefinitions); // a file server may have been waiting for its name
    return this.#entry(slot);
  }

  async removeStored(id: number): Promise<void> {
    await this.#remove(`db:${id}`);
    this.#applyFile(this.#fileDefinitions);
  }

  /** Checks one server now (the admin's "test") and answers when the check is over. */
  async check(key: string): Promise<McpServerEntry | undefined> {
    const slot = this.#slots.get(key);
    if (!slot) return undefined;
    await slot.connection.check();
    return this.#entry(slot);
  }

  /**
   * Every connected, enabled server's tools, except those of the named servers, with names
   * Anthropic accepts that are unique across servers.
   */
  tools(exceptServers: readonly string[] = []): McpToolEntry[] {
    const taken = new Set<string>();
    const tools: McpToolEntry[] = [];
    for (const entry of this.list()) {
      if (entry.status.state !== 'CONNECTED' || exceptServers.includes(entry.definition.name)) {
        continue;
      }
      const names = qualifiedToolNames(
        entry.definition.name,
        entry.tools.map((t) => t.name),
      );
      entry.tools.forEach((tool, index) => {
        let qualifiedName = names[index]!;
        if (taken.has(qualifiedName)) {
          const hash = createHash('sha256').update(`${entry.key}/${tool.name}`).digest('hex');
          qualifiedName = `${qualifiedName.slice(0, 57)}_${hash.slice(0, 6)}`;
        }
        taken.add(qualifiedName);
        tools.push({
          qualifiedName,
          serverKey: entry.key,
          serverName: entry.definition.name,
          tool,
        });
      });
    }
    return tools;
  }

  callTool(
    serverKey: string,
    toolName: string,
    input: Record<string, unknown>,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<McpToolOutcome> {
    const slot = this.#slots.get(serverKey);
    if (!slot) return Promise.reject(new Error('That MCP server was removed.'));
    return slot.connection.callTool(toolName, input, options);
  }

  /** The process id of a stdio server's running process (tests and the admin's diagnostics). */
  pid(key: string): number | null {
    return this.#slots.get(key)?.connection.pid ?? null;
  }

  /** Closes every connection and ends every server process group. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unwatch();
    await this.#reloading.catch(() => {});
    const slots = [...this.#slots.values()];
    this.#slots.clear();
    await Promise.all(slots.map((slot) => slot.connection.close()));
  }

  /** File servers replace the previous file's; a name already used in the app is refused. */
  #applyFile(definitions: McpServerDefinition[]): void {
    this.#fileDefinitions = definitions;
    const keys = new Set(definitions.map((d) => `file:${d.name}`));
    for (const slot of this.#slots.values()) {
      if (slot.source === 'FILE' && !keys.has(slot.key)) void this.#remove(slot.key);
    }
    for (const definition of definitions) {
      const taken = [...this.#slots.values()].some(
        (other) =>
          other.source === 'DATABASE' && other.connection.definition.name === definition.name,
      );
      this.#put(
        `file:${definition.name}`,
        'FILE',
        definition,
        taken
          ? `A server named ${definition.name} was already added in the app; rename one of them.`
          : undefined,
      );
    }
  }

  #put(key: string, source: McpSource, definition: McpServerDefinition, refusal?: string): Slot {
    const existing = this.#slots.get(key);
    if (
      existing &&
      !existing.refused &&
      !refusal &&
      sameEndpoint(existing.connection.definition, definition)
    ) {
      existing.connection.definition = definition; // a new name or approval mode: same process
      this.#changed();
      return existing;
    }
    if (existing) void existing.connection.close();
    const connection = new McpConnection(definition, {
      open: async (...args) =>
        (await import('../../integrations/mcp-client.ts')).openMcpSession(...args),
      logger: this.options.logger,
      timing: this.#timing,
      onChange: () => this.#changed(),
    });
    const slot = { key, source, connection, refused: refusal !== undefined };
    this.#slots.set(key, slot);
    if (refusal) connection.refuse(refusal);
    else void connection.start();
    this.#changed();
    return slot;
  }

  async #remove(key: string): Promise<void> {
    const slot = this.#slots.get(key);
    if (!slot) return;
    this.#slots.delete(key);
    this.#changed();
    await slot.connection.close();
  }

  #entry(slot: Slot): McpServerEntry {
    const { connection } = slot;
    return {
      key: slot.key,
      source: slot.source,
      definition: connection.definition,
      status: connection.status,
      tools: connection.tools,
    };
  }

  #changed(): void {
    if (!this.#stopped) this.options.pubsub.publish('mcpServers', 'all', { kind: 'changed' });
  }
}
