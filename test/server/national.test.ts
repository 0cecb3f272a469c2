// The national reports through the API: year Y's 预期目标 against what the
// review of Y (in the report of Y+1) reports, and year Y's tasks the review
// says nothing about. Needs ../shared/corpus; skipped, loudly, without it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLadybugStore } from '../../src/graph/ladybug/store.ts';
import type { GraphStore } from '../../src/graph/port.ts';
import { ingestFiles } from '../../src/ingest/store/ingest.ts';
import type { ApiContext } from '../../src/resolvers/index.ts';
import { createApollo, executeIn } from '../../src/server/apollo.ts';
import { corpusDir } from '../gold/corpus/schema.ts';

const national = join(corpusDir(), 'national');
const present = existsSync(national);
if (!present) console.warn(`  !! national API questions SKIPPED: ${national} is absent`);

let store: GraphStore;
let apollo: ApolloServer<ApiContext>;
async function ask(query: string) {
  const result = await executeIn(apollo, store, query, {});
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

beforeAll(async () => {
  if (!present) return;
  store = await openLadybugStore({ path: ':memory:' });
  await ingestFiles([2017, 2018, 2019].map((y) => join(national, `${y}年国务院政府工作报告.txt`)), store);
  apollo = createApollo();
  await apollo.start();
}, 120_000);
afterAll(async () => {
  await apollo?.stop();
  await store?.close();
});

describe.runIf(present)('the 2018 预期目标 against the 2019 review', () => {
  const targets = async (name: string) => {
    const d = await ask(`{ indicators(where: { name: "${name}" }) { name targets(region: "全国") { year verdict explanation target { text document { name } } actual { text document { name } } } } }`);
    return d.indicators.find((i: any) => i.name === name).targets as any[];
  };

  it('GDP growth 6.5%左右 → 6.6%: MET; 2017’s 6.5%左右 → 6.9%: EXCEEDED', async () => {
    const t = await targets('国内生产总值增长');
    const y2018 = t.find((r) => r.year === 2018);
    expect(y2018).toMatchObject({ verdict: 'MET', target: { text: '国内生产总值增长6.5%左右' }, actual: { text: '国内生产总值增长6.6%', document: { name: '2019年国务院政府工作报告.txt' } } });
    expect(y2018.explanation).toBe('6.6 reported for 2018 meets the target APPROX 6.5 (左右: 6.175–6.825).');
    expect(t.find((r) => r.year === 2017)).toMatchObject({ verdict: 'EXCEEDED', actual: { text: '国内生产总值增长6.9%' } });
  });

  it('new urban jobs 1100万以上 → 1361万: EXCEEDED; CPI 3%左右 → 2.1%, a ceiling: MET', async () => {
    expect((await targets('城镇新增就业')).find((r) => r.year === 2018)).toMatchObject({ verdict: 'EXCEEDED', actual: { text: '城镇新增就业1361万人' } });
    const cpi = (await targets('居民消费价格涨幅')).find((r) => r.year === 2018);
    expect(cpi).toMatchObject({ verdict: 'MET', actual: { text: '居民消费价格上涨2.1%' } });
    expect(cpi.explanation).toMatch(/a ceiling/);
  });

  it('a 2019 target has no value yet: NO_VALUE, saying so', async () => {
    const y2019 = (await targets('国内生产总值增长')).find((r) => r.year === 2019);
    expect(y2019).toMatchObject({ verdict: 'NO_VALUE', actual: null, target: { text: '国内生产总值增长6%－6.5%' } });
  });
});

describe.runIf(present)('unreported(year: 2018) on the national reports', () => {
  it('lists tasks of the 2018 plan the 2019 review is silent on as NOT_REPORTED, naming that report', async () => {
    const d = await ask(`{ unreported(year: 2018) { notReported(first: 200) { totalCount nodes { document { name } reporting(year: 2018) { state reason } } } untracked { totalCount } } }`);
    const { notReported } = d.unreported;
    expect(notReported.totalCount).toBeGreaterThan(10);
    for (const c of notReported.nodes) {
      expect(c.reporting).toEqual([{ state: 'SILENT', reason: expect.stringContaining('2018') }]);
      expect(c.document.name).toBe('2018年国务院政府工作报告.txt');
    }
  });
});
