import {
  Client,
  cacheExchange,
  fetchExchange,
  subscriptionExchange,
  type Operation,
} from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createSocketClient } from 'graphql-ws';

const endpoint = '/graphql';

/** What the GraphQL client needs from the signed-in session; set by the session manager. */
export interface SessionLink {
  accessToken(): string | null;
  /** Renews the access token; resolves false when the session could not be renewed. */
  renew(): Promise<boolean>;
}

let session: SessionLink = { accessToken: () => null, renew: async () => false };

export function linkSession(link: SessionLink): void {
  session = link;
}

/** How often an open socket is checked, and how long the server may take to answer the check. */
const PING_EVERY_MS = 15_000;
const PONG_WITHIN_MS = 5_000;
const RECONNECT_MAX_WAIT_MS = 10_000;

let pongDue: ReturnType<typeof setTimeout> | undefined;

// While a subscription is open (a reply streaming in), a dropped socket is reopened for as long as
// it takes, and graphql-ws subscribes again by itself; the server then resends the text so far.
const socket = createSocketClient({
  url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${endpoint}`,
  lazy: true,
  connectionParams: () => {
    const token = session.accessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
  retryAttempts: Infinity,
  shouldRetry: () => true,
  retryWait: async (retries) => {
    const wait = Math.min(1_000 * 2 ** retries, RECONNECT_MAX_WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, wait * (0.75 + Math.random() / 2)));
  },
  // Wi-Fi that drops silently leaves a socket that looks open; an unanswered ping reveals it.
  keepAlive: PING_EVERY_MS,
  on: {
    ping: (received) => {
      if (!received) pongDue = setTimeout(() => socket.terminate(), PONG_WITHIN_MS);
    },
    pong: (received) => {
      if (received) clearTimeout(pongDue);
    },
    closed: () => clearTimeout(pongDue),
  },
});

function sentWithToken(operation: Operation): boolean {
  const options = operation.context.fetchOptions;
  const headers = (typeof options === 'function' ? options() : options)?.headers;
  return !!headers && 'Authorization' in headers;
}

const sessionAuth = authExchange(async (utils) => ({
  addAuthToOperation(operation) {
    const token = session.accessToken();
    return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
  },
  // Only a request that carried a token can be saved by renewing it; a failed sign-in cannot.
  didAuthError(error, operation) {
    return (
      sentWithToken(operation) &&
      error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    );
  },
  async refreshAuth() {
    await session.renew();
  },
}));

const defaults = {
  url: endpoint,
  preferGetMethod: false as const,
  fetchOptions: { credentials: 'same-origin' as const },
};

/** The client every page uses: document cache, bearer token, one renewal and retry on expiry. */
export const client = new Client({
  ...defaults,
  exchanges: [
    cacheExchange,
    sessionAuth,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            return { unsubscribe: socket.subscribe(input, sink) };
          },
        };
      },
    }),
  ],
});

/**
 * Renews the session outside the client above: while that client renews, it holds back every
 * operation, so the renewal itself must not go through it.
 */
export const sessionClient = new Client({ ...defaults, exchanges: [fetchExchange] });
