/**
 * Reservation arithmetic, pure: what a request may spend given what its windows have spent and
 * what other requests in flight hold. All amounts are nano-dollars.
 */

/** One budget window (a user's day, the instance's month, …) as the kill switch sees it. */
export type WindowBalance = {
  limit: number | null;
  spent: number;
  /** What requests in flight hold in this window (their estimate, or more once they ran past it). */
  held: number;
};

/** Output tokens a request holds before it has written any: a typical long answer. */
export const HOLD_OUTPUT_TOKENS = 1024;

/**
 * A call that could pay for fewer output tokens than this is refused: a reply cut after a few
 * words helps nobody and still costs its whole prompt.
 */
export const MIN_OUTPUT_TOKENS = 16;

export const headroom = (w: WindowBalance): number =>
  w.limit === null ? Number.POSITIVE_INFINITY : w.limit - w.spent - w.held;

export type Plan = { ok: true; maxTokens: number; hold: number } | { ok: false; window: number };

/**
 * Decides whether a call may start and with how much room. It is refused when a window has no
 * headroom left for the prompt and a few output tokens; otherwise `max_tokens` is capped to what
 * the tightest window can pay for, and the call holds its prompt plus a typical answer.
 */
export function plan(
  windows: readonly WindowBalance[],
  call: { promptNanos: number; nanosPerOutputToken: number; maxTokens: number },
): Plan {
  let maxTokens = call.maxTokens;
  for (const [index, window] of windows.entries()) {
    const room = headroom(window) - call.promptNanos;
    const affordable =
      call.nanosPerOutputToken > 0 ? Math.floor(room / call.nanosPerOutputToken) : Infinity;
    if (room <= 0 || affordable < Math.min(MIN_OUTPUT_TOKENS, call.maxTokens)) {
      return { ok: false, window: index };
    }
    maxTokens = Math.min(maxTokens, affordable);
  }
  return {
    ok: true,
    maxTokens,
    hold: call.promptNanos + Math.min(maxTokens, HOLD_OUTPUT_TOKENS) * call.nanosPerOutputToken,
  };
}

/** The first window a running call has pushed past its limit, or -1. */
export function crossed(windows: readonly WindowBalance[]): number {
  return windows.findIndex((w) => w.limit !== null && w.spent + w.held > w.limit);
}
