import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the client, from the committed contract; CI fails when this drifts. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.ts', '!client/src/lib/graphql/**'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/lib/graphql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
