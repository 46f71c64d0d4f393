import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import type { AlertEvent } from './modules/budget/alerts.ts';

/**
 * A message's stream only signals "there is more": subscribers read the text itself from the
 * generation's buffer. Each subscription keeps only its newest signal (a one-slot sliding
 * buffer), so a slow or stalled client coalesces many deltas into one read instead of growing a
 * queue; Yoga's createPubSub shares one unbounded queue policy and would overflow there.
 */
export type StreamSignal = { kind: 'delta' } | { kind: 'toolCall' } | { kind: 'completed' };

export type PubSubEvents = {
  messageStream: StreamSignal;
  /** Keyed `user:<id>` or `global`. */
  budgetAlert: AlertEvent;
  /** Keyed `all`: some MCP server's status or tools changed; subscribers read the registry. */
  mcpServers: { kind: 'changed' };
};

/**
 * Alerts are few and each one matters: they queue (up to a bound) instead of coalescing.
 * Stream signals keep only the newest.
 */
const bufferSizes: Record<keyof PubSubEvents, number> = {
  messageStream: 1,
  budgetAlert: 32,
  mcpServers: 1,
};

export type PubSub = {
  publish<K extends keyof PubSubEvents>(
    topic: K,
    id: number | string,
    event: PubSubEvents[K],
  ): void;
  subscribe<K extends keyof PubSubEvents>(topic: K, id: number | string): Repeater<PubSubEvents[K]>;
};

/** In-process pub/sub, typed by topic; the scale-out mode swaps it for Redis. */
export function createPubSub(): PubSub {
  const target = new EventTarget();
  return {
    publish(topic, id, event) {
      target.dispatchEvent(new CustomEvent(`${topic}:${id}`, { detail: event }));
    },
    subscribe(topic, id) {
      const name = `${topic}:${id}`;
      return new Repeater(async (push, stop) => {
        const listener = (event: Event) => void push((event as CustomEvent).detail);
        target.addEventListener(name, listener);
        await stop;
        target.removeEventListener(name, listener);
      }, new SlidingBuffer(bufferSizes[topic]));
    },
  };
}
