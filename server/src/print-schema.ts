import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { repositoryRoot } from './paths.ts';
import { schema } from './schema.ts';

writeFileSync(join(repositoryRoot, 'schema.graphql'), `${printSchema(schema)}\n`);
