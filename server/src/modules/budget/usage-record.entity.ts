import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

/**
 * The ledger: what the upstream billed, summed per user, per day (in the budget time zone) and
 * per model. Rows are only ever added to, in the same transaction as the message they pay for.
 * A deleted user's rows stay (user null) so the instance's spending does not shrink.
 */
export const UsageRecord = defineEntity({
  name: 'UsageRecord',
  tableName: 'usage_records',
  uniques: [{ properties: ['user', 'day', 'model'] }],
  // Covers every column reports over all users read, so a year of them is one index scan.
  indexes: [
    {
      name: 'usage_records_day_covering_index',
      properties: [
        'day',
        'model',
        'inputTokens',
        'outputTokens',
        'cacheReadTokens',
        'cacheWriteTokens',
        'calls',
        'costNanos',
      ],
    },
  ],
  properties: {
    id: p.integer().primary(),
    user: () => p.manyToOne(User).nullable().deleteRule('set null'),
    day: p.string().length(10),
    model: p.string().length(100),
    inputTokens: p.integer().default(0),
    outputTokens: p.integer().default(0),
    cacheReadTokens: p.integer().default(0),
    cacheWriteTokens: p.integer().default(0),
    /** Upstream calls billed: a reply with tool rounds makes several. */
    calls: p.integer().default(0),
    /** In nano-dollars (1e-9 USD): whole numbers, so sums are exact. */
    costNanos: p.bigint('number').default(0),
  },
});

export type UsageRecord = InferEntity<typeof UsageRecord>;
