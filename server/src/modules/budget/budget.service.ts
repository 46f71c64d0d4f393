import type { EntityManager } from '@mikro-orm/sqlite';
import { badInput, forbidden } from '../../errors.ts';
import { isAdmin, requireAdmin, requireViewer, type Viewer } from '../../viewer.ts';
import type { AlertEvent } from './alerts.ts';
import { BudgetAlert } from './budget-alert.entity.ts';
import type { Breach } from './budget-gate.ts';
import type { Budgets } from './budgets.ts';
import type { Limits } from './limits.ts';
import { resetsAt, type Period } from './windows.ts';

export type BudgetWindow = {
  spent: number;
  reserved: number;
  limit: number | null;
  percent: number | null;
  resetsAt: Date;
};

export type BudgetStatus = {
  currency: string;
  daily: BudgetWindow;
  monthly: BudgetWindow;
  blocked: boolean;
  blockedBy: Breach | null;
  killSwitchEnabled: boolean;
  limits: Limits;
};

/** Only the fields given change; a limit given as null means "no limit". */
export type LimitsChange = Partial<Limits>;

const MAX_THRESHOLDS = 5;

export class BudgetService {
  constructor(
    private readonly em: EntityManager,
    private readonly budgets: Budgets,
  ) {}

  /** The viewer's own budget, or (admins) another user's. */
  async budget(viewer: Viewer | null, userId?: number): Promise<BudgetStatus> {
    const { user } = requireViewer(viewer);
    if (userId !== undefined && userId !== user.id) requireAdmin(viewer);
    return await this.#status(userId ?? user.id);
  }

  async globalBudget(viewer: Viewer | null): Promise<BudgetStatus> {
    requireAdmin(viewer);
    return await this.#status(null);
  }

  async #status(userId: number | null): Promise<BudgetStatus> {
    const [balance, limits, blockedBy] = await Promise.all([
      this.budgets.gate.balance(userId),
      this.budgets.limits.get(userId),
      this.budgets.refusal(userId),
    ]);
    const now = this.budgets.gate.now();
    const window = (period: Period): BudgetWindow => {
      const limit = period === 'DAILY' ? limits.dailyLimit : limits.monthlyLimit;
      const spent = this.budgets.fromNanos(
        period === 'DAILY' ? balance.dailySpent : balance.monthlySpent,
      );
      return {
        spent,
        reserved: this.budgets.fromNanos(balance.held),
        limit,
        percent: limit === null ? null : limit === 0 ? 100 : (spent / limit) * 100,
        resetsAt: resetsAt(period, now, this.budgets.timeZone),
      };
    };
    return {
      currency: this.budgets.currency,
      daily: window('DAILY'),
      monthly: window('MONTHLY'),
      blocked: blockedBy !== null,
      blockedBy,
      killSwitchEnabled: limits.killSwitchEnabled,
      limits,
    };
  }

  /**
   * Changes a user's limits. A member may only tighten their own (lower a limit, set one where
   * there was none, turn the kill switch on); raising or loosening is for administrators.
   */
  async setLimits(
    viewer: Viewer | null,
    userId: number | undefined,
    change: LimitsChange,
  ): Promise<Limits> {
    const { user } = requireViewer(viewer);
    const target = userId ?? user.id;
    if (target !== user.id) requireAdmin(viewer);
    validate(change);
    if (target !== user.id) await this.#requireUser(target);
    const current = await this.budgets.limits.get(target);
    const next = { ...current, ...change };
    if (!isAdmin(viewer) && loosens(current, next)) {
      throw forbidden('Only an administrator can raise your limits or turn off the kill switch.');
    }
    return await this.budgets.limits.set(target, next);
  }

  async setGlobalLimits(viewer: Viewer | null, change: LimitsChange): Promise<Limits> {
    requireAdmin(viewer);
    validate(change);
    const current = await this.budgets.limits.get(null);
    return await this.budgets.limits.set(null, { ...current, ...change });
  }

  /** Alerts newest first: the viewer's own, and for administrators the instance's too. */
  async alertHistory(
    viewer: Viewer | null,
    options: { beforeId?: number; limit: number },
  ): Promise<AlertEvent[]> {
    const { user } = requireViewer(viewer);
    const rows = await this.em.find(
      BudgetAlert,
      {
        $or: isAdmin(viewer) ? [{ user: user.id }, { scope: 'GLOBAL' }] : [{ user: user.id }],
        ...(options.beforeId ? { id: { $lt: options.beforeId } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: options.limit },
    );
    return rows.map((row) => ({
      id: row.id,
      scope: row.scope as AlertEvent['scope'],
      userId: row.user?.id ?? null,
      period: row.period as AlertEvent['period'],
      window: row.window,
      threshold: row.threshold,
      spent: Number(row.spent),
      limit: Number(row.limit),
      currency: row.currency,
      at: row.at as Date,
    }));
  }

  async #requireUser(userId: number): Promise<void> {
    const rows = await this.em
      .getConnection()
      .execute<{ id: number }[]>('select id from users where id = ?', [userId]);
    if (!rows[0]) throw badInput('That user does not exist.', 'userId');
  }
}

function validate(change: LimitsChange): void {
  for (const field of ['dailyLimit', 'monthlyLimit'] as const) {
    const value = change[field];
    if (value !== undefined && value !== null && !(Number.isFinite(value) && value >= 0)) {
      throw badInput('A limit is an amount of zero or more (or null for no limit).', field);
    }
  }
  const thresholds = change.alertThresholds;
  if (thresholds !== undefined) {
    if (
      thresholds.length > MAX_THRESHOLDS ||
      !thresholds.every((t) => Number.isInteger(t) && t >= 1 && t <= 99)
    ) {
      throw badInput(
        `Alert thresholds are up to ${MAX_THRESHOLDS} whole percentages from 1 to 99 (100% always alerts).`,
        'alertThresholds',
      );
    }
    change.alertThresholds = [...new Set(thresholds)].sort((a, b) => a - b);
  }
  if (change.killSwitchEnabled === null) delete change.killSwitchEnabled;
}

/** Whether `next` lets a user spend more than `current` does. */
function loosens(current: Limits, next: Limits): boolean {
  const raises = (was: number | null, will: number | null) =>
    will === null ? was !== null : was !== null && will > was;
  return (
    raises(current.dailyLimit, next.dailyLimit) ||
    raises(current.monthlyLimit, next.monthlyLimit) ||
    (current.killSwitchEnabled && !next.killSwitchEnabled)
  );
}
