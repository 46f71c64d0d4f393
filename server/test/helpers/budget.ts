import { createConversation, sendMessage, wsClient, followStream } from './chat.ts';
import { gql } from './graphql.ts';

export const BUDGET_FIELDS =
  'currency blocked killSwitchEnabled daily { spent reserved limit percent resetsAt } monthly { spent reserved limit percent resetsAt } limits { dailyLimit monthlyLimit alertThresholds killSwitchEnabled }';

/** Sends one message in a new conversation and waits for the stored reply (or the refusal). */
export async function reply(url: string, token: string, content = 'hello') {
  const conversation = await createConversation(url, token);
  const sent = await sendMessage(url, token, { conversationId: conversation.id, content });
  if (sent.errors) return { errors: sent.errors, message: undefined };
  const client = wsClient(url, token);
  try {
    const stream = await followStream(client, sent.data!.sendMessage.assistantMessage.id);
    return { errors: undefined, message: stream.completed };
  } finally {
    await client.dispose();
  }
}

export async function setLimits(url: string, token: string, input: Record<string, unknown>) {
  return gql(
    url,
    'mutation($input: SetLimitsInput!) { setLimits(input: $input) { dailyLimit monthlyLimit alertThresholds killSwitchEnabled } }',
    { input },
    { token },
  );
}

const dayAfter = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The ledger's totals around today (yesterday to tomorrow in UTC, so the budget time zone's
 * today is in it whatever the zone), as `usage` reports them.
 */
export async function ledgerToday(url: string, token: string, extra = '') {
  const result = await gql(
    url,
    `query($from: Date!, $to: Date!) { usage(from: $from, to: $to, granularity: DAY${extra}) {
      totals { inputTokens outputTokens cacheReadTokens cacheWriteTokens calls cost }
      byModel { model calls cost } } }`,
    { from: dayAfter(-1), to: dayAfter(1) },
    { token },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.usage;
}
