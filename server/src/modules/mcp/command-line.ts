import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** What the API shows of a secret value: never the value, at most its last 4 characters. */
export function maskSecret(value: string): string {
  return value.length >= 16 ? `••••${value.slice(-4)}` : '••••••••';
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A word as a POSIX shell would need it written to mean exactly this one argument. */
export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line a stdio server is started with, written as a shell would need it, with its
 * environment variables in front (masked). The server runs it without a shell.
 */
export function commandLine(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): string {
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${maskSecret(value)}`);
  return [...assignments, shellQuote(command), ...args.map(shellQuote)].join(' ');
}

/**
 * The program that would run, looked up the way spawn() does (in PATH unless the command has a
 * slash); null when there is none, or it is not executable.
 */
export function resolveCommand(command: string, path = process.env.PATH ?? ''): string | null {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(command)]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}
