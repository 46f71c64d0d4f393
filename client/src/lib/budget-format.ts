import { formatCost } from '$lib/money';

export type BudgetScope = 'USER' | 'GLOBAL';
export type BudgetPeriod = 'DAILY' | 'MONTHLY';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

function localDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const isMidnight = (date: Date) =>
  date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;

/**
 * When a budget resets, in the viewer's clock, to follow "again" or "Resets": "at midnight",
 * "on Tue 1 Dec", "today at 18:00", "tomorrow at 01:00", "on Tue 1 Dec at 01:00". Days are cut
 * in the server's time zone, so the reset is only midnight where the viewer lives in it.
 */
export function formatResetTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const days = Math.round((localDay(at) - localDay(now)) / 86_400_000);
  if (isMidnight(at)) return days <= 1 ? 'at midnight' : `on ${dayFormat.format(at)}`;
  const time = timeFormat.format(at);
  if (days <= 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${dayFormat.format(at)} at ${time}`;
}

/** A percentage shown whole and never rounded up: 99.6% of a budget is not "100%". */
export function wholePercent(percent: number): string {
  // Amounts are divided in floating point: 0.0008 / 0.001 is 79.999…, which is 80%.
  return `${Math.floor(percent + 1e-6)}%`;
}

export function periodName(period: BudgetPeriod): 'daily' | 'monthly' {
  return period === 'DAILY' ? 'daily' : 'monthly';
}

function whose(scope: BudgetScope): string {
  return scope === 'USER' ? 'Your' : "This instance's";
}

export type AlertFigures = {
  scope: BudgetScope;
  period: BudgetPeriod;
  threshold: number;
  spent: number;
  limit: number;
};

/** The words of a budget alert toast. */
export function alertMessage(alert: AlertFigures): string {
  const amounts = `${formatCost(alert.spent)} of ${formatCost(alert.limit)}`;
  const period = periodName(alert.period);
  if (alert.threshold >= 100) {
    return `${whose(alert.scope)} ${period} budget is used up (${amounts}).`;
  }
  const who = alert.scope === 'USER' ? 'You have' : 'This instance has';
  const its = alert.scope === 'USER' ? 'your' : 'its';
  return `${who} used ${alert.threshold}% of ${its} ${period} budget (${amounts}).`;
}

/** The limit that refuses new messages (whose, which) and when it resets. */
export type Refusal = { scope: BudgetScope; period: BudgetPeriod; resetsAt: string };

/** The details a BUDGET_EXCEEDED error carries, if it carries them. */
export function refusalOf(extensions: Record<string, unknown> | undefined): Refusal | null {
  const { scope, period, resetsAt } = extensions ?? {};
  if (scope !== 'USER' && scope !== 'GLOBAL') return null;
  if (period !== 'DAILY' && period !== 'MONTHLY') return null;
  if (typeof resetsAt !== 'string' || Number.isNaN(Date.parse(resetsAt))) return null;
  return { scope, period, resetsAt };
}

/** Why a message was refused, with the reset in the viewer's own clock. */
export function refusalMessage(refusal: Refusal): string {
  const when = formatResetTime(refusal.resetsAt);
  const again =
    refusal.scope === 'USER'
      ? `You can send messages again ${when}.`
      : `Messages can be sent again ${when}.`;
  return `${whose(refusal.scope)} ${periodName(refusal.period)} budget is used up. ${again}`;
}
