import type { EntityManager } from '@mikro-orm/sqlite';
import { badInput } from '../../errors.ts';
import { requireAdmin, requireViewer, type Viewer } from '../../viewer.ts';
import type { Budgets } from '../budget/budgets.ts';
import { monthOf, nextDay, nextMonthStart, previousDay } from '../budget/windows.ts';

export type Granularity = 'DAY' | 'MONTH';

export type UsageAmounts = {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  calls: number;
  cost: number;
};

export type UsageReport = {
  currency: string;
  totals: UsageAmounts;
  series: (UsageAmounts & { date: string })[];
  byModel: (UsageAmounts & { model: string })[];
};

export type UserUsage = UsageAmounts & { userId: number | null; username: string | null };

type Row = {
  key: string | null;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  calls: number;
  nanos: number | string;
};

export type ModelRow = Row & { model: string };

const SUMS = `coalesce(sum(input_tokens), 0) as input, coalesce(sum(output_tokens), 0) as output,
  coalesce(sum(cache_read_tokens), 0) as cacheRead, coalesce(sum(cache_write_tokens), 0) as cacheWrite,
  coalesce(sum(calls), 0) as calls, coalesce(sum(cost_nanos), 0) as nanos`;

const MAX_DAYS = 400;

/** Reports from the ledger; a member sees their own, an administrator anyone's or everybody's. */
export class UsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly budgets: Budgets,
  ) {}

  async usage(
    viewer: Viewer | null,
    query: {
      from: string;
      to: string;
      granularity: Granularity;
      userId?: number;
      allUsers?: boolean;
    },
  ): Promise<UsageReport> {
    const { user } = requireViewer(viewer);
    if (query.allUsers || (query.userId !== undefined && query.userId !== user.id)) {
      requireAdmin(viewer);
    }
    checkRange(query.from, query.to, query.granularity);
    const owner = query.allUsers ? null : (query.userId ?? user.id);
    // Days before today never change (charges land on the day they happen), so their rows are
    // read once and kept; only today's are read every time.
    const today = this.budgets.gate.today();
    const past = { from: query.from, to: query.to < today ? query.to : previousDay(today) };
    const pastKey = `${owner}|${past.from}|${past.to}`;
    const pastRows =
      past.from > past.to
        ? []
        : (this.budgets.pastUsage.get(pastKey) ??
          this.budgets.pastUsage.set(pastKey, await this.#rows(owner, past)));
    const todayRows =
      query.from <= today && today <= query.to
        ? await this.#rows(owner, { from: today, to: today })
        : [];
    const rows = [...pastRows, ...todayRows];
    // Sums stay in nano-dollars (whole numbers) until the end, so they are exact.
    const byKey = new Map<string, Row>();
    const byModel = new Map<string, Row>();
    const totals = zero();
    for (const row of rows) {
      add(totals, row);
      const day = row.key ?? '';
      add(getOrZero(byKey, query.granularity === 'DAY' ? day : monthOf(day)), row);
      add(getOrZero(byModel, row.model), row);
    }
    return {
      currency: this.budgets.currency,
      totals: this.#amounts(totals),
      series: buckets(query.from, query.to, query.granularity).map((date) => ({
        date,
        ...this.#amounts(byKey.get(query.granularity === 'DAY' ? date : monthOf(date))),
      })),
      byModel: [...byModel]
        .map(([model, sums]) => ({ model, ...this.#amounts(sums) }))
        .sort((a, b) => b.cost - a.cost),
    };
  }

  /**
   * The ledger's sums in a range per day and model: one pass over an index already in that order
   * (no sort), even for months, which are summed here.
   */
  #rows(owner: number | null, range: { from: string; to: string }) {
    const where = `day >= ? and day <= ?${owner === null ? '' : ' and user_id = ?'}`;
    const params = owner === null ? [range.from, range.to] : [range.from, range.to, owner];
    return this.em
      .getConnection()
      .execute<ModelRow[]>(
        `select day as key, model, ${SUMS} from usage_records where ${where} group by day, model`,
        params,
      );
  }

  /** Everybody's spending in a range, biggest first (administrators). */
  async byUser(viewer: Viewer | null, from: string, to: string): Promise<UserUsage[]> {
    requireAdmin(viewer);
    checkRange(from, to, 'DAY');
    const rows = await this.em.getConnection().execute<(Row & { username: string | null })[]>(
      `select u.id as key, u.username as username, ${SUMS.replaceAll('sum(', 'sum(r.')}
       from users u left join usage_records r on r.user_id = u.id and r.day >= ? and r.day <= ?
       group by u.id order by nanos desc, u.username`,
      [from, to],
    );
    return rows.map((row) => ({
      userId: row.key === null ? null : Number(row.key),
      username: row.username,
      ...this.#amounts(row),
    }));
  }

  #amounts(row: Row | undefined): UsageAmounts {
    return {
      inputTokens: Number(row?.input ?? 0),
      outputTokens: Number(row?.output ?? 0),
      cacheReadTokens: Number(row?.cacheRead ?? 0),
      cacheWriteTokens: Number(row?.cacheWrite ?? 0),
      calls: Number(row?.calls ?? 0),
      cost: this.budgets.fromNanos(Number(row?.nanos ?? 0)),
    };
  }
}

const zero = (): Row => ({
  key: null,
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite: 0,
  calls: 0,
  nanos: 0,
});

function add(sum: Row, row: Row): void {
  sum.input += Number(row.input);
  sum.output += Number(row.output);
  sum.cacheRead += Number(row.cacheRead);
  sum.cacheWrite += Number(row.cacheWrite);
  sum.calls += Number(row.calls);
  sum.nanos = Number(sum.nanos) + Number(row.nanos);
}

function getOrZero<K>(map: Map<K, Row>, key: K): Row {
  let amounts = map.get(key);
  if (!amounts) map.set(key, (amounts = zero()));
  return amounts;
}

function checkRange(from: string, to: string, granularity: Granularity): void {
  if (from > to) throw badInput('`from` must not be after `to`.', 'from');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (granularity === 'DAY' && days > MAX_DAYS) {
    throw badInput(`A daily report covers at most ${MAX_DAYS} days; use MONTH.`, 'to');
  }
  if (days > MAX_DAYS * 10) throw badInput('A report covers at most ten years.', 'to');
}

/** Every day (or first of month) from `from` to `to`, so charts have no gaps. */
function buckets(from: string, to: string, granularity: Granularity): string[] {
  const dates: string[] = [];
  if (granularity === 'DAY') {
    for (let day = from; day <= to; day = nextDay(day)) dates.push(day);
  } else {
    for (let first = `${monthOf(from)}-01`; first <= to; first = nextMonthStart(first)) {
      dates.push(first);
    }
  }
  return dates;
}
