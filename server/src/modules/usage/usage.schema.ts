import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { localId } from '../conversations/conversations.schema.ts';
import type { UsageAmounts, UsageReport, UserUsage } from './usage.service.ts';

const Granularity = builder.enumType('UsageGranularity', { values: ['DAY', 'MONTH'] as const });

const UsageFigures = builder.interfaceRef<UsageAmounts>('UsageFigures').implement({
  description: 'Tokens and cost (in the configured currency) over some span.',
  fields: (t) => ({
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    cacheReadTokens: t.exposeInt('cacheReadTokens'),
    cacheWriteTokens: t.exposeInt('cacheWriteTokens'),
    calls: t.exposeInt('calls', { description: 'Upstream calls billed.' }),
    cost: t.exposeFloat('cost'),
  }),
});

const UsageTotals = builder.objectRef<UsageAmounts>('UsageTotals').implement({
  interfaces: [UsageFigures],
  fields: () => ({}),
});

const UsagePoint = builder.objectRef<UsageReport['series'][number]>('UsagePoint').implement({
  interfaces: [UsageFigures],
  fields: (t) => ({
    date: t.expose('date', {
      type: 'Date',
      description: 'The day, or the first day of the month.',
    }),
  }),
});

const ModelUsage = builder.objectRef<UsageReport['byModel'][number]>('ModelUsage').implement({
  interfaces: [UsageFigures],
  fields: (t) => ({ model: t.exposeString('model') }),
});

const UserUsageRef = builder.objectRef<UserUsage>('UserUsage').implement({
  interfaces: [UsageFigures],
  fields: (t) => ({
    userId: t.id({
      nullable: true,
      resolve: (u) => (u.userId === null ? null : encodeGlobalID('User', String(u.userId))),
    }),
    username: t.exposeString('username', { nullable: true }),
  }),
});

const UsageReportRef = builder.objectRef<UsageReport>('UsageReport').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    totals: t.field({ type: UsageTotals, resolve: (r) => r.totals }),
    series: t.field({
      type: [UsagePoint],
      description: 'Every day or month of the range, oldest first, zero where nothing was spent.',
      resolve: (r) => r.series,
    }),
    byModel: t.field({
      type: [ModelUsage],
      description: 'Most expensive first.',
      resolve: (r) => r.byModel,
    }),
  }),
});

builder.queryFields((t) => ({
  usage: t.field({
    type: UsageReportRef,
    description:
      "The viewer's usage from `from` to `to` (inclusive, in the budget time zone). Administrators may ask for another user's (`userId`) or everybody's (`allUsers`).",
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      granularity: t.arg({ type: Granularity, required: true }),
      userId: t.arg.id(),
      allUsers: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, ctx) =>
      ctx.usage.usage(ctx.viewer, {
        from: args.from,
        to: args.to,
        granularity: args.granularity,
        userId: args.userId ? localId(String(args.userId), 'User') : undefined,
        allUsers: args.allUsers ?? false,
      }),
  }),
  usageByUser: t.field({
    type: [UserUsageRef],
    description: "Every user's usage in a range, biggest spender first (administrators).",
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) => ctx.usage.byUser(ctx.viewer, args.from, args.to),
  }),
}));
