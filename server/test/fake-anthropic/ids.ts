import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An id shaped like Anthropic's (`msg_01…`, `toolu_01…`, `req_01…`): prefix, `01`, 22 base62 chars. */
export function newId(prefix: 'msg' | 'toolu' | 'req'): string {
  let suffix = '';
  for (let i = 0; i < 22; i++) suffix += BASE62[randomInt(BASE62.length)];
  return `${prefix}_01${suffix}`;
}
