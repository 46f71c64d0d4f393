// ops/backup.sh and ops/restore.sh against real SQLite files in a temporary STORAGE_DIR, with a
// connection kept open and writing, as the running app does. systemctl is not exercised:
// restore.sh runs with CLAUDE_RASP_NO_SYSTEMCTL=1 (its file handling is what is tested).
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BACKUP = join(root, 'ops/backup.sh');
const RESTORE = join(root, 'ops/restore.sh');
const DAY_MS = 24 * 60 * 60 * 1000;
const BACKUP_NAME = /^claude-rasp-\d{4}-\d\d-\d\dT\d{6}\.sqlite\.gz$/;

type Db = sqlite3.Database;

function open(file: string): Promise<Db> {
  return new Promise((resolve, reject) => {
    const db: Db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
}
function run(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
}
function all<T>(db: Db, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}
function close(db: Db): Promise<void> {
  return new Promise((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
}
async function count(db: Db): Promise<number> {
  return (await all<{ n: number }>(db, 'SELECT count(*) AS n FROM notes'))[0]!.n;
}

type Result = { code: number; stdout: string; stderr: string };

/** Runs an ops script with only the settings given here (no /etc/claude-rasp.env, no .env values). */
function script(path: string, args: string[], env: Record<string, string>): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [path, ...args],
      {
        cwd: tmp,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: tmp,
          CLAUDE_RASP_ENV_FILE: join(tmp, 'no-such-env-file'),
          DATABASE_URL: '',
          BACKUP_DIR: '',
          BACKUP_KEEP_DAYS: '',
          ...env,
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let tmp: string;
let storage: string;
let dbFile: string;
let backups: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ops-backup-'));
  storage = join(tmp, 'storage');
  dbFile = join(storage, 'database', 'claude-rasp.sqlite');
  backups = join(storage, 'backups');
  mkdirSync(dirname(dbFile), { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A database like the app's: WAL mode, rows still in the WAL (no checkpoint yet). */
async function liveDatabase(rows: number): Promise<Db> {
  const db = await open(dbFile);
  await run(db, 'PRAGMA journal_mode = WAL');
  await run(db, 'PRAGMA wal_autocheckpoint = 0');
  await run(db, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  await run(db, 'BEGIN');
  for (let i = 0; i < rows; i++)
    await run(db, 'INSERT INTO notes (body) VALUES (?)', [`note ${i}`]);
  await run(db, 'COMMIT');
  return db;
}

function fakeBackup(name: string, ageDays: number): string {
  mkdirSync(backups, { recursive: true });
  const path = join(backups, name);
  writeFileSync(path, gzipSync('not a real backup'));
  const when = new Date(Date.now() - ageDays * DAY_MS);
  utimesSync(path, when, when);
  return path;
}

async function openBackup(gzPath: string): Promise<Db> {
  const plain = join(tmp, `${basename(gzPath)}.opened.sqlite`);
  writeFileSync(plain, gunzipSync(readFileSync(gzPath)));
  return open(plain);
}

describe('ops/backup.sh', () => {
  it('backs up a database that is open and being written to, checks it and rotates old backups', async () => {
    const db = await liveDatabase(200);
    // The rows are in the WAL only: copying the main file alone would lose them.
    expect(statSync(`${dbFile}-wal`).size).toBeGreaterThan(statSync(dbFile).size);

    const old = [
      fakeBackup('claude-rasp-2020-01-01T000000.sqlite.gz', 8.5),
      fakeBackup('claude-rasp-2020-01-02T000000.sqlite.gz', 30),
    ];
    const recent = fakeBackup('claude-rasp-2020-01-03T000000.sqlite.gz', 2);
    const unrelated = fakeBackup('my-notes.txt', 30);

    // Keep writing while the backup runs, as the app would.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await run(db, 'INSERT INTO notes (body) VALUES (?)', [`live ${written++}`]);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const result = await script(BACKUP, [], { STORAGE_DIR: storage });
    writing = false;
    await writer;

    expect(result.stderr).toMatch(/integrity ok/);
    expect(result.code).toBe(0);
    const made = result.stdout.trim();
    expect(dirname(made)).toBe(backups);
    expect(basename(made)).toMatch(BACKUP_NAME);
    expect(statSync(made).mode & 0o777).toBe(0o600);

    for (const path of old) expect(existsSync(path)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(readdirSync(backups).filter((name) => name.startsWith('.'))).toEqual([]);

    const copy = await openBackup(made);
    expect(await count(copy)).toBeGreaterThanOrEqual(200);
    expect(await all(copy, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // A standalone file: no WAL needed next to it.
    expect(await all(copy, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    await close(copy);

    // The live database went on undisturbed.
    expect(written).toBeGreaterThan(0);
    expect(await count(db)).toBe(200 + written);
    await close(db);
  });

  it('keeps the newest backup even when every backup is older than BACKUP_KEEP_DAYS', async () => {
    const db = await liveDatabase(3);
    fakeBackup('claude-rasp-2020-01-01T000000.sqlite.gz', 1);

    const result = await script(BACKUP, [], { STORAGE_DIR: storage, BACKUP_KEEP_DAYS: '0' });
    await close(db);

    expect(result.code).toBe(0);
    expect(readdirSync(backups)).toEqual([basename(result.stdout.trim())]);
  });

  it('fails with a clear message when there is no database', async () => {
    const result = await script(BACKUP, [], { STORAGE_DIR: storage });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`no database at ${dbFile}`);
    expect(existsSync(backups)).toBe(false);
  });
});

describe('ops/restore.sh (CLAUDE_RASP_NO_SYSTEMCTL=1)', () => {
  const env = () => ({ STORAGE_DIR: storage, CLAUDE_RASP_NO_SYSTEMCTL: '1' });

  it('puts a backup in place and keeps the previous database, WAL included', async () => {
    const db = await liveDatabase(50);
    const backup = (await script(BACKUP, [], env())).stdout.trim();
    expect(basename(backup)).toMatch(BACKUP_NAME);
    await run(db, 'BEGIN');
    for (let i = 0; i < 30; i++) await run(db, 'INSERT INTO notes (body) VALUES (?)', ['later']);
    await run(db, 'COMMIT');

    // The app stopped without a checkpoint (a crash): the last 30 rows live in the -wal file only.
    const crash = join(tmp, 'crash');
    mkdirSync(crash);
    copyFileSync(dbFile, join(crash, 'db'));
    copyFileSync(`${dbFile}-wal`, join(crash, 'wal'));
    await close(db);
    copyFileSync(join(crash, 'db'), dbFile);
    copyFileSync(join(crash, 'wal'), `${dbFile}-wal`);
    writeFileSync(`${dbFile}-shm`, Buffer.alloc(32768));

    const result = await script(RESTORE, ['--yes', backup], env());
    expect(result.stderr).toMatch(/restored/);
    expect(result.code).toBe(0);

    // No stale WAL or shared memory may sit next to the restored file.
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    expect(existsSync(`${dbFile}-shm`)).toBe(false);
    expect(statSync(dbFile).mode & 0o777).toBe(0o600);
    const restored = await open(dbFile);
    expect(await count(restored)).toBe(50);
    expect(await all(restored, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await close(restored);

    const kept = readdirSync(dirname(dbFile)).filter((name) => name.includes('.before-restore-'));
    const previous = kept.find((name) => !name.endsWith('-wal'));
    expect(previous).toBeDefined();
    expect(kept).toContain(`${previous}-wal`);
    // Undoing the restore: the kept file goes back, with what its -wal held. (This comes before
    // opening the kept file here: closing it would checkpoint its WAL into it.)
    const undo = await script(RESTORE, ['--yes', join(dirname(dbFile), previous!)], env());
    expect(undo.code).toBe(0);
    const undone = await open(dbFile);
    expect(await count(undone)).toBe(80);
    await close(undone);
    const before = await open(join(dirname(dbFile), previous!));
    expect(await count(before)).toBe(80);
    await close(before);
  });

  it('restores "latest", twice in a row, keeping each previous database', async () => {
    const db = await liveDatabase(5);
    await script(BACKUP, [], env());
    await close(db);

    for (let i = 0; i < 2; i++) {
      const result = await script(RESTORE, ['--yes', 'latest'], env());
      expect(result.code).toBe(0);
    }
    const kept = readdirSync(dirname(dbFile)).filter((name) => name.includes('.before-restore-'));
    expect(kept.filter((name) => !name.endsWith('-wal'))).toHaveLength(2);
  });

  it('refuses an unusable backup and leaves the database alone', async () => {
    const db = await liveDatabase(7);
    await close(db);
    const bad = join(tmp, 'broken.sqlite.gz');
    writeFileSync(bad, gzipSync(Buffer.alloc(8192, 7)));
    const before = readFileSync(dbFile);

    const result = await script(RESTORE, ['--yes', bad], env());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/nothing changed/);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(dirname(dbFile))).toEqual(['claude-rasp.sqlite']);
  });

  it('asks for --yes without a terminal', async () => {
    const db = await liveDatabase(1);
    const backup = (await script(BACKUP, [], env())).stdout.trim();
    await close(db);
    const result = await script(RESTORE, [backup], env());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--yes/);
  });
});
