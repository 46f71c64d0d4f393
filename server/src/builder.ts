import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.scalarType('Date', {
  description: 'A calendar day, `YYYY-MM-DD` (in the budget time zone where it cuts time).',
  serialize: (value) => value,
  parseValue: (value) => calendarDay(value),
  parseLiteral: (ast) => calendarDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

function calendarDay(value: unknown): string {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  ) {
    return value;
  }
  throw new GraphQLError('A Date is a calendar day written YYYY-MM-DD.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
builder.addScalarType('JSON', JSONResolver);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
