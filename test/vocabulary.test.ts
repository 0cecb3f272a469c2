// The schema's enums are the domain's vocabularies (src/vocabulary.ts), value for value.
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, INSTITUTION_TYPES, LINK_REVIEWS, PROGRESS, REVIEW_DECISIONS, REVIEW_KINDS, SECTION_ROLES, STATUSES, TARGET_VERDICTS, VALUE_KINDS, VERDICTS } from '../src/vocabulary.ts';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const values = (name: string): string[] => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`schema.graphql has no enum ${name}`);
  return type.getValues().map((v) => v.name);
};

describe('schema enums and the vocabulary', () => {
  it.each([
    ['CommitmentStatus', STATUSES],
    ['Verdict', VERDICTS],
    ['InstitutionType', INSTITUTION_TYPES],
    ['DocumentKind', DOCUMENT_KINDS],
    ['SectionRole', SECTION_ROLES],
    ['Progress', PROGRESS],
    ['ValueKind', VALUE_KINDS],
    ['TargetVerdict', TARGET_VERDICTS],
    ['LinkReview', LINK_REVIEWS],
    ['ReviewDecision', REVIEW_DECISIONS],
    ['ReviewKind', REVIEW_KINDS],
  ] as const)('%s has exactly the vocabulary’s values, in its order', (name, vocabulary) => {
    expect(values(name)).toEqual([...vocabulary]);
  });
});
