// The ONE adapter from the pipeline to the eval: a document in, predictions
// out, in the shapes the scorers take. When a stage changes its output, this
// is the only eval file that should have to follow.
import type { StatementFacts } from '../ingest/facts/types.ts';
import { understand, type Understood } from '../ingest/pipeline.ts';
import type { IndicatorCell } from '../ingest/tables.ts';
import type { SourceText } from '../ingest/types.ts';
import type { GoldTableCell, Prediction, PredictedTableRow } from './types.ts';

export function predict(source: SourceText): Prediction {
  return fromUnderstood(understand(source));
}

export function fromUnderstood(u: Understood): Prediction {
  // The fact gold covers running text; a 专栏 item line's facts are the box gold's (002-boxes.json).
  const boxLines = new Set(u.boxes.flatMap((b) => b.items.map((i) => i.span.start)));
  const running = u.statements.filter((s) => !boxLines.has(s.span.start)).map((s) => u.facts.get(s.id)).filter((f) => f !== undefined);
  return {
    document: u.source.name,
    statements: u.statements.map((s) => ({ span: s.span, class: s.class, text: s.text })),
    factsWired: true,
    ...factsFrom(running),
    tableRows: u.tables.flatMap((t) => t.rows.map(tableRow)),
  };
}

/** Fact predictions from the facts stage's output; generic institution classes (乡镇卫生院) are not named institutions. */
export function factsFrom(facts: readonly StatementFacts[]): Pick<Prediction, 'institutions' | 'quantities' | 'indicatorValues' | 'projects'> {
  return {
    institutions: facts.flatMap((f) => f.institutions.filter((i) => !i.generic).map((i) => ({ span: i.span, text: i.text, name: i.name }))),
    quantities: facts.flatMap((f) => f.quantities.map((q) => ({ span: q.span, text: q.text, value: q.value, masked: q.masked }))),
    indicatorValues: facts.flatMap((f) =>
      f.indicatorValues.map((v) => ({
        span: v.span,
        text: v.text,
        indicator: v.indicatorName,
        value: v.quantity.masked ? null : v.quantity.value,
        kind: v.kind,
        year: v.year,
      })),
    ),
    projects: facts.flatMap((f) => f.projects.map((p) => ({ span: p.span, name: p.name }))),
  };
}

function tableRow(row: Understood['tables'][number]['rows'][number]): PredictedTableRow {
  return {
    span: row.span,
    number: row.number,
    name: row.name,
    unit: row.unit,
    baseline: cell(row.baseline),
    target: cell(row.target),
    attribute: row.attribute,
  };
}

function cell(c: IndicatorCell): GoldTableCell {
  return { value: c.value, comparator: c.comparator, qualitative: c.qualitative, missing: c.missing };
}
