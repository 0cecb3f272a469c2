import { findBoxes, type Box } from './boxes.ts';
import { clean } from './clean.ts';
import { describe } from './describe/index.ts';
import { extractFacts, type StatementFacts } from './facts/index.ts';
import { findFrontMatter } from './front.ts';
import { contentHash, documentIdOf } from './ids.ts';
import { outline } from './outline.ts';
import { boxItemStatements, statements, type Statement } from './statements.ts';
import { findIndicatorTables, type IndicatorTable } from './tables.ts';
import type { CleanText, Description, Diagnostic, Section, SourceText, Span } from './types.ts';

/** Everything the pipeline understood of one document, before it becomes graph rows. */
export interface Understood {
  readonly documentId: string;
  readonly sha256: string;
  readonly source: SourceText;
  readonly clean: CleanText;
  readonly description: Description;
  readonly sections: readonly Section[];
  readonly statements: readonly Statement[];
  readonly tables: readonly IndicatorTable[];
  readonly boxes: readonly Box[];
  /** Facts of each statement, by statement id. */
  readonly facts: ReadonlyMap<string, StatementFacts>;
  readonly diagnostics: readonly Diagnostic[];
}

export { contentHash, documentIdOf } from './ids.ts';

/** The stages of understanding one document, in order, for the optional timing hook. */
export const UNDERSTAND_STAGES = ['clean', 'describe', 'outline', 'statements', 'facts'] as const;
export type UnderstandStage = (typeof UNDERSTAND_STAGES)[number];
/**
 * `ms` is wall time; `cpuMs` the process's CPU time over the stage (all its
 * threads: the collector's helpers too), which others' work on shared cores
 * does not inflate.
 */
export type UnderstandTimer = (stage: UnderstandStage, ms: number, cpuMs: number) => void;

/** clean → describe → outline (with tables and boxes) → statements → facts. Pure. */
export function understand(source: SourceText, options: { readonly onStage?: UnderstandTimer } = {}): Understood {
  const timed = <T>(stage: UnderstandStage, work: () => T): T => {
    if (!options.onStage) return work();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = work();
    const used = process.cpuUsage(cpu);
    options.onStage(stage, performance.now() - started, (used.user + used.system) / 1000);
    return result;
  };
  const documentId = documentIdOf(source.name);
  const cleaned = timed('clean', () => clean(source.text));
  const { description, front } = timed('describe', () => {
    const front = findFrontMatter(cleaned);
    return { front, description: describe(cleaned, { front }) };
  });
  const { tables, boxes, tree, skip } = timed('outline', () => {
    const tables = findIndicatorTables(cleaned);
    const boxes = findBoxes(cleaned);
    // By-lines, navigation and the like are neither parts nor statements.
    const skip: Span[] = [...tables.blocks, ...boxes.blocks, ...front.spans];
    return { tables, boxes, skip, tree: outline(cleaned, description, { documentId, skip }) };
  });
  const statementDiagnostics: Diagnostic[] = [];
  const stated = timed('statements', () =>
    [
      ...statements(cleaned, tree.sections, { documentId, skip, title: description.titleSpan, diagnostics: statementDiagnostics }),
      ...boxItemStatements(cleaned, boxes.boxes, tree.sections, documentId),
    ].sort((a, b) => a.span.start - b.span.start),
  );
  const regionName = description.region.status === 'resolved' ? description.region.place.name : null;
  const facts = timed('facts', () => {
    const facts = new Map<string, StatementFacts>();
    // Every statement: a background part's figures (由10.5%增加至24.45%) are baselines for indicator series.
    for (const t of stated) {
      facts.set(
        t.id,
        extractFacts(t.id, t.text, t.span, {
          documentId,
          region: description.region,
          regionName,
          partYear: paragraphYear(source.text, t),
          documentKind: description.kind,
          tables: tables.tables,
          boxes: boxes.boxes,
          statementClass: t.class,
        }),
      );
    }
    return facts;
  });
  const factDiagnostics = [...facts.values()].flatMap((f) => f.diagnostics);
  return {
    documentId,
    sha256: contentHash(source.text),
    source,
    clean: cleaned,
    description,
    sections: tree.sections,
    statements: stated,
    tables: tables.tables,
    boxes: boxes.boxes,
    facts,
    diagnostics: [...description.diagnostics, ...tables.diagnostics, ...boxes.diagnostics, ...tree.diagnostics, ...statementDiagnostics, ...factDiagnostics],
  };
}

/**
 * The year a statement's figures are of. A part of several years (过去五年工作回顾,
 * 2013–2017) dates them by the year its paragraph names before them, if any:
 *
 *   > | 刚刚过去的2017年，经济社会发展主要目标任务全面完成并好于预期。国内生产总值增长6.9%
 *                ^^^^^ the paragraph's year                        the statement ^^^^^^^
 *
 * else, as any part, by its first year.
 */
function paragraphYear(original: string, t: { readonly span: { readonly start: number }; readonly year: number | null; readonly yearTo: number | null }): number | null {
  if (t.year === null || t.yearTo === null || t.yearTo <= t.year) return t.year;
  const before = original.slice(original.lastIndexOf('\n', t.span.start - 1) + 1, t.span.start);
  let year: number | null = null;
  for (const m of before.matchAll(/(20\d\d)年/g)) {
    const y = Number(m[1]);
    if (y >= t.year && y <= t.yearTo) year = y;
  }
  return year ?? t.year;
}
