import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { version } from '../paths.ts';

/** Where an MCP server is: a command to run (stdio) or a URL (Streamable HTTP, SSE). */
export type McpEndpoint =
  | { transport: 'STDIO'; command: string; args: string[]; env: Record<string, string> }
  | { transport: 'HTTP' | 'SSE'; url: string; headers: Record<string, string> };

export type McpToolInfo = {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
};

export type McpToolOutcome = { text: string; isError: boolean };

export type McpSessionEvents = {
  /** The connection ended without close() being called: a crash, a kill, a dropped stream. */
  onClosed(reason: string): void;
  /** The server sent notifications/tools/list_changed. */
  onToolsChanged(): void;
  /** Something went wrong on the transport that may or may not have ended the connection. */
  onTransportError(error: Error): void;
};

/** An open connection to one MCP server. */
export type McpSession = {
  /** The stdio server's process id (the leader of its own process group); null over HTTP. */
  readonly pid: number | null;
  listTools(): Promise<McpToolInfo[]>;
  callTool(
    name: string,
    input: Record<string, unknown>,
    options: { signal?: AbortSignal; timeoutMs: number },
  ): Promise<McpToolOutcome>;
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
};

/** How long a stdio server has to exit after its stdin closes, then after SIGTERM. */
const EXIT_GRACE_MS = 2_000;
/** The tail of a stdio server's stderr kept to explain why it stopped. */
const STDERR_TAIL_CHARS = 2_000;

/**
 * Stdio like the SDK's StdioClientTransport, but the server runs as the leader of its own process
 * group: `npx`, `uvx` and shell wrappers start the real server as a grandchild, and closing must
 * end the whole tree, not only the wrapper, or processes are left behind on the Pi.
 */
class ProcessGroupStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  #child: ChildProcess | undefined;
  #exited: Promise<void> | undefined;
  #stderr = '';
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Kept after the leader exits, so that close() can still clear its process group. */
  #leaderPid: number | null = null;
  readonly #buffer = new ReadBuffer();

  constructor(private readonly endpoint: Extract<McpEndpoint, { transport: 'STDIO' }>) {}

  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  /** The process was started (it may have ended since). */
  get spawned(): boolean {
    return this.#leaderPid !== null;
  }

  /** Why the process ended, in words, with the last line it wrote to stderr. */
  get exitReason(): string {
    const how = !this.#exit
      ? 'The server process closed its output'
      : this.#exit.signal
        ? `The server process was killed (${this.#exit.signal})`
        : `The server process exited with code ${this.#exit.code}`;
    const lastLine = this.#stderr.trim().split('\n').at(-1)?.trim();
    return lastLine ? `${how}: ${lastLine}` : `${how}.`;
  }

  start(): Promise<void> {
    const { command, args, env } = this.endpoint;
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        env: { ...getDefaultEnvironment(), ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
      this.#child = child;
      this.#exited = new Promise((done) => child.once('close', () => done()));
      child.once('error', (error: NodeJS.ErrnoException) => {
        const reason =
          error.code === 'ENOENT'
            ? `Command not found: ${command}`
            : error.code === 'EACCES'
              ? `Command not executable: ${command}`
              : `Could not start ${command}: ${error.message}`;
        reject(new Error(reason));
      });
      child.once('spawn', () => {
        this.#leaderPid = child.pid ?? null;
        resolve();
      });
      child.once('exit', (code, signal) => (this.#exit = { code, signal }));
      child.once('close', () => {
        this.#child = undefined;
        this.onclose?.();
      });
      child.stdout!.on('data', (chunk: Buffer) => {
        this.#buffer.append(chunk);
        for (;;) {
          let message: JSONRPCMessage | null;
          try {
            message = this.#buffer.readMessage();
          } catch (error) {
            this.onerror?.(error as Error); // a line that is not JSON-RPC (a stray log line)
            continue;
          }
          if (!message) break;
          this.onmessage?.(message);
        }
      });
      child.stderr!.setEncoding('utf8').on('data', (text: string) => {
        this.#stderr = (this.#stderr + text).slice(-STDERR_TAIL_CHARS);
      });
      child.stdin!.on('error', (error) => this.onerror?.(error));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.#child?.stdin;
    if (!stdin?.writable) return Promise.reject(new Error('The server process is not running.'));
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Closes stdin, then asks the whole group to stop, then kills what is left. */
  async close(): Promise<void> {
    const child = this.#child;
    const exited = this.#exited ?? Promise.resolve();
    if (child) {
      child.stdin?.end();
      if (!(await settlesWithin(exited, EXIT_GRACE_MS))) {
        this.#signalGroup(child, 'SIGTERM');
        if (!(await settlesWithin(exited, EXIT_GRACE_MS))) this.#signalGroup(child, 'SIGKILL');
        await exited;
      }
    }
    // The leader may be gone while children it started live on in its group.
    if (this.#leaderPid !== null) this.#signalGroup({ pid: this.#leaderPid }, 'SIGKILL');
    this.#buffer.clear();
  }

  #signalGroup(child: { pid?: number }, signal: NodeJS.Signals): void {
    if (!child.pid) return;
    try {
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function createTransport(endpoint: McpEndpoint): Transport {
  if (endpoint.transport === 'STDIO') return new ProcessGroupStdioTransport(endpoint);
  const requestInit = { headers: endpoint.headers };
  const url = new URL(endpoint.url);
  return endpoint.transport === 'HTTP'
    ? new StreamableHTTPClientTransport(url, { requestInit })
    : new SSEClientTransport(url, { requestInit });
}

/** Text for Claude from a tool result: text as is, other content described in a line. */
export function resultText(result: CallToolResult): string {
  const parts = result.content.map((block) => {
    switch (block.type) {
      case 'text':
        return block.text;
      case 'image':
      case 'audio':
        return `[${block.type} (${block.mimeType}), ${Math.round((block.data.length * 3) / 4)} bytes, not shown]`;
      case 'resource':
        return 'text' in block.resource ? block.resource.text : `[resource ${block.resource.uri}]`;
      case 'resource_link':
        return `[resource ${block.uri}${block.description ? `: ${block.description}` : ''}]`;
      default:
        return JSON.stringify(block);
    }
  });
  if (parts.length === 0 && result.structuredContent) {
    parts.push(JSON.stringify(result.structuredContent));
  }
  return parts.join('\n');
}

/** Connects and initialises; rejects with a readable reason when the server cannot be reached. */
export async function openMcpSession(
  endpoint: McpEndpoint,
  events: McpSessionEvents,
  options: { connectTimeoutMs: number },
): Promise<McpSession> {
  const transport = createTransport(endpoint);
  const client = new Client(
    { name: 'claude-rasp', version },
    {
      capabilities: {},
      listChanged: {
        tools: { autoRefresh: false, debounceMs: 100, onChanged: () => events.onToolsChanged() },
      },
    },
  );
  // Events count only once the session is open; before that, connect() rejects instead.
  let open = false;
  let closing = false;
  client.onerror = (error) => {
    if (open && !closing) events.onTransportError(error);
  };
  client.onclose = () => {
    if (!open || closing) return;
    closing = true;
    events.onClosed(
      transport instanceof ProcessGroupStdioTransport
        ? transport.exitReason
        : 'The connection to the server was closed.',
    );
  };
  try {
    await client.connect(transport, { timeout: options.connectTimeoutMs });
  } catch (error) {
    closing = true;
    const reason =
      transport instanceof ProcessGroupStdioTransport && transport.spawned
        ? transport.exitReason
        : describeConnectError(error);
    await transport.close().catch(() => {});
    throw new Error(reason, { cause: error });
  }
  const pid = transport instanceof ProcessGroupStdioTransport ? transport.pid : null;
  open = true;

  return {
    pid,
    async listTools() {
      const tools: McpToolInfo[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {});
        for (const tool of page.tools) {
          tools.push({
            name: tool.name,
            description: tool.description ?? '',
            inputSchema: tool.inputSchema as Record<string, unknown>,
          });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },
    async callTool(name, input, { signal, timeoutMs }) {
      const result = (await client.callTool({ name, arguments: input }, undefined, {
        signal,
        timeout: timeoutMs,
        maxTotalTimeout: timeoutMs,
      })) as CallToolResult;
      return { text: resultText(result), isError: result.isError === true };
    },
    async ping(timeoutMs) {
      await client.ping({ timeout: timeoutMs });
    },
    async close() {
      closing = true;
      await client.close().catch(() => {}); // closes the transport, and so the process group
    },
  };
}

function describeConnectError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused: nothing is listening at that address.';
  if (code === 'ENOTFOUND') return 'The host name could not be resolved.';
  if (/timed out|timeout/i.test(message)) return 'The server did not answer in time.';
  if (/\b401\b|\b403\b|unauthorized/i.test(message)) {
    return `The server refused the connection: check the headers (${message}).`;
  }
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
