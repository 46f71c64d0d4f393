import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { MikroORM } from '@mikro-orm/sqlite';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import {
  createContextFactory,
  type AppServices,
  type Context,
  type ServerContext,
} from './context.ts';
import type { Logger } from './logger.ts';
import { useRateLimits } from './modules/api-tokens/rate-limits.ts';
import { useScopeGuard } from './modules/api-tokens/scope-guard.ts';
import { schema } from './schema.ts';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'BUDGET_EXCEEDED',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'INTERNAL',
]);

/**
 * Expected errors (ours, and GraphQL's own parse/validation errors) reach the client with a known
 * code; anything else is logged with its cause and replaced by a generic INTERNAL error.
 */
function maskError(logger: Logger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      const code = error.extensions.code;
      if (typeof code === 'string' && KNOWN_CODES.has(code)) return error;
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        positions: error.positions,
        path: error.path,
        extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
      });
    }
    logger.error({ err: original }, 'unexpected error in a GraphQL operation');
    return new GraphQLError('Something went wrong on the server.', {
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL' },
    });
  };
}

/**
 * Parse and validation errors never pass through maskError; give them the contract's code too,
 * so a script only ever sees the codes SPEC.md lists.
 */
const contractCodes: Plugin = {
  onResultProcess({ result }) {
    if (Array.isArray(result) || !('errors' in result) || !result.errors) return;
    for (const error of result.errors) {
      const code = error.extensions?.code;
      if (typeof code !== 'string' || !KNOWN_CODES.has(code)) {
        (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
      }
    }
  },
};

/** Copies the cookies a resolver asked for onto the HTTP response. */
const responseCookies: Plugin<ServerContext> = {
  onResponse({ serverContext, response }) {
    const cookies = (serverContext as Partial<ServerContext> | undefined)?.responseCookies ?? [];
    for (const cookie of cookies) {
      response.headers.append('set-cookie', cookie);
    }
  },
};

export function createGraphQLServer(orm: MikroORM, services: AppServices, logger: Logger) {
  const buildContext = createContextFactory(orm, services);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initial) => buildContext(initial),
    graphiql: false,
    landingPage: false,
    multipart: false,
    cors: false,
    logging: {
      debug: (...args) => logger.debug(args.join(' ')),
      info: (...args) => logger.info(args.join(' ')),
      warn: (...args) => logger.warn(args.join(' ')),
      error: (...args) => logger.error(args.join(' ')),
    },
    maskedErrors: { maskError: maskError(logger) },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        costLimit: { maxCost: 5000 },
        maxAliases: { n: 15 },
        maxDirectives: { n: 25 },
        maxTokens: { n: 3000 },
        blockFieldSuggestion: { enabled: true },
      }),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      responseCookies,
      contractCodes,
      useScopeGuard(),
      useRateLimits(services.rateLimits),
    ],
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
