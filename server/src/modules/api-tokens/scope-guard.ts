import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../context.ts';
import { forbidden, unauthenticated, type AppError } from '../../errors.ts';
import { hasScope, type Viewer } from '../../viewer.ts';
import { ruleFor } from './root-field-rules.ts';
import { rootSelection } from './root-fields.ts';

const INTROSPECTION = new Set(['__schema', '__type']);

/** Why the viewer may not run this operation, or null when they may. */
export function refusal(
  viewer: Viewer | null,
  document: DocumentNode,
  operationName?: string | null,
): AppError | null {
  const selection = rootSelection(document, operationName);
  if (!selection) return null;
  if (!viewer) {
    return selection.fields.some((field) => INTROSPECTION.has(field))
      ? unauthenticated('Sign in, or send an API token, to explore the schema.')
      : null;
  }
  if (!viewer.apiToken) return null;
  for (const field of selection.fields) {
    const rule = ruleFor(selection.rootType, field);
    if (rule === 'ANYONE') continue;
    if (rule === 'SESSION') {
      return forbidden(`API tokens cannot use ${field}; sign in to the app for that.`);
    }
    if (!hasScope(viewer, rule)) {
      return forbidden(`This API token lacks the ${rule} scope that ${field} needs.`);
    }
  }
  return null;
}

/**
 * Enforces API token scopes on every root field of every operation, over HTTP, SSE and the
 * WebSocket alike, before any resolver runs; also keeps introspection from anonymous callers.
 */
export const useScopeGuard = (): Plugin<Context> => ({
  onExecute({ args, setResultAndStopExecution }) {
    const error = refusal(args.contextValue.viewer, args.document, args.operationName);
    if (error) setResultAndStopExecution({ errors: [error] });
  },
  onSubscribe({ args, setResultAndStopExecution }) {
    const error = refusal(args.contextValue.viewer, args.document, args.operationName);
    if (error) setResultAndStopExecution({ errors: [error] });
  },
});
