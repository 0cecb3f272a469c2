// What the link stage reads from the graph and what it decides.
import type { Progress, ReportingState, Status, ValueKind, Verdict } from '../../vocabulary.ts';
export type { Status, Verdict } from '../../vocabulary.ts';

export interface IndicatorPoint {
  readonly indicatorId: string;
  readonly value: number | null;
  readonly comparator: string | null;
  readonly year: number | null;
  readonly kind: ValueKind;
}

export interface LinkCommitment {
  readonly id: string;
  readonly doc: string;
  readonly regionKey: string;
  readonly region: string | null;
  readonly text: string;
  readonly terms: readonly string[];
  /** Content terms of each clause (split at ，；：), so a report on one part of a long sentence is found. */
  readonly clauses: ReadonlyArray<readonly string[]>;
  /** A heading naming a whole area of work: kept out of linking. */
  readonly broad: boolean;
  /** The title of the plan it is in: a report that this plan was published is not a report on its tasks. */
  readonly plan: string | null;
  readonly planYear: number | null;
  readonly periodFrom: number | null;
  readonly periodTo: number | null;
  readonly dueYear: number | null;
  readonly ord: number;
  /** The commitment leading its paragraph, when this one spells out that lead's work (src/ingest/leads.ts). */
  readonly lead: string | null;
  readonly institutions: readonly string[];
  readonly indicators: readonly IndicatorPoint[];
}

export interface LinkOutcome {
  readonly id: string;
  readonly doc: string;
  readonly regionKey: string;
  readonly region: string | null;
  readonly text: string;
  readonly terms: readonly string[];
  readonly broad: boolean;
  readonly year: number | null;
  readonly progress: Progress | null;
  readonly ord: number;
  readonly institutions: readonly string[];
  readonly indicators: readonly IndicatorPoint[];
}

export interface Match {
  readonly score: number;
  readonly terms: readonly string[];
}

/** The reviewer's decision a link stands by: absent on a machine link. */
interface Reviewed {
  /** The id of the decision that confirmed it (reviews.ts). */
  readonly review?: string;
}

export interface Evidence extends Match, Reviewed {
  readonly commitment: string;
  readonly outcome: string;
  readonly verdict: Verdict;
}

export interface Continuation extends Match, Reviewed {
  /** The later commitment. */
  readonly from: string;
  /** The earlier commitment or outcome it continues. */
  readonly to: string;
  readonly toKind: 'Commitment' | 'Outcome';
  readonly verdict: Verdict | null;
}

export interface YearReporting {
  readonly year: number;
  readonly state: ReportingState;
  /** For REPORTED: the most advanced verdict of that year's reports. */
  readonly verdict: Verdict | null;
  /** The documents holding its region's report for that year (none for NO_REPORT). */
  readonly documents: readonly string[];
}

export interface StatusDecision {
  readonly commitment: string;
  readonly status: Status;
  readonly reason: string;
  /** Each year it is in force, in order. */
  readonly reporting: readonly YearReporting[];
}
