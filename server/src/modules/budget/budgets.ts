import type { MikroORM } from '@mikro-orm/sqlite';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import {
  inCurrency,
  nanosPerToken,
  NANOS_PER_USD,
  ratesFor,
  type ModelPrice,
} from '../models/pricing.ts';
import { PastUsage } from '../usage/past-usage.ts';
import { AlertCenter } from './alerts.ts';
import {
  BudgetGate,
  type AccountLimits,
  type Breach,
  type CallEstimate,
  type Reservation,
} from './budget-gate.ts';
import { LimitsStore } from './limits.ts';
import { AlertWebhook } from './webhook.ts';

/** Characters per token when estimating before a call: fewer than real text has, so more tokens. */
export const CHARS_PER_TOKEN_ESTIMATE = 3;
/** Tokens a call's framing (roles, turns) adds to its text, so a "hi" is not estimated at 1. */
const PROMPT_OVERHEAD_TOKENS = 16;

function estimate(price: ModelPrice, promptChars: number, maxTokens: number): CallEstimate {
  const promptTokens = Math.ceil(promptChars / CHARS_PER_TOKEN_ESTIMATE) + PROMPT_OVERHEAD_TOKENS;
  const rates = ratesFor(price, promptTokens);
  return {
    promptNanos: promptTokens * nanosPerToken(rates.input),
    nanosPerOutputToken: nanosPerToken(rates.output),
    maxTokens,
  };
}

/**
 * Everything about money that lives as long as the process: limits, the kill switch with its
 * reservations, and alerts. Amounts cross the API in the configured currency; inside they are
 * nano-dollars.
 */
export class Budgets {
  readonly limits: LimitsStore;
  readonly gate: BudgetGate;
  readonly alerts: AlertCenter;
  /** Usage reports' rows for days that are over. */
  readonly pastUsage = new PastUsage();
  readonly #webhook: AlertWebhook | null;
  readonly currency: string;
  readonly timeZone: string;
  readonly #usdRate: number;

  readonly #probe: CallEstimate;

  constructor(deps: {
    orm: MikroORM;
    config: Config;
    pubsub: PubSub;
    logger: Logger;
    /** The default model's price: "blocked" means even a short message on it would be refused. */
    defaultPrice: ModelPrice;
  }) {
    const { config } = deps;
    this.#probe = estimate(deps.defaultPrice, 0, config.maxOutputTokens);
    this.currency = config.cost.currency;
    this.timeZone = config.budgetTimeZone;
    this.#usdRate = config.cost.usdRate;
    this.limits = new LimitsStore(deps.orm, config.budget);
    this.gate = new BudgetGate({
      orm: deps.orm,
      timeZone: config.budgetTimeZone,
      limits: (userId) => this.#accountLimits(userId),
    });
    this.#webhook = config.alertWebhookUrl
      ? new AlertWebhook(config.alertWebhookUrl, deps.logger)
      : null;
    this.alerts = new AlertCenter({
      orm: deps.orm,
      gate: this.gate,
      limits: this.limits,
      pubsub: deps.pubsub,
      webhook: this.#webhook,
      logger: deps.logger,
      currency: this.currency,
      fromNanos: (nanos) => this.fromNanos(nanos),
      timeZone: config.budgetTimeZone,
    });
  }

  fromNanos(nanos: number): number {
    return inCurrency(nanos / NANOS_PER_USD, this.#usdRate);
  }

  toNanos(amount: number): number {
    return Math.round((amount / this.#usdRate) * NANOS_PER_USD);
  }

  async #accountLimits(userId: number | null): Promise<AccountLimits> {
    const limits = await this.limits.get(userId);
    return {
      daily: limits.dailyLimit === null ? null : this.toNanos(limits.dailyLimit),
      monthly: limits.monthlyLimit === null ? null : this.toNanos(limits.monthlyLimit),
      killSwitchEnabled: limits.killSwitchEnabled,
    };
  }

  /**
   * Admits a reply about to be written, with its prompt estimated from its characters, or throws
   * BUDGET_EXCEEDED. The reservation's `maxTokens` is what the budgets can pay for.
   */
  async reserve(
    userId: number,
    call: { price: ModelPrice; promptChars: number; maxTokens: number },
  ): Promise<Reservation> {
    return await this.gate.reserve(userId, estimate(call.price, call.promptChars, call.maxTokens));
  }

  /** The window that would refuse a short message now (user's or instance's; null: instance). */
  refusal(userId: number | null): Promise<Breach | null> {
    return this.gate.refusal(userId, this.#probe);
  }

  async close(): Promise<void> {
    await this.#webhook?.close();
  }
}
