import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import type { McpToolInfo } from '../../integrations/mcp-client.ts';
import { commandLine, maskSecret } from './command-line.ts';
import { MCP_SERVER_STATES, type McpServerStatus } from './connection.ts';
import { MCP_APPROVAL_MODES, MCP_TRANSPORTS } from './definition.ts';
import type { McpServerEntry, McpToolEntry } from './mcp-manager.ts';

const McpTransport = builder.enumType('McpTransport', { values: MCP_TRANSPORTS });
const McpServerSource = builder.enumType('McpServerSource', {
  values: ['FILE', 'DATABASE'] as const,
});
const McpServerState = builder.enumType('McpServerState', { values: MCP_SERVER_STATES });
const McpApprovalMode = builder.enumType('McpApprovalMode', {
  description: 'AUTO: tools run when Claude calls them. ASK: the user approves each call first.',
  values: MCP_APPROVAL_MODES,
});

type Secret = { name: string; value: string };
const secrets = (map: Readonly<Record<string, string>>): Secret[] =>
  Object.entries(map).map(([name, value]) => ({ name, value }));

const McpSecret = builder.objectRef<Secret>('McpSecret').implement({
  description: 'An environment variable or header; its value is never sent in full.',
  fields: (t) => ({
    name: t.exposeString('name'),
    maskedValue: t.string({ resolve: (s) => maskSecret(s.value) }),
  }),
});

const McpServerStatusRef = builder.objectRef<McpServerStatus>('McpServerStatus').implement({
  fields: (t) => ({
    state: t.expose('state', { type: McpServerState }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why the server is unavailable (or why its last test failed).',
    }),
    toolCount: t.exposeInt('toolCount'),
    lastCheckedAt: t.expose('lastCheckedAt', { type: 'DateTime', nullable: true }),
    retryAt: t.expose('retryAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next reconnection attempt is due, after a failure.',
    }),
  }),
});

type ToolView = { tool: McpToolInfo; serverName: string; qualifiedName: string | null };

const McpToolRef = builder.objectRef<ToolView>('McpTool').implement({
  fields: (t) => ({
    name: t.string({ resolve: (v) => v.tool.name }),
    serverName: t.exposeString('serverName'),
    description: t.string({ resolve: (v) => v.tool.description }),
    inputSchema: t.field({ type: 'JSON', resolve: (v) => v.tool.inputSchema }),
    qualifiedName: t.exposeString('qualifiedName', {
      nullable: true,
      description:
        'The name Claude sees (`<server>__<tool>`); null while the server is not offered.',
    }),
  }),
});

const toolView = (entry: McpToolEntry): ToolView => ({
  tool: entry.tool,
  serverName: entry.serverName,
  qualifiedName: entry.qualifiedName,
});

export const McpServerRef = builder.objectRef<McpServerEntry>('McpServer').implement({
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalID('McpServer', s.key) }),
    name: t.string({ resolve: (s) => s.definition.name }),
    transport: t.field({ type: McpTransport, resolve: (s) => s.definition.transport }),
    command: t.string({ nullable: true, resolve: (s) => s.definition.command }),
    args: t.stringList({ resolve: (s) => [...s.definition.args] }),
    env: t.field({ type: [McpSecret], resolve: (s) => secrets(s.definition.env) }),
    commandLine: t.string({
      nullable: true,
      description: 'How a stdio server is started, shell-quoted, environment values masked.',
      resolve: ({ definition: d }) =>
        d.transport === 'STDIO' ? commandLine(d.command!, d.args, d.env) : null,
    }),
    url: t.string({ nullable: true, resolve: (s) => s.definition.url }),
    headers: t.field({ type: [McpSecret], resolve: (s) => secrets(s.definition.headers) }),
    enabled: t.boolean({ resolve: (s) => s.definition.enabled }),
    approvalMode: t.field({ type: McpApprovalMode, resolve: (s) => s.definition.approvalMode }),
    source: t.field({ type: McpServerSource, resolve: (s) => s.source }),
    status: t.field({ type: McpServerStatusRef, resolve: (s) => s.status }),
    tools: t.field({
      type: [McpToolRef],
      description: 'Its tools as last listed, descriptions in full.',
      resolve: (s, _args, ctx) => {
        const offered = new Map(
          ctx.mcp
            .tools(ctx.viewer)
            .map((entry) => [`${entry.serverKey}/${entry.tool.name}`, entry]),
        );
        return s.tools.map((tool) => {
          const entry = offered.get(`${s.key}/${tool.name}`);
          return entry
            ? toolView(entry)
            : { tool, serverName: s.definition.name, qualifiedName: null };
        });
      },
    }),
  }),
});

const McpCommandLine = builder
  .objectRef<{ commandLine: string; resolvedCommand: string | null }>('McpCommandLine')
  .implement({
    fields: (t) => ({
      commandLine: t.exposeString('commandLine'),
      resolvedCommand: t.exposeString('resolvedCommand', {
        nullable: true,
        description: 'The program that would run; null when the server cannot find it.',
      }),
    }),
  });

const McpVariableInput = builder.inputType('McpVariableInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ description: 'On update, null keeps the value stored under this name.' }),
  }),
});

const fieldHelp = {
  command: 'STDIO: one program name or path, no arguments.',
  args: 'STDIO: the arguments, one per item.',
  env: 'STDIO: environment variables for the process.',
  url: 'HTTP and SSE: the endpoint, http:// or https://.',
  headers: 'HTTP and SSE: headers sent with every request.',
  approvalMode: 'Whether each call waits for the user; default ASK.',
};

const CreateMcpServerInput = builder.inputType('CreateMcpServerInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    transport: t.field({ type: McpTransport, required: true }),
    command: t.string({ description: fieldHelp.command }),
    args: t.stringList({ description: fieldHelp.args }),
    env: t.field({ type: [McpVariableInput], description: fieldHelp.env }),
    url: t.string({ description: fieldHelp.url }),
    headers: t.field({ type: [McpVariableInput], description: fieldHelp.headers }),
    enabled: t.boolean({ description: 'Default true.' }),
    approvalMode: t.field({ type: McpApprovalMode, description: fieldHelp.approvalMode }),
  }),
});

const UpdateMcpServerInput = builder.inputType('UpdateMcpServerInput', {
  description: 'Only the fields given change; env and headers, when given, replace the lists.',
  fields: (t) => ({
    name: t.string(),
    transport: t.field({ type: McpTransport }),
    command: t.string({ description: fieldHelp.command }),
    args: t.stringList({ description: fieldHelp.args }),
    env: t.field({ type: [McpVariableInput], description: fieldHelp.env }),
    url: t.string({ description: fieldHelp.url }),
    headers: t.field({ type: [McpVariableInput], description: fieldHelp.headers }),
    enabled: t.boolean(),
    approvalMode: t.field({ type: McpApprovalMode, description: fieldHelp.approvalMode }),
  }),
});

const McpCommandLineInput = builder.inputType('McpCommandLineInput', {
  fields: (t) => ({
    command: t.string({ required: true }),
    args: t.stringList(),
    env: t.field({ type: [McpVariableInput] }),
  }),
});

/** The registry key inside an McpServer id. */
function serverKey(id: string | number): string {
  try {
    const decoded = decodeGlobalID(String(id));
    if (decoded.typename === 'McpServer') return decoded.id;
  } catch {
    // Falls through.
  }
  throw badInput('That is not an McpServer id.', 'id');
}

async function* followServers(ctx: Context): AsyncGenerator<McpServerEntry[]> {
  ctx.mcp.list(ctx.viewer);
  const signals = ctx.pubsub.subscribe('mcpServers', 'all');
  let signal = signals.next(); // listening before the first list is read
  try {
    for (;;) {
      yield ctx.mcp.list(ctx.viewer);
      await signal;
      signal = signals.next();
    }
  } finally {
    await signals.return();
  }
}

builder.queryFields((t) => ({
  mcpServers: t.field({
    type: [McpServerRef],
    description: 'Every configured MCP server, by name, with its live status.',
    resolve: (_root, _args, ctx) => ctx.mcp.list(ctx.viewer),
  }),
  mcpTools: t.field({
    type: [McpToolRef],
    description: 'The tools Claude is offered now: those of connected, enabled servers.',
    resolve: (_root, _args, ctx) => ctx.mcp.tools(ctx.viewer).map(toolView),
  }),
  mcpCommandLine: t.field({
    type: McpCommandLine,
    description: 'The exact command line a stdio server would run, before saving (admins).',
    args: { input: t.arg({ type: McpCommandLineInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.mcp.previewCommand(ctx.viewer, input),
  }),
}));

builder.mutationFields((t) => ({
  createMcpServer: t.field({
    type: McpServerRef,
    args: { input: t.arg({ type: CreateMcpServerInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.mcp.create(ctx.viewer, input),
  }),
  updateMcpServer: t.field({
    type: McpServerRef,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateMcpServerInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => ctx.mcp.update(ctx.viewer, serverKey(id), input),
  }),
  deleteMcpServer: t.field({
    type: 'ID',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await ctx.mcp.delete(ctx.viewer, serverKey(id));
      return String(id);
    },
  }),
  testMcpServer: t.field({
    type: McpServerRef,
    description: 'Checks the server now: ping and tool list, or an immediate reconnection.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.mcp.test(ctx.viewer, serverKey(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  mcpServers: t.field({
    type: [McpServerRef],
    description: 'Every server with its status: now, then again whenever one changes.',
    subscribe: (_root, _args, ctx) => followServers(ctx),
    resolve: (servers) => servers,
  }),
}));
