import { useFragment, type FragmentType } from '$lib/graphql';
import type { McpServerFieldsFragment } from '$lib/graphql/graphql';
import { handleError } from '$lib/handle-error';
import { client } from '$lib/urql';
import { McpServerFields, McpServersQuery, McpServersSubscription } from './mcp.graphql';

export type McpServerView = McpServerFieldsFragment;

const unmask = (servers: FragmentType<typeof McpServerFields>[]) =>
  servers.map((server) => useFragment(McpServerFields, server));

/**
 * The servers as the server sees them, kept live: loaded once, then replaced by every list the
 * `mcpServers` subscription pushes (a status change, a tool list that changed, an edit elsewhere).
 */
export class McpServers {
  #servers = $state<McpServerView[]>([]);
  #loading = $state(true);
  #subscription: { unsubscribe(): void } | null = null;

  get servers(): McpServerView[] {
    return this.#servers;
  }

  get loading(): boolean {
    return this.#loading;
  }

  async start(): Promise<void> {
    this.#subscription ??= client.subscription(McpServersSubscription, {}).subscribe((result) => {
      if (result.data) this.#servers = unmask(result.data.mcpServers);
    });
    const result = await client
      .query(McpServersQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    this.#loading = false;
    if (!result.data) return handleError(result.error);
    this.#servers = unmask(result.data.mcpServers);
  }

  stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  /** Shows a server as a mutation returned it, before the subscription catches up. */
  put(server: McpServerView): void {
    const exists = this.#servers.some((s) => s.id === server.id);
    this.#servers = exists
      ? this.#servers.map((s) => (s.id === server.id ? server : s))
      : [...this.#servers, server].sort((a, b) => a.name.localeCompare(b.name));
  }

  remove(id: string): void {
    this.#servers = this.#servers.filter((s) => s.id !== id);
  }
}
