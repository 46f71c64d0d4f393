import { describe, expect, it } from 'vitest';
import { crossed, HOLD_OUTPUT_TOKENS, MIN_OUTPUT_TOKENS, plan } from './reservations.ts';

const call = { promptNanos: 1_000, nanosPerOutputToken: 10, maxTokens: 8_192 };

describe('reservation arithmetic', () => {
  it('admits a call with no limits, holding its prompt and a typical answer', () => {
    expect(plan([{ limit: null, spent: 0, held: 0 }], call)).toEqual({
      ok: true,
      maxTokens: 8_192,
      hold: 1_000 + HOLD_OUTPUT_TOKENS * 10,
    });
  });

  it('counts what other requests hold, not only what was spent', () => {
    const windows = [{ limit: 100_000, spent: 50_000, held: 49_500 }];
    expect(plan(windows, call)).toEqual({ ok: false, window: 0 });
    expect(plan([{ limit: 100_000, spent: 50_000, held: 0 }], call).ok).toBe(true);
  });

  it('refuses when spent + held reaches the limit, and names the window', () => {
    const windows = [
      { limit: null, spent: 0, held: 0 },
      { limit: 5_000, spent: 5_000, held: 0 },
    ];
    expect(plan(windows, call)).toEqual({ ok: false, window: 1 });
  });

  it('caps max_tokens to what the tightest window can pay for', () => {
    const windows = [
      { limit: 1_000_000, spent: 0, held: 0 },
      { limit: 6_000, spent: 0, held: 0 },
    ];
    // 6,000 − 1,000 for the prompt leaves 500 tokens at 10 each.
    expect(plan(windows, call)).toEqual({ ok: true, maxTokens: 500, hold: 1_000 + 500 * 10 });
  });

  it('refuses rather than start a call that can pay for only a few output tokens', () => {
    const room = (tokens: number) => [{ limit: 1_000 + tokens * 10, spent: 0, held: 0 }];
    expect(plan(room(MIN_OUTPUT_TOKENS - 1), call).ok).toBe(false);
    expect(plan(room(MIN_OUTPUT_TOKENS), call)).toMatchObject({ maxTokens: MIN_OUTPUT_TOKENS });
  });

  it('stops a running call only once spending plus holds exceed a limit', () => {
    expect(crossed([{ limit: 100, spent: 60, held: 40 }])).toBe(-1);
    expect(
      crossed([
        { limit: null, spent: 1e9, held: 0 },
        { limit: 100, spent: 60, held: 41 },
      ]),
    ).toBe(1);
  });
});
