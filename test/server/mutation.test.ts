import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.ts';
import { MAX_FILE_BYTES } from '../../src/ingest/read/index.ts';
import { startWorkers, type Workers } from '../../src/ingest/store/ingest.ts';
import { createLoaders } from '../../src/resolvers/index.ts';
import { createApollo } from '../../src/server/apollo.ts';
import { authorize } from '../../src/server/auth.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { largeDocument } from '../../scripts/large-document.ts';
import { post, seededStore, serve } from './helpers.ts';

const TOKEN = 'test-token-0123456789abcdef';
const INGEST = `mutation ($name: String!, $text: String, $contentBase64: String) {
  ingestDocument(name: $name, text: $text, contentBase64: $contentBase64) {
    status documentId title statements failure { code reason }
  }
}`;

let store: GraphStore;
let api: RunningApi;
// Documents are understood on a worker thread, as a served API does (PLANTRACE_WORKERS):
// what a worker finds wrong must reach the caller as it does on the main thread.
let workers: Workers;
let kaifeng: string;

const ingest = (variables: Record<string, unknown>, token: string | null = TOKEN) =>
  post(api, INGEST, { variables, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

const documentCount = async () => (await store.counts()).nodes.Document;

beforeAll(async () => {
  store = await seededStore();
  workers = startWorkers(1);
  api = await serve(store, { token: TOKEN, workers });
  kaifeng = await readFile('seeds/004_80ecafe8e7002946.txt', 'utf8');
});
afterAll(async () => {
  await api?.close();
  await workers?.close();
  await store?.close();
});

describe('ingestDocument: who may call it', () => {
  it('is disabled, with FORBIDDEN and how to enable it, when the server has no token', async () => {
    const open = await serve(store);
    try {
      const r = await post(open, INGEST, { variables: { name: 'x.txt', text: kaifeng }, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.body.errors?.[0]?.message).toMatch(/mutations are disabled.*PLANTRACE_TOKEN/);
      expect(r.body.data).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('answers UNAUTHENTICATED to a missing or wrong token, and writes nothing', async () => {
    const before = await documentCount();
    for (const token of [null, 'wrong-token-0123456789abcdef', TOKEN.slice(0, -1), '']) {
      const r = await ingest({ name: 'x.txt', text: kaifeng }, token);
      expect(r.body.errors?.[0]?.extensions?.code, String(token)).toBe('UNAUTHENTICATED');
    }
    expect(await documentCount()).toBe(before);
  });

  it('compares tokens whatever the header looks like', () => {
    expect(authorize(`Bearer ${TOKEN}`, TOKEN)).toEqual({ tokenConfigured: true, authenticated: true });
    expect(authorize(`bearer   ${TOKEN} `, TOKEN).authenticated).toBe(true);
    expect(authorize(`Basic ${TOKEN}`, TOKEN).authenticated).toBe(false);
    expect(authorize(`Bearer ${TOKEN}x`, TOKEN).authenticated).toBe(false);
    expect(authorize(undefined, TOKEN)).toEqual({ tokenConfigured: true, authenticated: false });
    expect(authorize(`Bearer ${TOKEN}`, undefined)).toEqual({ tokenConfigured: false, authenticated: false });
  });
});

describe('ingestDocument with the token', () => {
  it('ingests a new document, then answers UNCHANGED for the same text', async () => {
    const before = await documentCount();
    const first = await ingest({ name: '开封2022计划-副本.txt', text: kaifeng });
    expect(first.body.errors).toBeUndefined();
    const result = first.body.data?.ingestDocument;
    expect(result).toMatchObject({ status: 'INGESTED', title: '开封市卫健委员会2022年工作计划', failure: null });
    expect(result.documentId).toMatch(/^doc-/);
    expect(result.statements).toBeGreaterThan(100);
    expect(await documentCount()).toBe(before + 1);

    const again = await ingest({ name: '开封2022计划-副本.txt', text: kaifeng });
    expect(again.body.data?.ingestDocument).toEqual({
      status: 'UNCHANGED',
      documentId: result.documentId,
      title: '开封市卫健委员会2022年工作计划',
      statements: null,
      failure: null,
    });
    expect(await documentCount()).toBe(before + 1);

    // The new document answers queries at once.
    const q = await post(api, '{ document(id: "' + result.documentId + '") { name commitmentCount } }');
    expect(q.body.data?.document).toMatchObject({ name: '开封2022计划-副本.txt' });
    expect(q.body.data?.document.commitmentCount).toBeGreaterThan(100);
  });

  it('reads a file sent as base64 (a GB18030 text here), like the CLI would', async () => {
    const { default: iconv } = await import('iconv-lite');
    const bytes = iconv.encode(kaifeng, 'gb18030');
    const r = await ingest({ name: 'kaifeng-gbk.txt', contentBase64: bytes.toString('base64') });
    expect(r.body.data?.ingestDocument).toMatchObject({ status: 'INGESTED', title: '开封市卫健委员会2022年工作计划' });
    const [row] = await store.read({ name: 't', text: 'MATCH (d:Document {name: $n}) RETURN d.encoding AS encoding', params: { n: 'kaifeng-gbk.txt' } });
    expect(row?.encoding).toBe('GB18030');
  });

  it('answers FAILED with a clear reason, and writes nothing, for content it cannot use', async () => {
    const before = await store.counts();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ name: 'bad.txt', contentBase64: 'not base64!!' }, 'INVALID_BASE64', /not valid base64/],
      [{ name: 'bad.txt', contentBase64: 'QUJD=' }, 'INVALID_BASE64', /multiple of 4/],
      [{ name: 'empty.txt', contentBase64: '' }, 'EMPTY', /is empty/],
      [{ name: 'empty.txt', text: '' }, 'EMPTY', /is empty/],
      [{ name: 'blank.txt', text: ' \n\t\n' }, 'EMPTY', /only whitespace/],
      [{ name: 'picture.txt', contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64') }, 'UNSUPPORTED_TYPE', /PNG image/],
      [{ name: 'numbers.txt', text: '12345\n67890\n' }, 'NO_STRUCTURE', /plan or a summary/],
    ];
    for (const [variables, code, reason] of cases) {
      const r = await ingest(variables);
      expect(r.body.errors, JSON.stringify(variables)).toBeUndefined();
      const result = r.body.data?.ingestDocument;
      expect(result).toMatchObject({ status: 'FAILED', documentId: null, title: null, statements: null, failure: { code } });
      expect(result.failure.reason).toMatch(reason);
    }
    expect(await store.counts()).toEqual(before);
  });

  it('rejects bad arguments with BAD_USER_INPUT naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ name: 'x.txt' }, /^ingestDocument\.text: give exactly one of text or contentBase64/],
      [{ name: 'x.txt', text: kaifeng, contentBase64: 'QUJD' }, /exactly one/],
      [{ name: '  ', text: kaifeng }, /^ingestDocument\.name: a file name is needed/],
      [{ name: 'x'.repeat(256), text: kaifeng }, /^ingestDocument\.name: at most 255/],
      [{ name: '../etc/passwd.txt', text: kaifeng }, /^ingestDocument\.name: a file name, not a path/],
    ];
    for (const [variables, message] of cases) {
      const r = await ingest(variables);
      expect(r.body.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(message);
    }
  });

  it('refuses content over the readers\' size limit before reading it', async () => {
    // Over HTTP the 1 MiB body limit comes first; in-process the argument check is what stops it.
    const apollo = createApollo();
    await apollo.start();
    try {
      const res = await apollo.executeOperation(
        { query: INGEST, variables: { name: 'huge.txt', contentBase64: 'A'.repeat(Math.ceil((MAX_FILE_BYTES + 4) / 3) * 4) } },
        { contextValue: { store, loaders: createLoaders(store), auth: { tokenConfigured: true, authenticated: true } } },
      );
      const body = res.body.kind === 'single' ? res.body.singleResult : null;
      expect(body?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body?.errors?.[0]?.message).toMatch(/at most 50 MiB/);
    } finally {
      await apollo.stop();
    }
  });
});

describe('ingestDocument: linking', () => {
  it('relinks the region, so a summary sent through the API evidences the plan sent before it', async () => {
    for (const name of ['luoyang-2023-plan.txt', 'luoyang-2023-summary.txt']) {
      const r = await ingest({ name, text: await readFile(`test/fixtures/corpus/${name}`, 'utf8') });
      expect(r.body.data?.ingestDocument?.status).toBe('INGESTED');
    }
    const rows = await store.read({
      name: 'test.luoyang',
      text: 'MATCH (c:Commitment) WHERE c.region = $region RETURN c.text AS text, c.status AS status ORDER BY text',
      params: { region: '洛阳市' },
    });
    const status = (text: string) => rows.find((r) => String(r.text).startsWith(text))?.status;
    expect(status('到2023年底，全市紧密型县域医共体')).toBe('MET');
    expect(status('重点人群家庭医生签约率达到75%')).toBe('NOT_REPORTED');
  });
});

describe('ingestDocument: a request that times out', () => {
  it('drops a document still being understood: answered TIMEOUT, and never stored afterwards', async () => {
    const quick = await serve(store, { token: TOKEN, workers, requestTimeoutMs: 300 });
    const text = largeDocument(0.8 * 2 ** 20);
    const before = await documentCount();
    try {
      const r = await post(quick, INGEST, { variables: { name: 'timed-out.txt', text }, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.status).toBe(503);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(r.body.errors?.[0]?.message).toMatch(/a document not yet being written is dropped/);
    } finally {
      // Closing waits for the work of every request, answered or not, to settle.
      expect(await quick.close(60_000)).toBe(true);
    }
    expect(await documentCount()).toBe(before);
    // The worker whose task was cut off is replaced: the next document goes through.
    const r = await ingest({ name: 'after-timeout.txt', text: kaifeng });
    expect(r.body.data?.ingestDocument?.status).toBe('INGESTED');
  }, 120_000);
});
