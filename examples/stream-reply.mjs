#!/usr/bin/env node
// Sends a message to claude-rasp and prints Claude's reply as it is written.
// Node.js 20+, no dependencies: fetch for the API, server-sent events for the stream.
//
//   export RASP_URL=http://raspberrypi.local:3000   # your server
//   export RASP_TOKEN=rasp_...                      # Settings → API tokens, scope CHAT
//   node examples/stream-reply.mjs "What is the capital of Portugal?"
//   node examples/stream-reply.mjs --conversation Q29udmVyc2F0aW9uOjE= "And its population?"
//   echo "Summarise this" | node examples/stream-reply.mjs
//
// The reply goes to stdout, a summary (status, tokens, cost) to stderr. Ctrl-C stops the reply.
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    conversation: { type: 'string', short: 'c' },
    model: { type: 'string', short: 'm' },
  },
  allowPositionals: true,
});
const endpoint = `${(process.env.RASP_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/graphql`;
const token = process.env.RASP_TOKEN;
if (!token) fail('Set RASP_TOKEN to an API token (Settings → API tokens).');

const message = positionals.length > 0 ? positionals.join(' ') : await readStdin();
if (!message.trim()) fail('Usage: node examples/stream-reply.mjs [--conversation ID] "message"');

const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

/** One query or mutation; a GraphQL error ends the script with its code and message. */
async function graphql(query, variables = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    const [error] = body.errors;
    fail(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  }
  return body.data;
}

/** Runs a subscription over server-sent events and yields each result as it arrives. */
async function* subscribe(query, variables) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { ...headers, accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok || !response.body) fail(`The server answered ${response.status}.`);
  let buffer = '';
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: *(.*)$/m.exec(event)?.[1];
      if (type === 'complete') return;
      const data = [...event.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (type === 'next' && data) yield JSON.parse(data);
    }
  }
}

const { appInfo } = await graphql('{ appInfo { currency } }');
const conversationId =
  values.conversation ??
  (await graphql('mutation { createConversation(input: {}) { id } }')).createConversation.id;
const { sendMessage } = await graphql(
  `
    mutation Send($input: SendMessageInput!) {
      sendMessage(input: $input) {
        assistantMessage {
          id
        }
      }
    }
  `,
  { input: { conversationId, content: message, model: values.model } },
);
const messageId = sendMessage.assistantMessage.id;

// Generation runs on the server: Ctrl-C asks it to stop, and the partial reply is kept.
process.once('SIGINT', () => {
  void graphql('mutation Stop($id: ID!) { stopGeneration(messageId: $id) { id } }', {
    id: messageId,
  });
});

let final;
let printed = 0;
for await (const result of subscribe(
  `subscription Follow($id: ID!) {
    messageStream(messageId: $id) {
      ... on MessageDelta { text offset }
      ... on MessageCompleted {
        message { content status stopReason error inputTokens outputTokens cost }
      }
    }
  }`,
  { id: messageId },
)) {
  if (result.errors) fail(`${result.errors[0].extensions?.code}: ${result.errors[0].message}`);
  const event = result.data.messageStream;
  if (event.text !== undefined) {
    process.stdout.write(event.text.slice(Math.max(0, printed - event.offset)));
    printed = Math.max(printed, event.offset + event.text.length);
  }
  if (event.message) final = event.message;
}
// A reply that ended before we subscribed arrives whole, in MessageCompleted.
if (final) process.stdout.write(final.content.slice(printed));
process.stdout.write('\n');
if (!final) fail('The stream ended before the reply was complete.');
const cost = `${final.cost.toFixed(4)} ${appInfo.currency}`;
console.error(
  `[${final.status}${final.status !== 'COMPLETE' && final.stopReason ? ` (${final.stopReason})` : ''} · ${final.inputTokens} in, ${final.outputTokens} out · ${cost} · conversation ${conversationId}]`,
);
if (final.error) console.error(final.error);
process.exit(final.status === 'COMPLETE' ? 0 : 1);

async function readStdin() {
  if (process.stdin.isTTY) return '';
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) text += chunk;
  return text;
}

function fail(reason) {
  console.error(reason);
  process.exit(1);
}
