// The facts stage: quantities, times, institutions, indicator values and
// projects inside one statement. Pure; the only state is the lazily loaded
// segmenter (facts/segment.ts).
//
// Order matters: times first (their numbers are not quantities), then
// quantities (their spans bound institution names: `3726家村卫生室`), then
// institutions, indicator values (from quantities and times) and projects
// (which use institution names to tell a project from a category).

import type { Box } from '../boxes.ts';
import type { StatementClass } from '../statements.ts';
import type { IndicatorTable } from '../tables.ts';
import type { Diagnostic, DocumentKind, RegionRef, Span } from '../types.ts';
import { findIndicatorValues } from './indicators.ts';
import { findInstitutions } from './institutions.ts';
import { findProjects } from './projects.ts';
import { findQuantities, quantityDiagnostics } from './quantities.ts';
import { statementText } from './text.ts';
import { findTimes, timeDiagnostics } from './times.ts';
import type { StatementFacts } from './types.ts';

export type * from './types.ts';
export { segmenterLoadMs } from './segment.ts';

export interface FactContext {
  readonly documentId: string;
  /** From the Description: resolves `市`/`区`/`省` in institution names. */
  readonly region: RegionRef;
  readonly regionName: string | null;
  /** The statement's section year: the year of `年内`, `截至11月13日`, `前三季度`. */
  readonly partYear: number | null;
  readonly documentKind: DocumentKind;
  readonly tables: readonly IndicatorTable[];
  readonly boxes: readonly Box[];
  readonly statementClass: StatementClass;
}

/**
 * Facts inside one statement. `text` is the statement's text and
 * `span.start` its original offset (the statement text is an exact slice of
 * the original: original.slice(span.start, span.end) === text), so every
 * fact's span cuts its `text` back out of the original.
 */
export function extractFacts(statementId: string, text: string, span: Span, ctx: FactContext): StatementFacts {
  const st = statementText(text, span);
  const diagnostics: Diagnostic[] = [];
  const timeCtx = { partYear: ctx.partYear, statementClass: ctx.statementClass };
  const times = findTimes(st, timeCtx);
  const quantities = findQuantities(st, times.map((t) => t.range));
  const institutions = findInstitutions(st, { region: ctx.region }, [...times, ...quantities].map((f) => f.range), diagnostics);
  const indicatorValues = findIndicatorValues(st, quantities, times, ctx);
  const projects = findProjects(st, ctx.boxes, institutions.filter((i) => !i.fact.generic).map((i) => i.range));
  diagnostics.push(...timeDiagnostics(times, timeCtx), ...quantityDiagnostics(quantities));
  return {
    statementId,
    quantities: quantities.map((q) => q.fact),
    times: times.map((t) => t.fact),
    institutions: institutions.map((i) => i.fact),
    indicatorValues,
    projects: projects.map((p) => p.fact),
    diagnostics,
  };
}
