import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '../models/pricing.ts';
import { CallMeter } from './call-meter.ts';

// Dollars per million tokens: in nanos, 2,000 a prompt token and 10,000 an output token.
const price: ModelPrice = {
  displayName: 'Sonnet',
  input: 2,
  output: 10,
  cacheWrite: 2.5,
  cacheRead: 0.1,
};
const start = {
  input_tokens: 100,
  output_tokens: 1,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 50,
};

describe('the call meter', () => {
  it('counts unreported output from the text at 3 characters a token, rounding up', () => {
    const meter = new CallMeter(price);
    meter.started(start as never);
    meter.wrote(10);
    expect(meter.usage()).toMatchObject({ inputTokens: 100, outputTokens: 4, cacheReadTokens: 50 });
    expect(meter.runningNanos()).toBe(100 * 2_000 + 4 * 10_000 + 50 * 100);
    // One more delta of 10 characters, not written yet: 20 characters are 7 tokens.
    expect(meter.runningNanos(10)).toBe(100 * 2_000 + 7 * 10_000 + 50 * 100);
  });

  it('takes the upstream’s final usage over its own count', () => {
    const meter = new CallMeter(price);
    meter.started(start as never);
    meter.wrote(300);
    meter.finished({ output_tokens: 60 } as never);
    expect(meter.usage().outputTokens).toBe(60);
  });

  it('closes each call into the totals and starts the next from zero', () => {
    const meter = new CallMeter(price);
    meter.started(start as never);
    meter.finished({ output_tokens: 20 } as never);
    expect(meter.close()).toEqual({
      usage: { inputTokens: 100, outputTokens: 20, cacheWriteTokens: 0, cacheReadTokens: 50 },
      costNanos: 100 * 2_000 + 20 * 10_000 + 50 * 100,
      calls: 1,
    });
    // A call refused before it started (no message_start) bills nothing.
    expect(meter.close()).toEqual({
      usage: { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 },
      costNanos: 0,
      calls: 0,
    });
    meter.started({ ...start, input_tokens: 200 } as never);
    meter.finished({ output_tokens: 5 } as never);
    meter.close();
    expect(meter.totals).toEqual({
      inputTokens: 300,
      outputTokens: 25,
      cacheWriteTokens: 0,
      cacheReadTokens: 100,
      costNanos: 300 * 2_000 + 25 * 10_000 + 100 * 100,
    });
  });
});
