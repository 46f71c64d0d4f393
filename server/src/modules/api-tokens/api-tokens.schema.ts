import { builder } from '../../builder.ts';
import { localId } from '../conversations/conversations.schema.ts';
import type { ApiToken } from './api-token.entity.ts';
import type { CreatedApiToken } from './api-tokens.service.ts';
import { API_SCOPES, type ApiScope as ApiScopeValue } from './scopes.ts';

const ApiScope = builder.enumType('ApiScope', {
  description:
    'What an API token may do. Each scope includes the ones before it: READ reads, CHAT also sends messages and changes conversations, ADMIN also reaches administrator fields (administrators only).',
  values: API_SCOPES,
});

export const ApiTokenRef = builder.objectRef<ApiToken>('ApiToken').implement({
  description: 'A personal token for scripts. Its secret is shown once, when it is created.',
  fields: (t) => ({
    id: t.globalID({ resolve: (token) => ({ type: 'ApiToken', id: String(token.id) }) }),
    name: t.exposeString('name'),
    scopes: t.field({ type: [ApiScope], resolve: (token) => [...token.scopes] as ApiScopeValue[] }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the token.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last used, to the minute.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<CreatedApiToken>('CreateApiTokenPayload')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'The secret, to send as `Authorization: Bearer <token>`. Shown only now.',
      }),
      apiToken: t.field({ type: ApiTokenRef, resolve: (payload) => payload.apiToken }),
    }),
  });

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the token is for, e.g. "backup script".' }),
    scopes: t.field({ type: [ApiScope], required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'Null: the token never expires.' }),
  }),
});

builder.queryFields((t) => ({
  apiTokens: t.field({
    type: [ApiTokenRef],
    description: "The signed-in user's API tokens, newest first, revoked ones included.",
    resolve: (_root, _args, ctx) => ctx.apiTokens.list(ctx.viewer),
  }),
}));

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'Creates an API token (signed-in users only, not with another token).',
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.apiTokens.create(ctx.viewer, input),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    description: 'Revokes one of your API tokens; it stops working at once.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      ctx.apiTokens.revoke(ctx.viewer, localId(String(id), 'ApiToken')),
  }),
}));
