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
          partYear: t.year,
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
