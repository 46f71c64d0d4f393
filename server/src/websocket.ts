import type { IncomingMessage, Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from './context.ts';
import type { GraphQLServer } from './graphql-server.ts';

type Enveloped = ReturnType<GraphQLServer['getEnveloped']>;
type Extra = { request: IncomingMessage };

/** A browser page of another site may not open our socket; scripts send no Origin at all. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * graphql-ws on /graphql, every operation run through Yoga's envelop so auth, limits and error
 * masking apply exactly as over HTTP. A connection needs a valid token in connectionParams.
 */
export function attachWebSocket(
  httpServer: Server,
  yoga: GraphQLServer,
  options: { maxPayload: number; isSignedIn(token: string): Promise<boolean> },
) {
  const wss = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: options.maxPayload,
    verifyClient: ({ req }: { req: IncomingMessage }) => sameOrigin(req),
  });
  const server = useServer<Record<string, unknown>, Extra>(
    {
      connectionInitWaitTimeout: 3_000,
      onConnect: async (ctx) => {
        const token = bearerToken(ctx.connectionParams?.authorization);
        return token !== undefined && (await options.isSignedIn(token));
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          req: ctx.extra.request,
          responseCookies: [],
          connectionParams: ctx.connectionParams ?? {},
          params: payload,
        });
        try {
          const document = enveloped.parse(payload.query);
          const errors = enveloped.validate(enveloped.schema, document);
          if (errors.length > 0) return errors;
          const args: ExecutionArgs = {
            schema: enveloped.schema,
            operationName: payload.operationName,
            document,
            variableValues: payload.variables,
            contextValue: await enveloped.contextFactory(),
            rootValue: enveloped,
          };
          return args;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      },
    },
    wss,
  );
  return {
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
