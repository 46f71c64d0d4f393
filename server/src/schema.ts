import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './modules/app/app-info.schema.ts';
import './modules/users/users.schema.ts';
import './modules/auth/auth.schema.ts';
import './modules/models/models.schema.ts';
import './modules/conversations/conversations.schema.ts';
import './modules/chat/chat.schema.ts';
import './modules/chat/tool-calls.schema.ts';
import './modules/mcp/mcp.schema.ts';
import './modules/budget/budget.schema.ts';
import './modules/usage/usage.schema.ts';
import './modules/api-tokens/api-tokens.schema.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
