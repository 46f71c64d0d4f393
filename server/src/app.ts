import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/sqlite';
import { ConfigError, type Config } from './config.ts';
import { openDatabase } from './db.ts';
import { createGraphQLServer } from './graphql-server.ts';
import { contentSecurityPolicy, setSecurityHeaders } from './http/security-headers.ts';
import { staticClient } from './http/static-client.ts';
import { createLogger, type Logger } from './logger.ts';
import { createAnthropic } from './integrations/anthropic.ts';
import { AccessTokens } from './modules/auth/access-tokens.ts';
import { authenticateBearer } from './modules/api-tokens/bearer.ts';
import { LoginThrottle } from './modules/auth/login-throttle.ts';
import { Budgets } from './modules/budget/budgets.ts';
import { Generations } from './modules/chat/generations.ts';
import { readMcpConfig } from './modules/mcp/config-file.ts';
import { McpManager } from './modules/mcp/mcp-manager.ts';
import { failInterruptedReplies } from './modules/chat/recovery.ts';
import { ModelCatalog } from './modules/models/models.service.ts';
import { inCurrency } from './modules/models/pricing.ts';
import { clientBuildDir, version } from './paths.ts';
import { createPubSub } from './pubsub.ts';
import { attachWebSocket } from './websocket.ts';

/** Requests to /graphql may carry at most this much; the longest chat message fits well within. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type App = {
  start(): Promise<string>;
  stop(): Promise<void>;
  readonly url: string;
  readonly logger: Logger;
};

export function buildApp(config: Config, options: { clientDir?: string } = {}): App {
  const catalog = new ModelCatalog(config.pricesFile);
  if (!catalog.table.models[config.defaultModel]) {
    throw new ConfigError(
      `Invalid configuration: DEFAULT_MODEL ("${config.defaultModel}") is not in the price table; use one of ${catalog
        .list()
        .map((m) => m.id)
        .join(', ')}`,
    );
  }
  const logger = createLogger(config);
  const client = staticClient(options.clientDir ?? clientBuildDir);
  const csp = contentSecurityPolicy(client.indexHtml);
  const generations = new Generations();
  let orm: MikroORM | undefined;
  let budgets: Budgets | undefined;
  let mcp: McpManager | undefined;
  // A broken MCP_CONFIG stops the start here, with one line naming the entry.
  if (config.mcpConfigPath) readMcpConfig(config.mcpConfigPath);
  let url = '';
  let closeWebSocket = async () => {};

  const httpServer = createServer();
  httpServer.requestTimeout = 60_000;
  httpServer.headersTimeout = 20_000;

  async function health(res: ServerResponse) {
    let database = 'ok';
    try {
      await orm!.em.fork().getConnection().execute('select 1');
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      database = 'unreachable';
    }
    res.writeHead(database === 'ok' ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify({ status: database === 'ok' ? 'ok' : 'degraded', database, version }));
  }

  /** Refuses what Yoga should never have to read: oversized or unmeasured request bodies. */
  function refuseBody(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') return false;
    const length = Number(req.headers['content-length'] ?? NaN);
    if (Number.isNaN(length)) {
      res.writeHead(411, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [
            { message: 'Send a Content-Length header.', extensions: { code: 'BAD_USER_INPUT' } },
          ],
        }),
      );
      return true;
    }
    if (length > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(
        JSON.stringify({
          errors: [
            {
              message: `The request is larger than ${MAX_BODY_BYTES} bytes.`,
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        }),
      );
      return true;
    }
    return false;
  }

  return {
    get url() {
      return url;
    },
    logger,
    async start() {
      orm = await openDatabase(config, logger);
      await failInterruptedReplies(orm, logger);
      const auth = {
        accessTokens: new AccessTokens(config.jwtSecret),
        loginThrottle: new LoginThrottle(),
      };
      const pubsub = createPubSub();
      budgets = new Budgets({
        orm,
        config,
        pubsub,
        logger,
        defaultPrice: catalog.price(config.defaultModel),
      });
      mcp = new McpManager({ orm, logger, pubsub, configPath: config.mcpConfigPath });
      await mcp.start();
      const chat = {
        orm,
        anthropic: createAnthropic(config),
        catalog,
        generations,
        pubsub,
        budgets,
        logger,
        defaultModel: config.defaultModel,
        maxOutputTokens: config.maxOutputTokens,
        mcp,
        toolSettings: config.mcpTools,
      };
      const money = {
        currency: config.cost.currency,
        fromUsd: (usd: number) => inCurrency(usd, config.cost.usdRate),
      };
      const appInfo = {
        version,
        demoMode: config.demoMode,
        chatAvailable: chat.anthropic !== null,
        currency: config.cost.currency,
        budgetTimeZone: config.budgetTimeZone,
      };
      const services = { auth, chat, money, appInfo, rateLimits: config.rateLimits, mcp };
      const yoga = createGraphQLServer(orm, services, logger);
      httpServer.on('request', (req, res) => {
        setSecurityHeaders(res, csp);
        const path = (req.url ?? '/').split('?')[0];
        if (path === '/healthz') return void health(res);
        if (path === yoga.graphqlEndpoint) {
          if (refuseBody(req, res)) return;
          return void yoga(req, res, { req, responseCookies: [] });
        }
        client.serve(req, res);
      });
      const websocket = attachWebSocket(httpServer, yoga, {
        maxPayload: MAX_BODY_BYTES,
        isSignedIn: (token) =>
          authenticateBearer(orm!.em.fork(), auth, token).then(
            () => true,
            () => false,
          ),
      });
      closeWebSocket = () => websocket.close();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
      logger.info({ url, version, database: config.databasePath }, 'claude-rasp is listening');
      if (!config.anthropic.apiKey)
        logger.warn('ANTHROPIC_API_KEY is not set: chat is unavailable');
      return url;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await generations.stopAll();
      await budgets?.close();
      await mcp?.stop(); // ends every stdio server's process group
      await closeWebSocket();
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(force);
      await orm?.close();
      logger.info('claude-rasp stopped');
      logger.flush();
    },
  };
}
