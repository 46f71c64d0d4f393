import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
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
    extensions: [Migrator],
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

/** Opens the database and applies pending migrations before anything else touches it. */
export async function openDatabase(config: Config, logger: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(config));
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) {
    logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
  }
  return orm;
}
