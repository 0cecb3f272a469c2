import { z } from 'zod';
import { ingestBytes, MAX_FILE_BYTES, type Workers } from '../ingest/store/ingest.ts';
import { badInput, userError } from './errors.ts';
import type { Context } from './loaders.ts';

/** What the HTTP layer found out about the caller; decided there, enforced here. */
export interface Auth {
  /** Whether the server was started with a token (PLANTRACE_TOKEN). */
  readonly tokenConfigured: boolean;
  /** Whether the request carried that token as a Bearer token. */
  readonly authenticated: boolean;
}

/** The context of a request that came over HTTP; without `auth` (in-process calls) mutations are disabled. */
export interface ApiContext extends Context {
  readonly auth?: Auth;
  /** Where an ingest's CPU-bound work runs; on the request's own thread without it. */
  readonly workers?: Workers;
  /** Aborted when the request times out: an ingest not yet writing is dropped. */
  readonly signal?: AbortSignal;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded size of a base64 string, without decoding it (whitespace is ignored, as Buffer does). */
function base64Bytes(value: string): number {
  const s = value.replace(/\s+/g, '');
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - padding;
}

const tooLarge = `at most ${MAX_FILE_BYTES / (1024 * 1024)} MiB, the readers' limit for one document`;

const IngestArgs = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'a file name is needed, e.g. 2022年工作计划.txt')
      .max(255, 'at most 255 characters')
      .refine((n) => !/[/\\\u0000-\u001f]/.test(n), 'a file name, not a path (no / or \\)'),
    text: z
      .string()
      .refine((t) => Buffer.byteLength(t, 'utf8') <= MAX_FILE_BYTES, tooLarge)
      .nullish(),
    contentBase64: z
      .string()
      .refine((b) => base64Bytes(b) <= MAX_FILE_BYTES, tooLarge)
      .nullish(),
  })
  .refine((a) => (a.text == null) !== (a.contentBase64 == null), {
    message: 'give exactly one of text or contentBase64',
    path: ['text'],
  });

export type IngestStatus = 'INGESTED' | 'UNCHANGED' | 'FAILED';

export interface IngestResult {
  readonly status: IngestStatus;
  readonly documentId: string | null;
  readonly title: string | null;
  readonly statements: number | null;
  readonly failure: { readonly code: string; readonly reason: string } | null;
}

const failed = (code: string, reason: string): IngestResult => ({
  status: 'FAILED',
  documentId: null,
  title: null,
  statements: null,
  failure: { code, reason },
});

/** Mutations need a configured token and the caller presenting it; the two failures say different things. */
export function requireToken(auth: Auth | undefined, field: string): void {
  if (!auth?.tokenConfigured) {
    throw userError(
      'FORBIDDEN',
      `${field}: mutations are disabled on this server. Start it with PLANTRACE_TOKEN set (16 characters or more) and send "Authorization: Bearer <token>".`,
    );
  }
  if (!auth.authenticated) {
    throw userError('UNAUTHENTICATED', `${field}: send "Authorization: Bearer <token>" with the token the server was started with (PLANTRACE_TOKEN).`);
  }
}

/** The bytes to read: plain text as UTF-8, or strictly checked base64 (Buffer would silently skip bad characters). */
function bytesOf(args: { name: string; text?: string | null; contentBase64?: string | null }): Uint8Array | IngestResult {
  if (args.text != null) return Buffer.from(args.text, 'utf8');
  const compact = args.contentBase64!.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    return failed('INVALID_BASE64', `"${args.name}": contentBase64 is not valid base64 (only A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4).`);
  }
  return Buffer.from(compact, 'base64');
}

export const Mutation = {
  ingestDocument: async (_: unknown, raw: Record<string, unknown>, { store, auth, workers, signal }: ApiContext): Promise<IngestResult> => {
    requireToken(auth, 'ingestDocument');
    const parsed = IngestArgs.safeParse(raw);
    if (!parsed.success) throw badInput(parsed.error, 'ingestDocument');
    const args = parsed.data;

    const bytes = bytesOf(args);
    if (!(bytes instanceof Uint8Array)) return bytes;
    const outcome = await ingestBytes(store, { name: args.name, bytes }, { workers, signal });
    switch (outcome.status) {
      case 'FAILED':
        return failed(outcome.failure.code, outcome.failure.reason);
      case 'INGESTED': {
        const { id, title, statements } = outcome.document;
        return { status: 'INGESTED', documentId: id, title, statements, failure: null };
      }
      case 'UNCHANGED':
        return { status: 'UNCHANGED', documentId: outcome.documentId, title: outcome.title, statements: null, failure: null };
    }
  },
};
