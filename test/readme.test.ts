// README's example answers are what the server says for the seeds: every
// ```graphql block followed by a ```json block is run and compared (its data,
// or its errors for a refusal), and the
// trace table's rows are the trace's steps. A change that moves an answer
// fails here until README says the new one.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/port.ts';
import { createApollo, executeIn } from '../src/server/apollo.ts';
import { seededStore } from './server/helpers.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const answered = [...README.matchAll(/```graphql\n((?:(?!```)[\s\S])*?)```\s*```json\n((?:(?!```)[\s\S])*?)```/g)].map((m) => ({ query: m[1]!.trim(), answer: m[2]! }));
const apollo = createApollo();
let store: GraphStore;

beforeAll(async () => {
  store = await seededStore();
}, 60_000);
afterAll(async () => store?.close());

describe('README answers', () => {
  it('has answered questions to check', () => expect(answered.length).toBeGreaterThanOrEqual(4));

  it.each(answered.map((a) => [a.query.slice(0, 50), a] as const))('%s', async (_, { query, answer }) => {
    const result = await executeIn(apollo, store, query);
    // An answer shows its data, or its errors (a refusal): whichever it shows, nothing else came.
    expect({ data: result.data, errors: result.errors }).toEqual(JSON.parse(answer));
  });

  it('the relocation trace table lists the trace’s steps, in order, with their link scores', async () => {
    const query = /```graphql\n(\{ trace\([\s\S]*?)```/.exec(README)![1]!;
    const rows = [...README.matchAll(/^\| (20\d{2}) \| (commitment|outcome) \| [^|]+ \| [^|]+ \| ([^|]+) \|$/gm)];
    const result = await executeIn(apollo, store, query);
    const steps = (result.data as { trace: { steps: Array<{ year: number; kind: string; links: Array<{ score: number }> }> } }).trace.steps;
    expect(rows.map((r) => `${r[1]} ${r[2]}`)).toEqual(steps.map((s) => `${s.year} ${s.kind.toLowerCase()}`));
    rows.forEach((row, i) => {
      for (const score of row[3]!.match(/\d\.\d+/g) ?? []) expect(steps[i]!.links.map((l) => l.score), row[0]).toContain(Number(score));
    });
  });
});
