import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config.ts';
import type { Context } from '../../context.ts';
import { rateLimited } from '../../errors.ts';
import { rootSelection } from './root-fields.ts';

type Limit = { limiter: RateLimiterMemory; refusal: (wait: string) => string };

/**
 * Limits per user (all of a user's sessions and API tokens together, so more tokens do not mean
 * more requests) on the mutations that cost money or mint secrets. Counted per root field
 * occurrence, before the resolver runs; a limit of 0 is off.
 */
export function useRateLimits(config: Config['rateLimits']): Plugin<Context> {
  const limits = new Map<string, Limit>();
  if (config.messagesPerMinute > 0) {
    limits.set('sendMessage', {
      limiter: new RateLimiterMemory({
        keyPrefix: 'send-message',
        points: config.messagesPerMinute,
        duration: 60,
      }),
      refusal: (wait) =>
        `You are sending messages too fast (${config.messagesPerMinute} a minute). Try again in ${wait}.`,
    });
  }
  if (config.apiTokensPerHour > 0) {
    limits.set('createApiToken', {
      limiter: new RateLimiterMemory({
        keyPrefix: 'create-api-token',
        points: config.apiTokensPerHour,
        duration: 60 * 60,
      }),
      refusal: (wait) =>
        `You have created too many API tokens (${config.apiTokensPerHour} an hour). Try again in ${wait}.`,
    });
  }
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const viewer = args.contextValue.viewer;
      const selection = rootSelection(args.document, args.operationName);
      if (!viewer || selection?.rootType !== 'Mutation') return;
      for (const [field, limit] of limits) {
        const count = selection.fields.filter((f) => f === field).length;
        if (count === 0) continue;
        try {
          await limit.limiter.consume(`user:${viewer.user.id}`, count);
        } catch (result) {
          if (!(result instanceof RateLimiterRes)) throw result;
          const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
          setResultAndStopExecution({
            errors: [rateLimited(limit.refusal(formatWait(seconds)), seconds)],
          });
          return;
        }
      }
    },
  };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
