import { describe, expect, it } from 'vitest';
import { schemaAdvice } from '../../src/graph/cypher/schema-version.ts';
import { SCHEMA_VERSION } from '../../src/graph/model.ts';

const store = { where: 'The store at ./data', fresh: 'Move the folder ./data aside (or delete it)' };

describe('what a store of another schema version is told', () => {
  it('a store from before reviews: what changed since, and to start afresh (nothing but documents to lose)', () => {
    expect(SCHEMA_VERSION).toBe(10);
    expect(schemaAdvice('7', store)).toBe(
      'The store at ./data was written by another version of plantrace (schema 7, this one uses 10; since then: 8: a range target’s upper end (IndicatorValue.upper); 9: reviewers’ decisions on links (Review) and each link’s review; 10: the lead of each commitment’s paragraph (a lead is reported through the works it names)). ' +
        'Move the folder ./data aside (or delete it), then ingest the documents again; a store of schema 7 holds no reviewers’ decisions, so nothing else is lost.',
    );
  });

  it('a store that may hold reviewers’ decisions: export them with the version that wrote it first', () => {
    const advice = schemaAdvice('11', store);
    expect(advice).toMatch(/^The store at \.\/data was written by another version of plantrace \(schema 11, this one uses 10\)\. It may hold reviewers’ decisions/);
    expect(advice).toContain('`plantrace reviews export --out reviews.ndjson`), then move the folder ./data aside (or delete it), ingest the documents again and `plantrace reviews import reviews.ndjson`.');
  });
});
