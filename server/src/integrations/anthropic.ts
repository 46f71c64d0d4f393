import Anthropic from '@anthropic-ai/sdk';
import type { Config } from '../config.ts';

export { Anthropic };

/** The SDK client, or null when no key is configured (everything but chat still works). */
export function createAnthropic(config: Config): Anthropic | null {
  if (!config.anthropic.apiKey) return null;
  return new Anthropic({
    apiKey: config.anthropic.apiKey,
    baseURL: config.anthropic.baseUrl,
    // The SDK retries 408/409/429/5xx/529 with back-off; only before the first token, by nature.
    maxRetries: 2,
    timeout: 10 * 60 * 1000,
  });
}

/** A short, human reason for an upstream failure, safe to show to the user. */
export function describeUpstreamError(error: unknown): string {
  if (error instanceof Anthropic.AuthenticationError) {
    return 'The Anthropic API key was rejected. An administrator needs to check ANTHROPIC_API_KEY.';
  }
  if (error instanceof Anthropic.PermissionDeniedError) {
    return 'The Anthropic API key is not allowed to do this (model or organisation settings).';
  }
  if (error instanceof Anthropic.RateLimitError) {
    return "Anthropic's rate limit was reached. Try again in a minute.";
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return "Anthropic's API could not be reached. Check the Pi's internet connection.";
  }
  if (error instanceof Anthropic.APIError) {
    if (error.status === 529 || error.type === 'overloaded_error') {
      return 'Claude is overloaded right now. Try again in a moment.';
    }
    if (error.status === 400 || error.type === 'invalid_request_error') {
      return `Anthropic refused the request: ${error.error?.error?.message ?? error.message}`.slice(
        0,
        500,
      );
    }
    if (error.status === undefined) {
      return `The reply broke off with an error from Anthropic (${error.type ?? 'unknown'}).`;
    }
    return `Anthropic's API answered with an error (${error.status}). Try again.`;
  }
  return 'The connection to Anthropic broke off.';
}
