// Facts found inside statements. Every fact has a span into the ORIGINAL text.
import type { InstitutionType, ValueKind } from '../../vocabulary.ts';
import type { Diagnostic, Span } from '../types.ts';

export type Comparator = 'EQ' | 'LE' | 'GE' | 'LT' | 'GT' | 'APPROX';

/** `795个`, `2.56万个` (= 25600), `81.76%`, `约70亿元`, `***万元` (masked), `10-20公里`. */
export interface QuantityFact {
  readonly span: Span;
  /** Exactly as written. */
  readonly text: string;
  /** The number with 万/亿 applied; null when masked or qualitative. */
  readonly value: number | null;
  /** For ranges: the upper bound (value holds the lower). */
  readonly upper: number | null;
  readonly unit: string | null;
  readonly comparator: Comparator | null;
  /** A value that exists but is hidden (`**`, `*个`, `***万元`). */
  readonly masked: boolean;
  /** What is counted, when the text says (`核酸检测点`, `托位总数`), else null. */
  readonly subject: string | null;
}

export type TimeKind = 'DEADLINE' | 'HORIZON' | 'AS_OF' | 'PERIOD';

/** `到2025年` (horizon), `2022年底前` (deadline), `截至11月13日` (as of), `前三季度` (period). */
export interface TimeFact {
  readonly span: Span;
  readonly text: string;
  readonly kind: TimeKind;
  readonly year: number | null;
  /** ISO date the expression resolves to (end of the period for deadlines), using the part's year when unstated. */
  readonly date: string | null;
}

export type { InstitutionType, ValueKind } from '../../vocabulary.ts';

/** A named institution (市中心医院 → 南阳市中心医院) or a generic class (乡镇卫生院). */
export interface InstitutionFact {
  readonly span: Span;
  /** As written. */
  readonly text: string;
  /** The full name, made from the text and the document's region; for generic classes the class name. */
  readonly name: string;
  readonly type: InstitutionType;
  /** A class of institutions (乡镇卫生院, 村卫生室), not one named institution. */
  readonly generic: boolean;
}

/** A value of an indicator stated in running text, matched to a canonical indicator when it means the same. */
export interface IndicatorValueFact {
  readonly span: Span;
  readonly text: string;
  /** Canonical indicator id (`ind:<name>`), from the document's tables or a normalised name. */
  readonly indicatorId: string;
  readonly indicatorName: string;
  readonly quantity: QuantityFact;
  readonly kind: ValueKind;
  readonly year: number | null;
}

/** A named project in running text (…迁建项目, …建设工程), or a 专栏 item the statement mentions. */
export interface ProjectFact {
  readonly span: Span;
  readonly name: string;
}

export interface StatementFacts {
  readonly statementId: string;
  readonly quantities: readonly QuantityFact[];
  readonly times: readonly TimeFact[];
  readonly institutions: readonly InstitutionFact[];
  readonly indicatorValues: readonly IndicatorValueFact[];
  readonly projects: readonly ProjectFact[];
  /** Oddities met while reading the facts (a typo in a name, an as-of date years before the part's year); the facts keep what the text says. */
  readonly diagnostics: readonly Diagnostic[];
}
