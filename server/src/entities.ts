import { ApiToken } from './modules/api-tokens/api-token.entity.ts';
import { RefreshToken, Session } from './modules/auth/session.entity.ts';
import { BudgetAlert } from './modules/budget/budget-alert.entity.ts';
import { GlobalLimit, UserLimit } from './modules/budget/limits.entity.ts';
import { UsageRecord } from './modules/budget/usage-record.entity.ts';
import { Conversation } from './modules/conversations/conversation.entity.ts';
import { ToolCall } from './modules/chat/tool-call.entity.ts';
import { Message } from './modules/conversations/message.entity.ts';
import { McpServer } from './modules/mcp/mcp-server.entity.ts';
import { User } from './modules/users/user.entity.ts';

/** Every entity the ORM knows; a new one is added here and gets a migration in migrations/. */
export const entities = [
  User,
  Session,
  RefreshToken,
  Conversation,
  Message,
  ApiToken,
  UsageRecord,
  UserLimit,
  GlobalLimit,
  BudgetAlert,
  McpServer,
  ToolCall,
];
