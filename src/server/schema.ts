import { readFileSync } from 'node:fs';
import { gql } from 'graphql-tag';

/** schema.graphql is the API's source of truth; it is read once, at start-up. */
export const typeDefs = gql(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
