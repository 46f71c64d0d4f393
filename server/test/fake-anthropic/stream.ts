import type { ServerResponse } from 'node:http';
import { streamErrorBody } from './errors.ts';
import { type BlockPlan, type ReplyPlan, startedMessage } from './reply.ts';
import { hang, isAbort, pause, SseWriter } from './sse.ts';
import type { Scenario } from './types.ts';

function blockStart(block: BlockPlan): object {
  return block.type === 'text'
    ? { type: 'text', text: '' }
    : { type: 'tool_use', id: block.id, name: block.name, input: {} };
}

function delta(block: BlockPlan, piece: string): object {
  return block.type === 'text'
    ? { type: 'text_delta', text: piece }
    : { type: 'input_json_delta', partial_json: piece };
}

/**
 * Streams the planned message as the Messages API does. A scripted stream error or hang takes over
 * once `sent` deltas have gone out; `signal` aborts when the client disconnects or the fake stops.
 */
export async function streamReply(
  res: ServerResponse,
  plan: ReplyPlan,
  scenario: Scenario,
  signal: AbortSignal,
): Promise<void> {
  const sse = new SseWriter(res);
  let sent = 0;

  /** True when the scripted interruption happened and the stream must not go on. */
  const interrupted = async (): Promise<boolean> => {
    const { streamError, hangAfterDeltas } = scenario;
    if (streamError && sent >= streamError.afterDeltas) {
      sse.send('error', streamErrorBody(streamError));
      sse.end();
      return true;
    }
    if (hangAfterDeltas !== undefined && sent >= hangAfterDeltas) {
      await hang(signal);
      return true;
    }
    return false;
  };

  try {
    sse.open();
    sse.send('message_start', { type: 'message_start', message: startedMessage(plan) });
    sse.send('ping', { type: 'ping' });
    await pause(scenario.firstTokenDelayMs, signal);

    for (const [index, block] of plan.blocks.entries()) {
      sse.send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: blockStart(block),
      });
      for (const piece of block.chunks) {
        if (await interrupted()) return;
        if (sent > 0) await pause(scenario.deltaDelayMs, signal);
        sse.send('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: delta(block, piece),
        });
        sent += 1;
      }
      sse.send('content_block_stop', { type: 'content_block_stop', index });
    }
    if (await interrupted()) return;

    sse.send('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: plan.stopReason, stop_sequence: null },
      usage: {
        input_tokens: plan.inputTokens,
        cache_creation_input_tokens: plan.cacheWrite,
        cache_read_input_tokens: plan.cacheRead,
        output_tokens: plan.outputTokens,
      },
    });
    sse.send('message_stop', { type: 'message_stop' });
    sse.end();
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  } finally {
    // A stopped fake or a vanished client: drop the socket rather than leave a half-sent stream.
    if (signal.aborted && !res.destroyed) res.destroy();
  }
}
