import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

/** What a user's and the instance's limits both hold, in the configured currency. */
const limitColumns = {
  dailyLimit: p.double().nullable(),
  monthlyLimit: p.double().nullable(),
  alertThresholds: p.json<number[]>(),
  killSwitchEnabled: p.boolean(),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
};

/**
 * A user's own limits. A user without a row has the defaults from the configuration, so
 * changing those changes everyone who was never set otherwise.
 */
export const UserLimit = defineEntity({
  name: 'UserLimit',
  tableName: 'user_limits',
  properties: {
    user: () => p.oneToOne(User).primary().deleteRule('cascade'),
    ...limitColumns,
  },
});

export type UserLimit = InferEntity<typeof UserLimit>;

/** The whole instance's limits: one row (id 1) once an administrator has set them. */
export const GlobalLimit = defineEntity({
  name: 'GlobalLimit',
  tableName: 'global_limits',
  properties: { id: p.integer().primary(), ...limitColumns },
});

export type GlobalLimit = InferEntity<typeof GlobalLimit>;
