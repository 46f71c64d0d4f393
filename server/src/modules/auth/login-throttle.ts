import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../errors.ts';

/**
 * Failed sign-ins are counted per (account, address) and per address. Blocks always expire, and
 * no counter is kept per account alone, so an attacker elsewhere cannot lock a user out: only the
 * attacker's own address gets blocked. Known-good addresses of an account stay out of the
 * account-wide limit that slows down distributed guessing.
 */
export class LoginThrottle {
  readonly #perAccountAddress = new RateLimiterMemory({
    keyPrefix: 'login-account-address',
    points: 5,
    duration: 15 * 60,
  });
  readonly #perAddress = new RateLimiterMemory({
    keyPrefix: 'login-address',
    points: 50,
    duration: 60 * 60,
  });
  readonly #perAccountFromUnknownAddresses = new RateLimiterMemory({
    keyPrefix: 'login-account',
    points: 100,
    duration: 60 * 60,
  });
  readonly #knownAddresses = new Map<string, Set<string>>();

  /** Throws RATE_LIMITED when this attempt must not even be checked. */
  async assertAllowed(account: string, address: string): Promise<void> {
    const checks = [
      this.#perAccountAddress.get(`${account}|${address}`).then((r) => blocked(r, 5)),
      this.#perAddress.get(address).then((r) => blocked(r, 50)),
    ];
    if (!this.#isKnown(account, address)) {
      checks.push(this.#perAccountFromUnknownAddresses.get(account).then((r) => blocked(r, 100)));
    }
    const waits = (await Promise.all(checks)).filter((ms): ms is number => ms !== null);
    if (waits.length > 0) {
      const seconds = Math.ceil(Math.max(...waits) / 1000);
      throw rateLimited(
        `Too many failed sign-in attempts. Try again in ${formatWait(seconds)}.`,
        seconds,
      );
    }
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([
      this.#perAccountAddress.penalty(`${account}|${address}`),
      this.#perAddress.penalty(address),
      this.#isKnown(account, address)
        ? null
        : this.#perAccountFromUnknownAddresses.penalty(account),
    ]);
  }

  async recordSuccess(account: string, address: string): Promise<void> {
    await this.#perAccountAddress.delete(`${account}|${address}`);
    const known = this.#knownAddresses.get(account) ?? new Set<string>();
    known.add(address);
    if (known.size > 20) known.delete(known.values().next().value!);
    this.#knownAddresses.set(account, known);
  }

  #isKnown(account: string, address: string): boolean {
    return this.#knownAddresses.get(account)?.has(address) ?? false;
  }
}

function blocked(result: RateLimiterRes | null, points: number): number | null {
  return result && result.consumedPoints >= points ? result.msBeforeNext : null;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
