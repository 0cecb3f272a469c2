// The closed vocabularies of the domain, each written once. Types derive from
// these lists; the GraphQL enums of the same names are checked against them
// (test/vocabulary.test.ts), so a value added here and forgotten in the
// schema, or the other way round, fails the suite.

/** WORK_REPORT: a 政府工作报告, a review of the past year (or five) followed by this year's plan, given to an assembly. */
export const DOCUMENT_KINDS = ['FIVE_YEAR_PLAN', 'ANNUAL_PLAN', 'ANNUAL_SUMMARY', 'SUMMARY_AND_PLAN', 'WORK_REPORT', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a part of a document does. Commitments come from plan-like parts, outcomes from RESULTS. */
export const SECTION_ROLES = ['RESULTS', 'PROBLEMS', 'PLAN', 'TARGETS', 'MEASURES', 'PRINCIPLES', 'BACKGROUND', 'SUGGESTIONS'] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

export const STATEMENT_CLASSES = ['COMMITMENT', 'OUTCOME', 'PROBLEM', 'BACKGROUND'] as const;
export type StatementClass = (typeof STATEMENT_CLASSES)[number];

export const VERDICTS = ['MET', 'EXCEEDED', 'PARTIAL', 'IN_PROGRESS', 'NOT_MET'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A commitment's status: the latest verdict, or why there is none. */
export const STATUSES = [...VERDICTS, 'NOT_REPORTED', 'UNTRACKED'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * A commitment's reporting in one year it is in force: REPORTED (a report of
 * its region for that year reports on it), SILENT (such a report is in the
 * corpus and says nothing about it), NO_REPORT (no report of its region for
 * that year is in the corpus: nothing can be said).
 */
export const REPORTING_STATES = ['REPORTED', 'SILENT', 'NO_REPORT'] as const;
export type ReportingState = (typeof REPORTING_STATES)[number];

/** What an outcome's own words say of the work (已建成 → COMPLETED, 有序推进 → IN_PROGRESS). */
export const PROGRESS = ['COMPLETED', 'EXCEEDED', 'IN_PROGRESS', 'NOT_DONE'] as const;
export type Progress = (typeof PROGRESS)[number];

export const INSTITUTION_TYPES = [
  'HOSPITAL',
  'TCM_HOSPITAL',
  'MATERNAL_CHILD',
  'CDC',
  'TOWNSHIP_HEALTH_CENTRE',
  'COMMUNITY_HEALTH_CENTRE',
  'VILLAGE_CLINIC',
  'GOVERNMENT',
  'UNIVERSITY',
  'ASSOCIATION',
  'CENTRE',
  'OTHER',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const VALUE_KINDS = ['BASELINE', 'TARGET', 'ACTUAL'] as const;
/** A year's target against the value reported for that year (NO_VALUE: none is in the corpus). */
export const TARGET_VERDICTS = ['MET', 'EXCEEDED', 'NOT_MET', 'NO_VALUE'] as const;
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];
export type ValueKind = (typeof VALUE_KINDS)[number];

/** The file formats plantrace reads (src/ingest/read/formats.ts has a reader for each). */
export const FORMATS = ['txt', 'docx', 'doc', 'pdf'] as const;
export type SourceFormat = (typeof FORMATS)[number];

/** What a reviewer's decision is about: an evidence link (commitment → outcome) or a continuation (later → earlier). */
export const REVIEW_KINDS = ['EVIDENCE', 'CONTINUATION'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** What a reviewer said of a link. */
export const REVIEW_DECISIONS = ['CONFIRM', 'REJECT'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Where a link stands with reviewers: MACHINE (made by plantrace, not
 * reviewed), CONFIRMED (kept whatever the score), REJECTED (never made again;
 * listed only among the reviews).
 */
export const LINK_REVIEWS = ['MACHINE', 'CONFIRMED', 'REJECTED'] as const;
export type LinkReview = (typeof LINK_REVIEWS)[number];
