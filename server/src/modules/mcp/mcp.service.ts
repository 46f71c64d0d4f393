import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sqlite';
import { badInput, notFound } from '../../errors.ts';
import { requireAdmin, requireViewer, type Viewer } from '../../viewer.ts';
import { commandLine, resolveCommand } from './command-line.ts';
import { checkDefinition, type McpApprovalMode, type McpTransport } from './definition.ts';
import type { McpManager, McpServerEntry, McpToolEntry } from './mcp-manager.ts';
import { definitionOf, McpServer } from './mcp-server.entity.ts';

/** An environment variable or a header; on update, a null value keeps the stored one. */
export type McpVariable = { name: string; value?: string | null };

export type McpServerInput = {
  name: string;
  transport: McpTransport;
  command?: string | null;
  args?: string[] | null;
  env?: McpVariable[] | null;
  url?: string | null;
  headers?: McpVariable[] | null;
  enabled?: boolean | null;
  approvalMode?: McpApprovalMode | null;
};

export type McpServerChanges = {
  [K in keyof McpServerInput]?: McpServerInput[K] | null;
};

export type CommandInput = { command: string; args?: string[] | null; env?: McpVariable[] | null };
export type CommandPreview = { commandLine: string; resolvedCommand: string | null };

/** Variables as a map; a missing value is the stored one (or an error when there is none). */
function variables(
  list: McpVariable[],
  field: 'env' | 'headers',
  stored: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { name, value } of list) {
    const key = name.trim();
    if (key in map) throw badInput(`${key} is given twice.`, field);
    const kept = value ?? stored[key];
    if (kept === undefined) throw badInput(`Give ${key} a value.`, field);
    map[key] = kept;
  }
  return map;
}

export class McpService {
  constructor(
    private readonly em: EntityManager,
    private readonly manager: McpManager,
  ) {}

  list(viewer: Viewer | null): McpServerEntry[] {
    requireViewer(viewer);
    return this.manager.list();
  }

  /** The tools Claude can be offered now: those of connected, enabled servers. */
  tools(viewer: Viewer | null): McpToolEntry[] {
    requireViewer(viewer);
    return this.manager.tools();
  }

  /** The exact command line a stdio server would be started with, and the program it finds. */
  previewCommand(viewer: Viewer | null, input: CommandInput): CommandPreview {
    requireAdmin(viewer);
    const definition = checkDefinition({
      ...input,
      name: 'preview',
      transport: 'STDIO',
      // Values kept from the stored server (null here) are masked in the line anyway.
      env: Object.fromEntries((input.env ?? []).map((v) => [v.name.trim(), v.value ?? ''])),
    });
    return {
      commandLine: commandLine(definition.command!, definition.args, definition.env),
      resolvedCommand: resolveCommand(definition.command!, definition.env.PATH),
    };
  }

  async create(viewer: Viewer | null, input: McpServerInput): Promise<McpServerEntry> {
    requireAdmin(viewer);
    const definition = checkDefinition({
      ...input,
      env: variables(input.env ?? [], 'env'),
      headers: variables(input.headers ?? [], 'headers'),
    });
    this.#checkNameFree(definition.name);
    const server = this.em.create(McpServer, { ...definition, args: [...definition.args] });
    await this.#flush(definition.name);
    return this.manager.putStored(server.id, definition);
  }

  async update(
    viewer: Viewer | null,
    key: string,
    changes: McpServerChanges,
  ): Promise<McpServerEntry> {
    requireAdmin(viewer);
    const server = await this.#stored(key);
    const current = definitionOf(server);
    const definition = checkDefinition({
      name: changes.name ?? current.name,
      transport: changes.transport ?? current.transport,
      command: changes.command !== undefined ? changes.command : current.command,
      args: changes.args ?? current.args,
      env: changes.env ? variables(changes.env, 'env', current.env) : current.env,
      url: changes.url !== undefined ? changes.url : current.url,
      headers: changes.headers
        ? variables(changes.headers, 'headers', current.headers)
        : current.headers,
      enabled: changes.enabled ?? current.enabled,
      approvalMode: changes.approvalMode ?? current.approvalMode,
    });
    if (definition.name !== current.name) this.#checkNameFree(definition.name);
    this.em.assign(server, { ...definition, args: [...definition.args] });
    await this.#flush(definition.name);
    return this.manager.putStored(server.id, definition);
  }

  async delete(viewer: Viewer | null, key: string): Promise<void> {
    requireAdmin(viewer);
    const server = await this.#stored(key);
    await this.em.removeAndFlush(server);
    await this.manager.removeStored(server.id);
  }

  /** Checks the server now and answers with its fresh status. */
  async test(viewer: Viewer | null, key: string): Promise<McpServerEntry> {
    requireAdmin(viewer);
    const entry = await this.manager.check(key);
    if (!entry) throw notFound('That MCP server');
    return entry;
  }

  /** A database server by key; a file server is read-only here. */
  async #stored(key: string): Promise<McpServer> {
    const entry = this.manager.get(key);
    if (entry?.source === 'FILE') {
      throw badInput(
        `${entry.definition.name} is defined in the MCP_CONFIG file; change it there.`,
        'id',
      );
    }
    const id = /^db:(\d+)$/.exec(key)?.[1];
    const server = id ? await this.em.findOne(McpServer, Number(id)) : null;
    if (!server) throw notFound('That MCP server');
    return server;
  }

  #checkNameFree(name: string): void {
    const owner = this.manager.byName(name);
    if (owner) {
      throw badInput(
        `A server named ${name} already exists${owner.source === 'FILE' ? ' in the MCP_CONFIG file' : ''}.`,
        'name',
      );
    }
  }

  async #flush(name: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        throw badInput(`A server named ${name} already exists.`, 'name');
      }
      throw error;
    }
  }
}
