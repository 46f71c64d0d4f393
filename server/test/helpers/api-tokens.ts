import { gql } from './graphql.ts';

export const API_TOKEN_FIELDS = 'id name scopes prefix createdAt lastUsedAt expiresAt revokedAt';

export type ApiScope = 'READ' | 'CHAT' | 'ADMIN';

/** Creates an API token as a signed-in user; returns the secret and the listed token. */
export async function createApiToken(
  url: string,
  sessionToken: string,
  input: { name?: string; scopes: ApiScope[]; expiresAt?: string | null },
) {
  const result = await gql(
    url,
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ${API_TOKEN_FIELDS} } } }`,
    { input: { name: 'test script', ...input } },
    { token: sessionToken },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createApiToken as {
    token: string;
    apiToken: { id: string; scopes: ApiScope[]; prefix: string } & Record<string, unknown>;
  };
}

export type SseEvent = { event: string; data: any };

/** Runs an operation over server-sent events and collects every event until the stream ends. */
export async function sse(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; contentType: string | null; events: SseEvent[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const events: SseEvent[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    const event = lines
      .find((l) => l.startsWith('event:'))
      ?.slice(6)
      .trim();
    const data = lines
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (event) events.push({ event, data: data ? JSON.parse(data) : null });
  }
  return { status: response.status, contentType: response.headers.get('content-type'), events };
}
