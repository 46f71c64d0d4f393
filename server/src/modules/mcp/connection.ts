import type { McpSession, McpToolInfo, McpToolOutcome } from '../../integrations/mcp-client.ts';
import type { Logger } from '../../logger.ts';
import { endpointOf, type McpServerDefinition } from './definition.ts';

export const MCP_SERVER_STATES = ['CONNECTED', 'CONNECTING', 'ERROR', 'DISABLED'] as const;
export type McpServerState = (typeof MCP_SERVER_STATES)[number];

export type McpServerStatus = Readonly<{
  state: McpServerState;
  error: string | null;
  toolCount: number;
  lastCheckedAt: Date | null;
  retryAt: Date | null;
}>;

export type ConnectionTiming = {
  connectTimeoutMs: number;
  /** A connected server is pinged this often, so a dead HTTP server is noticed without a call. */
  pingEveryMs: number;
  pingTimeoutMs: number;
  /** Back-off after a failure: first wait, doubled each time up to the longest. */
  retryFirstMs: number;
  retryMaxMs: number;
};

export const defaultTiming: ConnectionTiming = {
  connectTimeoutMs: 60_000, // `npx -y` may download the server first
  pingEveryMs: 60_000,
  pingTimeoutMs: 10_000,
  retryFirstMs: 1_000,
  retryMaxMs: 60_000,
};

export type ConnectionDeps = {
  open: typeof import('../../integrations/mcp-client.ts').openMcpSession;
  logger: Logger;
  timing: ConnectionTiming;
  onChange(): void;
};

/**
 * One server's live connection: opened when enabled, reopened with exponential back-off after a
 * crash or a drop, pinged while idle, closed (with its process group) on close().
 */
export class McpConnection {
  #state: McpServerState = 'DISABLED';
  #error: string | null = null;
  #tools: McpToolInfo[] = [];
  #lastCheckedAt: Date | null = null;
  #retryAt: Date | null = null;
  #session: McpSession | null = null;
  #connecting: Promise<void> | null = null;
  #failures = 0;
  #connectedAt = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #pingTimer: NodeJS.Timeout | undefined;
  #closed = false;

  /** Replaced in place when only the name or the approval mode changes. */
  definition: McpServerDefinition;

  constructor(
    definition: McpServerDefinition,
    private readonly deps: ConnectionDeps,
  ) {
    this.definition = definition;
  }

  get status(): McpServerStatus {
    return {
      state: this.#state,
      error: this.#error,
      toolCount: this.#tools.length,
      lastCheckedAt: this.#lastCheckedAt,
      retryAt: this.#retryAt,
    };
  }

  get tools(): readonly McpToolInfo[] {
    return this.#tools;
  }

  get pid(): number | null {
    return this.#session?.pid ?? null;
  }

  /** Starts connecting when the server is enabled; resolves when the first attempt has ended. */
  start(): Promise<void> {
    if (!this.definition.enabled) return Promise.resolve();
    return this.#connect();
  }

  /** Shown instead of connecting: a definition the registry refused (e.g. a duplicate name). */
  refuse(reason: string): void {
    this.#set('ERROR', reason);
  }

  /**
   * Checks the server now: a connected one is pinged and its tools listed again, a broken one
   * is reconnected at once (the back-off starts over), a disabled one is probed and let go.
   */
  async check(): Promise<void> {
    if (this.#closed) return;
    if (!this.definition.enabled) return this.#probe();
    if (this.#session && (await this.#ping())) return this.#refreshTools();
    await this.#connecting?.catch(() => {});
    if (this.#session) return;
    clearTimeout(this.#retryTimer);
    this.#failures = 0;
    return this.#connect();
  }

  async callTool(
    name: string,
    input: Record<string, unknown>,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<McpToolOutcome> {
    const session = this.#session;
    if (!session || this.#state !== 'CONNECTED') {
      throw new Error(`The ${this.definition.name} server is not connected.`);
    }
    return session.callTool(name, input, options);
  }

  /** Stops for good: no more retries, the session (and its process group) closed. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    await this.#connecting?.catch(() => {});
    const session = this.#session;
    this.#session = null;
    await session?.close();
  }

  #connect(): Promise<void> {
    this.#connecting ??= this.#open().finally(() => (this.#connecting = null));
    return this.#connecting;
  }

  async #open(): Promise<void> {
    this.#retryAt = null;
    this.#set('CONNECTING', this.#error);
    try {
      const session = await this.deps.open(
        endpointOf(this.definition),
        {
          onClosed: (reason) => void this.#dropped(session, reason),
          onToolsChanged: () => void this.#refreshTools(),
          onTransportError: (error) => {
            this.deps.logger.debug({ err: error, server: this.definition.name }, 'MCP transport');
            void this.#ping();
          },
        },
        { connectTimeoutMs: this.deps.timing.connectTimeoutMs },
      );
      if (this.#closed) return void (await session.close());
      this.#session = session;
      this.#tools = await session.listTools();
      this.#connectedAt = Date.now();
      this.#lastCheckedAt = new Date();
      this.#startPinging();
      this.deps.logger.info(
        { server: this.definition.name, tools: this.#tools.length },
        'MCP server connected',
      );
      this.#set('CONNECTED', null);
    } catch (error) {
      await this.#failed((error as Error).message);
    }
  }

  /** The session ended on its own: keep the tools' names, say why, and try again later. */
  async #dropped(session: McpSession, reason: string): Promise<void> {
    if (this.#session !== session || this.#closed) return;
    this.#session = null;
    clearInterval(this.#pingTimer);
    await session.close(); // clears what the process may have left in its group
    if (Date.now() - this.#connectedAt >= this.deps.timing.retryMaxMs) this.#failures = 0;
    await this.#failed(reason);
  }

  async #failed(reason: string): Promise<void> {
    const session = this.#session;
    this.#session = null;
    await session?.close();
    this.#lastCheckedAt = new Date();
    this.deps.logger.warn({ server: this.definition.name, reason }, 'MCP server unavailable');
    if (this.#closed) return;
    const { retryFirstMs, retryMaxMs } = this.deps.timing;
    const wait = Math.min(retryFirstMs * 2 ** this.#failures, retryMaxMs);
    const jittered = Math.round(wait * (0.8 + Math.random() * 0.4));
    this.#failures += 1;
    this.#retryAt = new Date(Date.now() + jittered);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.#connect(), jittered);
    this.#set('ERROR', reason);
  }

  #startPinging(): void {
    clearInterval(this.#pingTimer);
    this.#pingTimer = setInterval(() => void this.#ping(), this.deps.timing.pingEveryMs);
    this.#pingTimer.unref();
  }

  /** True when the server answered; a silent or broken one is dropped and retried. */
  async #ping(): Promise<boolean> {
    const session = this.#session;
    if (!session) return false;
    try {
      await session.ping(this.deps.timing.pingTimeoutMs);
      this.#lastCheckedAt = new Date();
      this.deps.onChange();
      return true;
    } catch (error) {
      await this.#dropped(session, `The server stopped answering: ${(error as Error).message}`);
      return false;
    }
  }

  async #refreshTools(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      this.#tools = await session.listTools();
      this.#lastCheckedAt = new Date();
      this.deps.onChange();
    } catch (error) {
      this.deps.logger.warn(
        { err: error, server: this.definition.name },
        'MCP tool list could not be refreshed',
      );
    }
  }

  /** A disabled server is connected once to list its tools, then closed again. */
  async #probe(): Promise<void> {
    let session: McpSession | undefined;
    try {
      session = await this.deps.open(
        endpointOf(this.definition),
        { onClosed: () => {}, onToolsChanged: () => {}, onTransportError: () => {} },
        { connectTimeoutMs: this.deps.timing.connectTimeoutMs },
      );
      this.#tools = await session.listTools();
      this.#error = null;
    } catch (error) {
      this.#error = (error as Error).message;
    } finally {
      await session?.close();
      this.#lastCheckedAt = new Date();
      this.deps.onChange();
    }
  }

  #set(state: McpServerState, error: string | null): void {
    this.#state = state;
    this.#error = error;
    this.deps.onChange();
  }
}
