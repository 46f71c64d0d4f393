import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { UserRef } from '../users/users.schema.ts';
import type { SignedIn } from './auth.service.ts';

const AuthPayload = builder.objectRef<SignedIn>('AuthPayload').implement({
  description: 'A fresh access token; the refresh token is set as an httpOnly cookie.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({ type: UserRef, resolve: (payload) => payload.user }),
  }),
});

const SetupAdminInput = builder.inputType('SetupAdminInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

/** Hands the new refresh token to the cookie and the rest to the client. */
function withCookie(ctx: Context, signedIn: SignedIn): SignedIn {
  ctx.setRefreshToken(signedIn.refreshToken);
  return signedIn;
}

builder.queryFields((t) => ({
  setupRequired: t.boolean({
    description: 'True while no user exists: the first visitor creates the administrator.',
    resolve: (_root, _args, ctx) => ctx.auth.setupRequired(),
  }),
  viewer: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, or null when anonymous.',
    resolve: (_root, _args, ctx) => ctx.viewer?.user ?? null,
  }),
}));

builder.mutationFields((t) => ({
  setupAdmin: t.field({
    type: AuthPayload,
    args: { input: t.arg({ type: SetupAdminInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      withCookie(ctx, await ctx.auth.setupAdmin(input, ctx.client)),
  }),
  login: t.field({
    type: AuthPayload,
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      withCookie(ctx, await ctx.auth.login(input, ctx.client)),
  }),
  refreshSession: t.field({
    type: AuthPayload,
    description: 'Trades the refresh cookie for a new access token and a new cookie.',
    resolve: async (_root, _args, ctx) =>
      withCookie(ctx, await ctx.auth.refresh(ctx.refreshToken, ctx.client)),
  }),
  logout: t.boolean({
    resolve: async (_root, _args, ctx) => {
      await ctx.auth.logout(ctx.viewer, ctx.refreshToken);
      ctx.setRefreshToken(null);
      return true;
    },
  }),
  changePassword: t.boolean({
    description: 'Changes the password and signs out every other session.',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.auth.changePassword(ctx.viewer, input);
      return true;
    },
  }),
}));
