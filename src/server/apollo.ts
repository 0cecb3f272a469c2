import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphStore } from '../graph/port.ts';
import { createLoaders, resolvers, type ApiContext } from '../resolvers/index.ts';
import { LIMITS, protection } from './limits.ts';
import { typeDefs } from './schema.ts';

export interface ApolloOptions {
  /**
   * Whether errors may show internals: stack traces and the message of an
   * unexpected error. Only on a developer's machine (NODE_ENV=development):
   * by default nothing of the server's insides (paths, statements) leaves it.
   */
  readonly development?: boolean;
  /** Whether clients may ask for the schema (GraphiQL needs it). Default true. */
  readonly introspection?: boolean;
}

/**
 * Deliberate GraphQLErrors (bad input, not found) reach the client as they
 * are, less the stack trace; anything else is an INTERNAL_SERVER_ERROR that
 * says "Unexpected error." Only in development do stack traces and the
 * unexpected error's own message go out.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, development = false): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code;
  const deliberate = original instanceof GraphQLError || (code !== undefined && code !== 'INTERNAL_SERVER_ERROR');
  if (deliberate) {
    if (development) return formatted;
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: development ? `Unexpected error: ${(original as Error)?.message ?? String(original)}` : 'Unexpected error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    // In development the trace says where it failed; otherwise nothing of the server's insides goes out.
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(development && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}) },
  };
}

export function createApollo({ development = false, introspection = true }: ApolloOptions = {}): ApolloServer<ApiContext> {
  const limits = protection({ introspection });
  return new ApolloServer<ApiContext>({
    typeDefs,
    resolvers,
    includeStacktraceInErrorResponses: development,
    introspection,
    // Apollo's own handler stops only Apollo, then sends the signal again and
    // the process dies with the store open; start.ts stops the whole server.
    stopOnTerminationSignals: false,
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // Apollo's default landing page loads from a CDN; plantrace serves its own page.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...limits.plugins],
    formatError: (formatted, error) => formatError(formatted, error, development),
  });
}

/**
 * One operation answered in process, with the loaders a request would get
 * (tests, the bench, scripts): its single result, errors included.
 */
export async function executeIn(apollo: ApolloServer<ApiContext>, store: GraphStore, query: string, variables: Record<string, unknown> = {}) {
  const res = await apollo.executeOperation({ query, variables }, { contextValue: { store, loaders: createLoaders(store) } });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult;
}
