/**
 * Writes a migration for the difference between the entities and a database migrated to date.
 * Usage: npm run migration:create -w server; then add the class to migrations/sqlite/index.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/sqlite';
import { ormOptions } from '../db.ts';
import { repositoryRoot } from '../paths.ts';

const scratch = join(mkdtempSync(join(tmpdir(), 'claude-rasp-migration-')), 'scratch.sqlite');
const options = ormOptions({ databasePath: scratch });
const orm = await MikroORM.init({
  ...options,
  extensions: [Migrator],
  migrations: {
    ...options.migrations,
    path: join(repositoryRoot, 'migrations', 'sqlite'),
    emit: 'ts',
    fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
  },
});
const migrator = orm.getMigrator();
await migrator.up();
const result = await migrator.createMigration(undefined, false, false, process.argv[2]);
console.log(result.diff.up.length > 0 ? `wrote ${result.fileName}` : 'no changes');
await orm.close();
