import type { MessagesRequestBody, Scenario } from './types.ts';

/** The text of the last user turn (text blocks joined), or '' when there is none. */
export function lastUserText(body: MessagesRequestBody): string {
  const last = body.messages?.findLast((message) => message.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
}

/** A `text` function for scenarios that answer with the user's own words. */
export function echoLastUserMessage(body: MessagesRequestBody): string {
  return lastUserText(body);
}

function demoAnswer(body: MessagesRequestBody): string {
  const asked = lastUserText(body).replace(/\s+/g, ' ').trim();
  const quote = asked.length > 80 ? `${asked.slice(0, 77)}...` : asked;
  return [
    "Hello! I'm the **built-in fake Claude** that ships with claude-rasp for demos and tests.",
    'No real model was called and no Anthropic API key was used, so this answer cost nothing real.',
    '',
    quote ? `You asked: _"${quote}"_` : 'You did not ask anything yet, so here is a tour.',
    '',
    'Here is what an answer looks like in this app:',
    '',
    '- **Streaming:** the text arrives in small chunks, just like a real reply.',
    '- **Costs:** tokens are counted (about one per four characters), so budgets and charts fill in.',
    '- **Markdown:** lists, `inline code` and code blocks render as usual.',
    '',
    '```ts',
    "const reply = await claude.ask('What is the answer?');",
    'console.log(reply); // 42',
    '```',
    '',
    'Add an Anthropic API key to talk to the real Claude.',
  ].join('\n');
}

/** The reply when nothing is scripted: looks live (small chunks, 15 ms apart) and costs realistically. */
export const demoScenario: Scenario = {
  text: demoAnswer,
  chunkSize: 8,
  firstTokenDelayMs: 150,
  deltaDelayMs: 15,
};

interface QueuedScenario {
  scenario: Scenario;
  remaining: number;
}

/** Scripted scenarios, consumed one per `POST /v1/messages`; the fallback answers when it is empty. */
export class ScenarioQueue {
  readonly #queue: QueuedScenario[] = [];
  #fallback: Scenario;

  constructor(fallback: Scenario) {
    this.#fallback = fallback;
  }

  push(...scenarios: Scenario[]): void {
    for (const scenario of scenarios) {
      const times = scenario.times ?? 1;
      if (!(times >= 1)) throw new RangeError(`scenario.times must be >= 1, got ${times}`);
      this.#queue.push({ scenario, remaining: times });
    }
  }

  next(): Scenario {
    const head = this.#queue[0];
    if (!head) return this.#fallback;
    head.remaining -= 1;
    if (head.remaining <= 0) this.#queue.shift();
    return head.scenario;
  }

  /** Requests the queue will still answer before the fallback (Infinity when one repeats forever). */
  get pending(): number {
    return this.#queue.reduce((sum, queued) => sum + queued.remaining, 0);
  }

  setFallback(fallback: Scenario): void {
    this.#fallback = fallback;
  }

  clear(): void {
    this.#queue.length = 0;
  }
}
