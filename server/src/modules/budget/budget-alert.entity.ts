import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

export const ALERT_SCOPES = ['USER', 'GLOBAL'] as const;
export const PERIODS = ['DAILY', 'MONTHLY'] as const;

/**
 * A threshold crossed in a window. The unique key makes each crossing stored (and sent) once
 * per window, however many requests race past it.
 */
export const BudgetAlert = defineEntity({
  name: 'BudgetAlert',
  tableName: 'budget_alerts',
  uniques: [{ properties: ['scopeKey', 'period', 'window', 'threshold'] }],
  indexes: [{ properties: ['user', 'at'] }, { properties: ['scope', 'at'] }],
  properties: {
    id: p.integer().primary(),
    scope: p.enum(() => ALERT_SCOPES),
    /** `user:<id>` or `global`: part of the unique key, which a nullable user could not be. */
    scopeKey: p.string().length(40),
    user: () => p.manyToOne(User).nullable().deleteRule('cascade'),
    period: p.enum(() => PERIODS),
    /** The day (`YYYY-MM-DD`) or month (`YYYY-MM`) the alert belongs to. */
    window: p.string().length(10),
    threshold: p.integer(),
    /** Amounts in the configured currency at the time of the alert. */
    spent: p.double(),
    limit: p.double(),
    currency: p.string().length(3),
    at: p.datetime().onCreate(() => new Date()),
  },
});

export type BudgetAlert = InferEntity<typeof BudgetAlert>;
