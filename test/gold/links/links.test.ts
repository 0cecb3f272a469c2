import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGoldDocuments } from '../load.ts';
import { LinkGold, loadLinkGold, LUOYANG_LINKS, NANYANG_LINKS } from './schema.ts';

// The link gold quotes statements: every text must be in one of its documents,
// and for the seeds it must be a statement of the statement gold, of the right
// class, so the link gold and the statement gold never drift apart.
function documentText(goldFile: string, name: string): string {
  const beside = join(dirname(goldFile), name);
  return readFileSync(existsSync(beside) ? beside : join('seeds', name), 'utf8');
}

describe.each([NANYANG_LINKS, LUOYANG_LINKS])('%s', (file) => {
  const gold = loadLinkGold(file);
  const texts = gold.documents.map((d) => documentText(file, d));
  const quoted = (s: string) => texts.some((t) => t.includes(s));

  it('quotes its documents exactly', () => {
    for (const e of gold.evidence) for (const s of [e.commitment, e.outcome]) expect(quoted(s), s).toBe(true);
    for (const c of gold.continuation) for (const s of [c.later, c.earlier]) expect(quoted(s), s).toBe(true);
    for (const s of gold.status) expect(quoted(s.commitment), s.commitment).toBe(true);
  });

  it('has evidence, continuations and statuses', () => {
    expect(gold.evidence.length).toBeGreaterThan(0);
    expect(gold.continuation.length).toBeGreaterThan(0);
    expect(gold.status.length).toBeGreaterThan(0);
  });
});

describe('the Nanyang link gold', () => {
  const gold = loadLinkGold(NANYANG_LINKS);
  const statements = new Map(loadGoldDocuments().map(({ gold: g }) => [g.document, g.statements]));
  const classOf = (doc: string, text: string) => statements.get(doc)?.find((s) => s.text === text)?.class ?? null;
  const PLAN = '002_bf6091a721eff7e0.txt';
  const SUMMARY = '000_d0de7db37b98f3f9.txt';

  it('links 002 commitments to 000 outcomes, each text a statement of the statement gold', () => {
    for (const e of gold.evidence) {
      expect(classOf(PLAN, e.commitment), e.commitment).toBe('COMMITMENT');
      expect(classOf(SUMMARY, e.outcome), e.outcome).toBe('OUTCOME');
    }
  });

  it('continues 000’s 2023 commitments from 002 commitments or 000’s 2022 outcomes', () => {
    for (const c of gold.continuation) {
      expect(classOf(SUMMARY, c.later), c.later).toBe('COMMITMENT');
      const earlier = classOf(PLAN, c.earlier) === 'COMMITMENT' || classOf(SUMMARY, c.earlier) === 'OUTCOME';
      expect(earlier, c.earlier).toBe(true);
    }
  });

  it('gives statuses to commitments only, agreeing with its own evidence', () => {
    for (const s of gold.status) expect(classOf(PLAN, s.commitment) ?? classOf(SUMMARY, s.commitment), s.commitment).toBe('COMMITMENT');
    for (const s of gold.status) {
      const verdicts = gold.evidence.filter((e) => e.commitment === s.commitment).map((e) => e.verdict);
      if (verdicts.length === 0) expect(['NOT_REPORTED', 'UNTRACKED'], s.commitment).toContain(s.status);
      else expect(verdicts, s.commitment).toContain(s.status);
    }
  });

  it('rejects a pair listed twice', () => {
    const raw = JSON.parse(readFileSync(NANYANG_LINKS, 'utf8')) as { evidence: unknown[] };
    raw.evidence.push(raw.evidence[0]);
    expect(LinkGold.safeParse(raw).success).toBe(false);
  });
});
