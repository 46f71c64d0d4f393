import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from '../modules/auth/sessions.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The caller's address. Behind the local nginx (a loopback peer) it is the address nginx appended
 * last to X-Forwarded-For; earlier entries come from the client and are not trusted.
 */
export function clientInfo(req: IncomingMessage): ClientInfo {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  const address =
    LOOPBACK.test(peer) && typeof forwarded === 'string'
      ? forwarded.split(',').at(-1)?.trim() || peer
      : peer;
  return { address, userAgent: req.headers['user-agent'] };
}

/** True when the browser reached us over HTTPS, directly or through the local proxy. */
export function isHttps(req: IncomingMessage): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted) return true;
  const peer = req.socket.remoteAddress ?? '';
  return LOOPBACK.test(peer) && req.headers['x-forwarded-proto'] === 'https';
}
