import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** Writes `event: <type>\ndata: <json>\n\n` frames, and nothing once the client has gone. */
export class SseWriter {
  readonly #res: ServerResponse;

  constructor(res: ServerResponse) {
    this.#res = res;
  }

  open(): void {
    this.#res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    this.#res.flushHeaders();
  }

  send(event: string, data: object): void {
    if (this.#res.destroyed || this.#res.writableEnded) return;
    this.#res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  end(): void {
    if (!this.#res.destroyed && !this.#res.writableEnded) this.#res.end();
  }
}

/** Waits `ms` unless the request is abandoned first; timers never outlive the connection. */
export async function pause(ms: number | undefined, signal: AbortSignal): Promise<void> {
  if (!ms || ms <= 0) return;
  await sleep(ms, undefined, { signal });
}

/** Never sends another byte: resolves only when the client disconnects or the fake stops. */
export function hang(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
