// Shared set-up for the facts tests: facts of one sentence in a chosen
// document context, and facts of every statement of every seed.
import { readFileSync, readdirSync } from 'node:fs';
import { extractFacts, type FactContext, type StatementFacts } from '../../../src/ingest/facts/index.ts';
import { loadGazetteer } from '../../../src/ingest/gazetteer.ts';
import { understand, type Understood } from '../../../src/ingest/pipeline.ts';
import type { Statement } from '../../../src/ingest/statements.ts';
import type { RegionRef } from '../../../src/ingest/types.ts';

/** A resolved region as describe() would give it, from the gazetteer. */
export function regionOf(name: string): RegionRef {
  const gazetteer = loadGazetteer();
  const place = gazetteer.lookup(name)[0];
  if (!place) throw new Error(`no place ${name}`);
  return { status: 'resolved', place, parents: gazetteer.parentsOf(place), evidence: name };
}

export const NANYANG = regionOf('南阳市');
export const LINCHUAN = regionOf('临川区');
export const MASKED: RegionRef = { status: 'masked', evidence: '健康**' };

export function context(over: Partial<FactContext> = {}): FactContext {
  return {
    documentId: 'doc-test',
    region: NANYANG,
    regionName: '南阳市',
    partYear: 2022,
    documentKind: 'SUMMARY_AND_PLAN',
    tables: [],
    boxes: [],
    statementClass: 'OUTCOME',
    ...over,
  };
}

/** Facts of `sentence` as a statement starting at original offset `at` (default 0). */
export function factsOf(sentence: string, over: Partial<FactContext> = {}, at = 0): StatementFacts {
  return extractFacts('t', sentence, { start: at, end: at + sentence.length }, context(over));
}

export const SEED_NAMES = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

const understood = new Map<string, Understood>();

/** A seed through the pipeline up to statements (cached: the seeds are read once per file). */
export function seed(name: string): Understood {
  const prefix = name.slice(0, 3);
  const file = SEED_NAMES.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${name}`);
  let u = understood.get(file);
  if (!u) {
    u = understand({ name: file, format: 'txt', encoding: 'UTF-8', text: readFileSync(`seeds/${file}`, 'utf8') });
    understood.set(file, u);
  }
  return u;
}

/** The context the pipeline would give a statement of `u`. */
export function contextOf(u: Understood, s: Statement): FactContext {
  const region = u.description.region;
  return {
    documentId: u.documentId,
    region,
    regionName: region.status === 'resolved' ? region.place.name : null,
    partYear: s.year,
    documentKind: u.description.kind,
    tables: u.tables,
    boxes: u.boxes,
    statementClass: s.class,
  };
}

/** Facts of every statement of a seed. */
export function seedFacts(name: string): Array<{ statement: Statement; facts: StatementFacts }> {
  const u = seed(name);
  return u.statements.map((statement) => ({ statement, facts: extractFacts(statement.id, statement.text, statement.span, contextOf(u, statement)) }));
}

/** Facts of the seed statement containing `needle` (the first one). */
export function seedStatementFacts(name: string, needle: string): StatementFacts {
  const u = seed(name);
  const statement = u.statements.find((s) => s.text.includes(needle));
  if (!statement) throw new Error(`no statement with ${needle} in ${name}`);
  return extractFacts(statement.id, statement.text, statement.span, contextOf(u, statement));
}
