import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import {
  MCP_APPROVAL_MODES,
  MCP_TRANSPORTS,
  type McpApprovalMode,
  type McpServerDefinition,
  type McpTransport,
} from './definition.ts';

/** An MCP server the admin added in the app (servers from MCP_CONFIG are not stored). */
export const McpServer = defineEntity({
  name: 'McpServer',
  tableName: 'mcp_servers',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(32).unique(),
    transport: p.enum(() => MCP_TRANSPORTS),
    command: p.string().length(500).nullable(),
    args: p.json<string[]>(),
    /** Environment variables for a stdio server; the API only ever shows them masked. */
    env: p.json<Record<string, string>>().hidden(),
    url: p.string().length(2000).nullable(),
    /** HTTP headers (often a bearer token); the API only ever shows them masked. */
    headers: p.json<Record<string, string>>().hidden(),
    enabled: p.boolean().default(true),
    approvalMode: p.enum(() => MCP_APPROVAL_MODES).default('ASK'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type McpServer = InferEntity<typeof McpServer>;

export function definitionOf(server: McpServer): McpServerDefinition {
  return {
    name: server.name,
    transport: server.transport as McpTransport,
    command: server.command ?? null,
    args: server.args,
    env: server.env,
    url: server.url ?? null,
    headers: server.headers,
    enabled: server.enabled,
    approvalMode: server.approvalMode as McpApprovalMode,
  };
}
