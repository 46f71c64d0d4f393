import type { IncomingMessage } from 'node:http';
import type { Config } from './config.ts';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { unauthenticated } from './errors.ts';
import { clientInfo, isHttps } from './http/client-info.ts';
import type { AppInfo } from './modules/app/app-info.schema.ts';
import { ApiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { authenticateBearer } from './modules/api-tokens/bearer.ts';
import { AuthService, type AuthDependencies } from './modules/auth/auth.service.ts';
import { readRefreshCookie, refreshCookie } from './modules/auth/refresh-cookie.ts';
import type { ClientInfo } from './modules/auth/sessions.ts';
import { BudgetService } from './modules/budget/budget.service.ts';
import { ChatService, type ChatDependencies } from './modules/chat/chat.service.ts';
import type { Generations } from './modules/chat/generations.ts';
import { ToolCallsService } from './modules/chat/tool-calls.service.ts';
import { ConversationsService } from './modules/conversations/conversations.service.ts';
import type { McpManager } from './modules/mcp/mcp-manager.ts';
import { McpService } from './modules/mcp/mcp.service.ts';
import type { ModelCatalog } from './modules/models/models.service.ts';
import { UsageService } from './modules/usage/usage.service.ts';
import { UsersService } from './modules/users/users.service.ts';
import type { PubSub } from './pubsub.ts';
import type { Viewer } from './viewer.ts';

/** What the HTTP and WebSocket layers hand to Yoga for each operation. */
export type ServerContext = {
  req: IncomingMessage;
  responseCookies: string[];
  connectionParams?: Readonly<Record<string, unknown>>;
};

/** Converts what Anthropic charges (USD) into the configured currency. */
export type Money = { currency: string; fromUsd(usd: number): number };

export type AppServices = {
  auth: AuthDependencies;
  chat: ChatDependencies;
  money: Money;
  appInfo: AppInfo;
  rateLimits: Config['rateLimits'];
  mcp: McpManager;
};

export type Context = {
  viewer: Viewer | null;
  em: EntityManager;
  client: ClientInfo;
  refreshToken: string | undefined;
  setRefreshToken(token: string | null): void;
  auth: AuthService;
  apiTokens: ApiTokensService;
  users: UsersService;
  conversations: ConversationsService;
  chat: ChatService;
  catalog: ModelCatalog;
  generations: Generations;
  pubsub: PubSub;
  money: Money;
  appInfo: AppInfo;
  budget: BudgetService;
  usage: UsageService;
  mcp: McpService;
  toolCalls: ToolCallsService;
};

export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/** Builds each operation's context: a forked EntityManager, the services and the viewer. */
export function createContextFactory(orm: MikroORM, services: AppServices) {
  return async (server: ServerContext): Promise<Context> => {
    const em = orm.em.fork();
    const auth = new AuthService(em, services.auth);
    const header = server.connectionParams
      ? server.connectionParams.authorization
      : server.req.headers.authorization;
    const token = bearerToken(header);
    if (header !== undefined && token === undefined) {
      throw unauthenticated('The Authorization header must be "Bearer <token>".');
    }
    const viewer = token ? await authenticateBearer(em, services.auth, token) : null;
    const secure = isHttps(server.req);
    const { catalog, generations, pubsub, defaultModel } = services.chat;
    return {
      viewer,
      em,
      client: clientInfo(server.req),
      refreshToken: readRefreshCookie(server.req.headers.cookie),
      setRefreshToken: (value) => server.responseCookies.push(refreshCookie(value, secure)),
      auth,
      apiTokens: new ApiTokensService(em),
      users: new UsersService(em, generations),
      conversations: new ConversationsService(em, catalog, defaultModel),
      chat: new ChatService(em, services.chat),
      catalog,
      generations,
      pubsub,
      money: services.money,
      appInfo: services.appInfo,
      budget: new BudgetService(em, services.chat.budgets),
      usage: new UsageService(em, services.chat.budgets),
      mcp: new McpService(em, services.mcp),
      toolCalls: new ToolCallsService(em, generations),
    };
  };
}
