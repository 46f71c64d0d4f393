import { readFileSync } from 'node:fs';
import { badInput } from '../../errors.ts';
import shippedTable from './price-table.json' with { type: 'json' };
import { priceTableSchema, type ModelPrice, type PriceTable } from './pricing.ts';

export type Model = ModelPrice & { id: string };

/**
 * The models a user can choose, with their prices: the shipped table, or a file that replaces it
 * (PRICES_FILE) when Anthropic changes a price before we ship an update.
 */
export class ModelCatalog {
  readonly table: PriceTable;

  constructor(overrideFile?: string) {
    this.table = priceTableSchema.parse(
      overrideFile ? JSON.parse(readFileSync(overrideFile, 'utf8')) : shippedTable,
    );
  }

  list(): Model[] {
    return Object.entries(this.table.models).map(([id, price]) => ({ id, ...price }));
  }

  /** The price of a model; an unknown one is refused before anything reaches the upstream. */
  price(model: string): ModelPrice {
    const price = this.table.models[model];
    if (!price) throw badInput(`Unknown model "${model.slice(0, 100)}".`, 'model');
    return price;
  }
}
