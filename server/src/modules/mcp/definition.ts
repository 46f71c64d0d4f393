import { badInput } from '../../errors.ts';
import type { McpEndpoint } from '../../integrations/mcp-client.ts';

export const MCP_TRANSPORTS = ['STDIO', 'HTTP', 'SSE'] as const;
export const MCP_APPROVAL_MODES = ['AUTO', 'ASK'] as const;
export type McpTransport = (typeof MCP_TRANSPORTS)[number];
export type McpApprovalMode = (typeof MCP_APPROVAL_MODES)[number];

/** A checked server definition, the same whether it came from the YAML file or the database. */
export type McpServerDefinition = Readonly<{
  name: string;
  transport: McpTransport;
  command: string | null;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  url: string | null;
  headers: Readonly<Record<string, string>>;
  enabled: boolean;
  approvalMode: McpApprovalMode;
}>;

/** What a caller gives: the YAML entry or the GraphQL input, before checking. */
export type McpServerDraft = {
  name: string;
  transport: McpTransport;
  command?: string | null;
  args?: readonly string[] | null;
  env?: Record<string, string> | null;
  url?: string | null;
  headers?: Record<string, string> | null;
  enabled?: boolean | null;
  approvalMode?: McpApprovalMode | null;
};

// The name qualifies tool names sent to Claude (`<server>__<tool>`, at most 64 characters).
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,31}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
const MAX_ARGS = 64;
const MAX_TEXT = 4_000;
const MAX_ENTRIES = 50;

/** Validates a draft; anything wrong is a BAD_USER_INPUT naming the field. */
export function checkDefinition(draft: McpServerDraft): McpServerDefinition {
  const name = draft.name.trim();
  if (!NAME.test(name)) {
    throw badInput(
      'A server name has 1 to 32 letters, digits, dashes or underscores, starting with a letter or digit.',
      'name',
    );
  }
  const common = {
    name,
    transport: draft.transport,
    enabled: draft.enabled ?? true,
    approvalMode: draft.approvalMode ?? 'ASK',
  };
  if (draft.transport === 'STDIO') {
    return {
      ...common,
      command: checkCommand(draft.command),
      args: checkArgs(draft.args ?? []),
      env: checkEntries(draft.env ?? {}, 'env', ENV_NAME, 'an environment variable name'),
      url: null,
      headers: {},
    };
  }
  return {
    ...common,
    command: null,
    args: [],
    env: {},
    url: checkUrl(draft.url),
    headers: checkEntries(draft.headers ?? {}, 'headers', HEADER_NAME, 'an HTTP header name'),
  };
}

function checkCommand(command: string | null | undefined): string {
  const trimmed = command?.trim() ?? '';
  if (!trimmed) throw badInput('A stdio server needs a command to run.', 'command');
  if (/\s/.test(trimmed) || trimmed.includes('\0')) {
    throw badInput(
      'The command is one program name or path, without spaces; put its arguments in args.',
      'command',
    );
  }
  if (trimmed.length > 500) throw badInput('The command is too long.', 'command');
  return trimmed;
}

function checkArgs(args: readonly string[]): string[] {
  if (args.length > MAX_ARGS) throw badInput(`At most ${MAX_ARGS} arguments.`, 'args');
  for (const arg of args) {
    if (arg.length > MAX_TEXT || arg.includes('\0')) {
      throw badInput(`An argument has at most ${MAX_TEXT} characters.`, 'args');
    }
  }
  return [...args];
}

function checkUrl(url: string | null | undefined): string {
  const trimmed = url?.trim() ?? '';
  if (!trimmed) throw badInput('An HTTP or SSE server needs a URL.', 'url');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw badInput('That URL is not valid.', 'url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badInput('The URL must start with http:// or https://.', 'url');
  }
  if (trimmed.length > 2_000) throw badInput('The URL is too long.', 'url');
  return parsed.href;
}

function checkEntries(
  entries: Record<string, string>,
  field: 'env' | 'headers',
  pattern: RegExp,
  what: string,
): Record<string, string> {
  const names = Object.keys(entries);
  if (names.length > MAX_ENTRIES) throw badInput(`At most ${MAX_ENTRIES} ${field}.`, field);
  for (const name of names) {
    if (!pattern.test(name)) throw badInput(`"${name}" is not ${what}.`, field);
    const value = entries[name]!;
    if (typeof value !== 'string' || value.length > MAX_TEXT || /[\0\r\n]/.test(value)) {
      throw badInput(
        `The value of ${name} must be one line of at most ${MAX_TEXT} characters.`,
        field,
      );
    }
  }
  return { ...entries };
}

export function endpointOf(definition: McpServerDefinition): McpEndpoint {
  return definition.transport === 'STDIO'
    ? {
        transport: 'STDIO',
        command: definition.command!,
        args: [...definition.args],
        env: { ...definition.env },
      }
    : { transport: definition.transport, url: definition.url!, headers: { ...definition.headers } };
}

/** True when two definitions would connect the same way (only `approvalMode` may differ). */
export function sameEndpoint(a: McpServerDefinition, b: McpServerDefinition): boolean {
  return (
    JSON.stringify({ ...endpointOf(a), enabled: a.enabled }) ===
    JSON.stringify({ ...endpointOf(b), enabled: b.enabled })
  );
}
