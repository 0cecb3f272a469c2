// A reviewer's word that sticks: decisions made through the API hold through
// re-ingest and every relink, move to another store, and are reported when
// a changed document leaves them naming other text.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import { resolvePaths } from '../../src/ingest/read/paths.ts';
import { relink } from '../../src/ingest/store/relink.ts';
import { exportReviews, formatReviewLines, importReviews, parseReviewLines } from '../../src/ingest/store/reviews.ts';
import type { RunningApi } from '../../src/server/listen.ts';
import { post, seededStore, serve } from './helpers.ts';

const TOKEN = 'test-token-0123456789abcdef';

// The seeds' 南阳 pair: the 十四五 plan (002) and the 2022 summary with the 2023 plan (000).
const SUMMARY = '000_d0de7db37b98f3f9.txt';
const PLAN = '002_bf6091a721eff7e0.txt';
const ids = {
  // 市中心医院迁建: three machine links; the third (集中隔离点、骨科医院已建成投用) does not name it.
  relocation: 'doc-7884afb05359:t16258',
  isolationPoints: 'doc-581b6897025c:t3662',
  // 全民健身公共服务体系: one machine link, so rejecting it leaves no report.
  fitness: 'doc-7884afb05359:t4643',
  fitnessReport: 'doc-581b6897025c:t3942',
  // 疾控中心标准化…满足现场检验检测…2022年底前建成: NOT_REPORTED, the machine found nothing.
  cdc: 'doc-7884afb05359:t6127',
  testingReport: 'doc-581b6897025c:t695',
  // The 2023 plan's 监测预警、核酸检测… continues 提高核酸检测能力 (machine) and not the 十四五 vaccination task.
  epidemic2023: 'doc-581b6897025c:t5006',
  testingHeading: 'doc-581b6897025c:t686',
  vaccination: 'doc-7884afb05359:t12224',
} as const;

const REVIEW_FIELDS = 'id kind decision state fromId toId note reviewer at stale staleReason current';
const REVIEW_LINK = `mutation ($c: ID!, $o: ID!, $d: ReviewDecision!, $note: String, $reviewer: String) {
  reviewLink(commitmentId: $c, outcomeId: $o, decision: $d, note: $note, reviewer: $reviewer) { ${REVIEW_FIELDS} commitment { id } outcome { id } }
}`;
const REVIEW_CONTINUATION = `mutation ($l: ID!, $e: ID!, $d: ReviewDecision!, $note: String, $reviewer: String) {
  reviewContinuation(laterId: $l, earlierId: $e, decision: $d, note: $note, reviewer: $reviewer) { ${REVIEW_FIELDS} commitment { id } earlier { id } outcome { id } }
}`;
const COMMITMENT = `query ($id: ID!) { commitment(id: $id) {
  status reporting(year: 2022) { state verdict }
  evidence { outcome { id } score verdict review decision { decision note reviewer at } }
  continues { commitment { id } outcome { id } score review decision { decision note } }
} }`;

let store: GraphStore;
let api: RunningApi;
const seed = (name: string) => readFile(`seeds/${name}`, 'utf8');

const as = (token: string | null): Record<string, string> => (token === null ? {} : { authorization: `Bearer ${token}` });
async function call(query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) {
  const r = await post(api, query, { variables, headers: as(token) });
  return r.body;
}
async function ok(query: string, variables: Record<string, unknown> = {}) {
  const body = await call(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}
const commitment = async (id: string) => (await ok(COMMITMENT, { id })).commitment;
const evidenceOf = async (id: string) => ((await commitment(id)).evidence as Array<{ outcome: { id: string }; review: string }>).map((e) => `${e.outcome.id} ${e.review}`).sort();
const continuesOf = async (id: string) =>
  ((await commitment(id)).continues as Array<{ commitment: { id: string } | null; outcome: { id: string } | null; review: string }>)
    .map((c) => `${(c.commitment ?? c.outcome)!.id} ${c.review}`)
    .sort();
const ingest = (name: string, text: string) =>
  ok('mutation ($name: String!, $text: String) { ingestDocument(name: $name, text: $text) { status } }', { name, text });

beforeAll(async () => {
  store = await seededStore();
  api = await serve(store, { token: TOKEN });
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

/** What the decisions below must hold to: the links and statuses a reviewer asked for. */
async function expectDecisionsHeld() {
  const relocation = await evidenceOf(ids.relocation);
  expect(relocation).not.toContain(`${ids.isolationPoints} MACHINE`);
  expect(relocation.filter((e) => e.startsWith(ids.isolationPoints))).toEqual([]);
  expect(relocation).toHaveLength(2);

  const fitness = await commitment(ids.fitness);
  expect(fitness.evidence).toEqual([]);
  expect(fitness.status).toBe('UNTRACKED');
  expect(fitness.reporting).toEqual([{ state: 'SILENT', verdict: null }]);

  const cdc = await commitment(ids.cdc);
  expect(cdc.evidence).toEqual([
    expect.objectContaining({ outcome: { id: ids.testingReport }, verdict: 'MET', review: 'CONFIRMED', decision: expect.objectContaining({ decision: 'CONFIRM', note: '核酸检测能力即检验检测能力', reviewer: '李' }) }),
  ]);
  expect(cdc.status).toBe('MET');
  expect(cdc.reporting).toEqual([{ state: 'REPORTED', verdict: 'MET' }]);

  const continues = await continuesOf(ids.epidemic2023);
  expect(continues).toContain(`${ids.vaccination} CONFIRMED`);
  expect(continues.filter((c) => c.startsWith(ids.testingHeading))).toEqual([]);

  // The trace shows the same links, with their review.
  const steps = (await ok(`{ trace(commitmentId: "${ids.cdc}") { steps { links { fromId toId review } } } }`)).trace.steps as Array<{ links: Array<{ fromId: string; toId: string; review: string }> }>;
  expect(steps.flatMap((s) => s.links)).toContainEqual({ fromId: ids.cdc, toId: ids.testingReport, review: 'CONFIRMED' });
}

describe('reviewLink and reviewContinuation: who may call them', () => {
  it('are behind the same token as ingestDocument', async () => {
    const variables = { c: ids.cdc, o: ids.testingReport, d: 'CONFIRM' };
    for (const token of [null, 'wrong-token-0123456789abcdef']) {
      expect((await call(REVIEW_LINK, variables, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const open = await serve(store);
    try {
      const r = await post(open, REVIEW_CONTINUATION, { variables: { l: ids.epidemic2023, e: ids.vaccination, d: 'REJECT' }, headers: as(TOKEN) });
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await open.close();
    }
    expect((await ok('{ reviews { totalCount } }')).reviews.totalCount).toBe(0);
  });

  it('check their arguments, and the statements they name', async () => {
    const linchuan = (await ok('{ outcomes(where: { region: "临川区" }, first: 1) { nodes { id } } }')).outcomes.nodes[0].id;
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [REVIEW_LINK, { c: ids.cdc, o: ids.testingReport, d: 'CONFIRM', note: '很'.repeat(2001) }, 'BAD_USER_INPUT', /^reviewLink\.note: /],
      [REVIEW_LINK, { c: ' ', o: ids.testingReport, d: 'CONFIRM' }, 'BAD_USER_INPUT', /^reviewLink\.commitmentId: a statement id is needed/],
      [REVIEW_LINK, { c: ids.cdc, o: ids.testingReport, d: 'CONFIRM', reviewer: 'a\u0007b' }, 'BAD_USER_INPUT', /^reviewLink\.reviewer: no control characters/],
      [REVIEW_LINK, { c: 'doc-000000000000:t1', o: ids.testingReport, d: 'CONFIRM' }, 'NOT_FOUND', /No commitment with id doc-000000000000:t1/],
      [REVIEW_LINK, { c: ids.testingReport, o: ids.cdc, d: 'CONFIRM' }, 'BAD_USER_INPUT', /is an outcome: an evidence link runs from a commitment to an outcome/],
      [REVIEW_LINK, { c: ids.cdc, o: ids.fitness, d: 'REJECT' }, 'BAD_USER_INPUT', /is a commitment/],
      [REVIEW_LINK, { c: ids.cdc, o: linchuan, d: 'CONFIRM' }, 'BAD_USER_INPUT', /Links are made within one region/],
      [REVIEW_CONTINUATION, { l: ids.cdc, e: ids.cdc, d: 'CONFIRM' }, 'BAD_USER_INPUT', /does not continue itself/],
    ];
    for (const [query, variables, code, message] of cases) {
      const errors = (await call(query, variables)).errors;
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 100)).toBe(code);
      expect(errors?.[0]?.message).toMatch(message);
    }
    expect((await ok('{ reviews(where: { history: true }) { totalCount } }')).reviews.totalCount).toBe(0);
  });
});

describe('a reviewer’s word that sticks', () => {
  it('confirms and rejects through GraphQL: the links and statuses follow at once', async () => {
    expect(await evidenceOf(ids.relocation)).toContain(`${ids.isolationPoints} MACHINE`);
    expect((await commitment(ids.fitness)).status).toBe('IN_PROGRESS');
    expect((await commitment(ids.cdc)).status).toBe('NOT_REPORTED');
    expect(await continuesOf(ids.epidemic2023)).toContain(`${ids.testingHeading} MACHINE`);
    expect((await continuesOf(ids.epidemic2023)).filter((c) => c.startsWith(ids.vaccination))).toEqual([]);

    const rejected = (await ok(REVIEW_LINK, { c: ids.relocation, o: ids.isolationPoints, d: 'REJECT', note: '未提及市中心医院', reviewer: '李' })).reviewLink;
    expect(rejected).toMatchObject({
      kind: 'EVIDENCE',
      decision: 'REJECT',
      state: 'REJECTED',
      fromId: ids.relocation,
      toId: ids.isolationPoints,
      note: '未提及市中心医院',
      reviewer: '李',
      stale: false,
      staleReason: null,
      current: true,
      commitment: { id: ids.relocation },
      outcome: { id: ids.isolationPoints },
    });
    expect(new Date(rejected.at).toISOString()).toBe(rejected.at);
    await ok(REVIEW_LINK, { c: ids.fitness, o: ids.fitnessReport, d: 'REJECT', reviewer: '王' });
    const confirmed = (await ok(REVIEW_LINK, { c: ids.cdc, o: ids.testingReport, d: 'CONFIRM', note: '核酸检测能力即检验检测能力', reviewer: '李' })).reviewLink;
    expect(confirmed).toMatchObject({ state: 'CONFIRMED', stale: false });
    await ok(REVIEW_CONTINUATION, { l: ids.epidemic2023, e: ids.testingHeading, d: 'REJECT' });
    expect((await ok(REVIEW_CONTINUATION, { l: ids.epidemic2023, e: ids.vaccination, d: 'CONFIRM', reviewer: ' ' })).reviewContinuation).toMatchObject({
      kind: 'CONTINUATION',
      reviewer: null,
      note: null,
      earlier: { id: ids.vaccination },
      outcome: null,
    });

    await expectDecisionsHeld();
    // The confirmed link the rules did not make shows what its words share, below the threshold.
    const cdc = await commitment(ids.cdc);
    expect(cdc.evidence[0].score).toBeLessThan(0.3);
  });

  it('lists the decisions as an audit trail, newest first, filtered and paged; rejected links are there', async () => {
    const all = (await ok(`{ reviews { totalCount nodes { ${REVIEW_FIELDS} } } }`)).reviews;
    expect(all.totalCount).toBe(5);
    const times = all.nodes.map((n: { at: string }) => n.at);
    expect([...times].sort().reverse()).toEqual(times);
    const rejections = (await ok('{ reviews(where: { decision: REJECT }) { totalCount nodes { state fromId toId } } }')).reviews;
    expect(rejections.totalCount).toBe(3);
    expect(rejections.nodes.every((n: { state: string }) => n.state === 'REJECTED')).toBe(true);
    expect((await ok('{ reviews(where: { reviewer: "李" }) { totalCount } }')).reviews.totalCount).toBe(2);
    expect((await ok('{ reviews(where: { kind: CONTINUATION }) { totalCount } }')).reviews.totalCount).toBe(2);
    expect((await ok(`{ reviews(where: { statementId: "${ids.epidemic2023}" }) { totalCount } }`)).reviews.totalCount).toBe(2);
    expect((await ok('{ reviews(where: { stale: true }) { totalCount } }')).reviews.totalCount).toBe(0);
    const first = (await ok('{ reviews(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }')).reviews;
    const rest = (await ok('query ($after: String) { reviews(first: 10, after: $after) { nodes { id } pageInfo { hasNextPage } } }', { after: first.pageInfo.endCursor })).reviews;
    expect([...first.nodes, ...rest.nodes].map((n: { id: string }) => n.id)).toEqual(all.nodes.map((n: { id: string }) => n.id));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('a later decision on the same link replaces the earlier, which stays in the history', async () => {
    await ok(REVIEW_LINK, { c: ids.fitness, o: ids.fitnessReport, d: 'CONFIRM', reviewer: '王' });
    expect((await commitment(ids.fitness)).status).toBe('IN_PROGRESS');
    await ok(REVIEW_LINK, { c: ids.fitness, o: ids.fitnessReport, d: 'REJECT', reviewer: '王', note: '再看：说的是全民健身活动' });
    const history = (await ok(`{ reviews(where: { statementId: "${ids.fitness}", history: true }) { nodes { decision current note } } }`)).reviews.nodes;
    expect(history).toEqual([
      { decision: 'REJECT', current: true, note: '再看：说的是全民健身活动' },
      { decision: 'CONFIRM', current: false, note: null },
      { decision: 'REJECT', current: false, note: null },
    ]);
    expect((await ok('{ reviews { totalCount } }')).reviews.totalCount).toBe(5);
    await expectDecisionsHeld();
  });

  it('hold when the documents are ingested again and every region relinked', async () => {
    // A trailing line break changes the files' hashes but no statement's offsets: each document is
    // replaced (its statements and links deleted and written again) with the same ids.
    for (const name of [SUMMARY, PLAN]) expect((await ingest(name, `${await seed(name)}\n`)).ingestDocument.status).toBe('INGESTED');
    await expectDecisionsHeld();
    await relink(store);
    await expectDecisionsHeld();
    expect((await ok('{ reviews(where: { stale: true }) { totalCount } }')).reviews.totalCount).toBe(0);
  });

  it('export → import into a fresh store with the same documents reproduces the decisions, links and statuses', async () => {
    const lines = await exportReviews(store);
    expect(lines).toHaveLength(7);
    const fresh = await openLadybugStore({ path: ':memory:' });
    try {
      await ingestFiles(await resolvePaths(['seeds']), fresh);
      const parsed = parseReviewLines(formatReviewLines(lines));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      expect(await importReviews(fresh, parsed.lines)).toEqual({ read: 7, added: 7, regions: 1, stale: 0 });
      // Importing again adds nothing.
      expect(await importReviews(fresh, parsed.lines)).toMatchObject({ added: 0 });
      const original = api;
      const copy = await serve(fresh, { token: TOKEN });
      try {
        api = copy;
        await expectDecisionsHeld();
        const trail = async () => (await ok('{ reviews(where: { history: true }) { nodes { id decision current at note reviewer } } }')).reviews.nodes;
        const copied = await trail();
        api = original;
        expect(copied).toEqual(await trail());
      } finally {
        api = original;
        await copy.close();
      }
      expect(formatReviewLines(await exportReviews(fresh))).toBe(formatReviewLines(lines));
    } finally {
      await fresh.close();
    }
  });

  it('a changed document makes its decisions stale: kept, reported, not applied', async () => {
    const summary = await seed(SUMMARY);
    // Same length, same offsets: the outcome at the rejected link's id now reads otherwise.
    const changed = summary.replace('目前市级集中隔离点、市骨科医院已建成投用', '当前市级集中隔离点、市骨科医院已建成投用');
    expect(changed).not.toBe(summary);
    await ingest(SUMMARY, changed);
    const stale = (await ok(`{ reviews(where: { stale: true }) { totalCount nodes { fromId toId decision stale staleReason commitment { id } outcome { text } } } }`)).reviews;
    expect(stale.totalCount).toBe(1);
    expect(stale.nodes[0]).toMatchObject({ fromId: ids.relocation, toId: ids.isolationPoints, decision: 'REJECT', stale: true, outcome: { text: expect.stringMatching(/^当前/) } });
    expect(stale.nodes[0].staleReason).toMatch(new RegExp(`the text at ${ids.isolationPoints} is no longer what the reviewer saw.*kept, but not applied`, 'i'));
    // Not applied: the rules decide that link again.
    expect(await evidenceOf(ids.relocation)).toContain(`${ids.isolationPoints} MACHINE`);
    // The other decisions still hold.
    expect((await commitment(ids.cdc)).status).toBe('MET');
    expect((await ok('{ reviews(where: { stale: false }) { totalCount } }')).reviews.totalCount).toBe(4);

    // A line added at the top moves every offset of the plan: its statements' ids are gone.
    await ingest(PLAN, `前言\n${await seed(PLAN)}`);
    const gone = (await ok('{ reviews(where: { stale: true }) { totalCount nodes { fromId staleReason commitment { id } } } }')).reviews;
    expect(gone.totalCount).toBe(4);
    const cdc = gone.nodes.find((n: { fromId: string }) => n.fromId === ids.cdc);
    expect(cdc).toMatchObject({ commitment: null, staleReason: expect.stringMatching(new RegExp(`^The commitment ${ids.cdc} is no longer in the corpus`)) });
    // Never dropped: every decision is still there.
    expect((await ok('{ reviews(where: { history: true }) { totalCount } }')).reviews.totalCount).toBe(7);
  });
});
