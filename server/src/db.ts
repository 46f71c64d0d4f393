import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { sqliteMigrations } from '../../migrations/sqlite/index.ts';
import type { Config } from './config.ts';
import { entities } from './entities.ts';
import type { Logger } from './logger.ts';

type SqliteHandle = { exec(sql: string, done: (error: Error | null) => void): void };

/** Per connection: WAL for concurrent readers, a busy timeout instead of SQLITE_BUSY, FKs enforced. */
const connectionPragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
].join(';');

export function ormOptions(config: Pick<Config, 'databasePath'>): Options {
  return {
    dbName: config.databasePath,
    entities,
    migrations: {
      migrationsList: sqliteMigrations,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: {
      min: 1,
      max: 1,
      idleTimeoutMillis: Number.MAX_SAFE_INTEGER,
      afterCreate: (connection: SqliteHandle, done: (error: Error | null) => void) =>
        connection.exec(connectionPragmas, done),
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  };
}

/** Names of the migrations this database has applied (none for a new one). */
async function appliedMigrations(orm: MikroORM): Promise<Set<string>> {
  const rows = await orm.em
    .getConnection()
    .execute<{ name: string }[]>('select name from mikro_orm_migrations')
    .catch(() => []);
  return new Set(rows.map((row) => row.name));
}

/**
 * Opens the database and applies pending migrations before anything else touches it. The
 * migrator (umzug and friends, ~10 MB of heap) is loaded only when there is something to apply.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(config));
  const applied = await appliedMigrations(orm);
  if (sqliteMigrations.every((migration) => applied.has(migration.name))) return orm;
  const { Migrator } = await import('@mikro-orm/migrations');
  Migrator.register(orm);
  const ran = await orm.getMigrator().up();
  logger.info({ migrations: ran.map((m) => m.name) }, 'database migrated');
  return orm;
}
