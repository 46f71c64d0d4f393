import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API tokens look like GitHub's: a recognisable prefix, 30 random base62 characters (178 bits)
 * and a 6-character CRC32 checksum of them, so secret scanners can tell a real token from a
 * look-alike without asking us, and we can refuse a mistyped one without touching the database.
 */
export const API_TOKEN_PREFIX = 'rasp_';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
/** What the app shows of a token: the prefix and 7 random characters (137 bits stay secret). */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 7;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const API_TOKEN_PATTERN = new RegExp(
  `^${API_TOKEN_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`,
);

function randomBase62(length: number): string {
  let text = '';
  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: higher bytes are dropped so every character is equally likely.
      if (byte < 248 && text.length < length) text += BASE62[byte % 62];
    }
  }
  return text;
}

function checksum(random: string): string {
  let value = crc32(random);
  let text = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    text = BASE62[value % 62] + text;
    value = Math.floor(value / 62);
  }
  return text;
}

export function generateApiToken(): string {
  const random = randomBase62(RANDOM_LENGTH);
  return `${API_TOKEN_PREFIX}${random}${checksum(random)}`;
}

/** True for anything meant as an API token (as opposed to a session's access token). */
export const looksLikeApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);

/** True when the token has the right shape and its checksum matches. */
export function isWellFormedApiToken(token: string): boolean {
  if (!API_TOKEN_PATTERN.test(token)) return false;
  const body = token.slice(API_TOKEN_PREFIX.length);
  return checksum(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

export const shownPrefix = (token: string) => token.slice(0, SHOWN_LENGTH);

export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');
