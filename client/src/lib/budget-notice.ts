import type { BudgetPeriod, Refusal } from '$lib/budget-format';
import type { BudgetStatus, BudgetWindow } from '$lib/state/budget.svelte';

/** What the chat should say about the viewer's budget right now, if anything. */
export type BudgetNotice =
  | ({ kind: 'blocked' } & Refusal)
  | { kind: 'over' | 'warning'; period: BudgetPeriod; window: BudgetWindow };

// 0.0008 / 0.001 comes back as 79.999…%: a hair of tolerance keeps thresholds exact.
const TOLERANCE = 1e-6;

/**
 * Blocked (by the viewer's limit or the instance's, as the server says), over a limit that only
 * alerts, or past the first alert threshold: the fullest of the day and the month.
 */
export function budgetNotice(status: BudgetStatus | null): BudgetNotice | null {
  if (!status) return null;
  if (status.blockedBy) return { kind: 'blocked', ...status.blockedBy };
  const [top] = [
    { period: 'MONTHLY' as const, window: status.monthly },
    { period: 'DAILY' as const, window: status.daily },
  ].sort((a, b) => (b.window.percent ?? 0) - (a.window.percent ?? 0));
  if (!top || top.window.limit == null) return null;
  const percent = (top.window.percent ?? 0) + TOLERANCE;
  if (percent >= 100) return { kind: 'over', ...top };
  const first = Math.min(...status.limits.alertThresholds, 100);
  return percent >= first ? { kind: 'warning', ...top } : null;
}
