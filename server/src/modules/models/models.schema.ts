import { builder } from '../../builder.ts';
import type { Model } from './models.service.ts';

const ModelRef = builder.objectRef<Model>('Model').implement({
  description: 'A model a conversation can use, with its list prices per million tokens.',
  fields: (t) => ({
    id: t.exposeString('id'),
    displayName: t.exposeString('displayName'),
    inputPrice: t.float({ resolve: (m, _a, ctx) => ctx.money.fromUsd(m.input) }),
    outputPrice: t.float({ resolve: (m, _a, ctx) => ctx.money.fromUsd(m.output) }),
    cacheWritePrice: t.float({ resolve: (m, _a, ctx) => ctx.money.fromUsd(m.cacheWrite) }),
    cacheReadPrice: t.float({ resolve: (m, _a, ctx) => ctx.money.fromUsd(m.cacheRead) }),
  }),
});

builder.queryFields((t) => ({
  models: t.field({
    type: [ModelRef],
    description: 'The models that can be chosen, prices in the configured currency.',
    resolve: (_root, _args, ctx) => {
      if (!ctx.viewer) return [];
      return ctx.catalog.list();
    },
  }),
}));
