import type { ApiScope } from '$lib/graphql/graphql';

/** Scopes include the ones below them, so a token is described by its highest. */
export const ACCESS_LEVELS: { scope: ApiScope; label: string; description: string }[] = [
  {
    scope: 'READ',
    label: 'Read',
    description: 'Conversations, usage, models and status. Cannot send messages.',
  },
  {
    scope: 'CHAT',
    label: 'Read and chat',
    description: 'Also sends messages and changes conversations, spending your budget.',
  },
  {
    scope: 'ADMIN',
    label: 'Admin',
    description: 'Also manages users, limits and MCP servers. Treat it like your password.',
  },
];

export function accessLabel(scopes: readonly ApiScope[]): string {
  const highest = [...ACCESS_LEVELS].reverse().find((level) => scopes.includes(level.scope));
  return highest?.label ?? 'No access';
}
