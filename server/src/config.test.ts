import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, readEnvironment } from './config.ts';

let storage: string;
beforeEach(() => {
  storage = mkdtempSync(join(tmpdir(), 'claude-rasp-config-'));
});
afterEach(() => {
  delete process.env.CLAUDE_RASP_TEST_ONLY;
});

const load = (env: Record<string, string> = {}) => loadConfig({ STORAGE_DIR: storage, ...env });

describe('config', () => {
  it('has working defaults for a fresh machine', () => {
    const config = load();
    expect(config.port).toBe(3000);
    expect(config.databasePath).toBe(join(storage, 'database', 'claude-rasp.sqlite'));
    expect(config.cost).toEqual({ currency: 'EUR', usdRate: 0.86 });
    expect(config.anthropic.apiKey).toBeUndefined();
    expect(config.budgetTimeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.budget).toEqual({
      userDaily: null,
      userMonthly: null,
      globalDaily: null,
      globalMonthly: null,
      alertThresholds: [70, 90],
    });
  });

  it('reads budget defaults in the configured currency, thresholds sorted', () => {
    const config = load({
      DEFAULT_DAILY_LIMIT: '2.50',
      GLOBAL_MONTHLY_LIMIT: '100',
      ALERT_THRESHOLDS: '90, 50,90',
    });
    expect(config.budget).toMatchObject({
      userDaily: 2.5,
      globalMonthly: 100,
      alertThresholds: [50, 90],
    });
  });

  it.each([
    ['PORT', 'eighty', /^Invalid configuration: PORT \("eighty"\) must be a port number/],
    ['PORT', '70000', /PORT/],
    ['COST_USD_RATE', '-1', /COST_USD_RATE \("-1"\) must be a positive number/],
    ['COST_CURRENCY', 'euro', /COST_CURRENCY .* three-letter currency code/],
    ['BUDGET_TIMEZONE', 'Mars/Olympus', /BUDGET_TIMEZONE .* IANA time zone/],
    ['ANTHROPIC_BASE_URL', 'localhost:8080', /ANTHROPIC_BASE_URL .* must be a URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['JWT_SECRET', 'short', /JWT_SECRET .* at least 32 characters/],
    ['DATABASE_URL', 'postgres://localhost/test', /DATABASE_URL .* sqlite:/],
    ['DEFAULT_DAILY_LIMIT', 'lots', /DEFAULT_DAILY_LIMIT \("lots"\) must be an amount/],
    ['GLOBAL_MONTHLY_LIMIT', '-5', /GLOBAL_MONTHLY_LIMIT .* must be an amount/],
    ['ALERT_THRESHOLDS', '70,120', /ALERT_THRESHOLDS .* whole percentages from 1 to 99/],
  ])('refuses %s=%s with one line naming it', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(message);
    try {
      load({ [name]: value });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('generates JWT_SECRET once into storage with mode 0600 and reuses it', () => {
    const first = load().jwtSecret;
    const file = join(storage, 'secrets', 'jwt-secret');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(load().jwtSecret).toBe(first);
  });

  it('treats empty values as unset', () => {
    expect(load({ PORT: '', COST_USD_RATE: ' ', ANTHROPIC_API_KEY: '' })).toMatchObject({
      port: 3000,
      cost: { usdRate: 0.86 },
      anthropic: { apiKey: undefined },
    });
  });

  it('prefers a JWT_SECRET from the environment', () => {
    const secret = 'x'.repeat(40);
    expect(load({ JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('resolves sqlite: URLs against the storage folder', () => {
    expect(load({ DATABASE_URL: 'sqlite:other.db' }).databasePath).toBe(join(storage, 'other.db'));
    expect(load({ DATABASE_URL: 'sqlite:///var/lib/rasp.db' }).databasePath).toBe(
      '/var/lib/rasp.db',
    );
  });

  it('reads .env but lets the real environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-rasp-dotenv-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nCLAUDE_RASP_TEST_ONLY=from-file\n');
    process.env.CLAUDE_RASP_TEST_ONLY = 'from-env';
    const env = readEnvironment(dir);
    expect(env.PORT).toBe(process.env.PORT ?? '4000');
    expect(env.CLAUDE_RASP_TEST_ONLY).toBe('from-env');
  });
});

describe('the price table', () => {
  it('refuses a DEFAULT_MODEL it cannot price, naming the choices', async () => {
    const { buildApp } = await import('./app.ts');
    expect(() =>
      buildApp(load({ DEFAULT_MODEL: 'claude-sonnet-4-5', LOG_LEVEL: 'silent' })),
    ).toThrow(
      /^Invalid configuration: DEFAULT_MODEL \("claude-sonnet-4-5"\) is not in the price table; use one of claude-sonnet-5-5/,
    );
  });
});
