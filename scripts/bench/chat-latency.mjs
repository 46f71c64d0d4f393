// What the app adds to a streamed reply, against the same paced fake upstream as the SDK called
// directly, and the server's memory while it relays 100 replies at once.
//
// Time to first token: from the start of the request (the SDK's POST to the fake, or the app's
// sendMessage POST, its subscription opened as soon as the mutation answers) to the first
// non-empty text. Delta latency: from the moment the fake wrote delta k to the arrival of the
// client event that contains its end (k ≥ 1; delta 0 is in the TTFT). The app may coalesce
// deltas for a slow subscriber: each delta then waited for that one event, and counts so. The
// "added" figures are the app's percentile minus the SDK's, same load.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Anthropic from '@anthropic-ai/sdk';
import { openSocket, signInAsAdmin } from './chat-app.mjs';
import { API_KEY, CHUNK_CHARS, taggedReply } from './chat-fake.mjs';
import { directly, throughApp } from './chat-sides.mjs';
import { megabytes, percentile, progress } from './report.mjs';
import { startServer } from './server-process.mjs';

const PACING = { chunkSize: CHUNK_CHARS, firstTokenDelayMs: 50, deltaDelayMs: 20 };
/** Rounds thrown away first (JIT, keep-alive sockets), then the measured ones. */
const SINGLE = { streams: 1, deltas: 40, startEveryMs: 0, warmup: 2, rounds: 12 };
// A real reply lasts far longer than a second, so 100 users streaming at once do not all press
// send in the same millisecond: starts are spread over 1 s and each reply lasts 3 s, so all 100
// are streaming together for 2 s.
const WIDE = { streams: 100, deltas: 150, startEveryMs: 10, warmup: 1, rounds: 1 };
const RSS_SAMPLE_MS = 100;

let nextStreamId = 1;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Latencies of every measured reply of `side`, `plan.streams` at a time. */
async function measure(upstream, plan, side) {
  upstream.fake.setDefault({ ...PACING, text: taggedReply(plan.deltas) });
  const figures = { ttft: [], perDelta: [], answered: [], subscribed: [], relay: [], late: 0 };
  // This process runs the fake and the clients: if its own loop lags, the figures say so.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  const total = plan.warmup + plan.rounds;
  for (let round = 1; round <= total; round++) {
    if (round === plan.warmup + 1) loopDelay.enable();
    progress(`chat: ${side.name}, ${plan.streams} at a time, round ${round}/${total}`);
    const starters = await side.prepare(plan.streams);
    const streamIds = starters.map(() => nextStreamId++);
    const replies = await Promise.all(
      starters.map(async (start, i) => {
        await pause(i * plan.startEveryMs);
        return start(streamIds[i]);
      }),
    );
    streamIds.forEach((streamId, i) => {
      const writes = upstream.writeTimes.get(streamId);
      upstream.writeTimes.delete(streamId);
      if (round > plan.warmup) addLatencies(figures, plan.deltas, replies[i], writes);
    });
  }
  loopDelay.disable();
  figures.benchLoopP99 = loopDelay.percentile(99) / 1e6;
  return figures;
}

function addLatencies(figures, deltas, reply, writes) {
  const { startedAt, answeredAt, subscribedAt, arrivals } = reply;
  if (writes?.length !== deltas) throw new Error(`the fake wrote ${writes?.length} deltas`);
  figures.ttft.push(arrivals[0].at - startedAt);
  if (answeredAt !== undefined) {
    figures.answered.push(answeredAt - startedAt);
    figures.subscribed.push(subscribedAt - answeredAt);
    if (reply.textInCompleted) figures.late += 1;
  }
  let delta = 1;
  for (const { end, at } of arrivals) {
    for (; delta < deltas && (delta + 1) * CHUNK_CHARS <= end; delta++) {
      figures.perDelta.push(at - writes[delta]);
      // Deltas written once the subscription was running: the relay alone, without the start.
      if (writes[delta] > subscribedAt) figures.relay.push(at - writes[delta]);
    }
  }
  if (delta !== deltas) throw new Error('a reply arrived incomplete');
}

const fine = (value) => `${value.toFixed(1)} ms`;
const signed = (value) => `${value < 0 ? '-' : '+'}${fine(Math.abs(value))}`;
const spread = (values) =>
  values.length
    ? `p50 ${fine(percentile(values, 50))} p99 ${fine(percentile(values, 99))}`
    : 'none';

function addedRow(label, app, sdk, goal) {
  const added = (p) => signed(percentile(app, p) - percentile(sdk, p));
  return {
    label,
    figures: `p50 ${added(50)}  p99 ${added(99)}   (app ${spread(app)}; SDK direct ${spread(sdk)})`,
    goal,
  };
}

/** Where the app's time goes: the sendMessage round trip, the subscription's start, the relay. */
function splitRow(label, { answered, subscribed, relay, late, ttft, benchLoopP99 }) {
  const lateNote = late ? `; ${late}/${ttft.length} subscribed after their reply ended` : '';
  return {
    label,
    figures:
      `sendMessage ${spread(answered)}; 1st event ${spread(subscribed)} later; ` +
      `relay once subscribed ${spread(relay)}${lateNote}; bench loop delay p99 ${fine(benchLoopP99)}`,
  };
}

/** The peak of the server's RSS, read every 100 ms until `stop()`. */
function sampleRss(server) {
  let peak = server.rssBytes();
  const timer = setInterval(() => (peak = Math.max(peak, server.rssBytes())), RSS_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, server.rssBytes());
    },
  };
}

/** Rows: added time to first token and delta latency at 1 and 100 streams, and the server's RSS. */
export async function chatLatency(scratchDir, upstream) {
  const anthropic = new Anthropic({ apiKey: API_KEY, baseURL: upstream.fake.url, maxRetries: 0 });
  const sdkSingle = await measure(upstream, SINGLE, directly(anthropic));
  const sdkWide = await measure(upstream, WIDE, directly(anthropic));

  progress('chat: starting the server');
  const server = await startServer(scratchDir, {
    env: {
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: upstream.fake.url,
      // Hundreds of replies a minute from one account is the load under test, not abuse.
      RATE_LIMIT_MESSAGES_PER_MINUTE: '0',
    },
  });
  try {
    const app = { url: server.url, token: await signInAsAdmin(server.url) };
    const sockets = await Promise.all(
      Array.from({ length: WIDE.streams }, () => openSocket(app.url, app.token)),
    );
    const appSingle = await measure(upstream, SINGLE, throughApp(app, sockets));
    const rssBefore = server.rssBytes();
    const rss = sampleRss(server);
    const appWide = await measure(upstream, WIDE, throughApp(app, sockets));
    const rssPeak = rss.stop();
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await server.stop();

    const one = '1 stream';
    const many = `${WIDE.streams} streams`;
    return [
      {
        label: 'chat latency setup (app vs SDK direct)',
        figures:
          `same fake: ${SINGLE.deltas} deltas ${PACING.deltaDelayMs} ms apart after ` +
          `${PACING.firstTokenDelayMs} ms; ${many}: ${WIDE.deltas} deltas each, started ` +
          `${WIDE.startEveryMs} ms apart; added = app − SDK percentile`,
      },
      addedRow(`chat TTFT added, ${one}`, appSingle.ttft, sdkSingle.ttft, '≤ 10 ms p50'),
      addedRow(`chat delta added (write → client), ${one}`, appSingle.perDelta, sdkSingle.perDelta),
      splitRow(`chat app split, ${one}`, appSingle),
      addedRow(`chat TTFT added, ${many}`, appWide.ttft, sdkWide.ttft, '≤ 10 ms p50'),
      addedRow(
        `chat delta added (write → client), ${many}`,
        appWide.perDelta,
        sdkWide.perDelta,
        '≤ 5 ms p99',
      ),
      splitRow(`chat app split, ${many}`, appWide),
      {
        label: `chat server RSS, ${many} (every ${RSS_SAMPLE_MS} ms)`,
        figures: `before ${megabytes(rssBefore)}   peak ${megabytes(rssPeak)}`,
      },
    ];
  } finally {
    await server.kill();
  }
}
