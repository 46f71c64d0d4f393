import type { ModelRow } from './usage.service.ts';

const MAX_ENTRIES = 500;

/**
 * Usage rows of finished days, by owner, granularity and range. Days before today never change,
 * so a report reads them once; the oldest entries make room past a bound.
 */
export class PastUsage {
  readonly #rows = new Map<string, ModelRow[]>();

  get(key: string): ModelRow[] | undefined {
    return this.#rows.get(key);
  }

  set(key: string, rows: ModelRow[]): ModelRow[] {
    this.#rows.set(key, rows);
    if (this.#rows.size > MAX_ENTRIES) this.#rows.delete(this.#rows.keys().next().value!);
    return rows;
  }
}
