import { z } from 'zod';

/** Prices in US dollars per million tokens, as Anthropic lists them. */
const rates = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheWrite: z.number().nonnegative(),
  cacheRead: z.number().nonnegative(),
});

export const priceTableSchema = z.object({
  takenAt: z.string(),
  source: z.string().optional(),
  models: z.record(
    z.string(),
    rates.extend({
      displayName: z.string(),
      /** Some models bill a whole request at other rates once its prompt passes a size. */
      longPrompt: rates.extend({ thresholdTokens: z.number().int().positive() }).optional(),
    }),
  ),
});

export type PriceTable = z.infer<typeof priceTableSchema>;
export type ModelPrice = PriceTable['models'][string];

export type Usage = {
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
};

export const noUsage = (): Usage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
});

type Rates = z.infer<typeof rates>;

/** The rates a call is billed at: some models bill a long prompt's whole call at other rates. */
export function ratesFor(price: ModelPrice, promptTokens: number): Rates {
  return price.longPrompt && promptTokens > price.longPrompt.thresholdTokens
    ? price.longPrompt
    : price;
}

/**
 * Nano-dollars per token for a rate in dollars per million tokens. List prices have at most three
 * decimals, so this is a whole number and sums of costs stay exact.
 */
export const nanosPerToken = (dollarsPerMillion: number): number =>
  Math.round(dollarsPerMillion * 1000);

/** The price of one upstream call in nano-dollars (1e-9 USD), exactly. */
export function callCostNanos(price: ModelPrice, usage: Usage): number {
  const r = ratesFor(price, usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens);
  return (
    usage.inputTokens * nanosPerToken(r.input) +
    usage.outputTokens * nanosPerToken(r.output) +
    usage.cacheWriteTokens * nanosPerToken(r.cacheWrite) +
    usage.cacheReadTokens * nanosPerToken(r.cacheRead)
  );
}

export const addUsage = (a: Usage, b: Usage): Usage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
});

export const NANOS_PER_USD = 1e9;

/**
 * Dollars in the configured currency, rounded to 12 decimals: far below any coin, and scripts
 * read 0.00137772 rather than the float noise 0.0013777199999999998.
 */
export const inCurrency = (usd: number, usdRate: number): number =>
  Math.round(usd * usdRate * 1e12) / 1e12;
