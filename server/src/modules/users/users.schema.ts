import {
  encodeGlobalID,
  resolveCursorConnection,
  type ResolveCursorConnectionArgs,
} from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { User } from './user.entity.ts';

export const UserRef = builder.objectRef<User>('User').implement({
  description: 'A person with an account.',
  fields: (t) => ({
    id: t.globalID({ resolve: (user) => ({ type: 'User', id: String(user.id) }) }),
    username: t.exposeString('username'),
    email: t.exposeString('email'),
    isAdmin: t.exposeBoolean('isAdmin'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    isAdmin: t.boolean({ required: false, defaultValue: false }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Only the fields given change. A new password signs the user out everywhere.',
  fields: (t) => ({
    email: t.string(),
    isAdmin: t.boolean(),
    isActive: t.boolean(),
    password: t.string(),
  }),
});

const userId = (id: { id: string }) => Number(id.id);

builder.queryFields((t) => ({
  users: t.connection(
    {
      type: UserRef,
      description: 'Every account, oldest first (administrators only).',
      resolve: (_root, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (user: User) => String(user.id) },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
            ctx.users.list(ctx.viewer, {
              afterId: after ? Number(after) : undefined,
              beforeId: before ? Number(before) : undefined,
              limit,
              newestFirst: inverted,
            }),
        ),
    },
    { name: 'UserConnection' },
    { name: 'UserEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserRef,
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.users.create(ctx.viewer, { ...input, isAdmin: input.isAdmin ?? false }),
  }),
  updateUser: t.field({
    type: UserRef,
    args: {
      id: t.arg.globalID({ required: true, for: UserRef }),
      input: t.arg({ type: UpdateUserInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => ctx.users.update(ctx.viewer, userId(id), input),
  }),
  deleteUser: t.field({
    type: 'ID',
    description: 'Deletes the account and everything it owns; returns the deleted id.',
    args: { id: t.arg.globalID({ required: true, for: UserRef }) },
    resolve: async (_root, { id }, ctx) => {
      await ctx.users.delete(ctx.viewer, userId(id));
      return encodeGlobalID('User', id.id);
    },
  }),
}));
