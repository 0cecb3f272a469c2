import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { costLimit } from './cost.ts';

/**
 * What one operation may ask for. Generous enough for every example in
 * examples.ts and for GraphiQL's own introspection (which armor does not
 * count), tight enough that one request cannot make the store walk the whole
 * graph many times over. The page size (at most 200 per list, inputs.ts) is
 * the other half of the bound.
 */
export const LIMITS = {
  /** Nesting of selections: the deepest example (the section tree) is 5. */
  maxDepth: 10,
  /**
   * The cost estimate of cost.ts, roughly the rows the store reads and the
   * objects the server builds: 1 per object (its row or its loader's), 0 per
   * scalar of a row already read, × the items of each list (`first`, or
   * @listSize in schema.graphql). A dashboard's page of 200 commitments with
   * status and source costs 201, with each one's document 401; every example
   * stays under 5 000; 200 commitments each with its document's three-level
   * section tree cost 50 001 and are refused (at most 39 per page).
   */
  maxCost: 10_000,
  /** Aliases per operation (`__typename` is free). */
  maxAliases: 15,
  /** Directives per operation. */
  maxDirectives: 20,
  /** Lexical tokens per document: the longest example has about 60. Enforced by graphql-js's parser (see below). */
  maxTokens: 2_000,
} as const;

export interface Protection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
}

/**
 * graphql-armor's rules as Apollo validation rules and plugins, and the cost
 * limit of cost.ts. A rejected operation gets an error naming the limit
 * (armor's exposeLimits): a researcher can see which limit to stay under.
 */
export function protection({ introspection }: { introspection: boolean }): Protection {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    // armor's cost rule reads only a literal `first`; cost.ts also reads variables and defaults.
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // armor's token limit re-parses the document in a parsingDidStart hook;
    // under Apollo 5 anything thrown there, including an ordinary syntax error,
    // becomes a 500. graphql-js's own parser counts tokens (parseOptions in
    // apollo.ts) and fails with a normal 400 GRAPHQL_PARSE_FAILED instead.
    maxTokens: { enabled: false },
    // "Did you mean …?" only reveals field names when the schema is otherwise
    // hidden; with introspection on, the hints just help.
    blockFieldSuggestion: { enabled: !introspection },
  }).protect();
  return { plugins: [...(plugins as ApolloServerPlugin[]), costLimit(LIMITS.maxCost)], validationRules: validationRules as ValidationRule[] };
}
