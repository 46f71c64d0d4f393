import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { checkDefinition, type McpServerDefinition } from './definition.ts';

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const stringMap = z.record(z.string(), scalar);

/** One `servers:` entry: the fields of CreateMcpServerInput, with env and headers as maps. */
const entrySchema = z
  .object({
    name: z.string(),
    transport: z
      .string()
      .transform((t) => t.toUpperCase())
      .pipe(z.enum(['STDIO', 'HTTP', 'SSE'], { error: 'must be stdio, http or sse' }))
      .optional(),
    command: z.string().optional(),
    args: z.array(scalar).optional(),
    env: stringMap.optional(),
    url: z.string().optional(),
    headers: stringMap.optional(),
    enabled: z.boolean().optional(),
    approvalMode: z
      .string()
      .transform((t) => t.toUpperCase())
      .pipe(z.enum(['AUTO', 'ASK'], { error: 'must be auto or ask' }))
      .optional(),
  })
  .strict();

const fileSchema = z.union([
  z.null().transform(() => ({ servers: [] })), // an empty file
  z.object({ servers: z.array(entrySchema).nullable().default([]) }).strict(),
]);

/** A broken MCP_CONFIG: it stops the start, or is ignored (and logged) on a reload. */
export class McpConfigError extends ConfigError {}

/** Reads and checks the whole file; any problem throws one McpConfigError naming the entry. */
export function readMcpConfig(path: string): McpServerDefinition[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new McpConfigError(`MCP_CONFIG (${path}) cannot be read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new McpConfigError(`MCP_CONFIG (${path}) is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new McpConfigError(
      `MCP_CONFIG (${path}): ${issue.path.join('.') || 'the file'} ${issue.message}`,
    );
  }
  const seen = new Set<string>();
  return (parsed.data.servers ?? []).map((entry, index) => {
    const where = `servers[${index}]${entry.name ? ` (${entry.name})` : ''}`;
    try {
      const definition = checkDefinition({
        ...entry,
        transport: entry.transport ?? (entry.url ? 'HTTP' : 'STDIO'),
      });
      if (seen.has(definition.name)) {
        throw new AppError('BAD_USER_INPUT', `Another server is already named ${definition.name}.`);
      }
      seen.add(definition.name);
      return definition;
    } catch (error) {
      throw new McpConfigError(`MCP_CONFIG (${path}) ${where}: ${(error as Error).message}`);
    }
  });
}

/**
 * Calls `onChange` after the file was written, renamed into place (editors, ansible) or
 * created. The folder is watched, not the file, so a replaced file is still seen.
 */
export function watchMcpConfig(path: string, onChange: () => void, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, file) => {
      if (file !== null && file !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 200); // one reload for an editor's burst of writes
    });
    watcher.on('error', (error) => logger.warn({ err: error, path }, 'MCP_CONFIG watch failed'));
    watcher.unref();
  } catch (error) {
    logger.warn({ err: error, path }, 'MCP_CONFIG cannot be watched; restart to reload it');
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
