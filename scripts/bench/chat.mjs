import { fileURLToPath } from 'node:url';
import { rowsUnderTsx } from './under-tsx.mjs';

const runner = fileURLToPath(new URL('chat-run.mjs', import.meta.url));

/** The chat benchmarks (chat-latency.mjs, chat-writes.mjs), under tsx for the fake upstream. */
export const chat = (scratchDir) => rowsUnderTsx('chat', runner, [scratchDir]);
