// Every read query's Cypher and parameters, as the code builds them, one
// filter at a time (the neo4j/graphql "tck" habit): a change to a query's
// text shows here as a diff to review, and a flipped comparator or a lost
// filter fails. The texts run on LadybugDB in the other tests and pass
// Neo4j's analyser in cypher-lint.test.ts.
import { describe, expect, it } from 'vitest';
import {
  dashboardQueries,
  documentQueries,
  indicatorQueries,
  institutionQueries,
  linkQueries,
  reviewQueries,
  searchQueries,
  sectionQueries,
  statementQueries,
  traceQueries,
} from '../../src/graph/queries/index.ts';

const page = { skip: 20, limit: 10 };
const ids = ['a', 'b'];

describe('commitments, one filter at a time', () => {
  it('no filter', () => expect(statementQueries.commitments({}, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT",
      "params": {
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE true
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('documentId', () => expect(statementQueries.commitments({ documentId: 'doc-1' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.documentId",
      "params": {
        "documentId": "doc-1",
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.id = $documentId
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('region', () => expect(statementQueries.commitments({ region: '南阳市' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.region",
      "params": {
        "limit": 10,
        "region": "南阳市",
        "skip": 20,
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.region = $region
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('planYear', () => expect(statementQueries.commitments({ planYear: 2022 }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.planYear",
      "params": {
        "limit": 10,
        "planYear": 2022,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE c.planYear = $planYear
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('activeIn', () => expect(statementQueries.commitments({ activeIn: 2022 }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.activeIn",
      "params": {
        "activeIn": 2022,
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE c.periodFrom <= $activeIn AND c.periodTo >= $activeIn
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('dueBy', () => expect(statementQueries.commitments({ dueBy: 2022 }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.dueBy",
      "params": {
        "dueBy": 2022,
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE c.dueYear <= $dueBy
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('status', () => expect(statementQueries.commitments({ status: ['NOT_REPORTED'] }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.status",
      "params": {
        "limit": 10,
        "skip": 20,
        "status": [
          "NOT_REPORTED",
        ],
      },
      "text": "MATCH (c:Commitment) WHERE c.status IN $status
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('institution', () => expect(statementQueries.commitments({ institution: '医院' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.institution",
      "params": {
        "institution": "医院",
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE EXISTS { MATCH (c)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('indicator', () => expect(statementQueries.commitments({ indicator: '床位' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.indicator",
      "params": {
        "indicator": "床位",
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE EXISTS { MATCH (c)-[:TARGETS]->(:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.name CONTAINS $indicator }
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('project', () => expect(statementQueries.commitments({ project: '迁建' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.project",
      "params": {
        "limit": 10,
        "project": "迁建",
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE (c.text CONTAINS $project OR EXISTS { MATCH (p:Project)-[:INCLUDES]->(c) WHERE p.name CONTAINS $project })
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('text', () => expect(statementQueries.commitments({ text: '疾控' }, page)).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DOCUMENT.text",
      "params": {
        "limit": 10,
        "skip": 20,
        "text": "疾控",
      },
      "text": "MATCH (c:Commitment) WHERE c.text CONTAINS $text
    WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
    }
  `));
  it('empty values filter nothing', () => expect(statementQueries.commitments({ region: '', status: [], text: null }, page)).toEqual(statementQueries.commitments({}, page)));
  it('ordered by due year', () => expect(statementQueries.commitments({}, page, 'DUE_YEAR')).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.DUE_YEAR",
      "params": {
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE true
    WITH c.id AS key, c.dueYear AS kDue, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDue, kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY dueYear, doc, ord",
    }
  `));
  it('ordered by status', () => expect(statementQueries.commitments({}, page, 'STATUS')).toMatchInlineSnapshot(`
    {
      "name": "commitments.page.STATUS",
      "params": {
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (c:Commitment) WHERE true
    WITH c.id AS key, c.status AS kStatus, c.doc AS kDoc, c.ord AS kOrd ORDER BY kStatus, kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (c:Commitment {id: key})
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY status, doc, ord",
    }
  `));
  it('all filters at once', () =>
    expect(
      statementQueries.commitments(
        { documentId: 'd', region: 'r', planYear: 2022, activeIn: 2022, dueBy: 2022, status: ['MET'], institution: 'i', indicator: 'n', project: 'p', text: 't' },
        page,
      ),
    ).toMatchInlineSnapshot(`
      {
        "name": "commitments.page.DOCUMENT.documentId+region+planYear+activeIn+dueBy+status+text+institution+indicator+project",
        "params": {
          "activeIn": 2022,
          "documentId": "d",
          "dueBy": 2022,
          "indicator": "n",
          "institution": "i",
          "limit": 10,
          "planYear": 2022,
          "project": "p",
          "region": "r",
          "skip": 20,
          "status": [
            "MET",
          ],
          "text": "t",
        },
        "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.id = $documentId AND d.region = $region AND c.planYear = $planYear AND c.periodFrom <= $activeIn AND c.periodTo >= $activeIn AND c.dueYear <= $dueBy AND c.status IN $status AND c.text CONTAINS $text AND EXISTS { MATCH (c)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution } AND EXISTS { MATCH (c)-[:TARGETS]->(:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.name CONTAINS $indicator } AND (c.text CONTAINS $project OR EXISTS { MATCH (p:Project)-[:INCLUDES]->(c) WHERE p.name CONTAINS $project })
      WITH c.id AS key, c.doc AS kDoc, c.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
      MATCH (c:Commitment {id: key})
      RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
        c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
        c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote ORDER BY doc, ord",
      }
    `));
  it('count', () => expect(statementQueries.commitmentCount({ dueBy: 2022, region: '南阳市' })).toMatchInlineSnapshot(`
    {
      "name": "commitments.count.region+dueBy",
      "params": {
        "dueBy": 2022,
        "region": "南阳市",
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.region = $region AND c.dueYear <= $dueBy RETURN count(c) AS total",
    }
  `));
  it('by ids', () => expect(statementQueries.commitmentsByIds(ids)).toMatchInlineSnapshot(`
    {
      "name": "commitments.byIds",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "UNWIND $ids AS key MATCH (c:Commitment {id: key}) RETURN c.id AS id, c.doc AS doc, c.text AS text, c.sectionPath AS sectionPath, c.role AS role, c.region AS region,
      c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.deadline AS deadline, c.dueYear AS dueYear,
      c.status AS status, c.statusReason AS statusReason, c.reporting AS reporting, c.ord AS ord, c.spanStart AS spanStart, c.spanEnd AS spanEnd, c.quote AS quote",
    }
  `));
});

describe('outcomes, one filter at a time', () => {
  it('no filter', () => expect(statementQueries.outcomes({}, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page",
      "params": {
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (o:Outcome) WHERE true
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('documentId', () => expect(statementQueries.outcomes({ documentId: 'doc-1' }, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page.documentId",
      "params": {
        "documentId": "doc-1",
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) WHERE d.id = $documentId
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('region', () => expect(statementQueries.outcomes({ region: '南阳市' }, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page.region",
      "params": {
        "limit": 10,
        "region": "南阳市",
        "skip": 20,
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) WHERE d.region = $region
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('year', () => expect(statementQueries.outcomes({ year: 2022 }, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page.year",
      "params": {
        "limit": 10,
        "skip": 20,
        "year": 2022,
      },
      "text": "MATCH (o:Outcome) WHERE o.year = $year
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('institution', () => expect(statementQueries.outcomes({ institution: '医院' }, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page.institution",
      "params": {
        "institution": "医院",
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (o:Outcome) WHERE EXISTS { MATCH (o)-[:INVOLVES]->(i:Institution) WHERE i.name CONTAINS $institution }
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('text', () => expect(statementQueries.outcomes({ text: '疾控' }, page)).toMatchInlineSnapshot(`
    {
      "name": "outcomes.page.text",
      "params": {
        "limit": 10,
        "skip": 20,
        "text": "疾控",
      },
      "text": "MATCH (o:Outcome) WHERE o.text CONTAINS $text
    WITH o.id AS key, o.doc AS kDoc, o.ord AS kOrd ORDER BY kDoc, kOrd SKIP $skip LIMIT $limit
    MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote, o.ord AS ord ORDER BY doc, ord",
    }
  `));
  it('count', () => expect(statementQueries.outcomeCount({ year: 2022 })).toMatchInlineSnapshot(`
    {
      "name": "outcomes.count.year",
      "params": {
        "year": 2022,
      },
      "text": "MATCH (o:Outcome) WHERE o.year = $year RETURN count(o) AS total",
    }
  `));
});

describe('per document', () => {
  it('status counts', () => expect(statementQueries.statusCounts('doc-1')).toMatchInlineSnapshot(`
    {
      "name": "commitments.statusCounts",
      "params": {
        "doc": "doc-1",
      },
      "text": "MATCH (:Document {id: $doc})-[:HAS_STATEMENT]->(c:Commitment) RETURN c.status AS status, count(c) AS n ORDER BY status",
    }
  `));
  it('statement counts', () => expect(statementQueries.countsByDocument(ids)).toMatchInlineSnapshot(`
    {
      "name": "statements.countsByDocument",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "UNWIND $ids AS key MATCH (d:Document {id: key})
    RETURN d.id AS id, COUNT { MATCH (d)-[:HAS_STATEMENT]->(:Commitment) } AS commitments, COUNT { MATCH (d)-[:HAS_STATEMENT]->(:Outcome) } AS outcomes",
    }
  `));
  it('documents, every filter', () => expect(documentQueries.list({ region: '南阳市', kind: 'ANNUAL_PLAN', year: 2022 })).toMatchInlineSnapshot(`
    {
      "name": "documents.list",
      "params": {
        "anyKind": false,
        "anyRegion": false,
        "anyYear": false,
        "kind": "ANNUAL_PLAN",
        "region": "南阳市",
        "year": 2022,
      },
      "text": "MATCH (d:Document)
    WHERE ($anyRegion OR d.region = $region) AND ($anyKind OR d.kind = $kind) AND ($anyYear OR $year IN d.years)
    RETURN d.id AS id, d.name AS name, d.title AS title, d.titleStart AS titleStart, d.titleEnd AS titleEnd,
      d.issuer AS issuer, d.kind AS kind, d.region AS region, d.regionStatus AS regionStatus, d.regionCode AS regionCode,
      d.years AS years, d.periodFrom AS periodFrom, d.periodTo AS periodTo, d.baselineYear AS baselineYear,
      d.sha256 AS sha256, d.format AS format, d.encoding AS encoding, d.chars AS chars, d.diagnostics AS diagnostics, d.ingestedAt AS ingestedAt
    ORDER BY d.name",
    }
  `));
  it('documents, none', () => expect(documentQueries.list({})).toMatchInlineSnapshot(`
    {
      "name": "documents.list",
      "params": {
        "anyKind": true,
        "anyRegion": true,
        "anyYear": true,
        "kind": "",
        "region": "",
        "year": 0,
      },
      "text": "MATCH (d:Document)
    WHERE ($anyRegion OR d.region = $region) AND ($anyKind OR d.kind = $kind) AND ($anyYear OR $year IN d.years)
    RETURN d.id AS id, d.name AS name, d.title AS title, d.titleStart AS titleStart, d.titleEnd AS titleEnd,
      d.issuer AS issuer, d.kind AS kind, d.region AS region, d.regionStatus AS regionStatus, d.regionCode AS regionCode,
      d.years AS years, d.periodFrom AS periodFrom, d.periodTo AS periodTo, d.baselineYear AS baselineYear,
      d.sha256 AS sha256, d.format AS format, d.encoding AS encoding, d.chars AS chars, d.diagnostics AS diagnostics, d.ingestedAt AS ingestedAt
    ORDER BY d.name",
    }
  `));
  it('documents by ids', () => expect(documentQueries.byIds(ids)).toMatchInlineSnapshot(`
    {
      "name": "documents.byIds",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "UNWIND $ids AS key MATCH (d:Document {id: key}) RETURN d.id AS id, d.name AS name, d.title AS title, d.titleStart AS titleStart, d.titleEnd AS titleEnd,
      d.issuer AS issuer, d.kind AS kind, d.region AS region, d.regionStatus AS regionStatus, d.regionCode AS regionCode,
      d.years AS years, d.periodFrom AS periodFrom, d.periodTo AS periodTo, d.baselineYear AS baselineYear,
      d.sha256 AS sha256, d.format AS format, d.encoding AS encoding, d.chars AS chars, d.diagnostics AS diagnostics, d.ingestedAt AS ingestedAt",
    }
  `));
  it('hashes', () => expect(documentQueries.hashes()).toMatchInlineSnapshot(`
    {
      "name": "documents.hashes",
      "params": {},
      "text": "MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256",
    }
  `));
  it('text', () => expect(documentQueries.text('doc-1')).toMatchInlineSnapshot(`
    {
      "name": "documents.text",
      "params": {
        "id": "doc-1",
      },
      "text": "MATCH (d:Document {id: $id}) RETURN d.text AS text",
    }
  `));
  it('region chains', () => expect(documentQueries.regionChains(ids)).toMatchInlineSnapshot(`
    {
      "name": "documents.regionChains",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:COVERS]->(r:Region) WHERE d.id IN $ids
    OPTIONAL MATCH (r)-[:PART_OF*1..3]->(p:Region)
    RETURN d.id AS id, r.name AS name, r.level AS level, collect(p.name) AS parents",
    }
  `));
  it('top-level sections', () => expect(sectionQueries.topLevel(ids)).toMatchInlineSnapshot(`
    {
      "name": "sections.topLevel",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_SECTION]->(s:Section) WHERE d.id IN $ids
    RETURN d.id AS parent, s.id AS id, s.doc AS doc, s.ord AS ord, s.level AS level, s.style AS style, s.number AS number, s.heading AS heading,
      s.path AS path, s.role AS role, s.kind AS kind, s.year AS year, s.spanStart AS spanStart, s.spanEnd AS spanEnd, s.quote AS quote ORDER BY s.ord",
    }
  `));
  it('child sections', () => expect(sectionQueries.children(ids)).toMatchInlineSnapshot(`
    {
      "name": "sections.children",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (p:Section)-[:HAS_SECTION]->(s:Section) WHERE p.id IN $ids
    RETURN p.id AS parent, s.id AS id, s.doc AS doc, s.ord AS ord, s.level AS level, s.style AS style, s.number AS number, s.heading AS heading,
      s.path AS path, s.role AS role, s.kind AS kind, s.year AS year, s.spanStart AS spanStart, s.spanEnd AS spanEnd, s.quote AS quote ORDER BY s.ord",
    }
  `));
});

describe('dashboards', () => {
  const tokens = { reported: '2022:REPORTED', silent: '2022:SILENT', noReport: '2022:NO_REPORT' };
  it('status counts, no key: the total', () => expect(dashboardQueries.statusCounts({}, [])).toMatchInlineSnapshot(`
    {
      "name": "dashboards.statusCounts.total",
      "params": {},
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment)
    RETURN count(c) AS n",
    }
  `));
  it('status counts, every key, in one order whatever the order asked', () => {
    const q = dashboardQueries.statusCounts({ region: '南阳市' }, ['STATUS', 'KIND', 'DOCUMENT', 'YEAR', 'REGION']);
    expect(dashboardQueries.statusCounts({ region: '南阳市' }, ['REGION', 'YEAR', 'DOCUMENT', 'KIND', 'STATUS'])).toEqual(q);
    expect(q).toMatchInlineSnapshot(`
      {
        "name": "dashboards.statusCounts.REGION+YEAR+DOCUMENT+KIND+STATUS.region",
        "params": {
          "region": "南阳市",
        },
        "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.region = $region
      RETURN d.region AS region, c.dueYear AS year, d.id AS documentId, d.kind AS kind, coalesce(c.status, 'UNTRACKED') AS status, count(c) AS n",
      }
    `);
  });
  it('status counts with a filter on the commitment, still through the document', () =>
    expect(dashboardQueries.statusCounts({ dueBy: 2023, status: ['MET'] }, ['YEAR'])).toMatchInlineSnapshot(`
      {
        "name": "dashboards.statusCounts.YEAR.dueBy+status",
        "params": {
          "dueBy": 2023,
          "status": [
            "MET",
          ],
        },
        "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE c.dueYear <= $dueBy AND c.status IN $status
      RETURN c.dueYear AS year, count(c) AS n",
      }
    `));
  it('reporting counts, no key', () => expect(dashboardQueries.reportingCounts({}, [], tokens)).toMatchInlineSnapshot(`
    {
      "name": "dashboards.reportingCounts.total",
      "params": {
        "noReport": "2022:NO_REPORT",
        "reported": "2022:REPORTED",
        "silent": "2022:SILENT",
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE (c.reporting CONTAINS $reported OR c.reporting CONTAINS $silent OR c.reporting CONTAINS $noReport)
    RETURN CASE WHEN c.reporting CONTAINS $reported THEN 'REPORTED' WHEN c.reporting CONTAINS $silent THEN 'SILENT' ELSE 'NO_REPORT' END AS state, count(c) AS n",
    }
  `));
  it('reporting counts by region and status, with a reporting filter', () =>
    expect(dashboardQueries.reportingCounts({ reportingToken: '2023:SILENT' }, ['REGION', 'STATUS'], tokens)).toMatchInlineSnapshot(`
      {
        "name": "dashboards.reportingCounts.REGION+STATUS.reportingToken",
        "params": {
          "noReport": "2022:NO_REPORT",
          "reported": "2022:REPORTED",
          "reportingToken": "2023:SILENT",
          "silent": "2022:SILENT",
        },
        "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE (c.reporting CONTAINS $reported OR c.reporting CONTAINS $silent OR c.reporting CONTAINS $noReport) AND c.reporting CONTAINS $reportingToken
      RETURN CASE WHEN c.reporting CONTAINS $reported THEN 'REPORTED' WHEN c.reporting CONTAINS $silent THEN 'SILENT' ELSE 'NO_REPORT' END AS state, d.region AS region, coalesce(c.status, 'UNTRACKED') AS status, count(c) AS n",
      }
    `));
  it('indicator values, no filter', () => expect(dashboardQueries.indicatorValues({}, page)).toMatchInlineSnapshot(`
    {
      "name": "dashboards.indicatorValues",
      "params": {
        "limit": 10,
        "skip": 20,
      },
      "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)
    WITH v.id AS key, i.name AS kName, coalesce(v.region, '') AS kRegion, coalesce(v.year, 0) AS kYear, v.kind AS kKind
    ORDER BY kName, kRegion, kYear, kKind, key SKIP $skip LIMIT $limit
    MATCH (v:IndicatorValue {id: key})-[:OF]->(i:Indicator)
    RETURN v.id AS id, v.doc AS doc, i.name AS indicator, v.kind AS kind, v.year AS year, v.value AS value, v.text AS text,
      v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
      v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote, kName, kRegion, kYear, kKind
    ORDER BY kName, kRegion, kYear, kKind, id",
    }
  `));
  it('indicator values, every filter', () =>
    expect(dashboardQueries.indicatorValues({ indicator: '床位', region: '南阳市', year: 2025, kind: 'TARGET', documentId: 'doc-1' }, page)).toMatchInlineSnapshot(`
      {
        "name": "dashboards.indicatorValues.indicator+region+year+kind+documentId",
        "params": {
          "documentId": "doc-1",
          "indicator": "床位",
          "kind": "TARGET",
          "limit": 10,
          "region": "南阳市",
          "skip": 20,
          "year": 2025,
        },
        "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.name CONTAINS $indicator AND v.region = $region AND v.year = $year AND v.kind = $kind AND v.doc = $documentId
      WITH v.id AS key, i.name AS kName, coalesce(v.region, '') AS kRegion, coalesce(v.year, 0) AS kYear, v.kind AS kKind
      ORDER BY kName, kRegion, kYear, kKind, key SKIP $skip LIMIT $limit
      MATCH (v:IndicatorValue {id: key})-[:OF]->(i:Indicator)
      RETURN v.id AS id, v.doc AS doc, i.name AS indicator, v.kind AS kind, v.year AS year, v.value AS value, v.text AS text,
        v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
        v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote, kName, kRegion, kYear, kKind
      ORDER BY kName, kRegion, kYear, kKind, id",
      }
    `));
  it('indicator values, count', () => expect(dashboardQueries.indicatorValueCount({ region: '南阳市', kind: 'ACTUAL' })).toMatchInlineSnapshot(`
    {
      "name": "dashboards.indicatorValues.count.region+kind",
      "params": {
        "kind": "ACTUAL",
        "region": "南阳市",
      },
      "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator) WHERE v.region = $region AND v.kind = $kind RETURN count(v) AS total",
    }
  `));
  it('empty values filter nothing', () => expect(dashboardQueries.indicatorValues({ region: '', indicator: null }, page)).toEqual(dashboardQueries.indicatorValues({}, page)));
});

describe('indicators and institutions', () => {
  it('indicators, every filter', () => expect(indicatorQueries.list({ name: '床位', region: '南阳市' })).toMatchInlineSnapshot(`
    {
      "name": "indicators.list",
      "params": {
        "anyName": false,
        "anyRegion": false,
        "name": "床位",
        "region": "南阳市",
      },
      "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)
    WHERE ($anyName OR i.name CONTAINS $name) AND ($anyRegion OR v.region = $region)
    RETURN i.id AS id, i.name AS name, i.unit AS unit, i.category AS category, count(v) AS values
    ORDER BY name",
    }
  `));
  it('indicators, none', () => expect(indicatorQueries.list({})).toMatchInlineSnapshot(`
    {
      "name": "indicators.list",
      "params": {
        "anyName": true,
        "anyRegion": true,
        "name": "",
        "region": "",
      },
      "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator)
    WHERE ($anyName OR i.name CONTAINS $name) AND ($anyRegion OR v.region = $region)
    RETURN i.id AS id, i.name AS name, i.unit AS unit, i.category AS category, count(v) AS values
    ORDER BY name",
    }
  `));
  it('series', () => expect(indicatorQueries.series(ids)).toMatchInlineSnapshot(`
    {
      "name": "indicators.series",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (v:IndicatorValue)-[:OF]->(i:Indicator) WHERE i.id IN $ids
    RETURN i.id AS parent, v.id AS id, v.doc AS doc, v.kind AS kind, v.year AS year, v.value AS value, v.upper AS upper, v.text AS text,
      v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
      v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote
    ORDER BY region, year, kind",
    }
  `));
  it('values of statements', () => expect(indicatorQueries.ofStatements(ids)).toMatchInlineSnapshot(`
    {
      "name": "indicators.ofStatements",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (s:Commitment|Outcome)-[:TARGETS|REPORTS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE s.id IN $ids
    RETURN s.id AS parent, v.id AS id, v.doc AS doc, i.name AS indicator, v.kind AS kind, v.year AS year, v.value AS value, v.upper AS upper, v.text AS text,
      v.comparator AS comparator, v.qualitative AS qualitative, v.unit AS unit, v.attribute AS attribute, v.region AS region,
      v.spanStart AS spanStart, v.spanEnd AS spanEnd, v.quote AS quote
    ORDER BY spanStart",
    }
  `));
  it('institutions, every filter', () => expect(institutionQueries.list({ name: '医院', region: '南阳市', type: 'HOSPITAL' }, page)).toMatchInlineSnapshot(`
    {
      "name": "institutions.list",
      "params": {
        "anyName": false,
        "anyRegion": false,
        "anyType": false,
        "limit": 10,
        "name": "医院",
        "region": "南阳市",
        "skip": 20,
        "type": "HOSPITAL",
      },
      "text": "MATCH (i:Institution)
    WHERE ($anyName OR i.name CONTAINS $name) AND ($anyRegion OR i.region = $region) AND ($anyType OR i.type = $type)
    WITH i ORDER BY i.name SKIP $skip LIMIT $limit
    RETURN i.id AS id, i.name AS name, i.type AS type, i.region AS region",
    }
  `));
  it('institutions, none', () => expect(institutionQueries.list({}, page)).toMatchInlineSnapshot(`
    {
      "name": "institutions.list",
      "params": {
        "anyName": true,
        "anyRegion": true,
        "anyType": true,
        "limit": 10,
        "name": "",
        "region": "",
        "skip": 20,
        "type": "",
      },
      "text": "MATCH (i:Institution)
    WHERE ($anyName OR i.name CONTAINS $name) AND ($anyRegion OR i.region = $region) AND ($anyType OR i.type = $type)
    WITH i ORDER BY i.name SKIP $skip LIMIT $limit
    RETURN i.id AS id, i.name AS name, i.type AS type, i.region AS region",
    }
  `));
  it('reporting in a year', () => expect(statementQueries.commitments({ reportingToken: '2022:SILENT', region: '南阳市' }, page).text).toContain('c.reporting CONTAINS $reportingToken'));
  it('institution count, none: every filter reads as absent', () =>
    expect(institutionQueries.count({ name: null, region: undefined }).params).toEqual({ name: '', region: '', type: '', anyName: true, anyRegion: true, anyType: true }));
  it('institution count', () => expect(institutionQueries.count({ name: '医院' })).toMatchInlineSnapshot(`
    {
      "name": "institutions.count",
      "params": {
        "anyName": false,
        "anyRegion": true,
        "anyType": true,
        "name": "医院",
        "region": "",
        "type": "",
      },
      "text": "MATCH (i:Institution)
    WHERE ($anyName OR i.name CONTAINS $name) AND ($anyRegion OR i.region = $region) AND ($anyType OR i.type = $type)
    RETURN count(i) AS total",
    }
  `));
  it('institution commitments', () => expect(institutionQueries.commitments(ids)).toMatchInlineSnapshot(`
    {
      "name": "institutions.commitments",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (c:Commitment)-[r:INVOLVES]->(i:Institution) WHERE i.id IN $ids
    RETURN i.id AS parent, c.id AS id, r.alias AS alias ORDER BY c.doc, c.ord",
    }
  `));
  it('institution outcomes', () => expect(institutionQueries.outcomes(ids)).toMatchInlineSnapshot(`
    {
      "name": "institutions.outcomes",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (o:Outcome)-[r:INVOLVES]->(i:Institution) WHERE i.id IN $ids
    RETURN i.id AS parent, o.id AS id, r.alias AS alias ORDER BY o.doc, o.ord",
    }
  `));
  it('institutions of statements', () => expect(institutionQueries.ofStatements(ids)).toMatchInlineSnapshot(`
    {
      "name": "institutions.ofStatements",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (s:Commitment|Outcome)-[r:INVOLVES]->(i:Institution) WHERE s.id IN $ids
    RETURN s.id AS parent, i.id AS id, i.name AS name, i.type AS type, i.region AS region, r.alias AS alias ORDER BY name",
    }
  `));
});

describe('links and traces', () => {
  it('region keys', () => expect(linkQueries.regionKeys()).toMatchInlineSnapshot(`
    {
      "name": "links.regionKeys",
      "params": {},
      "text": "MATCH (d:Document) RETURN DISTINCT d.regionKey AS key ORDER BY key",
    }
  `));
  it('documents per region', () => expect(linkQueries.documentsPerRegion(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.documentsPerRegion",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document) WHERE d.regionKey IN $keys RETURN d.regionKey AS key, count(d) AS n ORDER BY key",
    }
  `));
  it('pending regions', () => expect(linkQueries.pendingRegions()).toMatchInlineSnapshot(`
    {
      "name": "links.pendingRegions",
      "params": {
        "pending": "pending",
      },
      "text": "MATCH (m:Meta) WHERE m.value = $pending RETURN m.id AS id ORDER BY id",
    }
  `));
  it('link commitments', () => expect(linkQueries.commitments(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.commitments",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment) WHERE d.regionKey IN $keys
    RETURN c.id AS id, c.doc AS doc, d.regionKey AS regionKey, d.region AS region, d.title AS plan, c.text AS text, c.terms AS terms,
      c.broad AS broad, c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.dueYear AS dueYear, c.ord AS ord, c.lead AS lead
    ORDER BY id",
    }
  `));
  it('link outcomes', () => expect(linkQueries.outcomes(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.outcomes",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome) WHERE d.regionKey IN $keys
    RETURN o.id AS id, o.doc AS doc, d.regionKey AS regionKey, d.region AS region, o.text AS text, o.terms AS terms,
      o.broad AS broad, o.year AS year, o.progress AS progress, o.ord AS ord
    ORDER BY id",
    }
  `));
  it('link institutions', () => expect(linkQueries.institutions(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.institutions",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(s:Commitment|Outcome)-[:INVOLVES]->(i:Institution) WHERE d.regionKey IN $keys
    RETURN s.id AS id, i.id AS institution ORDER BY id, institution",
    }
  `));
  it('link commitment indicators', () => expect(linkQueries.commitmentIndicators(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.commitmentIndicators",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(c:Commitment)-[:TARGETS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE d.regionKey IN $keys
    RETURN c.id AS id, i.id AS indicator, v.value AS value, v.comparator AS comparator, v.year AS year, v.kind AS kind ORDER BY id, indicator",
    }
  `));
  it('link outcome indicators', () => expect(linkQueries.outcomeIndicators(ids)).toMatchInlineSnapshot(`
    {
      "name": "links.outcomeIndicators",
      "params": {
        "keys": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (d:Document)-[:HAS_STATEMENT]->(o:Outcome)-[:REPORTS]->(v:IndicatorValue)-[:OF]->(i:Indicator) WHERE d.regionKey IN $keys
    RETURN o.id AS id, i.id AS indicator, v.value AS value, v.comparator AS comparator, v.year AS year, v.kind AS kind ORDER BY id, indicator",
    }
  `));
  it('evidence', () => expect(traceQueries.evidence(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.evidence",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) WHERE c.id IN $ids
    RETURN c.id AS parent, o.id AS id, o.year AS year, r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review ORDER BY score DESC, id",
    }
  `));
  it('evidences', () => expect(traceQueries.evidences(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.evidences",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) WHERE o.id IN $ids
    RETURN o.id AS parent, c.id AS id, r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review ORDER BY score DESC, id",
    }
  `));
  it('continues', () => expect(traceQueries.continues(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.continues",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (c:Commitment)-[r:CONTINUES]->(x:Commitment|Outcome) WHERE c.id IN $ids
    RETURN c.id AS parent, x.id AS id, x.planYear IS NULL AND x.year IS NOT NULL AS isOutcome, r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review ORDER BY score DESC, id",
    }
  `));
  it('continued by', () => expect(traceQueries.continuedBy(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.continuedBy",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (c:Commitment)-[r:CONTINUES]->(x:Commitment) WHERE x.id IN $ids
    RETURN x.id AS parent, c.id AS id, r.score AS score, r.verdict AS verdict, r.terms AS terms, r.review AS review ORDER BY score DESC, id",
    }
  `));
  it('earlier', () => expect(traceQueries.earlier('c', 3)).toMatchInlineSnapshot(`
    {
      "name": "trace.earlier.3",
      "params": {
        "id": "c",
      },
      "text": "MATCH (c:Commitment {id: $id})-[:CONTINUES*1..3]->(n:Commitment|Outcome)
    RETURN DISTINCT n.id AS id",
    }
  `));
  it('later', () => expect(traceQueries.later('c', 3)).toMatchInlineSnapshot(`
    {
      "name": "trace.later.3",
      "params": {
        "id": "c",
      },
      "text": "MATCH (n:Commitment)-[:CONTINUES*1..3]->(c:Commitment {id: $id})
    RETURN DISTINCT n.id AS id",
    }
  `));
  it('chain links', () => expect(traceQueries.chainLinks(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.chainLinks",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "MATCH (a:Commitment)-[r:EVIDENCED_BY|CONTINUES]->(b:Commitment|Outcome) WHERE a.id IN $ids AND b.id IN $ids
    RETURN a.id AS fromId, b.id AS toId, r.verdict AS verdict, r.score AS score, r.terms AS terms, r.review AS review,
      EXISTS { MATCH (a)-[:EVIDENCED_BY]->(b) } AS evidence ORDER BY fromId, toId",
    }
  `));
  it('outcomes by ids', () => expect(traceQueries.outcomesByIds(ids)).toMatchInlineSnapshot(`
    {
      "name": "trace.outcomesByIds",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "UNWIND $ids AS key MATCH (o:Outcome {id: key})
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.sectionPath AS sectionPath, o.region AS region, o.year AS year,
      o.progress AS progress, o.progressWords AS progressWords, o.spanStart AS spanStart, o.spanEnd AS spanEnd, o.quote AS quote",
    }
  `));
});

describe('search', () => {
  it('documents', () => expect(searchQueries.documents()).toMatchInlineSnapshot(`
    {
      "name": "search.documents",
      "params": {},
      "text": "MATCH (d:Document) RETURN d.id AS id, d.region AS region, d.years AS years",
    }
  `));
  it('commitments', () => expect(searchQueries.commitments()).toMatchInlineSnapshot(`
    {
      "name": "search.commitments",
      "params": {},
      "text": "MATCH (c:Commitment)
    RETURN c.id AS id, c.doc AS doc, c.text AS text, c.quote AS quote, c.spanStart AS spanStart, c.spanEnd AS spanEnd,
      c.periodFrom AS yearFrom, c.periodTo AS yearTo, c.terms AS terms",
    }
  `));
  it('outcomes', () => expect(searchQueries.outcomes()).toMatchInlineSnapshot(`
    {
      "name": "search.outcomes",
      "params": {},
      "text": "MATCH (o:Outcome)
    RETURN o.id AS id, o.doc AS doc, o.text AS text, o.quote AS quote, o.spanStart AS spanStart, o.spanEnd AS spanEnd,
      o.year AS yearFrom, o.year AS yearTo, o.terms AS terms",
    }
  `));
  it('projects', () => expect(searchQueries.projects()).toMatchInlineSnapshot(`
    {
      "name": "search.projects",
      "params": {},
      "text": "MATCH (p:Project)
    RETURN p.id AS id, p.doc AS doc, p.name AS name, p.description AS description, p.quote AS quote, p.spanStart AS spanStart, p.spanEnd AS spanEnd",
    }
  `));
});

describe('reviewers’ decisions', () => {
  it('in force, for relinking', () => expect(reviewQueries.inForce()).toMatchInlineSnapshot(`
    {
      "name": "reviews.inForce",
      "params": {},
      "text": "MATCH (r:Review) WHERE r.current = true
    RETURN r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.fromText AS fromText, r.toText AS toText
    ORDER BY id",
    }
  `));
  it('the audit trail, every filter', () =>
    expect(reviewQueries.list({ decision: 'REJECT', reviewer: '李', kind: 'EVIDENCE', statementId: 'doc-1:t5', history: true })).toMatchInlineSnapshot(`
      {
        "name": "reviews.list",
        "params": {
          "anyDecision": false,
          "anyKind": false,
          "anyReviewer": false,
          "anyStatement": false,
          "decision": "REJECT",
          "history": true,
          "kind": "EVIDENCE",
          "reviewer": "李",
          "statement": "doc-1:t5",
        },
        "text": "MATCH (r:Review) WHERE ($history OR r.current = true) AND ($anyDecision OR r.decision = $decision)
        AND ($anyReviewer OR r.reviewer = $reviewer) AND ($anyKind OR r.kind = $kind)
        AND ($anyStatement OR r.fromId = $statement OR r.toId = $statement)
      RETURN r.id AS id, r.kind AS kind, r.fromId AS fromId, r.toId AS toId, r.decision AS decision, r.note AS note,
        r.reviewer AS reviewer, r.at AS at, r.fromText AS fromText, r.toText AS toText, r.current AS current
      ORDER BY at DESC, id",
      }
    `));
  it('the audit trail, no filter: current decisions only', () => expect(reviewQueries.list({}).params).toMatchInlineSnapshot(`
    {
      "anyDecision": true,
      "anyKind": true,
      "anyReviewer": true,
      "anyStatement": true,
      "decision": "",
      "history": false,
      "kind": "",
      "reviewer": "",
      "statement": "",
    }
  `));
  it('the statements decisions name', () => expect(reviewQueries.statements(ids)).toMatchInlineSnapshot(`
    {
      "name": "reviews.statements",
      "params": {
        "ids": [
          "a",
          "b",
        ],
      },
      "text": "UNWIND $ids AS key MATCH (s:Commitment {id: key}) MATCH (d:Document)-[:HAS_STATEMENT]->(s)
    RETURN s.id AS id, s.text AS text, d.regionKey AS regionKey, 'Commitment' AS label
    UNION ALL
    UNWIND $ids AS key MATCH (s:Outcome {id: key}) MATCH (d:Document)-[:HAS_STATEMENT]->(s)
    RETURN s.id AS id, s.text AS text, d.regionKey AS regionKey, 'Outcome' AS label",
    }
  `));
});
