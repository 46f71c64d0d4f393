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

/** The price of one upstream call in US dollars. */
export function callCostUsd(price: ModelPrice, usage: Usage): number {
  const prompt = usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens;
  const r =
    price.longPrompt && prompt > price.longPrompt.thresholdTokens ? price.longPrompt : price;
  return (
    (usage.inputTokens * r.input +
      usage.outputTokens * r.output +
      usage.cacheWriteTokens * r.cacheWrite +
      usage.cacheReadTokens * r.cacheRead) /
    1_000_000
  );
}
