import argon2 from 'argon2';
import { badInput } from '../../errors.ts';

/** OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane (about 25 ms here, ~90 ms on a Pi 4). */
const hashOptions = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw badInput(`The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`, field);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw badInput(`The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`, field);
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown user) it verifies against a
 * decoy so that "no such user" takes as long as "wrong password".
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const target = hash ?? (await decoyHash);
  const matches = await argon2.verify(target, password.slice(0, PASSWORD_MAX_LENGTH));
  return matches && hash !== undefined;
}
