import type { Context } from '../../context.ts';
import type { Message } from '../conversations/message.entity.ts';
import type { Generation } from './generation.ts';
import type { LiveToolCall } from './tool-runner.ts';

export type StreamEvent =
  | { kind: 'delta'; text: string; offset: number }
  | { kind: 'toolCall'; toolCall: LiveToolCall }
  | { kind: 'completed'; message: Message };

/**
 * The tool call states this subscriber has not seen yet, every one of them: signals coalesce,
 * so the generation keeps the log and each subscriber its place in it.
 */
function* toolCallChanges(generation: Generation, seen: { count: number }) {
  const changes = generation.toolCallChanges;
  while (seen.count < changes.length) {
    yield { kind: 'toolCall' as const, toolCall: changes[seen.count++]! };
  }
}

/**
 * Follows one reply: everything written so far as one delta at offset 0, then each new piece,
 * then the stored message. The text comes from the generation's own buffer, so joining the
 * deltas gives exactly the final content however late or slow the subscriber is.
 */
export async function* followMessage(ctx: Context, messageId: number): AsyncGenerator<StreamEvent> {
  const message = await ctx.chat.findOwnMessage(ctx.viewer, messageId);
  const signals = ctx.pubsub.subscribe('messageStream', message.id);
  let signal = signals.next(); // attaches the listener before the buffer is read
  try {
    const generation = ctx.generations.get(message.id);
    let sent = 0;
    let first = true;
    const seen = { count: 0 };
    while (generation && !generation.done) {
      if (first || generation.text.length > sent) {
        const text = generation.text.slice(sent);
        yield { kind: 'delta', text, offset: sent };
        sent += text.length;
        first = false;
      }
      yield* toolCallChanges(generation, seen);
      await signal;
      signal = signals.next();
    }
    if (generation && generation.text.length > sent) {
      yield { kind: 'delta', text: generation.text.slice(sent), offset: sent };
    }
    if (generation) yield* toolCallChanges(generation, seen);
    ctx.em.clear();
    yield { kind: 'completed', message: await ctx.chat.findOwnMessage(ctx.viewer, message.id) };
  } finally {
    await signals.return();
  }
}
