// The error codes of the API are listed once (src/errors.ts), documented in
// the schema (enum ErrorCode) with the same sentences, and nothing answers
// with a code outside the list: neither a code the code base writes, nor one
// Apollo gives on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.ts';

const ROOT = join(import.meta.dirname, '..');
const listed = Object.keys(ERROR_CODES);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

// The ways the API gives an error its code: `extensions: { code: 'X' … }`,
// userError('X', …) in the resolvers, errorReply(503, 'X', …) and new
// HttpError(413, 'X', …) in the HTTP layer.
const THROWN = [/\bcode: '([A-Z][A-Z_]+)'/g, /\buserError\(\s*'([A-Z][A-Z_]+)'/g, /\b(?:errorReply|HttpError)\(\s*\d+,\s*'([A-Z][A-Z_]+)'/g];

function codesThrownIn(dirs: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of dirs.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of THROWN) for (const m of text.matchAll(pattern)) found.set(m[1]!, [...(found.get(m[1]!) ?? []), file]);
  }
  return found;
}

describe('error codes', () => {
  it('the schema documents exactly the listed codes, each with the same sentence', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
    const type = schema.getType('ErrorCode');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect(Object.fromEntries((type as GraphQLEnumType).getValues().map((v) => [v.name, v.description]))).toEqual(ERROR_CODES);
  });

  it('README lists exactly the listed codes, each with the same sentence', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
  });

  it('every code the API code throws is listed', () => {
    const thrown = codesThrownIn(['src/server', 'src/resolvers']);
    // The scan sees the ways codes are written (a scan that finds nothing proves nothing).
    for (const code of ['COST_LIMIT', 'TIMEOUT', 'SHUTTING_DOWN', 'RESPONSE_TOO_LARGE', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_REQUEST']) expect(thrown.has(code), code).toBe(true);
    const unlisted = [...thrown].filter(([code]) => !listed.includes(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(unlisted).toEqual([]);
  });

  it('every code Apollo answers with on its own is listed, but the one of a feature left on', () => {
    // Automatic persisted queries are on (Apollo's default): a hash it does not know is NOT_FOUND, never NOT_SUPPORTED.
    const never = new Set<string>([ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]);
    expect(Object.values(ApolloServerErrorCode).filter((c) => !never.has(c) && !listed.includes(c))).toEqual([]);
  });

  it('lists nothing that nothing gives', () => {
    const given = new Set([...codesThrownIn(['src/server', 'src/resolvers']).keys(), ...Object.values(ApolloServerErrorCode)]);
    expect(listed.filter((c) => !given.has(c))).toEqual([]);
  });
});
