/**
 * What an API token may do. Each scope includes the ones before it: READ reads everything its
 * owner can read, CHAT also changes things (conversations, messages), ADMIN also reaches the
 * administrator's fields, and only an administrator can hold it. A signed-in session has every
 * right its user has.
 */
export const API_SCOPES = ['READ', 'CHAT', 'ADMIN'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The given scopes and every scope they include, in order. */
export function withIncludedScopes(scopes: Iterable<ApiScope>): ApiScope[] {
  const highest = Math.max(-1, ...[...scopes].map((scope) => API_SCOPES.indexOf(scope)));
  return API_SCOPES.slice(0, highest + 1);
}
