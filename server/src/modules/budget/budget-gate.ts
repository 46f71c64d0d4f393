import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { AppError } from '../../errors.ts';
import { recordCharge, spentNanos, type Charge } from './ledger.ts';
import { crossed, plan, type WindowBalance } from './reservations.ts';
import { dayOf, firstOfMonth, resetsAt, type Period } from './windows.ts';

/** Limits in nano-dollars, as the gate compares them. */
export type AccountLimits = {
  daily: number | null;
  monthly: number | null;
  killSwitchEnabled: boolean;
};

export type Scope = 'USER' | 'GLOBAL';

/** What a call would cost, as the kill switch plans it (nanos). */
export type CallEstimate = { promptNanos: number; nanosPerOutputToken: number; maxTokens: number };

/** A window that stopped (or would stop) a call. */
export type Breach = { scope: Scope; period: Period; resetsAt: Date };

type Account = {
  day: string;
  dailySpent: number;
  monthlySpent: number;
  /** What each reservation in flight holds, by reservation id. */
  holds: Map<number, number>;
};

export type GateDependencies = {
  orm: MikroORM;
  timeZone: string;
  /** Current limits; cached by the caller, invalidated when they change. */
  limits(userId: number | null): Promise<AccountLimits>;
};

const GLOBAL = 'global';
const accountKey = (userId: number | null) => (userId === null ? GLOBAL : `user:${userId}`);

/**
 * The kill switch. It keeps each account's spending for the current day and month in memory
 * (loaded once from the ledger, then advanced by every charge), plus what requests in flight
 * hold, so checking a request costs no query. Loads and charges run one at a time, so a load can
 * never miss or double-count a charge. Holds live only in this process: a restart clears them.
 */
export class BudgetGate {
  readonly #accounts = new Map<string, Account>();
  #lock: Promise<unknown> = Promise.resolve();
  #nextId = 1;

  constructor(private readonly deps: GateDependencies) {}

  now(): Date {
    return new Date();
  }

  today(): string {
    return dayOf(this.now(), this.deps.timeZone);
  }

  /** Runs `work` after every earlier load and charge has finished. */
  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(work, work);
    this.#lock = run.catch(() => {});
    return run;
  }

  async #account(userId: number | null): Promise<Account> {
    const key = accountKey(userId);
    const today = this.today();
    const cached = this.#accounts.get(key);
    if (cached?.day === today) return cached;
    return await this.#serially(async () => {
      const current = this.#accounts.get(key);
      if (current?.day === today) return current;
      const em = this.deps.orm.em.fork();
      const account: Account = {
        day: today,
        dailySpent: await spentNanos(em, userId, today, today),
        monthlySpent: await spentNanos(em, userId, firstOfMonth(today), today),
        holds: current?.holds ?? new Map(),
      };
      this.#accounts.set(key, account);
      return account;
    });
  }

  /** Spent and held in an account's current day and month, in nanos. */
  async balance(userId: number | null) {
    const account = await this.#account(userId);
    const held = sum(account.holds.values());
    return { dailySpent: account.dailySpent, monthlySpent: account.monthlySpent, held };
  }

  /**
   * Admits a call or refuses it with BUDGET_EXCEEDED before anything reaches the upstream.
   * The returned reservation must be settled or released, whatever happens.
   */
  async reserve(userId: number, call: CallEstimate): Promise<Reservation> {
    const { windows, limits } = await this.#windows(userId);
    const enforced = windows.filter((w) => w.limits.killSwitchEnabled);
    const decision = plan(
      enforced.map((w) => w.balance),
      call,
    );
    if (!decision.ok) throw budgetExceeded(this.#breach(enforced[decision.window]!));
    const reservation = new Reservation(this, this.#nextId++, userId, decision.maxTokens, limits);
    for (const w of windows) w.account.holds.set(reservation.id, decision.hold);
    reservation.base = decision.hold;
    return reservation;
  }

  /**
   * The window that would refuse such a call now, if any: the user's and the instance's, or with
   * null only the instance's. Nothing is reserved.
   */
  async refusal(userId: number | null, call: CallEstimate): Promise<Breach | null> {
    const { windows } = await this.#windows(userId);
    const enforced = windows.filter((w) => w.limits.killSwitchEnabled);
    const decision = plan(
      enforced.map((w) => w.balance),
      call,
    );
    return decision.ok ? null : this.#breach(enforced[decision.window]!);
  }

  async #windows(userId: number | null) {
    const [user, global, userLimits, globalLimits] = await Promise.all([
      userId === null ? null : this.#account(userId),
      this.#account(null),
      userId === null ? null : this.deps.limits(userId),
      this.deps.limits(null),
    ]);
    const own =
      user && userLimits
        ? [window('USER', 'DAILY', user, userLimits), window('USER', 'MONTHLY', user, userLimits)]
        : [];
    return {
      windows: [
        ...own,
        window('GLOBAL', 'DAILY', global, globalLimits),
        window('GLOBAL', 'MONTHLY', global, globalLimits),
      ],
      limits: { user: userLimits ?? globalLimits, global: globalLimits },
    };
  }

  #breach(w: { scope: Scope; period: Period }): Breach {
    return { ...w, resetsAt: resetsAt(w.period, this.now(), this.deps.timeZone) };
  }

  /**
   * Sets what a reservation holds. A call still within what it was admitted with is never
   * stopped; one that has run past it is, once spending plus every hold exceeds a limit: the
   * enforced window it pushed past is returned.
   */
  track(reservation: Reservation, running: number, limits: LimitsPair): Breach | null {
    const user = this.#accounts.get(accountKey(reservation.userId));
    const global = this.#accounts.get(GLOBAL);
    if (!user || !global) return null;
    const held = Math.max(reservation.base, running);
    user.holds.set(reservation.id, held);
    global.holds.set(reservation.id, held);
    if (running <= reservation.base) return null;
    const windows = [
      window('USER', 'DAILY', user, limits.user),
      window('USER', 'MONTHLY', user, limits.user),
      window('GLOBAL', 'DAILY', global, limits.global),
      window('GLOBAL', 'MONTHLY', global, limits.global),
    ].filter((w) => w.limits.killSwitchEnabled);
    const index = crossed(windows.map((w) => w.balance));
    return index === -1 ? null : this.#breach(windows[index]!);
  }

  /**
   * Stores a charge in the ledger inside the transaction that stores what it paid for, then
   * moves it from the reservation's hold into the accounts' spending.
   */
  async charge(
    reservation: Reservation,
    charge: Omit<Charge, 'day'>,
    write: (tx: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.#serially(async () => {
      const day = this.today();
      await this.deps.orm.em.fork().transactional(async (tx) => {
        await write(tx);
        if (charge.costNanos > 0 || charge.calls > 0) await recordCharge(tx, { ...charge, day });
      });
      for (const key of [accountKey(charge.userId), GLOBAL]) {
        const account = this.#accounts.get(key);
        if (!account) continue;
        account.holds.set(reservation.id, reservation.base);
        // A charge after midnight belongs to a window not loaded yet: its load will read it.
        if (account.day !== day) continue;
        account.dailySpent += charge.costNanos;
        account.monthlySpent += charge.costNanos;
      }
    });
  }

  release(reservation: Reservation): void {
    this.#accounts.get(accountKey(reservation.userId))?.holds.delete(reservation.id);
    this.#accounts.get(GLOBAL)?.holds.delete(reservation.id);
  }
}

export type LimitsPair = { user: AccountLimits; global: AccountLimits };

function window(scope: Scope, period: Period, account: Account, limits: AccountLimits) {
  const daily = period === 'DAILY';
  return {
    scope,
    period,
    account,
    limits,
    balance: {
      limit: daily ? limits.daily : limits.monthly,
      spent: daily ? account.dailySpent : account.monthlySpent,
      held: sum(account.holds.values()),
    } satisfies WindowBalance,
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function budgetExceeded(breach: Breach): AppError {
  const whose = breach.scope === 'USER' ? 'Your' : "This instance's";
  const period = breach.period === 'DAILY' ? 'daily' : 'monthly';
  return new AppError(
    'BUDGET_EXCEEDED',
    `${whose} ${period} budget is used up. It resets at ${breach.resetsAt.toISOString()}.`,
    { scope: breach.scope, period: breach.period, resetsAt: breach.resetsAt.toISOString() },
  );
}

/**
 * One request's claim on its budgets while it runs. The hold starts at the estimate and grows
 * with the running cost of the current upstream call; each charged call is taken off it.
 */
export class Reservation {
  base = 0;

  constructor(
    private readonly gate: BudgetGate,
    readonly id: number,
    readonly userId: number,
    /** `max_tokens` for the first call, capped to what the budgets can pay for. */
    readonly maxTokens: number,
    /** The limits when the request started: running checks compare against these. */
    private readonly limits: LimitsPair,
  ) {}

  /** The running cost of the call in flight; returns the window it crossed, if any. */
  running(nanos: number): Breach | null {
    return this.gate.track(this, nanos, this.limits);
  }

  /** Charges a finished call; what is left of the estimate stays held for the next one. */
  charge(charge: Omit<Charge, 'day'>, write: (tx: EntityManager) => Promise<void>) {
    this.base = Math.max(0, this.base - charge.costNanos);
    return this.gate.charge(this, charge, write);
  }

  release(): void {
    this.gate.release(this);
  }
}
