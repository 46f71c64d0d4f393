// The two ways a reply reaches a client in the latency bench: the SDK reading the fake upstream
// directly, and the app relaying it (sendMessage, then messageStream over graphql-ws). Both give
// the same record: `startedAt`, and `arrivals` of `{ end, at }` (text length so far, arrival time).
import { createConversation, sendAndFollow } from './chat-app.mjs';
import { promptFor } from './chat-fake.mjs';

export const directly = (anthropic) => ({
  name: 'SDK direct',
  prepare: async (streams) =>
    Array.from({ length: streams }, () => (streamId) => sdkReply(anthropic, streamId)),
});

async function sdkReply(anthropic, streamId) {
  const startedAt = performance.now();
  const stream = await anthropic.messages.create({
    model: 'claude-sonnet-5-5',
    max_tokens: 4096,
    stream: true,
    messages: [{ role: 'user', content: promptFor(streamId) }],
  });
  const arrivals = [];
  let end = 0;
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      const at = performance.now();
      end += event.delta.text.length;
      arrivals.push({ end, at });
    }
  }
  return { startedAt, arrivals };
}

/** Each stream on its own socket and in a fresh conversation, as that many users would. */
export const throughApp = (app, sockets) => ({
  name: 'app',
  prepare: async (streams) => {
    const conversations = await Promise.all(
      Array.from({ length: streams }, () => createConversation(app.url, app.token)),
    );
    return conversations.map(
      (conversationId, i) => (streamId) =>
        sendAndFollow(app, sockets[i], conversationId, promptFor(streamId)),
    );
  },
});
