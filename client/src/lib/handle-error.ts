import { CombinedError } from '@urql/core';
import { refusalMessage, refusalOf } from '$lib/budget-format';
import { toasts } from '$lib/state/toasts.svelte';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BUDGET_EXCEEDED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'INTERNAL';

const OFFLINE = 'Cannot reach the server. Check your connection and try again.';
const UNEXPECTED = 'Something went wrong. Please try again.';

/** Used when the server sends a code without a message worth showing. */
const fallbackMessages: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  BAD_USER_INPUT: 'Please check what you entered.',
  NOT_FOUND: 'That was not found.',
  CONFLICT: 'That conflicts with the current state. Reload and try again.',
  BUDGET_EXCEEDED: 'The spending limit has been reached.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  UPSTREAM_ERROR: 'Claude is not answering right now. Please try again later.',
  INTERNAL: UNEXPECTED,
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in fallbackMessages;
}

/** The code of the first GraphQL error, or null for network and unknown errors. */
export function errorCode(error: unknown): ErrorCode | null {
  if (!(error instanceof CombinedError)) return null;
  const code = error.graphQLErrors[0]?.extensions?.['code'];
  return isErrorCode(code) ? code : null;
}

/** A short message for the person using the app, for inline display in forms. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof CombinedError)) return UNEXPECTED;
  if (error.networkError) return OFFLINE;
  const first = error.graphQLErrors[0];
  const code = errorCode(error);
  // Internal errors are masked by the server; its wording is not meant for people.
  if (!first || !code || code === 'INTERNAL') return UNEXPECTED;
  // The server names the reset in UTC; people want their own clock.
  const refusal = code === 'BUDGET_EXCEEDED' ? refusalOf(first.extensions) : null;
  if (refusal) return refusalMessage(refusal);
  return first.message.trim() || fallbackMessages[code];
}

/** Shows an error that has no form to sit in. */
export function handleError(error: unknown): void {
  toasts.show(errorMessage(error), 'error');
}
