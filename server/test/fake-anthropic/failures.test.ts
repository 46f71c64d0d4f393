import Anthropic, {
  AnthropicError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './server.ts';

const MODEL = 'claude-sonnet-4-6';
const API_KEY = 'test';
const hello = [{ role: 'user' as const, content: 'Hello' }];
const request = { model: MODEL, max_tokens: 100, messages: hello };

let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
});
afterEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});
afterAll(() => fake.stop());

function client(options: { maxRetries?: number; apiKey?: string } = {}): Anthropic {
  return new Anthropic({ apiKey: API_KEY, baseURL: fake.url, maxRetries: 0, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to throw'),
    (error: unknown) => error,
  );
}

function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

describe('fake Anthropic: HTTP errors', () => {
  it('returns 529 once, then the SDK retry succeeds', async () => {
    fake.script({ httpError: { status: 529 } }, { text: 'second try' });
    const message = await client({ maxRetries: 1 }).messages.create(request);

    expect(textOf(message)).toBe('second try');
    expect(fake.requests).toHaveLength(2);
  });

  it('returns 529 every time: the SDK gives up with overloaded_error', async () => {
    fake.script({ httpError: { status: 529, retryAfterMs: 1 }, times: Infinity });
    const error = await rejection(client({ maxRetries: 1 }).messages.create(request));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error' });
    expect((error as APIError).error).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect((error as APIError).requestID).toMatch(/^req_01/);
    expect(fake.requests).toHaveLength(2);
  });

  it('sends retry-after on 429 and the SDK waits that long, not its own backoff', async () => {
    fake.script({ httpError: { status: 429, retryAfter: 0.05 } }, { text: 'after the wait' });
    const message = await client({ maxRetries: 1 }).messages.create(request);
    const [first, second] = fake.requests;
    const gap = second!.receivedAt - first!.receivedAt;

    expect(textOf(message)).toBe('after the wait');
    expect(gap).toBeGreaterThanOrEqual(45);
    expect(gap).toBeLessThan(350); // the SDK's own backoff starts at 375 ms
  });

  it('surfaces 429 as RateLimitError with its retry-after header', async () => {
    fake.script({ httpError: { status: 429, retryAfter: 3 } });
    const error = await rejection(client().messages.create(request));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('3');
    expect(error).toMatchObject({ type: 'rate_limit_error' });
  });

  it('repeats an error `times` times, then the next scenario answers', async () => {
    fake.script({ httpError: { status: 500, retryAfterMs: 1 }, times: 2 }, { text: 'third time' });
    const message = await client({ maxRetries: 2 }).messages.create(request);

    expect(textOf(message)).toBe('third time');
    expect(fake.requests).toHaveLength(3);
  });

  it('x-should-retry: false stops the SDK from retrying a 500', async () => {
    fake.script({ httpError: { status: 500, shouldRetry: false }, times: Infinity });
    const error = await rejection(client({ maxRetries: 2 }).messages.create(request));

    expect(error).toMatchObject({ status: 500, type: 'api_error' });
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects a wrong x-api-key with 401 before touching the script', async () => {
    fake.script({ text: 'not for intruders' });
    const error = await rejection(client({ apiKey: 'wrong' }).messages.create(request));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, type: 'authentication_error' });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer wrong');
    expect(fake.pending).toBe(1);
  });

  it('rejects a request without max_tokens with 400 invalid_request_error', async () => {
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ model: MODEL, messages: hello }),
    });
    const body: unknown = await response.json();

    expect(response.status).toBe(400);
    expect(body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      request_id: response.headers.get('request-id'),
    });
    const viaSdk = client().messages.create({ model: MODEL, messages: hello } as never);
    expect(await rejection(viaSdk)).toBeInstanceOf(BadRequestError);
  });

  it('answers unknown routes with 404 not_found_error and a request-id', async () => {
    const response = await fetch(`${fake.url}/v1/models`, { headers: { 'x-api-key': API_KEY } });

    expect(response.status).toBe(404);
    expect(response.headers.get('request-id')).toMatch(/^req_01/);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });
});

describe('fake Anthropic: broken streams', () => {
  it('sends an error event mid-stream and the SDK stream throws', async () => {
    fake.script({ text: 'one two three four', chunkSize: 4, streamError: { afterDeltas: 2 } });
    const stream = client().messages.stream(request);
    const texts: string[] = [];
    stream.on('text', (text) => texts.push(text));
    const error = await rejection(stream.finalMessage());

    expect(texts).toEqual(['one ', 'two ']);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: undefined, type: 'overloaded_error' });
  });

  it('survives a client that aborts a hung stream, and serves the next request', async () => {
    const consoleError = vi.spyOn(console, 'error');
    fake.script({ text: 'aaaabbbbcccc', chunkSize: 4, hangAfterDeltas: 2 }, { text: 'next' });
    const stream = client().messages.stream(request);
    const texts: string[] = [];
    const twoTexts = new Promise<void>((resolve) =>
      stream.on('text', (text) => texts.push(text) === 2 && resolve()),
    );
    await twoTexts;
    stream.abort();

    expect(await rejection(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
    expect(texts).toEqual(['aaaa', 'bbbb']);
    await vi.waitFor(() => expect(fake.requests[0]!.disconnected).toBe(true));
    const next = await client().messages.create(request);
    expect(textOf(next)).toBe('next');
    expect(fake.requests[1]!.disconnected).toBe(false);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('survives a client that leaves between two paced deltas', async () => {
    const consoleError = vi.spyOn(console, 'error');
    fake.script({ text: 'x'.repeat(50), chunkSize: 1, deltaDelayMs: 20 }, { text: 'still here' });
    const stream = await client().messages.create({ ...request, stream: true });
    let deltas = 0;
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && ++deltas === 2) break; // the SDK aborts on break
    }

    await vi.waitFor(() => expect(fake.requests[0]!.disconnected).toBe(true));
    expect(textOf(await client().messages.create(request))).toBe('still here');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('lets an AbortController cancel a hung non-streaming request', async () => {
    fake.script({ hangAfterDeltas: 0 });
    const controller = new AbortController();
    const pending = client().messages.create(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);

    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    await vi.waitFor(() => expect(fake.requests[0]!.disconnected).toBe(true));
  });

  it('stop() cuts a hung stream instead of waiting for it', async () => {
    const own = await startFakeAnthropic();
    own.script({ hangAfterDeltas: 1 });
    const sdk = new Anthropic({ apiKey: 'any', baseURL: own.url, maxRetries: 0 });
    const stream = sdk.messages.stream(request);
    await new Promise<void>((resolve) => stream.once('text', () => resolve()));
    await own.stop();

    const error = await rejection(stream.finalMessage());
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).toHaveProperty('message', 'terminated'); // undici's word for a cut body
  });
});
