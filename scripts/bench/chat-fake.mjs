// The fake Anthropic upstream of the chat bench (TypeScript: this runs under tsx), with the moment
// it writes each text delta recorded, so a delta's latency is measured from its true origin.
import { ServerResponse } from 'node:http';
import { lastUserText } from '../../server/test/fake-anthropic/scenarios.ts';
import { startFakeAnthropic } from '../../server/test/fake-anthropic/server.ts';

export const API_KEY = 'bench';
/** Characters per delta; the tag that opens a tagged reply is exactly one delta. */
export const CHUNK_CHARS = 8;
const FILLER = 'lorem ip';
const TAG = /\[s(\d{5})\]/;

const tagOf = (streamId) => `[s${String(streamId).padStart(5, '0')}]`;

/** The user message that asks for reply `streamId`. */
export const promptFor = (streamId) => `stream ${streamId}`;

/** A scenario `text`: `deltas` chunks whose first names the stream asked for by `promptFor`. */
export function taggedReply(deltas) {
  return (body) => {
    const streamId = Number(/^stream (\d+)$/.exec(lastUserText(body))?.[1]);
    if (!Number.isInteger(streamId)) throw new Error('chat bench: a prompt without a stream id');
    return tagOf(streamId) + FILLER.repeat(deltas - 1);
  };
}

/**
 * Starts the fake and records, per stream id, the `performance.now()` of each text delta's write.
 * The fake has no hook for that and is shared with the tests, so the bench wraps
 * `ServerResponse#write` in its own process: only the fake serves HTTP responses of SSE frames here.
 */
export async function startTimedUpstream() {
  const fake = await startFakeAnthropic({ apiKey: API_KEY });
  /** stream id → write times of its deltas, in order */
  const writeTimes = new Map();
  const timesByResponse = new WeakMap();
  const write = ServerResponse.prototype.write;
  ServerResponse.prototype.write = function timedWrite(chunk, ...rest) {
    if (typeof chunk === 'string' && chunk.startsWith('event: content_block_delta')) {
      const at = performance.now();
      let times = timesByResponse.get(this);
      if (times === undefined) {
        const streamId = TAG.exec(chunk)?.[1];
        times = streamId === undefined ? null : [];
        if (times) writeTimes.set(Number(streamId), times);
        timesByResponse.set(this, times);
      }
      times?.push(at);
    }
    return write.call(this, chunk, ...rest);
  };
  return {
    fake,
    writeTimes,
    async stop() {
      ServerResponse.prototype.write = write;
      await fake.stop();
    },
  };
}
