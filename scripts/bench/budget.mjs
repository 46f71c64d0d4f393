import { fileURLToPath } from 'node:url';
import { rowsUnderTsx } from './under-tsx.mjs';

const runner = fileURLToPath(new URL('budget-run.mjs', import.meta.url));

/** The money benchmarks (issue #4), under tsx for the fake upstream and the app's budget code. */
export const budget = (scratchDir) => rowsUnderTsx('budget', runner, [scratchDir]);
