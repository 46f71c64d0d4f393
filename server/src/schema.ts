import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './modules/users/users.schema.ts';
import './modules/auth/auth.schema.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
