import { describe, expect, it } from 'vitest';
import { callCostNanos, inCurrency, nanosPerToken, type ModelPrice } from './pricing.ts';

const sonnet: ModelPrice = {
  displayName: 'Sonnet',
  input: 2,
  output: 10,
  cacheWrite: 2.5,
  cacheRead: 0.1,
};

const haiku: ModelPrice = {
  displayName: 'Haiku',
  input: 0.1,
  output: 0.5,
  cacheWrite: 0.125,
  cacheRead: 0.01,
  longPrompt: {
    thresholdTokens: 100_000,
    input: 0.2,
    output: 0.75,
    cacheWrite: 0.25,
    cacheRead: 0.02,
  },
};

describe('pricing', () => {
  it('prices every kind of token, cache writes and reads included, exactly', () => {
    const usage = {
      inputTokens: 1_000,
      outputTokens: 500,
      cacheWriteTokens: 2_000,
      cacheReadTokens: 10_000,
    };
    // 1,000×2 + 500×10 + 2,000×2.5 + 10,000×0.1 = 13,000 dollars per million tokens.
    expect(callCostNanos(sonnet, usage)).toBe(13_000_000);
  });

  it('keeps sub-cent prices whole in nano-dollars, so sums never drift', () => {
    expect(nanosPerToken(0.01)).toBe(10);
    expect(nanosPerToken(0.125)).toBe(125);
    let total = 0;
    for (let i = 0; i < 1_000; i++) {
      total += callCostNanos(haiku, {
        inputTokens: 7,
        outputTokens: 3,
        cacheWriteTokens: 0,
        cacheReadTokens: 1,
      });
    }
    expect(total).toBe(1_000 * (7 * 100 + 3 * 500 + 10));
  });

  it('bills a whole call at the long-prompt rates once its prompt passes the threshold', () => {
    const short = {
      inputTokens: 100_000,
      outputTokens: 1_000,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
    };
    const long = { ...short, cacheReadTokens: 1 };
    expect(callCostNanos(haiku, short)).toBe(100_000 * 100 + 1_000 * 500);
    expect(callCostNanos(haiku, long)).toBe(100_000 * 200 + 1_000 * 750 + 20);
  });

  it('shows dollars in the configured currency without float noise', () => {
    expect((1_602_000 / 1e9) * 0.86).not.toBe(0.00137772);
    expect(inCurrency(1_602_000 / 1e9, 0.86)).toBe(0.00137772);
    expect(inCurrency(2, 0.86)).toBe(1.72);
  });
});
