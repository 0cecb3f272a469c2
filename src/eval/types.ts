// What the eval compares: the gold as the annotation files give it (parsed by
// test/gold/schema.ts, which these shapes mirror) and the pipeline's
// predictions as src/eval/predict.ts adapts them. Spans are ORIGINAL offsets.
import type { StatementClass } from '../ingest/statements.ts';
import type { Span } from '../ingest/types.ts';
import type { ValueKind } from '../ingest/facts/types.ts';

export type FactType = 'statements' | 'institutions' | 'quantities' | 'indicatorValues' | 'projects';

export interface GoldInput {
  readonly document: string;
  readonly complete: Readonly<Record<FactType, boolean>>;
  readonly statements: ReadonlyArray<{ readonly text: string; readonly class: StatementClass }>;
  readonly institutions: ReadonlyArray<{ readonly text: string; readonly name: string; readonly aliases?: readonly string[] }>;
  readonly quantities: ReadonlyArray<{ readonly text: string; readonly value: number | null; readonly masked: boolean }>;
  readonly indicatorValues: ReadonlyArray<{
    readonly indicator: string;
    readonly text: string;
    readonly value: number | null;
    readonly kind: ValueKind;
    readonly year: number | null;
  }>;
  readonly projects: ReadonlyArray<{ readonly name: string; readonly aliases?: readonly string[] }>;
}

/** One row of a gold indicator table (test/gold/002-indicators.json). */
export interface GoldTableRow {
  readonly number: string;
  readonly name: string;
  readonly unit: string | null;
  readonly baseline: GoldTableCell;
  readonly target: GoldTableCell;
  readonly attribute: string | null;
}

export interface GoldTableCell {
  readonly value: number | null;
  readonly comparator: string | null;
  readonly qualitative: string | null;
  readonly missing: boolean;
}

export interface PredictedStatement {
  readonly span: Span;
  readonly class: StatementClass;
  readonly text: string;
}

export interface PredictedInstitution {
  readonly span: Span;
  readonly text: string;
  readonly name: string;
}

export interface PredictedQuantity {
  readonly span: Span;
  readonly text: string;
  readonly value: number | null;
  readonly masked: boolean;
}

export interface PredictedIndicatorValue {
  readonly span: Span;
  readonly text: string;
  readonly indicator: string;
  readonly value: number | null;
  readonly kind: ValueKind;
  readonly year: number | null;
}

export interface PredictedProject {
  readonly span: Span;
  readonly name: string;
}

export interface PredictedTableRow extends GoldTableRow {
  readonly span: Span;
}

/** Everything the pipeline predicted for one document, in the shapes the scorers take. */
export interface Prediction {
  readonly document: string;
  readonly statements: readonly PredictedStatement[];
  /** False until the facts stage is wired into the adapter: the fact lists are then empty, not wrong. */
  readonly factsWired: boolean;
  readonly institutions: readonly PredictedInstitution[];
  readonly quantities: readonly PredictedQuantity[];
  readonly indicatorValues: readonly PredictedIndicatorValue[];
  readonly projects: readonly PredictedProject[];
  readonly tableRows: readonly PredictedTableRow[];
}
