import type { MikroORM } from '@mikro-orm/sqlite';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import type { BudgetGate, Breach, Scope } from './budget-gate.ts';
import type { LimitsStore } from './limits.ts';
import type { AlertWebhook } from './webhook.ts';
import { windowOf, type Period } from './windows.ts';

/** An alert as stored, published and shown; amounts in the configured currency. */
export type AlertEvent = {
  id: number;
  scope: Scope;
  userId: number | null;
  period: Period;
  window: string;
  threshold: number;
  spent: number;
  limit: number;
  currency: string;
  at: Date;
};

export type AlertDependencies = {
  orm: MikroORM;
  gate: BudgetGate;
  limits: LimitsStore;
  pubsub: PubSub;
  webhook: AlertWebhook | null;
  logger: Logger;
  currency: string;
  /** Nano-dollars to the configured currency. */
  fromNanos(nanos: number): number;
  timeZone: string;
};

/**
 * Sends each threshold crossing once per window: stored under a unique key (so racing charges
 * and restarts can't repeat it), pushed on `budgetAlerts`, and posted to the webhook.
 */
export class AlertCenter {
  /** Crossings already stored, so the common case needs no query. */
  readonly #sent = new Set<string>();

  constructor(private readonly deps: AlertDependencies) {}

  /** After a charge: raises whatever the user's and the instance's spending now crosses. */
  async afterCharge(userId: number): Promise<void> {
    await this.#check('USER', userId);
    await this.#check('GLOBAL', null);
  }

  /** A stream stopped at a limit: that window's 100% alert, even if holds, not spending, hit it. */
  async budgetStop(userId: number, breach: Breach): Promise<void> {
    const owner = breach.scope === 'USER' ? userId : null;
    const [balance, limits] = await Promise.all([
      this.deps.gate.balance(owner),
      this.deps.limits.get(owner),
    ]);
    const limit = breach.period === 'DAILY' ? limits.dailyLimit : limits.monthlyLimit;
    if (limit === null) return;
    const spent = breach.period === 'DAILY' ? balance.dailySpent : balance.monthlySpent;
    await this.#raise(breach.scope, owner, breach.period, 100, this.deps.fromNanos(spent), limit);
  }

  async #check(scope: Scope, userId: number | null): Promise<void> {
    const [balance, limits] = await Promise.all([
      this.deps.gate.balance(userId),
      this.deps.limits.get(userId),
    ]);
    const thresholds = [...new Set([...limits.alertThresholds, 100])].sort((a, b) => a - b);
    for (const period of ['DAILY', 'MONTHLY'] as const) {
      const limit = period === 'DAILY' ? limits.dailyLimit : limits.monthlyLimit;
      if (limit === null) continue;
      const spent = this.deps.fromNanos(
        period === 'DAILY' ? balance.dailySpent : balance.monthlySpent,
      );
      for (const threshold of thresholds) {
        if (spent < (limit * threshold) / 100 || (limit === 0 && spent === 0)) break;
        await this.#raise(scope, userId, period, threshold, spent, limit);
      }
    }
  }

  async #raise(
    scope: Scope,
    userId: number | null,
    period: Period,
    threshold: number,
    spent: number,
    limit: number,
  ): Promise<void> {
    const scopeKey = userId === null ? 'global' : `user:${userId}`;
    const window = windowOf(period, this.deps.gate.now(), this.deps.timeZone);
    const key = `${scopeKey}|${period}|${window}|${threshold}`;
    if (this.#sent.has(key)) return;
    this.#sent.add(key);
    const at = new Date();
    const rows: { id: number }[] = await this.deps.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into budget_alerts (scope, scope_key, user_id, period, "window", threshold, spent, "limit", currency, at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (scope_key, period, "window", threshold) do nothing
         returning id`,
        [scope, scopeKey, userId, period, window, threshold, spent, limit, this.deps.currency, at],
      );
    if (!rows[0]) return;
    const alert: AlertEvent = {
      id: rows[0].id,
      scope,
      userId,
      period,
      window,
      threshold,
      spent,
      limit,
      currency: this.deps.currency,
      at,
    };
    this.deps.logger.info({ alert }, 'budget alert');
    this.deps.pubsub.publish('budgetAlert', scopeKey, alert);
    this.deps.webhook?.send(await this.#describe(alert));
  }

  async #describe(alert: AlertEvent): Promise<{ title: string; text: string; urgent: boolean }> {
    const whose =
      alert.userId === null
        ? 'The instance'
        : ((
            await this.deps.orm.em
              .fork()
              .getConnection()
              .execute<{ username: string }[]>('select username from users where id = ?', [
                alert.userId,
              ])
          )[0]?.username ?? 'A deleted user');
    const money = (amount: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: alert.currency }).format(amount);
    const period = alert.period === 'DAILY' ? 'daily' : 'monthly';
    return {
      title: `claude-rasp: ${alert.threshold}% of a ${period} budget`,
      text: `${whose} has used ${alert.threshold >= 100 ? 'all' : `${alert.threshold}%`} of the ${period} budget (${alert.window}): ${money(alert.spent)} of ${money(alert.limit)}.`,
      urgent: alert.threshold >= 100,
    };
  }
}
