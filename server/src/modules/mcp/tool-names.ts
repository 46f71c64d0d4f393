import { createHash } from 'node:crypto';

/** What Anthropic accepts as a tool name. */
export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const SEPARATOR = '__';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 6);

/**
 * The name Claude sees: `<server>__<tool>`, with characters Anthropic refuses replaced by `_`.
 * A name that had to be cut to 64 characters, or that became equal to another server tool's name
 * once cleaned, ends in a short hash of the original so it stays unique and stable.
 */
export function qualifiedToolNames(serverName: string, toolNames: readonly string[]): string[] {
  const prefix = `${serverName}${SEPARATOR}`;
  const room = 64 - prefix.length;
  const cleaned = toolNames.map((name) => name.replace(/[^a-zA-Z0-9_-]/g, '_'));
  const counts = new Map<string, number>();
  for (const name of cleaned) counts.set(name, (counts.get(name) ?? 0) + 1);
  return toolNames.map((original, index) => {
    const name = cleaned[index]!;
    const collides = counts.get(name)! > 1 || name.length === 0;
    if (!collides && name.length <= room) return `${prefix}${name}`;
    const suffix = `_${shortHash(original)}`;
    return `${prefix}${name.slice(0, room - suffix.length)}${suffix}`;
  });
}
