#!/usr/bin/env node
// Hot SQLite backups for claude-rasp, safe while the app runs. Called by backup.sh and restore.sh;
// paths come as arguments (backup.sh resolves them from the configuration).
//
//   node ops/backup.mjs backup <database> <backup dir> <keep days>
//       Copies the live database with SQLite's online backup API (a consistent snapshot that
//       includes what is still in the WAL), checks it with PRAGMA integrity_check, gzips it to
//       <backup dir>/claude-rasp-YYYY-MM-DDTHHMMSS.sqlite.gz (UTC), then deletes backups older than
//       <keep days> days, always keeping the newest. Prints the new file's path on stdout.
//   node ops/backup.mjs verify <file.sqlite>
//       Checks an uncompressed database file (integrity_check, at least one table) and switches it
//       to a self-contained rollback journal, so it can be put in place of the live database.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, readdir, rename, rm, stat, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const appRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const PREFIX = 'claude-rasp-';
const SUFFIX = '.sqlite.gz';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The `sqlite3` driver the app already installs (through @mikro-orm/sqlite). */
function loadSqlite() {
  const require = createRequire(import.meta.url);
  const paths = [appRoot, process.env.CLAUDE_RASP_APP_DIR ?? '/opt/claude-rasp'];
  try {
    return require(require.resolve('sqlite3', { paths }));
  } catch {
    fail(`cannot load the sqlite3 module from ${paths.join(' or ')}: run npm ci there first`);
  }
}

function fail(message) {
  console.error(`backup: ${message}`);
  process.exit(1);
}

function info(message) {
  console.error(`backup: ${message}`);
}

const sqlite3 = loadSqlite();

function openDatabase(file, mode) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}
const all = (db, sql) =>
  new Promise((resolve, reject) =>
    db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
const close = (db) =>
  new Promise((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Copies every page in one step (one read transaction: a consistent snapshot, writers go on). */
async function onlineBackup(source, destination) {
  const backup = await new Promise((resolve, reject) => {
    const handle = source.backup(destination, (error) => (error ? reject(error) : resolve(handle)));
  });
  try {
    for (let attempt = 1; !backup.completed; attempt++) {
      try {
        await new Promise((resolve, reject) =>
          backup.step(-1, (error) => (error ? reject(error) : resolve())),
        );
      } catch (error) {
        // SQLITE_BUSY / SQLITE_LOCKED are retried (the backup stays usable); anything else is fatal.
        if (backup.failed || attempt >= 50) throw error;
        await sleep(200);
      }
    }
  } finally {
    await new Promise((resolve) => backup.finish(() => resolve()));
  }
}

/** integrity_check must answer exactly "ok"; returns the number of tables. */
async function check(file) {
  const db = await openDatabase(file, sqlite3.OPEN_READWRITE);
  try {
    // A backup of a WAL database says "WAL" in its header; make the copy a single, standalone file.
    await all(db, 'PRAGMA journal_mode = DELETE');
    const rows = await all(db, 'PRAGMA integrity_check');
    const verdict = rows.map((row) => Object.values(row)[0]).join('; ');
    if (verdict !== 'ok') throw new Error(`integrity_check failed: ${verdict.slice(0, 500)}`);
    const [{ tables }] = await all(
      db,
      "SELECT count(*) AS tables FROM sqlite_master WHERE type = 'table'",
    );
    return tables;
  } finally {
    await close(db);
  }
}

async function fsyncFile(file) {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function timestamp(date = new Date()) {
  return date.toISOString().slice(0, 19).replaceAll(':', ''); // 2025-01-31T021500 (UTC)
}

/** Deletes backups older than keepDays, never the newest one; returns the names removed. */
async function rotate(dir, keepDays) {
  const now = Date.now();
  const entries = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const { mtimeMs, isFile } = await stat(path).then(
      (s) => ({ mtimeMs: s.mtimeMs, isFile: s.isFile() }),
      () => ({ mtimeMs: now, isFile: false }),
    );
    if (!isFile) continue;
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) entries.push({ name, path, mtimeMs });
    // Leftovers of an interrupted run (a running backup holds backup.sh's lock).
    else if (name.startsWith(`.${PREFIX}`) && name.includes('.partial') && now - mtimeMs > DAY_MS)
      await rm(path, { force: true });
  }
  entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
  const removed = [];
  for (const entry of entries.slice(1)) {
    if (now - entry.mtimeMs > keepDays * DAY_MS) {
      await rm(entry.path, { force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}

async function backup(database, dir, keepDaysText) {
  if (!/^\d+$/.test(keepDaysText ?? ''))
    fail(`keep days must be a whole number, got "${keepDaysText}"`);
  const keepDays = Number(keepDaysText);
  if (!existsSync(database)) {
    fail(`no database at ${database} (has the app started once? is STORAGE_DIR right?)`);
  }
  process.umask(0o077);
  await mkdir(dir, { recursive: true, mode: 0o700 });

  const stamp = timestamp();
  const final = join(dir, `${PREFIX}${stamp}${SUFFIX}`);
  if (existsSync(final)) fail(`${final} already exists; try again in a second`);
  const plain = join(dir, `.${PREFIX}${stamp}.sqlite.partial`);
  const gzipped = join(dir, `.${PREFIX}${stamp}${SUFFIX}.partial`);

  try {
    const source = await openDatabase(database, sqlite3.OPEN_READWRITE);
    try {
      source.configure('busyTimeout', 10_000);
      await onlineBackup(source, plain);
    } finally {
      await close(source);
    }
    const tables = await check(plain);
    await pipeline(
      createReadStream(plain),
      createGzip({ level: 6 }),
      createWriteStream(gzipped, { flags: 'wx', mode: 0o600 }),
    );
    await fsyncFile(gzipped);
    await rename(gzipped, final);
    await fsyncFile(dir).catch(() => {});
    const { size } = await stat(final);
    info(`${final}: integrity ok, ${tables} tables, ${(size / 1024).toFixed(1)} KiB gzipped`);
  } catch (error) {
    await rm(gzipped, { force: true });
    fail(`backing up ${database} failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    for (const leftover of ['', '-journal', '-wal', '-shm']) {
      await rm(`${plain}${leftover}`, { force: true });
    }
  }

  const removed = await rotate(dir, keepDays);
  if (removed.length > 0)
    info(`removed ${removed.length} backup(s) older than ${keepDays} days: ${removed.join(', ')}`);
  console.log(final);
}

async function verify(file) {
  if (!file || !existsSync(file)) fail(`no such file: ${file}`);
  try {
    const tables = await check(file);
    if (tables === 0) throw new Error('it holds no tables');
    info(`${basename(file)}: integrity ok, ${tables} tables`);
  } catch (error) {
    fail(`${file} is not a usable database: ${error instanceof Error ? error.message : error}`);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === 'backup' && args.length === 3) await backup(args[0], args[1], args[2]);
else if (command === 'verify' && args.length === 1) await verify(args[0]);
else {
  console.error(
    'usage: backup.mjs backup <database> <backup dir> <keep days>\n       backup.mjs verify <file.sqlite>',
  );
  process.exit(2);
}
