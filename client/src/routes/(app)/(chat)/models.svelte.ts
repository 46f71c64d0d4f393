import { handleError } from '$lib/handle-error';
import type { ModelsQuery as ModelsResult } from '$lib/graphql/graphql';
import { client } from '$lib/urql';
import { ModelsQuery } from './models.graphql';

export type ChatModel = ModelsResult['models'][number];

/** The models a conversation can use, loaded once per page load. */
class ModelCatalog {
  #models = $state<ChatModel[]>([]);
  #loading: Promise<void> | null = null;

  get list(): readonly ChatModel[] {
    return this.#models;
  }

  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** The display name of a model id, or the id itself for a model no longer offered. */
  nameOf(id: string | null | undefined): string {
    if (!id) return '';
    return this.#models.find((model) => model.id === id)?.displayName ?? id;
  }

  async #load(): Promise<void> {
    const result = await client.query(ModelsQuery, {}).toPromise();
    if (result.data) {
      this.#models = result.data.models;
      return;
    }
    this.#loading = null;
    handleError(result.error);
  }
}

export const modelCatalog = new ModelCatalog();
