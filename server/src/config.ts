import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { repositoryRoot } from './paths.ts';

const systemTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (protocols: string[]) =>
  optionalString.refine(
    (value) => value === undefined || protocols.includes(safeProtocol(value)),
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

function safeProtocol(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return '';
  }
}

/** An amount of money in COST_CURRENCY; unset means "no limit". */
const optionalAmount = optionalString
  .refine(
    (value) => value === undefined || (/^\d+(\.\d+)?$/.test(value) && Number(value) >= 0),
    'must be an amount such as 5 or 2.50 (or leave it unset for no limit)',
  )
  .transform((value) => (value === undefined ? null : Number(value)));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce
    .number({ error: 'must be a port number from 0 to 65535' })
    .int('must be a port number from 0 to 65535')
    .min(0, 'must be a port number from 0 to 65535')
    .max(65535, 'must be a port number from 0 to 65535')
    .default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  STORAGE_DIR: optionalString,
  DATABASE_URL: optionalString.refine(
    (value) => value === undefined || value.startsWith('sqlite:'),
    'must be sqlite:<path> (PostgreSQL arrives with the scale-out mode)',
  ),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl(['http:', 'https:']),
  DEFAULT_MODEL: z.string().trim().min(1).default('claude-sonnet-5-5'),
  MAX_OUTPUT_TOKENS: z.coerce
    .number({ error: 'must be a whole number of tokens from 1 to 128000' })
    .int('must be a whole number of tokens from 1 to 128000')
    .min(1, 'must be a whole number of tokens from 1 to 128000')
    .max(128_000, 'must be a whole number of tokens from 1 to 128000')
    .default(8192),
  PRICES_FILE: optionalString,
  JWT_SECRET: optionalString.refine(
    (value) => value === undefined || value.length >= 32,
    'must be at least 32 characters (or leave it unset to have one generated)',
  ),
  COST_CURRENCY: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR')
    .default('EUR'),
  COST_USD_RATE: z.coerce
    .number({ error: 'must be a positive number' })
    .positive('must be a positive number')
    .default(0.86),
  BUDGET_TIMEZONE: z
    .string()
    .trim()
    .default(systemTimeZone)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris'),
  DEFAULT_DAILY_LIMIT: optionalAmount,
  DEFAULT_MONTHLY_LIMIT: optionalAmount,
  GLOBAL_DAILY_LIMIT: optionalAmount,
  GLOBAL_MONTHLY_LIMIT: optionalAmount,
  ALERT_THRESHOLDS: z
    .string()
    .trim()
    .default('70,90')
    .transform((value) => value.split(',').map((part) => Number(part.trim())))
    .refine(
      (values) => values.every((v) => Number.isInteger(v) && v >= 1 && v <= 99),
      'must be whole percentages from 1 to 99, separated by commas, such as 70,90',
    ),
  MCP_CONFIG: optionalString,
  MCP_TOOL_TIMEOUT_SECONDS: positiveNumber('a number of seconds', 60),
  MCP_TOOL_OUTPUT_CHARS: positiveNumber('a whole number of characters', 30_000, true),
  MCP_MAX_TOOL_ROUNDS: positiveNumber('a whole number of rounds', 10, true),
  MCP_APPROVAL_TIMEOUT_SECONDS: positiveNumber('a number of seconds', 300),
  ALERT_WEBHOOK_URL: optionalUrl(['http:', 'https:']),
  DEMO_MODE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Rate limits per user (every session and API token of a user counts together); 0 turns one off.
  RATE_LIMIT_MESSAGES_PER_MINUTE: rateLimit(20),
  RATE_LIMIT_TOKENS_PER_HOUR: rateLimit(10),
});

function rateLimit(fallback: number) {
  return z.coerce
    .number({ error: 'must be a whole number (0 turns the limit off)' })
    .int('must be a whole number (0 turns the limit off)')
    .min(0, 'must be a whole number (0 turns the limit off)')
    .default(fallback);
}

function positiveNumber(what: string, fallback: number, whole = false) {
  const message = `must be ${what} greater than 0`;
  const number = z.coerce.number({ error: message }).positive(message);
  return (whole ? number.int(message) : number).default(fallback);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  storageDir: string;
  databasePath: string;
  redisUrl: string | undefined;
  anthropic: Readonly<{ apiKey: string | undefined; baseUrl: string | undefined }>;
  defaultModel: string;
  maxOutputTokens: number;
  pricesFile: string | undefined;
  jwtSecret: string;
  cost: Readonly<{ currency: string; usdRate: number }>;
  budgetTimeZone: string;
  /** Limits in COST_CURRENCY (null: none): the defaults for users and the instance's start. */
  budget: Readonly<{
    userDaily: number | null;
    userMonthly: number | null;
    globalDaily: number | null;
    globalMonthly: number | null;
    alertThresholds: readonly number[];
  }>;
  mcpConfigPath: string | undefined;
  /** How Claude's tool calls run: per call, per reply, and how long a call waits for approval. */
  mcpTools: Readonly<{
    timeoutMs: number;
    outputChars: number;
    maxRounds: number;
    approvalTimeoutMs: number;
  }>;
  alertWebhookUrl: string | undefined;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** Operations per user and window; 0 means no limit. */
  rateLimits: Readonly<{ messagesPerMinute: number; apiTokensPerHour: number }>;
  /** Set by `npm run demo`: the upstream is the built-in fake, and the app says so. */
  demoMode: boolean;
}>;

export class ConfigError extends Error {}

/** Validates the given variables; a bad value throws one line naming the variable. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  // An empty value (`PORT=` in .env) means "not set", never 0 or "".
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v?.trim()));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const value = source[String(issue.path[0])];
    throw new ConfigError(
      `Invalid configuration: ${String(issue.path[0])}${value === undefined ? '' : ` (${JSON.stringify(value)})`} ${issue.message}`,
    );
  }
  const env = parsed.data;
  const storageDir = resolve(repositoryRoot, env.STORAGE_DIR ?? 'storage');
  const databasePath = env.DATABASE_URL
    ? resolveSqlitePath(env.DATABASE_URL.slice('sqlite:'.length), storageDir)
    : join(storageDir, 'database', 'claude-rasp.sqlite');
  return Object.freeze({
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    storageDir,
    databasePath,
    redisUrl: env.REDIS_URL,
    anthropic: Object.freeze({ apiKey: env.ANTHROPIC_API_KEY, baseUrl: env.ANTHROPIC_BASE_URL }),
    defaultModel: env.DEFAULT_MODEL,
    maxOutputTokens: env.MAX_OUTPUT_TOKENS,
    pricesFile: env.PRICES_FILE ? resolve(repositoryRoot, env.PRICES_FILE) : undefined,
    jwtSecret: env.JWT_SECRET ?? storedSecret(storageDir, 'jwt-secret'),
    cost: Object.freeze({ currency: env.COST_CURRENCY, usdRate: env.COST_USD_RATE }),
    budgetTimeZone: env.BUDGET_TIMEZONE,
    budget: Object.freeze({
      userDaily: env.DEFAULT_DAILY_LIMIT,
      userMonthly: env.DEFAULT_MONTHLY_LIMIT,
      globalDaily: env.GLOBAL_DAILY_LIMIT,
      globalMonthly: env.GLOBAL_MONTHLY_LIMIT,
      alertThresholds: Object.freeze([...new Set(env.ALERT_THRESHOLDS)].sort((a, b) => a - b)),
    }),
    mcpConfigPath: env.MCP_CONFIG ? resolve(repositoryRoot, env.MCP_CONFIG) : undefined,
    mcpTools: Object.freeze({
      timeoutMs: Math.round(env.MCP_TOOL_TIMEOUT_SECONDS * 1000),
      outputChars: env.MCP_TOOL_OUTPUT_CHARS,
      maxRounds: env.MCP_MAX_TOOL_ROUNDS,
      approvalTimeoutMs: Math.round(env.MCP_APPROVAL_TIMEOUT_SECONDS * 1000),
    }),
    alertWebhookUrl: env.ALERT_WEBHOOK_URL,
    logLevel: env.LOG_LEVEL,
    rateLimits: Object.freeze({
      messagesPerMinute: env.RATE_LIMIT_MESSAGES_PER_MINUTE,
      apiTokensPerHour: env.RATE_LIMIT_TOKENS_PER_HOUR,
    }),
    demoMode: env.DEMO_MODE === 'true',
  });
}

function resolveSqlitePath(path: string, storageDir: string): string {
  const file = path.replace(/^\/\/(?=\/)/, '');
  if (file === ':memory:') return file;
  return isAbsolute(file) ? file : resolve(storageDir, file);
}

/** A secret generated once into storage/secrets/ (mode 0600) and reused on every later start. */
function storedSecret(storageDir: string, name: string): string {
  const dir = join(storageDir, 'secrets');
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** The process environment, with `.env` from the working directory filling in what is unset. */
export function readEnvironment(directory = process.cwd()): Record<string, string | undefined> {
  const dotenvFile = resolve(directory, '.env');
  const fromFile = existsSync(dotenvFile) ? parseDotenv(readFileSync(dotenvFile)) : {};
  return { ...fromFile, ...process.env };
}
