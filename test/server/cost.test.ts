// The cost model without a server: what each kind of field is charged, read
// from schema.graphql's @cost and @listSize, and the largest page the
// refusal advises.
import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { largestPage, operationCost } from '../../src/server/cost.ts';
import { examples } from '../../src/server/examples.ts';
import { LIMITS } from '../../src/server/limits.ts';
import { typeDefs } from '../../src/server/schema.ts';

const schema = buildASTSchema(typeDefs);

function cost(query: string, variables: Record<string, unknown> = {}, pageCap?: number): number | null {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return operationCost(schema, document, operation, variables, pageCap);
}

const page = (fields: string, args = 'where: { region: "南阳市" }, first: 200') =>
  `{ commitments(${args}) { totalCount pageInfo { endCursor hasNextPage } nodes { ${fields} } } }`;
const DASHBOARD = page('id text status dueYear source { documentId quote start end }');

describe('what a field costs', () => {
  it('a dashboard page of 200 commitments with status and source: one per commitment and one for the page', () => {
    expect(cost(DASHBOARD)).toBe(201);
  });

  it('a scalar of a row already read costs nothing, however many', () => {
    expect(cost(page('id text status dueYear region planYear periodFrom periodTo deadline sectionPath statusReason source { documentId quote start end }'))).toBe(201);
  });

  it('an object through a loader costs one per item', () => {
    expect(cost(page('id document { title }'))).toBe(401);
    expect(cost(page('id document { title region commitmentCount }'))).toBe(601);
  });

  it('a child list costs its usual length per item (@listSize), each item priced with what is asked of it', () => {
    expect(cost(page('id evidence { score }'))).toBe(1 + 200 * (1 + 5));
    expect(cost(page('id evidence { outcome { text } }'))).toBe(1 + 200 * (1 + 5 * 2));
    // A list of scalars comes whole with its row.
    expect(cost('{ documents { years } }')).toBe(20);
  });

  it('a connection’s first sizes its nodes, not its count or page info', () => {
    expect(cost('{ commitments(first: 200) { totalCount pageInfo { hasNextPage } } }')).toBe(1);
    expect(cost('{ commitments(first: 7) { nodes { id } } }')).toBe(8);
    expect(cost('{ commitments { nodes { id } } }')).toBe(51);
    expect(cost('{ search(text: "x", first: 7) { totalCount nodes { id source { start } highlights { start } } } }')).toBe(8);
    // A hit's document is a row read per hit, as a commitment's is.
    expect(cost('{ search(text: "x", first: 7) { nodes { id document { title } } } }')).toBe(15);
  });

  it('fragments, inline fragments and variables are priced as the same fields written in', () => {
    const written = cost('{ commitments(first: 30) { nodes { id document { title } } } }');
    expect(cost('query ($n: Int) { commitments(first: $n) { ...Page } } fragment Page on CommitmentConnection { nodes { ... on Commitment { id document { title } } } }', { n: 30 })).toBe(written);
    expect(cost('query ($n: Int = 30) { commitments(first: $n) { nodes { ...C } } } fragment C on Commitment { id document { title } }')).toBe(written);
  });

  it('introspection and __typename are free', () => {
    expect(cost('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('every example question is well under the limit', () => {
    for (const e of examples) expect(cost(e.query, (e.variables ?? {}) as Record<string, unknown>), e.name).toBeLessThan(LIMITS.maxCost / 2);
  });
});

describe('the largest page that fits', () => {
  const TREE = '{ commitments(first: 200) { nodes { document { sections { children { children { heading } } } } } } }';

  it('holds every first to the cap', () => {
    expect(cost(TREE)).toBe(50_001);
    expect(cost(TREE, {}, 39)).toBe(1 + 39 * (1 + 1 + 8 * (1 + 5 * (1 + 5))));
    expect(cost(DASHBOARD, {}, 50)).toBe(51);
  });

  it('is the largest page whose cost is within the limit, or null when one item is already over', () => {
    const price = (cap: number) => cost(TREE, {}, cap);
    expect(largestPage(price, LIMITS.maxCost)).toBe(39);
    expect(price(39)).toBeLessThanOrEqual(LIMITS.maxCost);
    expect(price(40)).toBeGreaterThan(LIMITS.maxCost);
    expect(largestPage(price, 100)).toBeNull();
    expect(largestPage(() => 0, LIMITS.maxCost)).toBe(200);
  });
});
