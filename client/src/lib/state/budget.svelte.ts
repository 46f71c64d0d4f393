import { alertMessage } from '$lib/budget-format';
import { budgetNotice, type BudgetNotice } from '$lib/budget-notice';
import { useFragment } from '$lib/graphql';
import type { BudgetAlertFieldsFragment, BudgetStatusFieldsFragment } from '$lib/graphql/graphql';
import { errorCode } from '$lib/handle-error';
import { client } from '$lib/urql';
import { toasts } from './toasts.svelte';
import {
  BudgetAlertFields,
  BudgetAlertsSubscription,
  BudgetQuery,
  BudgetStatusFields,
} from './budget.graphql';

export type BudgetStatus = BudgetStatusFieldsFragment;
export type BudgetWindow = BudgetStatus['daily'];
export type { BudgetNotice };
type BudgetAlert = BudgetAlertFieldsFragment;

/** Spending also changes on other devices and through API tokens; alerts only tell of crossings. */
const REFRESH_EVERY_MS = 120_000;
const RESUBSCRIBE_AFTER_MS = 10_000;
/** Alerts arriving this close together are one event (a reply crossing several thresholds). */
const ALERTS_TOGETHER_MS = 300;

/**
 * The viewer's budget today and this month, kept current: after replies (`refresh`), on every
 * budget alert (also shown as a toast), at the daily reset and every few minutes while visible.
 */
class BudgetManager {
  #status = $state<BudgetStatus | null>(null);
  #loading: Promise<void> | null = null;
  /** The load that follows the one under way, which may have begun before what changed. */
  #nextLoad: Promise<void> | null = null;
  #started = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #resetTimer: ReturnType<typeof setTimeout> | undefined;
  #alertsRetry: ReturnType<typeof setTimeout> | undefined;
  #alerts: { unsubscribe(): void } | null = null;
  #pendingAlerts: BudgetAlert[] = [];
  #alertsShown: ReturnType<typeof setTimeout> | undefined;

  get status(): BudgetStatus | null {
    return this.#status;
  }

  /** What the chat should say about the budget right now, if anything. */
  get notice(): BudgetNotice | null {
    return budgetNotice(this.#status);
  }

  /** Once signed in: loads the budget and keeps it current. Returns a stop function. */
  start(): () => void {
    if (this.#started) return () => {};
    this.#started = true;
    void this.refresh();
    this.#subscribeAlerts();
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refresh();
    }, REFRESH_EVERY_MS);
    document.addEventListener('visibilitychange', this.#onVisible);
    return () => this.#stop();
  }

  /**
   * Loads the budget again. Resolves once a load begun after the call has ended: calls during a
   * load share one more load after it.
   */
  refresh(): Promise<void> {
    if (!this.#loading) {
      this.#loading = this.#load().finally(() => (this.#loading = null));
      return this.#loading;
    }
    const next = () => {
      this.#nextLoad = null;
      return this.refresh();
    };
    this.#nextLoad ??= this.#loading.then(next, next);
    return this.#nextLoad;
  }

  /**
   * Called with a failed send. A refusal for budget reasons loads the budget again, which then
   * says what blocks and until when; true when the budget notice now shows it. False for any
   * other error, and for a refusal the budget does not explain (a prompt too long for what is
   * left): the caller shows the error itself.
   */
  async explainsRefusal(error: unknown): Promise<boolean> {
    if (errorCode(error) !== 'BUDGET_EXCEEDED') return false;
    await this.refresh();
    return this.#status?.blocked ?? false;
  }

  async #load(): Promise<void> {
    const result = await client
      .query(BudgetQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    // A failed refresh keeps what is shown; the next one will try again.
    if (!result.data) return;
    const status = useFragment(BudgetStatusFields, result.data.budget);
    this.#status = status;
    this.#scheduleReset(status);
  }

  #scheduleReset(status: BudgetStatus): void {
    clearTimeout(this.#resetTimer);
    const delay = Date.parse(status.daily.resetsAt) - Date.now() + 1_000;
    if (delay > 0 && delay < 2 ** 31 - 1) {
      this.#resetTimer = setTimeout(() => void this.refresh(), delay);
    }
  }

  #subscribeAlerts(): void {
    this.#alerts = client.subscription(BudgetAlertsSubscription, {}).subscribe((result) => {
      if (result.error) {
        clearTimeout(this.#alertsRetry);
        this.#alertsRetry = setTimeout(() => {
          this.#alerts?.unsubscribe();
          this.#subscribeAlerts();
        }, RESUBSCRIBE_AFTER_MS);
        return;
      }
      if (!result.data) return;
      this.#pendingAlerts.push(useFragment(BudgetAlertFields, result.data.budgetAlerts));
      clearTimeout(this.#alertsShown);
      this.#alertsShown = setTimeout(() => this.#showAlerts(), ALERTS_TOGETHER_MS);
    });
  }

  /** One reply can cross 90% and 100% at once: only the highest of each budget is shown. */
  #showAlerts(): void {
    const highest: Record<string, BudgetAlert> = {};
    for (const alert of this.#pendingAlerts) {
      const key = `${alert.scope} ${alert.period}`;
      if ((highest[key]?.threshold ?? -1) < alert.threshold) highest[key] = alert;
    }
    this.#pendingAlerts = [];
    for (const alert of Object.values(highest)) {
      toasts.show(alertMessage(alert), alert.threshold >= 100 ? 'error' : 'info');
    }
    void this.refresh();
  }

  #onVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  #stop(): void {
    this.#started = false;
    clearInterval(this.#timer);
    clearTimeout(this.#resetTimer);
    clearTimeout(this.#alertsRetry);
    clearTimeout(this.#alertsShown);
    this.#alerts?.unsubscribe();
    this.#alerts = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
  }
}

export const budget = new BudgetManager();
