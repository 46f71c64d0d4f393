import { Repeater } from '@repeaterjs/repeater';
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { isAdmin, requireViewer } from '../../viewer.ts';
import { localId } from '../conversations/conversations.schema.ts';
import { UserRef } from '../users/users.schema.ts';
import type { AlertEvent } from './alerts.ts';
import { ALERT_SCOPES, PERIODS } from './budget-alert.entity.ts';
import type { Breach } from './budget-gate.ts';
import type { BudgetStatus, BudgetWindow, LimitsChange } from './budget.service.ts';
import type { Limits } from './limits.ts';

const AlertScope = builder.enumType('AlertScope', { values: ALERT_SCOPES });
const BudgetPeriod = builder.enumType('BudgetPeriod', { values: PERIODS });

const LimitsRef = builder.objectRef<Limits>('Limits').implement({
  description: 'Limits in the configured currency; null means no limit.',
  fields: (t) => ({
    dailyLimit: t.exposeFloat('dailyLimit', { nullable: true }),
    monthlyLimit: t.exposeFloat('monthlyLimit', { nullable: true }),
    alertThresholds: t.exposeIntList('alertThresholds', {
      description: 'Percentages of a limit that raise an alert; 100 always does.',
    }),
    killSwitchEnabled: t.exposeBoolean('killSwitchEnabled', {
      description: 'On: requests are refused and replies stopped at the limit. Off: alerts only.',
    }),
  }),
});

const BudgetWindowRef = builder.objectRef<BudgetWindow>('BudgetWindow').implement({
  description: 'One day or month of a budget, in the configured currency.',
  fields: (t) => ({
    spent: t.exposeFloat('spent'),
    reserved: t.exposeFloat('reserved', {
      description: 'Held by replies being written right now.',
    }),
    limit: t.exposeFloat('limit', { nullable: true }),
    percent: t.exposeFloat('percent', { nullable: true }),
    resetsAt: t.expose('resetsAt', { type: 'DateTime' }),
  }),
});

const BudgetBlockRef = builder.objectRef<Breach>('BudgetBlock').implement({
  description: 'The limit that refuses new messages now, and when it resets.',
  fields: (t) => ({
    scope: t.field({ type: AlertScope, resolve: (b) => b.scope }),
    period: t.field({ type: BudgetPeriod, resolve: (b) => b.period }),
    resetsAt: t.expose('resetsAt', { type: 'DateTime' }),
  }),
});

const BudgetStatusRef = builder.objectRef<BudgetStatus>('BudgetStatus').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    daily: t.field({ type: BudgetWindowRef, resolve: (s) => s.daily }),
    monthly: t.field({ type: BudgetWindowRef, resolve: (s) => s.monthly }),
    blocked: t.exposeBoolean('blocked', {
      description:
        'True when a new message would be refused with BUDGET_EXCEEDED: a limit with its kill switch on is reached, or what is left cannot pay for a short reply.',
    }),
    blockedBy: t.field({
      type: BudgetBlockRef,
      nullable: true,
      description: "Which limit blocks (the user's or the instance's), while blocked.",
      resolve: (s) => s.blockedBy,
    }),
    killSwitchEnabled: t.exposeBoolean('killSwitchEnabled'),
    limits: t.field({ type: LimitsRef, resolve: (s) => s.limits }),
  }),
});

const BudgetAlertRef = builder.objectRef<AlertEvent>('BudgetAlert').implement({
  description: 'A budget threshold crossed; sent once per threshold per day or month.',
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: 'BudgetAlert', id: String(a.id) }) }),
    scope: t.field({ type: AlertScope, resolve: (a) => a.scope }),
    period: t.field({ type: BudgetPeriod, resolve: (a) => a.period }),
    window: t.exposeString('window', { description: 'The day (YYYY-MM-DD) or month (YYYY-MM).' }),
    threshold: t.exposeInt('threshold'),
    spent: t.exposeFloat('spent'),
    limit: t.exposeFloat('limit'),
    currency: t.exposeString('currency'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const limitFields = {
  dailyLimit: 'In the configured currency; null removes the limit.',
  monthlyLimit: 'In the configured currency; null removes the limit.',
  alertThresholds: 'Whole percentages from 1 to 99 (at most 5).',
  killSwitchEnabled: 'Refuse and stop at the limit (on) or only alert (off).',
};

const SetLimitsInput = builder.inputType('SetLimitsInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    userId: t.id({ description: "Whose limits (administrators); the viewer's own when omitted." }),
    dailyLimit: t.float({ description: limitFields.dailyLimit }),
    monthlyLimit: t.float({ description: limitFields.monthlyLimit }),
    alertThresholds: t.intList({ description: limitFields.alertThresholds }),
    killSwitchEnabled: t.boolean({ description: limitFields.killSwitchEnabled }),
  }),
});

const SetGlobalLimitsInput = builder.inputType('SetGlobalLimitsInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    dailyLimit: t.float({ description: limitFields.dailyLimit }),
    monthlyLimit: t.float({ description: limitFields.monthlyLimit }),
    alertThresholds: t.intList({ description: limitFields.alertThresholds }),
    killSwitchEnabled: t.boolean({ description: limitFields.killSwitchEnabled }),
  }),
});

/** What the input says to change: an omitted field stays, null clears a limit. */
function change(input: {
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
  alertThresholds?: number[] | null;
  killSwitchEnabled?: boolean | null;
}): LimitsChange {
  const result: LimitsChange = {};
  if (input.dailyLimit !== undefined) result.dailyLimit = input.dailyLimit;
  if (input.monthlyLimit !== undefined) result.monthlyLimit = input.monthlyLimit;
  if (input.alertThresholds) result.alertThresholds = input.alertThresholds;
  if (typeof input.killSwitchEnabled === 'boolean') {
    result.killSwitchEnabled = input.killSwitchEnabled;
  }
  return result;
}

builder.objectField(UserRef, 'budget', (t) =>
  t.field({
    type: BudgetStatusRef,
    description: "This user's budget today and this month (themselves or administrators).",
    resolve: (user, _args, ctx) => ctx.budget.budget(ctx.viewer, user.id),
  }),
);

builder.queryFields((t) => ({
  budget: t.field({
    type: BudgetStatusRef,
    description: "The viewer's budget today and this month.",
    resolve: (_root, _args, ctx) => ctx.budget.budget(ctx.viewer),
  }),
  globalBudget: t.field({
    type: BudgetStatusRef,
    description: "The whole instance's budget (administrators).",
    resolve: (_root, _args, ctx) => ctx.budget.globalBudget(ctx.viewer),
  }),
  budgetAlertHistory: t.connection(
    {
      type: BudgetAlertRef,
      description: "Alerts newest first: the viewer's, and the instance's for administrators.",
      resolve: (_root, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (alert: AlertEvent) => String(alert.id) },
          ({ after, limit, inverted }: ResolveCursorConnectionArgs) =>
            inverted
              ? []
              : ctx.budget.alertHistory(ctx.viewer, {
                  beforeId: after ? Number(after) : undefined,
                  limit,
                }),
        ),
    },
    { name: 'BudgetAlertConnection' },
    { name: 'BudgetAlertEdge' },
  ),
}));

builder.mutationFields((t) => ({
  setLimits: t.field({
    type: LimitsRef,
    description:
      "Sets a user's limits. Members may only tighten their own; administrators set anyone's.",
    args: { input: t.arg({ type: SetLimitsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.budget.setLimits(
        ctx.viewer,
        input.userId ? localId(String(input.userId), 'User') : undefined,
        change(input),
      ),
  }),
  setGlobalLimits: t.field({
    type: LimitsRef,
    description: "Sets the whole instance's limits (administrators).",
    args: { input: t.arg({ type: SetGlobalLimitsInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.budget.setGlobalLimits(ctx.viewer, change(input)),
  }),
}));

builder.subscriptionFields((t) => ({
  budgetAlerts: t.field({
    type: BudgetAlertRef,
    description: "The viewer's alerts as they happen, and the instance's for administrators.",
    subscribe: (_root, _args, ctx) => {
      const { user } = requireViewer(ctx.viewer);
      const own = ctx.pubsub.subscribe('budgetAlert', `user:${user.id}`);
      return isAdmin(ctx.viewer)
        ? Repeater.merge([own, ctx.pubsub.subscribe('budgetAlert', 'global')])
        : own;
    },
    resolve: (alert) => alert,
  }),
}));
