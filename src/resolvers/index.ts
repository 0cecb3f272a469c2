import { CommitmentCount, ReportingCount } from './dashboards.ts';
import { Document } from './document.ts';
import { Mutation } from './mutation.ts';
import { Indicator, IndicatorValue, statementValues } from './indicators.ts';
import { Institution, statementInstitutions } from './institutions.ts';
import { commitmentLinks, Linked, outcomeLinks } from './links.ts';
import { Query, Unreported } from './query.ts';
import { Review, reviewMutations, reviewQuery } from './reviews.ts';
import { SearchHit } from './search.ts';
import { TraceStep } from './trace.ts';
import { Section } from './section.ts';
import { Commitment, Outcome, YearReporting } from './statements.ts';

export const resolvers = {
  Query: { ...Query, ...reviewQuery },
  Mutation: { ...Mutation, ...reviewMutations },
  Review,
  Document,
  Section,
  Commitment: { ...Commitment, ...commitmentLinks, ...statementInstitutions, targets: statementValues.values },
  Outcome: { ...Outcome, ...outcomeLinks, ...statementInstitutions, reports: statementValues.values },
  Institution,
  EvidenceLink: Linked,
  ContinuationLink: Linked,
  Unreported,
  YearReporting,
  TraceStep,
  Indicator,
  IndicatorValue,
  SearchHit,
  CommitmentCount,
  ReportingCount,
};
export { createLoaders, type Context } from './loaders.ts';
export type { ApiContext, Auth } from './mutation.ts';
