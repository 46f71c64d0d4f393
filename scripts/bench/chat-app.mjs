// The chat API as a client uses it: HTTP for mutations, graphql-ws for the streamed reply.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './graphql.mjs';

const SETUP_ADMIN = `mutation($input: SetupAdminInput!){ setupAdmin(input:$input){ accessToken } }`;
const CREATE_CONVERSATION = `mutation { createConversation(input: {}) { id } }`;
const SEND_MESSAGE = `mutation($input: SendMessageInput!) {
  sendMessage(input: $input) { assistantMessage { id status } }
}`;
const MESSAGE_STREAM = `subscription($id: ID!) {
  messageStream(messageId: $id) {
    __typename
    ... on MessageDelta { text offset }
    ... on MessageCompleted { message { status content outputTokens } }
  }
}`;
const ADMIN = { username: 'bench', email: 'bench@example.com', password: 'bench password 1' };

/** Creates the first account on a fresh server; resolves with its access token. */
export async function signInAsAdmin(url) {
  const { setupAdmin } = await graphql(url, SETUP_ADMIN, { input: ADMIN });
  return setupAdmin.accessToken;
}

export async function createConversation(url, token) {
  const { createConversation } = await graphql(url, CREATE_CONVERSATION, {}, token);
  return createConversation.id;
}

/** A graphql-ws connection, open and acknowledged, as a browser tab keeps one. */
export function openSocket(url, token) {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: reject,
      on: { connected: () => resolve(client) },
    });
  });
}

/**
 * Sends `content` and follows the reply on `socket` until it is stored. Times: `startedAt` when
 * the POST began, `answeredAt` when it answered, `subscribedAt` when the first event arrived; each
 * piece of text is kept as `{ end, at }`: the length it completes and when it arrived. Deltas may
 * be coalesced but never skip or repeat text; a subscriber too late for the stream gets the text
 * in MessageCompleted, which then counts as its arrival.
 */
export async function sendAndFollow(app, socket, conversationId, content) {
  const startedAt = performance.now();
  const { sendMessage } = await graphql(
    app.url,
    SEND_MESSAGE,
    { input: { conversationId, content } },
    app.token,
  );
  const answeredAt = performance.now();
  const reply = {
    startedAt,
    answeredAt,
    subscribedAt: undefined,
    arrivals: [],
    textInCompleted: false,
  };
  let length = 0;
  /** Keeps the text an event brings; false when it skips or repeats text. */
  const record = (event, at) => {
    reply.subscribedAt ??= at;
    if (event.__typename === 'MessageDelta') {
      if (event.offset !== length) return false;
      if (!event.text) return true; // the first delta is empty while nothing is written yet
      length += event.text.length;
    } else {
      if (event.message.content.length <= length) return true;
      reply.textInCompleted = true;
      length = event.message.content.length;
    }
    reply.arrivals.push({ end: length, at });
    return true;
  };
  const message = await new Promise((resolve, reject) => {
    let completed;
    const fail = (detail) => reject(new Error(`messageStream: ${detail}`));
    socket.subscribe(
      { query: MESSAGE_STREAM, variables: { id: sendMessage.assistantMessage.id } },
      {
        next: ({ data, errors }) => {
          const at = performance.now();
          const event = data?.messageStream;
          if (errors || !event) return fail(JSON.stringify(errors));
          if (event.__typename === 'MessageCompleted') completed = event.message;
          if (!record(event, at)) fail(`text out of order at ${event.offset ?? 'the end'}`);
        },
        error: (error) => (error instanceof Error ? reject(error) : fail(JSON.stringify(error))),
        complete: () => (completed ? resolve(completed) : fail('ended early')),
      },
    );
  });
  if (message.status !== 'COMPLETE' || message.content.length !== length) {
    throw new Error(
      `a reply ended ${message.status} with ${message.content.length} characters stored and ${length} streamed`,
    );
  }
  return { ...reply, message };
}
