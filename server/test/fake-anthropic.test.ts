import Anthropic from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { echoLastUserMessage } from './fake-anthropic/scenarios.ts';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic/server.ts';

const MODEL = 'claude-sonnet-4-6';
const API_KEY = 'test';
const hello = [{ role: 'user' as const, content: 'Hello' }];

let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

function client(): Anthropic {
  return new Anthropic({ apiKey: API_KEY, baseURL: fake.url, maxRetries: 0 });
}

/** Raw SSE frames of a streamed reply, straight off the wire. */
async function rawEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      const [eventLine, dataLine] = frame.split('\n');
      return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice(6)) };
    });
}

function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, ...headers },
    body: JSON.stringify(body),
  });
}

describe('fake Anthropic: successful replies', () => {
  it('streams text deltas and reports usage and stop_reason', async () => {
    fake.script({ text: 'Hello there, streamed!', chunkSize: 5, usage: { input: 12 } });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 100, messages: hello });
    const texts: string[] = [];
    stream.on('text', (text) => texts.push(text));
    const message = await stream.finalMessage();

    expect(texts).toEqual(['Hello', ' ther', 'e, st', 'reame', 'd!']);
    expect(message.id).toMatch(/^msg_01/);
    expect(message.model).toBe(MODEL);
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there, streamed!' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 6 });
  });

  it('sends the real event sequence as text/event-stream with a request-id', async () => {
    fake.script({ text: 'abcdef', chunkSize: 3 });
    const response = await post('/v1/messages', {
      model: MODEL,
      max_tokens: 50,
      messages: hello,
      stream: true,
    });

    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('request-id')).toMatch(/^req_01/);
    const events = await rawEvents(response);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]!.data).toMatchObject({
      type: 'message_start',
      message: { type: 'message', role: 'assistant', content: [], stop_reason: null },
    });
    expect(events[0]!.data).toMatchObject({ message: { usage: { output_tokens: 1 } } });
    expect(events[6]!.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: {
        input_tokens: 2,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 2,
      },
    });
  });

  it('streams tool_use blocks whose input arrives as partial JSON', async () => {
    const input = { city: 'Paris', days: 3 };
    fake.script({
      text: 'Let me check.',
      toolUses: [{ name: 'get_weather', input }],
      chunkSize: 7,
    });
    const tools = [
      { name: 'get_weather', input_schema: { type: 'object' as const, properties: {} } },
    ];
    const stream = client().messages.stream({
      model: MODEL,
      max_tokens: 100,
      messages: hello,
      tools,
    });
    const partials: string[] = [];
    stream.on('inputJson', (partial) => partials.push(partial));
    const message = await stream.finalMessage();

    expect(partials.join('')).toBe(JSON.stringify(input));
    expect(partials.length).toBeGreaterThan(1);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toMatchObject({ type: 'tool_use', name: 'get_weather', input });
    expect(message.content[1]).toHaveProperty('id', expect.stringMatching(/^toolu_01/));
    expect(fake.requests[0]!.body?.tools).toEqual(tools);
  });

  it('answers non-streaming requests with the whole message and records what was sent', async () => {
    fake.script({ text: 'Whole answer.' });
    const history = [
      { role: 'user' as const, content: 'First question' },
      { role: 'assistant' as const, content: 'First answer' },
      { role: 'user' as const, content: 'Second question' },
    ];
    const message = await client().messages.create({
      model: MODEL,
      max_tokens: 321,
      system: 'Be brief.',
      messages: history,
    });

    expect(message.content).toEqual([{ type: 'text', text: 'Whole answer.' }]);
    expect(message.stop_reason).toBe('end_turn');
    // 'Be brief.' + the three turns = 9 + 14 + 12 + 15 = 50 chars → 13 tokens.
    expect(message.usage).toMatchObject({ input_tokens: 13, output_tokens: 4 });
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.body).toMatchObject({
      system: 'Be brief.',
      max_tokens: 321,
      messages: history,
    });
    expect(request!.body?.stream).toBeFalsy();
  });

  it('counts tokens without consuming a scripted scenario', async () => {
    fake.script({ text: 'kept for later' });
    const count = await client().messages.countTokens({
      model: MODEL,
      system: 'abcd',
      messages: [{ role: 'user', content: 'x'.repeat(12) }],
    });

    expect(count).toEqual({ input_tokens: 4 });
    expect(fake.requests[0]!.path).toBe('/v1/messages/count_tokens');
    expect(fake.pending).toBe(1);
  });

  it('answers with the markdown demo reply when nothing is scripted', async () => {
    const question = 'What can you do?';
    const message = await client().messages.create({
      model: MODEL,
      max_tokens: 1000,
      messages: [{ role: 'user', content: question }],
    });
    const block = message.content[0];
    const text = block?.type === 'text' ? block.text : '';

    expect(text).toContain('built-in fake Claude');
    expect(text).toContain(question);
    expect(text).toMatch(/^- \*\*/m);
    expect(text).toMatch(/^```ts$/m);
    expect(message.usage.output_tokens).toBe(Math.ceil(text.length / 4));
    expect(message.usage.input_tokens).toBe(Math.ceil(question.length / 4));
  });

  it('can echo the last user message', async () => {
    fake.script({ text: echoLastUserMessage });
    const message = await client().messages.create({
      model: MODEL,
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'echo me' }] }],
    });

    expect(message.content).toEqual([{ type: 'text', text: 'echo me' }]);
  });
});

describe('fake Anthropic: limits and usage', () => {
  it('stops at max_tokens with stop_reason max_tokens', async () => {
    fake.script({ text: 'x'.repeat(100), toolUses: [{ name: 'never_reached', input: {} }] });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 5, messages: hello });
    const message = await stream.finalMessage();

    expect(message.content).toEqual([{ type: 'text', text: 'x'.repeat(20) }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(5);
  });

  it('passes scripted cache usage through message_start and message_delta', async () => {
    fake.script({ usage: { input: 10, output: 7, cacheWrite: 1000, cacheRead: 2000 } });
    const message = await client()
      .messages.stream({ model: MODEL, max_tokens: 100, messages: hello })
      .finalMessage();

    expect(message.usage).toMatchObject({
      input_tokens: 10,
      output_tokens: 7,
      cache_creation_input_tokens: 1000,
      cache_read_input_tokens: 2000,
    });
  });

  it('waits firstTokenDelayMs before the first delta', async () => {
    fake.script({ text: 'late', firstTokenDelayMs: 60 });
    const started = performance.now();
    const stream = client().messages.stream({ model: MODEL, max_tokens: 100, messages: hello });
    const firstText = new Promise<number>((resolve) =>
      stream.once('text', () => resolve(performance.now())),
    );

    expect((await firstText) - started).toBeGreaterThanOrEqual(55);
    await stream.finalMessage();
  });

  it('waits deltaDelayMs between deltas', async () => {
    fake.script({ text: 'aaabbbccc', chunkSize: 3, deltaDelayMs: 40 });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 100, messages: hello });
    const times: number[] = [];
    stream.on('text', () => times.push(performance.now()));
    await stream.finalMessage();

    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(70);
  });
});
