// `plantrace ingest --server URL`: the files go through a running server's
// ingestDocument mutation, one at a time, instead of into a store this
// process opens — the embedded store has one writer, and while `serve` runs
// it is the server.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';

const INGEST = 'mutation ($name: String!, $contentBase64: String) { ingestDocument(name: $name, contentBase64: $contentBase64) { status documentId title failure { code reason } } }';

const Answer = z.object({
  data: z
    .object({
      ingestDocument: z.object({
        status: z.enum(['INGESTED', 'UNCHANGED', 'FAILED']),
        documentId: z.string().nullable(),
        title: z.string().nullable(),
        failure: z.object({ code: z.string(), reason: z.string() }).nullable(),
      }),
    })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).passthrough().optional() })).optional(),
});

export interface RemoteOutcome {
  readonly file: string;
  readonly status: 'INGESTED' | 'UNCHANGED' | 'FAILED';
  /** For FAILED: the code and the reason, from the server or from the exchange. */
  readonly code?: string;
  readonly reason?: string;
}

/** Thrown when the server cannot take documents at all (unreachable, no token, mutations disabled): no point trying the next file. */
export class ServerRefused extends Error {}

export async function ingestThroughServer(
  files: readonly string[],
  options: { readonly url: string; readonly token: string | undefined; readonly onFile?: (done: number, outcome: RemoteOutcome) => void },
): Promise<RemoteOutcome[]> {
  const endpoint = new URL('/graphql', options.url).href;
  const out: RemoteOutcome[] = [];
  for (const [i, file] of files.entries()) {
    const outcome = await sendOne(endpoint, file, options.token);
    out.push(outcome);
    options.onFile?.(i + 1, outcome);
  }
  return out;
}

async function sendOne(endpoint: string, file: string, token: string | undefined): Promise<RemoteOutcome> {
  const bytes = await readFile(file);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: INGEST, variables: { name: basename(file), contentBase64: bytes.toString('base64') } }),
    });
  } catch (error) {
    throw new ServerRefused(`cannot reach the server at ${endpoint}: ${(error as Error).message}. Is \`plantrace serve\` running there?`);
  }
  if (response.status === 413) {
    return { file, status: 'FAILED', code: 'TOO_LARGE', reason: 'is over the API’s request size limit (1 MiB with its encoding); stop the server and ingest it with `plantrace ingest` on the store' };
  }
  const parsed = Answer.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ServerRefused(`${endpoint} did not answer as a plantrace server does (HTTP ${response.status}).`);
  const { data, errors } = parsed.data;
  const error = errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'ERROR';
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') throw new ServerRefused(`the server refused: ${error.message} (set PLANTRACE_TOKEN to the server's token).`);
    return { file, status: 'FAILED', code, reason: error.message };
  }
  const result = data!.ingestDocument;
  return result.status === 'FAILED' ? { file, status: 'FAILED', code: result.failure?.code ?? 'FAILED', reason: result.failure?.reason ?? 'failed' } : { file, status: result.status };
}
