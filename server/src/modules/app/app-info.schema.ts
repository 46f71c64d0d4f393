import { builder } from '../../builder.ts';

export type AppInfo = {
  version: string;
  demoMode: boolean;
  chatAvailable: boolean;
  currency: string;
  budgetTimeZone: string;
};

const AppInfoRef = builder.objectRef<AppInfo>('AppInfo').implement({
  description: 'What the app can do right now, for the web app and scripts.',
  fields: (t) => ({
    version: t.exposeString('version'),
    demoMode: t.exposeBoolean('demoMode', {
      description: 'True under `npm run demo`: replies come from the built-in fake Claude.',
    }),
    chatAvailable: t.exposeBoolean('chatAvailable', {
      description: 'False while no Anthropic API key is configured.',
    }),
    currency: t.exposeString('currency', { description: 'The currency money is shown in.' }),
    budgetTimeZone: t.exposeString('budgetTimeZone', {
      description: 'The IANA time zone in which budget days and months (and `Date`s) are cut.',
    }),
  }),
});

builder.queryFields((t) => ({
  appInfo: t.field({ type: AppInfoRef, resolve: (_root, _args, ctx) => ctx.appInfo }),
}));
