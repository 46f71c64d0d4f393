import { useFragment } from '$lib/graphql';
import type { ConversationSummaryFragment } from '$lib/graphql/graphql';
import { handleError } from '$lib/handle-error';
import { client } from '$lib/urql';
import {
  ConversationsQuery,
  ConversationSummaryFields,
  CreateConversationMutation,
} from './conversation-list.graphql';

export type ConversationSummary = ConversationSummaryFragment;

const PAGE_SIZE = 30;
const SEARCH_DELAY_MS = 250;

/** The viewer's conversations, newest activity first, as the sidebar shows them. */
class ConversationList {
  #items = $state<ConversationSummary[]>([]);
  #search = $state('');
  #loading = $state(false);
  #loaded = $state(false);
  #nextCursor = $state<string | null>(null);
  // Only the newest request may fill the list; older answers (earlier searches) are dropped.
  #request = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  get items(): readonly ConversationSummary[] {
    return this.#items;
  }

  get loading(): boolean {
    return this.#loading;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  get hasMore(): boolean {
    return this.#nextCursor !== null;
  }

  get search(): string {
    return this.#search;
  }

  set search(value: string) {
    this.#search = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  async load(after: string | null = null): Promise<void> {
    const request = ++this.#request;
    this.#loading = true;
    const variables = { first: PAGE_SIZE, after, search: this.#search.trim() || null };
    const result = await client
      .query(ConversationsQuery, variables, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== this.#request) return;
    this.#loading = false;
    if (!result.data) return handleError(result.error);
    const page = result.data.conversations;
    const loaded = page.edges.map((edge) => useFragment(ConversationSummaryFields, edge.node));
    this.#items = after ? [...this.#items, ...loaded] : loaded;
    this.#nextCursor = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    this.#loaded = true;
  }

  loadMore(): Promise<void> {
    return this.load(this.#nextCursor);
  }

  /** Starts a conversation; null when that failed (the error has been shown). */
  async create(model: string | null = null): Promise<ConversationSummary | null> {
    const result = await client
      .mutation(CreateConversationMutation, { input: { model } })
      .toPromise();
    if (!result.data) {
      handleError(result.error);
      return null;
    }
    const created = useFragment(ConversationSummaryFields, result.data.createConversation);
    this.moveToTop(created);
    return created;
  }

  /** Puts a conversation that just had activity at the top. */
  moveToTop(summary: ConversationSummary): void {
    this.#items = [summary, ...this.#items.filter((item) => item.id !== summary.id)];
  }

  /** Shows a changed title or model where the conversation already is. */
  update(summary: ConversationSummary): void {
    this.#items = this.#items.map((item) => (item.id === summary.id ? summary : item));
  }

  remove(id: string): void {
    this.#items = this.#items.filter((item) => item.id !== id);
  }
}

export const conversationList = new ConversationList();
