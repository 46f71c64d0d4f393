import { SESSION_IDLE_DAYS } from './sessions.ts';

/** The refresh token travels only in this cookie, and only to the GraphQL endpoint. */
const NAME = 'rasp_refresh';

export function readRefreshCookie(cookieHeader: string | undefined): string | undefined {
  for (const part of cookieHeader?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === NAME) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function refreshCookie(token: string | null, secure: boolean): string {
  const attributes = [
    `${NAME}=${token ?? ''}`,
    'Path=/graphql',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${token ? SESSION_IDLE_DAYS * 24 * 60 * 60 : 0}`,
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
