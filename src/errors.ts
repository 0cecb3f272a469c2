// Every code the API can answer with in `errors[].extensions.code`, each
// with what it means for whoever sent the request, written once. The schema's
// `enum ErrorCode` has the same values and sentences (test/errors.test.ts), and
// the same test finds every code the code base throws in this list. Here,
// not in src/server: the resolvers throw some of them and may not import the
// server. The codes of a FAILED ingestDocument (EMPTY, CORRUPT …) are not
// errors but data, in IngestFailure.code.

export const ERROR_CODES = {
  GRAPHQL_PARSE_FAILED: 'The query is not GraphQL (a syntax error), or has more tokens than the limit (2,000); HTTP 400.',
  GRAPHQL_VALIDATION_FAILED:
    'The query does not fit the schema (an unknown field, a wrong argument type), breaks a limit on depth, aliases or directives, or asks for the schema where introspection is off; HTTP 400.',
  COST_LIMIT:
    'The query would cost more than the limit (src/server/limits.ts); the message and extensions (cost, maxCost, maxPageSize) say by how much and how large a page fits; HTTP 400.',
  BAD_USER_INPUT:
    'An argument or variable has a value the API refuses (a year out of range, a page over 200, a cursor it did not give out); extensions.issues lists every bad argument with its path and message.',
  OPERATION_RESOLUTION_FAILURE: 'The request names an operation the document does not hold, or holds several operations and names none; HTTP 400.',
  PERSISTED_QUERY_NOT_FOUND: 'The request sent only the hash of a persisted query the server does not know: send it again with the query.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request: a body that is not JSON, over 1 MiB (HTTP 413), no query, or a method or content type the API does not take.',
  NOT_FOUND: 'No document or commitment has the id given.',
  UNAUTHENTICATED: 'A mutation without the bearer token the server was started with (PLANTRACE_TOKEN).',
  FORBIDDEN: 'A mutation on a server started without PLANTRACE_TOKEN: mutations are disabled there.',
  RESPONSE_TOO_LARGE: 'The answer is over PLANTRACE_MAX_RESPONSE_BYTES: ask for a page at a time or narrow the query; HTTP 400.',
  TIMEOUT: 'The answer took longer than PLANTRACE_REQUEST_TIMEOUT_MS and was abandoned (a mutation whose write had begun still completes; an ingestDocument not yet writing is dropped); HTTP 503.',
  SHUTTING_DOWN: 'The server is stopping and takes no new requests: send it again once it is back; HTTP 503.',
  INTERNAL_SERVER_ERROR: 'Something failed that should not have; the message says what only on a server run with NODE_ENV=development.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
