import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR';

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** zod issues become one BAD_USER_INPUT error naming the argument path of the first issue. */
export function badInput(error: ZodError, argument: string): GraphQLError {
  const issue = error.issues[0]!;
  const path = [argument, ...issue.path.map(String)].join('.');
  return userError('BAD_USER_INPUT', `${path}: ${issue.message}`, { argumentPath: path, issues: error.issues.length });
}
