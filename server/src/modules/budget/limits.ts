import type { MikroORM } from '@mikro-orm/sqlite';
import type { Config } from '../../config.ts';
import { GlobalLimit, UserLimit } from './limits.entity.ts';

/** Limits as set, in the configured currency (null: no limit). */
export type Limits = {
  dailyLimit: number | null;
  monthlyLimit: number | null;
  alertThresholds: number[];
  killSwitchEnabled: boolean;
};

const GLOBAL_ROW = 1;

/**
 * Reads and writes user and instance limits, keeping them in memory: every request checks them,
 * and only an explicit change (through `set`) makes them differ from what is cached.
 */
export class LimitsStore {
  readonly #cache = new Map<number | null, Promise<Limits>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly defaults: Config['budget'],
  ) {}

  get(userId: number | null): Promise<Limits> {
    let limits = this.#cache.get(userId);
    if (!limits) {
      limits = this.#load(userId);
      this.#cache.set(userId, limits);
      limits.catch(() => this.#cache.delete(userId));
    }
    return limits;
  }

  async #load(userId: number | null): Promise<Limits> {
    const em = this.orm.em.fork();
    const row =
      userId === null
        ? await em.findOne(GlobalLimit, GLOBAL_ROW)
        : await em.findOne(UserLimit, { user: userId });
    if (row) {
      return {
        dailyLimit: amount(row.dailyLimit),
        monthlyLimit: amount(row.monthlyLimit),
        alertThresholds: row.alertThresholds,
        killSwitchEnabled: row.killSwitchEnabled,
      };
    }
    return userId === null
      ? this.#defaults(this.defaults.globalDaily, this.defaults.globalMonthly)
      : this.#defaults(this.defaults.userDaily, this.defaults.userMonthly);
  }

  #defaults(daily: number | null, monthly: number | null): Limits {
    return {
      dailyLimit: daily,
      monthlyLimit: monthly,
      alertThresholds: [...this.defaults.alertThresholds],
      killSwitchEnabled: true,
    };
  }

  /** Stores a user's (or with null, the instance's) limits as a whole. */
  async set(userId: number | null, limits: Limits): Promise<Limits> {
    const em = this.orm.em.fork();
    if (userId === null) {
      await em.upsert(GlobalLimit, { id: GLOBAL_ROW, ...limits, updatedAt: new Date() });
    } else {
      await em.upsert(UserLimit, { user: userId, ...limits, updatedAt: new Date() });
    }
    this.#cache.set(userId, Promise.resolve(limits));
    return limits;
  }
}

/** Doubles may come back from a driver as strings. */
const amount = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
