import type { EntityManager } from '@mikro-orm/sqlite';
import type { Usage } from '../models/pricing.ts';

export type Charge = {
  userId: number;
  day: string;
  model: string;
  usage: Usage;
  calls: number;
  costNanos: number;
};

/**
 * Adds a charge to the ledger with one upsert (never a read-modify-write, so concurrent charges
 * can't lose each other). Call it inside the transaction that stores the message's accounting.
 */
export async function recordCharge(tx: EntityManager, charge: Charge): Promise<void> {
  const { usage } = charge;
  await tx.getConnection().execute(
    `insert into usage_records
       (user_id, day, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, calls, cost_nanos)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (user_id, day, model) do update set
       input_tokens = input_tokens + excluded.input_tokens,
       output_tokens = output_tokens + excluded.output_tokens,
       cache_read_tokens = cache_read_tokens + excluded.cache_read_tokens,
       cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens,
       calls = calls + excluded.calls,
       cost_nanos = cost_nanos + excluded.cost_nanos`,
    [
      charge.userId,
      charge.day,
      charge.model,
      usage.inputTokens,
      usage.outputTokens,
      usage.cacheReadTokens,
      usage.cacheWriteTokens,
      charge.calls,
      charge.costNanos,
    ],
    'run',
    // The transaction's own connection: SQLite's pool has one, which the transaction holds.
    tx.getTransactionContext(),
  );
}

/** What a user (or, with null, everybody) spent from `fromDay` to `toDay` inclusive, in nanos. */
export async function spentNanos(
  em: EntityManager,
  userId: number | null,
  fromDay: string,
  toDay: string,
): Promise<number> {
  const rows: { total: number | string | null }[] = await em
    .getConnection()
    .execute(
      `select sum(cost_nanos) as total from usage_records where day >= ? and day <= ?${
        userId === null ? '' : ' and user_id = ?'
      }`,
      userId === null ? [fromDay, toDay] : [fromDay, toDay, userId],
    );
  return Number(rows[0]?.total ?? 0);
}
