import type { Context } from '../../context.ts';
import type { Message } from '../conversations/message.entity.ts';

export type StreamEvent =
  { kind: 'delta'; text: string; offset: number } | { kind: 'completed'; message: Message };

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
    while (generation && !generation.done) {
      if (first || generation.text.length > sent) {
        const text = generation.text.slice(sent);
        yield { kind: 'delta', text, offset: sent };
        sent += text.length;
        first = false;
      }
      await signal;
      signal = signals.next();
    }
    if (generation && generation.text.length > sent) {
      yield { kind: 'delta', text: generation.text.slice(sent), offset: sent };
    }
    ctx.em.clear();
    yield { kind: 'completed', message: await ctx.chat.findOwnMessage(ctx.viewer, message.id) };
  } finally {
    await signals.return();
  }
}
