import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startFakeAnthropic, type FakeAnthropic } from '../fake-anthropic/server.ts';
import { gql, setupAdmin } from './graphql.ts';
import { startServer, type TestServer } from './server.ts';

export const MESSAGE_FIELDS =
  'id role content status stopReason error model inputTokens outputTokens cacheReadTokens cacheWriteTokens cost createdAt';

export type ChatWorld = {
  server: TestServer;
  fake: FakeAnthropic;
  admin: Awaited<ReturnType<typeof setupAdmin>>;
  stop(): Promise<void>;
};

/** A started server whose Anthropic API is the local fake, with the admin signed in. */
export async function startChatWorld(
  env: Record<string, string> = {},
  options: { clientDir?: string } = {},
): Promise<ChatWorld> {
  const fake = await startFakeAnthropic({ apiKey: 'test-key' });
  const server = await startServer(
    {
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: fake.url,
      ...env,
    },
    options,
  );
  const admin = await setupAdmin(server.url);
  return {
    server,
    fake,
    admin,
    async stop() {
      await server.stop();
      await fake.stop();
    },
  };
}

export async function createConversation(
  url: string,
  token: string,
  input: Record<string, unknown> = {},
) {
  const result = await gql(
    url,
    'mutation($input: CreateConversationInput!) { createConversation(input: $input) { id title model } }',
    { input },
    { token },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createConversation as { id: string; title: string | null; model: string };
}

export function sendMessage(url: string, token: string, input: Record<string, unknown>) {
  return gql(
    url,
    `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { ${MESSAGE_FIELDS} } assistantMessage { ${MESSAGE_FIELDS} } } }`,
    { input },
    { token },
  );
}

export function wsClient(url: string, token: string): Client {
  return createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

export type StreamResult = {
  events: any[];
  deltas: { text: string; offset: number }[];
  completed: any;
};

/** Follows messageStream to its end and collects every event. */
export function followStream(
  client: Client,
  messageId: string,
  onEvent?: (e: any) => void,
): Promise<StreamResult> {
  const events: any[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe(
      {
        query: `subscription($id: ID!) { messageStream(messageId: $id) {
          __typename ... on MessageDelta { text offset } ... on MessageCompleted { message { ${MESSAGE_FIELDS} } } } }`,
        variables: { id: messageId },
      },
      {
        next: (value) => {
          if (value.errors) return reject(value.errors);
          events.push(value.data!.messageStream);
          onEvent?.(value.data!.messageStream);
        },
        error: reject,
        complete: () =>
          resolve({
            events,
            deltas: events.filter((e) => e.__typename === 'MessageDelta'),
            completed: events.find((e) => e.__typename === 'MessageCompleted')?.message,
          }),
      },
    );
  });
}

export const joined = (deltas: { text: string; offset: number }[]) => {
  let text = '';
  for (const d of deltas) text = text.slice(0, d.offset) + d.text;
  return text;
};
