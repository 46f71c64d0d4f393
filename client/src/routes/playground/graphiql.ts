// Loaded only when a signed-in user opens the playground: React and GraphiQL stay out of the app.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createClient } from 'graphql-ws';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from '$lib/state/session.svelte';

const endpoint = '/graphql';

/** The code of the first error of a JSON response, if it has one. */
async function errorCode(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const body = (await response.clone().json()) as {
      errors?: { extensions?: { code?: unknown } }[];
    };
    return body.errors?.[0]?.extensions?.code;
  } catch {
    return undefined;
  }
}

/**
 * Sends each request as the signed-in user, with the app's own access token, renewed the way the
 * app renews it (one refresh at a time across tabs). An Authorization header typed into the
 * headers editor wins, so an API token can be tried out here too.
 */
async function fetchAsViewer(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const own = headers.has('authorization');
  const send = () => {
    if (!own && session.accessToken) headers.set('authorization', `Bearer ${session.accessToken}`);
    return fetch(input, { ...init, headers, credentials: 'same-origin' });
  };
  const response = await send();
  if (own || (await errorCode(response)) !== 'UNAUTHENTICATED') return response;
  const renewal = await session.renew();
  if (renewal === 'ended') session.end();
  return renewal === 'renewed' ? send() : response;
}

/** GraphiQL's saved tabs and history, kept apart for each user of this browser. */
function storageFor(userId: string): Storage {
  const prefix = `claude-rasp:playground:${userId}:`;
  const ownKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    key: (index) => ownKeys()[index]?.slice(prefix.length) ?? null,
    clear: () => ownKeys().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
}

function welcome(username: string): string {
  return `# The claude-rasp API playground, signed in as ${username}:
# everything here runs as you.
#
# Ctrl-Enter runs an operation. The book icon on the left
# opens the schema's documentation.
#
# Subscriptions work here too; follow a reply as it is written:
#   subscription {
#     messageStream(messageId: "…") {
#       ... on MessageDelta { text }
#     }
#   }
#
# Scripts send an API token (Settings → API tokens) instead:
#   Authorization: Bearer rasp_…

query Me {
  viewer {
    username
    isAdmin
  }
  conversations(first: 5) {
    edges {
      node {
        id
        title
        updatedAt
      }
    }
  }
}
`;
}

/** Renders GraphiQL into the element; returns what unmounts it again. */
export function mountGraphiQL(element: HTMLElement, user: { id: string; username: string }) {
  const socket = createClient({
    url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${endpoint}`,
    lazy: true,
    connectionParams: () =>
      session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  const fetcher = createGraphiQLFetcher({
    url: endpoint,
    fetch: fetchAsViewer as typeof fetch,
    wsClient: socket,
  });
  const root = createRoot(element);
  root.render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: welcome(user.username),
      storage: storageFor(user.id),
      shouldPersistHeaders: false,
    }),
  );
  return () => {
    root.unmount();
    void socket.dispose();
  };
}
