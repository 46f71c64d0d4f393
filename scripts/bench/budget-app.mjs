// The money API as the budget benchmarks use it: members, limits, refusable sends, stored replies.
import { graphql } from './graphql.mjs';

const CREATE_USER = `mutation($input: CreateUserInput!){ createUser(input:$input){ id } }`;
const LOGIN = `mutation($input: LoginInput!){ login(input:$input){ accessToken } }`;
const SET_LIMITS = `mutation($input: SetLimitsInput!){ setLimits(input:$input){ dailyLimit } }`;
const SEND_MESSAGE = `mutation($input: SendMessageInput!) {
  sendMessage(input: $input) { assistantMessage { id } }
}`;
const STORED_REPLY = `subscription($id: ID!) {
  messageStream(messageId: $id) {
    __typename
    ... on MessageCompleted { message { status stopReason } }
  }
}`;
const SPENT = `query($from: Date!, $to: Date!) {
  usage(from: $from, to: $to, granularity: DAY) { totals { cost } }
}`;

/** The budget days are UTC in these benchmarks (BUDGET_TIMEZONE=UTC), so today is UTC's. */
export const today = () => new Date().toISOString().slice(0, 10);

export const memberPassword = (username) => `${username} password 1`;

/** Creates a member (admin only); resolves with their global id. */
export async function createMember(url, adminToken, username) {
  const input = { username, email: `${username}@example.com`, password: memberPassword(username) };
  const { createUser } = await graphql(url, CREATE_USER, { input }, adminToken);
  return createUser.id;
}

export async function signIn(url, username) {
  const input = { username, password: memberPassword(username) };
  const { login } = await graphql(url, LOGIN, { input });
  return login.accessToken;
}

/** Limits in the configured currency (dollars here: COST_USD_RATE=1). */
export async function setLimits(url, adminToken, userId, limits) {
  await graphql(
    url,
    SET_LIMITS,
    { input: { userId, killSwitchEnabled: true, ...limits } },
    adminToken,
  );
}

/**
 * sendMessage; resolves with the reply's id, or null when the kill switch refused it. Any other
 * error fails the benchmark.
 */
export async function sendOrRefused(url, token, conversationId, content) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: SEND_MESSAGE,
      variables: { input: { conversationId, content } },
    }),
  });
  const body = await response.json();
  if (body.errors?.[0]?.extensions?.code === 'BUDGET_EXCEEDED') return null;
  if (!response.ok || body.errors) throw new Error(`sendMessage: ${JSON.stringify(body.errors)}`);
  return body.data.sendMessage.assistantMessage.id;
}

/** Follows a reply on an open graphql-ws socket until it is stored; resolves with its ending. */
export function storedReply(socket, messageId) {
  return new Promise((resolve, reject) => {
    let message;
    socket.subscribe(
      { query: STORED_REPLY, variables: { id: messageId } },
      {
        next: ({ data, errors }) => {
          if (errors) reject(new Error(`messageStream: ${JSON.stringify(errors)}`));
          if (data?.messageStream.__typename === 'MessageCompleted') {
            message = data.messageStream.message;
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () =>
          message ? resolve(message) : reject(new Error('messageStream ended early')),
      },
    );
  });
}

/** What the ledger says the viewer spent from `from` to `to`, in the configured currency. */
export async function spent(url, token, from = today(), to = from) {
  const { usage } = await graphql(url, SPENT, { from, to }, token);
  return usage.totals.cost;
}
