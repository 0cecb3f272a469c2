// What a query needs of ingest to read the graph the way ingest wrote it:
// the same segmentation for search terms, the same lexicon for the short
// forms a search also looks for, the same rule for an indicator's progress.
// Pure; the API imports ingest only here and through the store door
// (store/ingest.ts: ingestBytes), a rule test/architecture.test.ts keeps.
export { contentTerms } from './segment.ts';
export { ABBREVIATIONS, lexiconFormsIn, notAfterOf, standsAlone, variantsOf, type Abbreviation, type Variant } from './lexicon/abbreviations.ts';
export { againstTargets, assessProgress, type ProgressAssessment, type SeriesPoint } from './link/series.ts';
export { betterOf } from './link/compare.ts';
export { decodeReporting, reportingToken } from './link/status.ts';
export type { YearReporting } from './link/types.ts';
