import type { ServerResponse } from 'node:http';
import type { ErrorType } from '@anthropic-ai/sdk/resources/shared';
import type { ScriptedHttpError, ScriptedStreamError } from './types.ts';

/** The error type and message the real API pairs with each status. */
const BY_STATUS: Record<number, { type: ErrorType; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  402: {
    type: 'billing_error',
    message: 'Your credit balance is too low to access the Anthropic API.',
  },
  403: {
    type: 'permission_error',
    message: 'Your API key does not have permission to use the specified resource.',
  },
  404: { type: 'not_found_error', message: 'Not found' },
  413: {
    type: 'invalid_request_error',
    message: 'Request exceeds the maximum allowed number of bytes.',
  },
  429: {
    type: 'rate_limit_error',
    message:
      'This request would exceed the rate limit for your organization. Please try again later.',
  },
  500: { type: 'api_error', message: 'Internal server error' },
  504: { type: 'timeout_error', message: 'Request timed out' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

const STATUS_BY_TYPE: Partial<Record<ErrorType, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

export interface ErrorBody {
  type: 'error';
  error: { type: ErrorType; message: string };
  request_id?: string;
}

export function errorBody(
  status: number,
  override: { type?: ErrorType | undefined; message?: string | undefined } = {},
): ErrorBody {
  const known = BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500]! : BY_STATUS[400]!);
  return {
    type: 'error',
    error: { type: override.type ?? known.type, message: override.message ?? known.message },
  };
}

/** Writes an HTTP error the way the API does; the `request-id` header is already set by the server. */
export function sendHttpError(res: ServerResponse, spec: ScriptedHttpError): void {
  const body: ErrorBody = {
    ...errorBody(spec.status, spec),
    request_id: String(res.getHeader('request-id') ?? ''),
  };
  const retryAfter = spec.retryAfter ?? (spec.status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
  if (spec.retryAfterMs !== undefined) res.setHeader('retry-after-ms', String(spec.retryAfterMs));
  if (spec.shouldRetry !== undefined) res.setHeader('x-should-retry', String(spec.shouldRetry));
  res.writeHead(spec.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The data of a mid-stream `event: error` frame (no request_id: the real stream sends none). */
export function streamErrorBody(spec: ScriptedStreamError): ErrorBody {
  const status = STATUS_BY_TYPE[spec.type ?? 'overloaded_error'] ?? 500;
  return errorBody(status, spec);
}

/** A stream error scripted for a non-streaming request becomes the matching HTTP error. */
export function streamErrorAsHttp(spec: ScriptedStreamError): ScriptedHttpError {
  const type = spec.type ?? 'overloaded_error';
  return { status: STATUS_BY_TYPE[type] ?? 500, type, message: spec.message };
}
