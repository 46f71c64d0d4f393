import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124121134_initial } from './Migration20261124121134_initial.ts';
import { Migration20261124124954_conversations } from './Migration20261124124954_conversations.ts';

/** Every SQLite migration in order; the app applies the pending ones on start. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261124121134_initial', class: Migration20261124121134_initial },
  { name: 'Migration20261124124954_conversations', class: Migration20261124124954_conversations },
];
