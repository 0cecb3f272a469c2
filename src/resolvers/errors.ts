import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';
import type { ErrorCode } from '../errors.ts';

export type { ErrorCode };

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** One bad value: where it is (`where.planYear`) and what is wrong with it. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Bad input, every issue of it: one BAD_USER_INPUT error whose message names
 * each bad argument with what is wrong (`where.planYear: …; first: …`) and
 * whose extensions list them (`issues`), so a client fixes them all at once
 * rather than one per round trip. `argumentPath` is the first one's.
 */
export function badInputs(issues: readonly InputIssue[]): GraphQLError {
  return userError('BAD_USER_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    argumentPath: issues[0]?.path ?? null,
    issues: issues.map((i) => ({ path: i.path, message: i.message })),
  });
}

/** zod's issues of one argument, each with its path from the argument's name. */
export function badInput(error: ZodError, argument: string): GraphQLError {
  return badInputs(error.issues.map((issue) => ({ path: [argument, ...issue.path.map(String)].join('.'), message: issue.message })));
}

/**
 * Runs each argument's parse and returns their values; when some fail, one
 * BAD_USER_INPUT error with the issues of all of them (a bad `where` and a
 * bad `first` are named together, not the first only).
 */
export function parseAll<T extends readonly unknown[]>(...parses: { readonly [K in keyof T]: () => T[K] }): T {
  const issues: InputIssue[] = [];
  const values = parses.map((parse) => {
    try {
      return parse();
    } catch (error) {
      const listed = error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT' ? (error.extensions.issues as InputIssue[] | undefined) : undefined;
      if (!listed) throw error;
      issues.push(...listed);
      return undefined;
    }
  });
  if (issues.length) throw badInputs(issues);
  return values as unknown as T;
}
