import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sendHttpError } from './errors.ts';
import { newId } from './ids.ts';
import { countTokens, createMessage } from './routes.ts';
import { demoScenario, ScenarioQueue } from './scenarios.ts';
import type {
  FakeAnthropicOptions,
  MessagesRequestBody,
  RecordedRequest,
  Scenario,
} from './types.ts';

export interface FakeAnthropic {
  /** Base URL for the SDK's `baseURL` / `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in order, including rejected ones. */
  requests: RecordedRequest[];
  /** Queues scenarios; each answers the next `POST /v1/messages` (or `times` of them). */
  script(...scenarios: Scenario[]): void;
  /** Replaces the scenario used when the queue is empty. */
  setDefault(scenario: Scenario): void;
  /** Requests the queue will still answer before the default takes over. */
  readonly pending: number;
  /** Empties the queue and the request log (the default scenario stays). */
  reset(): void;
  /** Cuts open streams (hung ones too) and closes the port. */
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): MessagesRequestBody | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as MessagesRequestBody)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The key a request presents: `x-api-key`, or `Authorization: Bearer` as the 1.x SDK sends it. */
function presentedKey(req: IncomingMessage): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return (req.headers['x-api-key'] as string | undefined) ?? bearer;
}

export async function startFakeAnthropic(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropic> {
  const queue = new ScenarioQueue(options.defaultScenario ?? demoScenario);
  const requests: RecordedRequest[] = [];
  /** One per response in flight: aborting it clears that response's timers. */
  const inFlight = new Set<AbortController>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    const seen: { record?: RecordedRequest } = {};
    inFlight.add(controller);
    res.on('close', () => {
      if (seen.record && !res.writableFinished) seen.record.disconnected = true;
      controller.abort();
      inFlight.delete(controller);
    });
    res.setHeader('request-id', newId('req'));

    const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname;
    const raw = await readBody(req);
    const body = parseBody(raw);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      receivedAt: performance.now(),
      disconnected: false,
    };
    seen.record = record;
    requests.push(record);

    if (options.apiKey !== undefined && presentedKey(req) !== options.apiKey) {
      return sendHttpError(res, { status: 401 });
    }
    const route = `${req.method} ${path}`;
    if (route !== 'POST /v1/messages' && route !== 'POST /v1/messages/count_tokens') {
      return sendHttpError(res, { status: 404, message: `Not found: ${route}` });
    }
    if (!body) {
      const message = raw ? 'Invalid JSON in request body' : 'Request body is required';
      return sendHttpError(res, { status: 400, message });
    }
    if (path === '/v1/messages/count_tokens') return countTokens(res, body);
    await createMessage(res, body, queue, controller.signal);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that vanished mid-request is normal; anything else is a bug in the fake, so say so.
      if (!req.destroyed) console.error('fake-anthropic:', error);
      if (res.headersSent) res.destroy();
      else sendHttpError(res, { status: 500 });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    script: (...scenarios) => queue.push(...scenarios),
    setDefault: (scenario) => queue.setFallback(scenario),
    get pending() {
      return queue.pending;
    },
    reset() {
      queue.clear();
      requests.length = 0;
    },
    async stop() {
      for (const controller of inFlight) controller.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
