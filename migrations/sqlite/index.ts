import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124121134_initial } from './Migration20261124121134_initial.ts';
import { Migration20261124124954_conversations } from './Migration20261124124954_conversations.ts';
import { Migration20261124140106_mcp_servers } from './Migration20261124140106_mcp_servers.ts';
import { Migration20261124140130_budgets } from './Migration20261124140130_budgets.ts';
import { Migration20261124140149_api_tokens } from './Migration20261124140149_api_tokens.ts';
import { Migration20261124141608_tool_calls } from './Migration20261124141608_tool_calls.ts';

/** Every SQLite migration in order; the app applies the pending ones on start. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261124121134_initial', class: Migration20261124121134_initial },
  { name: 'Migration20261124124954_conversations', class: Migration20261124124954_conversations },
  { name: 'Migration20261124140106_mcp_servers', class: Migration20261124140106_mcp_servers },
  { name: 'Migration20261124140130_budgets', class: Migration20261124140130_budgets },
  { name: 'Migration20261124140149_api_tokens', class: Migration20261124140149_api_tokens },
  { name: 'Migration20261124141608_tool_calls', class: Migration20261124141608_tool_calls },
];
