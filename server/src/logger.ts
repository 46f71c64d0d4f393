import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** JSON logs to stdout (pretty in development) and to storage/logs/server.log. */
export function createLogger(config: Config): Logger {
  if (config.logLevel === 'silent') return pino({ level: 'silent' });
  const logDir = join(config.storageDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const file = pino.destination({ dest: join(logDir, 'server.log'), sync: false, mkdir: true });
  const stdout =
    config.env === 'development'
      ? pino.transport({ target: 'pino-pretty', options: { colorize: true } })
      : pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
    },
    pino.multistream([
      { stream: stdout, level: config.logLevel },
      { stream: file, level: config.logLevel },
    ]),
  );
}
