import type { NodeRow, RelRow } from '../../graph/model.ts';
import type { DocumentBatch, RelBatch } from '../../graph/port.ts';
import type { StatementFacts } from '../facts/index.ts';
import type { Understood } from '../pipeline.ts';
import { boxProjectIdOf, indicatorIdOf, institutionIdOf, namedProjectIdOf, regionIdOf, regionKeyOf, tableValueIdOf, textValueIdOf } from '../ids.ts';
import { paragraphLeads } from '../leads.ts';
import { contentTerms } from '../segment.ts';
import type { Section, Span } from '../types.ts';

/** What a commitment row and an outcome row have in common. */
type StatementCommon = Pick<NodeRow<'Commitment'>, keyof NodeRow<'Commitment'> & keyof NodeRow<'Outcome'>>;

// Understood document → graph rows. Ids derive from the document id and the
// source offsets, so the same text always gives the same ids.

export function toBatch(u: Understood, ingestedAt: string): DocumentBatch {
  const doc = u.documentId;
  const d = u.description;
  const quote = (s: Span) => u.source.text.slice(s.start, s.end);
  const src = (s: Span) => ({ spanStart: s.start, spanEnd: s.end, quote: quote(s) });
  const regionName = d.region.status === 'resolved' ? d.region.place.name : null;
  const regionKey = regionKeyOf(d.region, doc);

  const paths = sectionPaths(u.sections);
  const sectionRows: NodeRow<'Section'>[] = u.sections.map((s, ord) => ({
    id: s.id,
    doc,
    ...src(s.headingSpan),
    ord,
    level: s.level,
    style: s.style,
    number: s.number,
    heading: s.heading,
    path: paths.get(s.id) ?? s.heading,
    role: s.role,
    kind: s.kind,
    year: s.year,
  }));

  const sectionOf = new Map(u.sections.map((s) => [s.id, s]));
  const broadAt = broadStatements(u);
  const leads = paragraphLeads(u.source.text, u.statements);
  const commitments: NodeRow<'Commitment'>[] = [];
  const outcomes: NodeRow<'Outcome'>[] = [];
  const statesCommitment: RelRow<'STATES'>[] = [];
  const statesOutcome: RelRow<'STATES'>[] = [];
  const hasCommitment: RelRow<'HAS_STATEMENT'>[] = [];
  const hasOutcome: RelRow<'HAS_STATEMENT'>[] = [];
  u.statements.forEach((t, ord) => {
    const section = t.sectionId ? sectionOf.get(t.sectionId) : undefined;
    const common: StatementCommon = {
      id: t.id,
      doc,
      ...src(t.span),
      ord,
      text: t.text,
      sectionPath: t.sectionId ? paths.get(t.sectionId) ?? null : null,
      region: regionName,
      regionKey,
      terms: contentTerms(t.text),
      broad: broadAt.has(t.id),
    };
    if (t.class === 'COMMITMENT') {
      const due = deadlineFromFacts(u.facts.get(t.id));
      const ownPeriod = t.yearTo !== t.year;
      commitments.push({
        ...common,
        lead: leads.get(t.id) ?? null,
        role: t.role,
        planYear: t.year,
        // A part of several years has its own period: a report's “十三五” plan part runs 2016–2020 though the report is of 2016.
        periodFrom: ownPeriod ? t.year : (d.period?.from ?? t.year),
        periodTo: ownPeriod ? t.yearTo : (d.period?.to ?? t.year),
        deadline: due?.text ?? null,
        dueYear: due?.year ?? t.year ?? d.period?.to ?? null,
        status: null,
        statusReason: null,
        reporting: null,
      });
      hasCommitment.push({ a: doc, b: t.id });
      if (section) statesCommitment.push({ a: section.id, b: t.id });
    } else if (t.class === 'OUTCOME') {
      // A review of several years (过去五年工作回顾) reports as of its last one.
      outcomes.push({ ...common, year: t.yearTo ?? t.year, progress: t.progress?.value ?? null, progressWords: t.progress?.words ?? [] });
      hasOutcome.push({ a: doc, b: t.id });
      if (section) statesOutcome.push({ a: section.id, b: t.id });
    }
  });

  const projects: NodeRow<'Project'>[] = [];
  const hasProject: RelRow<'HAS_PROJECT'>[] = [];
  for (const box of u.boxes) {
    const section = deepestContaining(u.sections, box.span.start);
    box.items.forEach((item, i) => {
      const id = boxProjectIdOf(doc, item.span.start);
      projects.push({ id, doc, ...src(item.span), ord: i, name: item.name, box: box.number, boxTitle: box.title, description: item.description });
      if (section) hasProject.push({ a: section.id, b: id });
    });
  }

  const indicators = new Map<string, NodeRow<'Indicator'>>();
  const values: NodeRow<'IndicatorValue'>[] = [];
  const of: RelRow<'OF'>[] = [];
  // Table indicators are canonical: they name the indicator for text mentions too.
  for (const table of u.tables) {
    for (const row of table.rows) {
      const indicatorId = indicatorIdOf(row.name);
      indicators.set(indicatorId, { id: indicatorId, name: row.name, unit: row.unit, category: row.category });
      const cells = [
        { kind: 'BASELINE', cell: row.baseline, year: table.baselineYear },
        { kind: 'TARGET', cell: row.target, year: table.targetYear },
      ] as const;
      for (const { kind, cell, year } of cells) {
        if (cell.missing || !cell.span) continue;
        const id = tableValueIdOf(doc, cell.span.start);
        values.push({
          id,
          doc,
          ...src(cell.span),
          kind,
          year,
          value: cell.value,
          upper: null,
          text: cell.text,
          comparator: cell.comparator,
          qualitative: cell.qualitative,
          unit: row.unit,
          attribute: row.attribute,
          region: regionName,
        });
        of.push({ a: id, b: indicatorId });
      }
    }
  }

  const facts = factRows(u, doc, regionKey, regionName, src, projects);

  const regions: NodeRow<'Region'>[] = [];
  const partOf: RelRow<'PART_OF'>[] = [];
  const covers: RelRow<'COVERS'>[] = [];
  if (d.region.status === 'resolved') {
    const chain = [d.region.place, ...d.region.parents];
    chain.forEach((p, i) => {
      regions.push({ id: regionIdOf(p.code), name: p.name, code: p.code, level: p.level });
      const parent = chain[i + 1];
      if (parent) partOf.push({ a: regionIdOf(p.code), b: regionIdOf(parent.code) });
    });
    covers.push({ a: doc, b: regionIdOf(d.region.place.code) });
  }

  const document: NodeRow<'Document'> = {
    id: doc,
    doc,
    name: u.source.name,
    title: d.title,
    titleStart: d.titleSpan.start,
    titleEnd: d.titleSpan.end,
    issuer: d.issuer,
    kind: d.kind,
    region: regionName,
    regionStatus: d.region.status,
    regionCode: d.region.status === 'resolved' ? d.region.place.code : null,
    regionKey,
    years: [...d.years],
    periodFrom: d.period?.from ?? null,
    periodTo: d.period?.to ?? null,
    baselineYear: d.baselineYear,
    sha256: u.sha256,
    format: u.source.format,
    encoding: u.source.encoding,
    chars: u.source.text.length,
    text: u.source.text,
    diagnostics: JSON.stringify(u.diagnostics),
    ingestedAt,
  };

  const topLevel = u.sections.filter((s) => s.parentId === null).map((s) => ({ a: doc, b: s.id }));
  const nested = u.sections.filter((s) => s.parentId !== null).map((s) => ({ a: s.parentId!, b: s.id }));
  const rels: RelBatch[] = [
    { type: 'HAS_SECTION', from: 'Document', to: 'Section', rows: topLevel },
    { type: 'HAS_SECTION', from: 'Section', to: 'Section', rows: nested },
    { type: 'STATES', from: 'Section', to: 'Commitment', rows: statesCommitment },
    { type: 'STATES', from: 'Section', to: 'Outcome', rows: statesOutcome },
    { type: 'HAS_STATEMENT', from: 'Document', to: 'Commitment', rows: hasCommitment },
    { type: 'HAS_STATEMENT', from: 'Document', to: 'Outcome', rows: hasOutcome },
    { type: 'HAS_PROJECT', from: 'Section', to: 'Project', rows: hasProject },
    { type: 'OF', from: 'IndicatorValue', to: 'Indicator', rows: [...of, ...facts.of] },
    { type: 'INVOLVES', from: 'Commitment', to: 'Institution', rows: facts.involves.Commitment },
    { type: 'INVOLVES', from: 'Outcome', to: 'Institution', rows: facts.involves.Outcome },
    { type: 'TARGETS', from: 'Commitment', to: 'IndicatorValue', rows: facts.targets },
    { type: 'REPORTS', from: 'Outcome', to: 'IndicatorValue', rows: facts.reports },
    { type: 'INCLUDES', from: 'Project', to: 'Commitment', rows: facts.includes.Commitment },
    { type: 'INCLUDES', from: 'Project', to: 'Outcome', rows: facts.includes.Outcome },
    { type: 'PART_OF', from: 'Region', to: 'Region', rows: partOf },
    { type: 'COVERS', from: 'Document', to: 'Region', rows: covers },
  ];
  return {
    documentId: doc,
    nodes: {
      Document: [document],
      Section: sectionRows,
      Commitment: commitments,
      Outcome: outcomes,
      Project: [...projects, ...facts.projects],
      IndicatorValue: [...values, ...facts.values],
    },
    shared: { Region: regions, Indicator: [...new Map([...facts.indicators, ...indicators]).values()], Institution: facts.institutions },
    rels,
  };
}

type Source = (s: Span) => { spanStart: number; spanEnd: number; quote: string };

/**
 * Statements that give an overview rather than one piece of work, kept out
 * of linking: the heading of a section that has sub-sections
 * (以提高风险防控能力为核心，建设强大公共卫生体系); the specifics sit below it.
 * Measured against the link gold, keeping out more lost more true links than
 * false ones: a heading over a body of sentences often names the work itself
 * (完善应急医疗物资保障体系), and a section's opening sentences often report.
 */
function broadStatements(u: Understood): Set<string> {
  const parents = new Set(u.sections.map((s) => s.parentId).filter((id) => id !== null));
  const headingAt = new Map(u.sections.map((s) => [s.headingSpan.start, s]));
  const broad = new Set<string>();
  for (const t of u.statements) {
    const heading = headingAt.get(t.span.start);
    if (heading) {
      if (parents.has(heading.id)) broad.add(t.id);
    }
  }
  return broad;
}

/**
 * Rows for the facts inside commitments and outcomes: named institutions
 * (shared across documents of a region; a masked region's stay the
 * document's own), indicator values stated in the text, and projects the
 * statements name (a 专栏 item when the name matches one).
 */
function factRows(u: Understood, doc: string, regionKey: string, regionName: string | null, src: Source, boxProjects: readonly NodeRow<'Project'>[]) {
  const institutions = new Map<string, NodeRow<'Institution'>>();
  const indicators = new Map<string, NodeRow<'Indicator'>>();
  const projects = new Map<string, NodeRow<'Project'>>();
  const values: NodeRow<'IndicatorValue'>[] = [];
  const of: RelRow<'OF'>[] = [];
  const targets: RelRow<'TARGETS'>[] = [];
  const reports: RelRow<'REPORTS'>[] = [];
  const involves = { Commitment: [] as RelRow<'INVOLVES'>[], Outcome: [] as RelRow<'INVOLVES'>[] };
  const includes = { Commitment: [] as RelRow<'INCLUDES'>[], Outcome: [] as RelRow<'INCLUDES'>[] };
  const boxByName = new Map(boxProjects.map((p) => [String(p.name), String(p.id)]));
  const boxAt = new Map(boxProjects.map((p) => [p.spanStart, p.id]));
  const startOf = new Map(u.statements.map((t) => [t.id, t.span.start]));
  const seenValues = new Set<string>();
  const classOf = new Map(u.statements.map((t) => [t.id, t.class]));
  for (const [statementId, f] of u.facts) {
    const cls = classOf.get(statementId);
    // Only commitments and outcomes are nodes; other statements contribute indicator values alone.
    const kind = cls === 'COMMITMENT' ? 'Commitment' : cls === 'OUTCOME' ? 'Outcome' : null;
    const seenInstitutions = new Set<string>();
    for (const i of kind ? f.institutions : []) {
      if (i.generic) continue;
      const id = institutionIdOf(i.name, regionKey, doc);
      institutions.set(id, { id, name: i.name, type: i.type, region: regionName });
      if (seenInstitutions.has(id)) continue;
      seenInstitutions.add(id);
      involves[kind!].push({ a: statementId, b: id, alias: i.text === i.name ? null : i.text });
    }
    for (const v of f.indicatorValues) {
      const id = textValueIdOf(doc, v.span.start, v.span.end, v.kind);
      if (seenValues.has(id)) continue;
      seenValues.add(id);
      const indicatorId = v.indicatorId;
      if (!indicators.has(indicatorId)) indicators.set(indicatorId, { id: indicatorId, name: v.indicatorName, unit: v.quantity.unit, category: null });
      values.push({
        id,
        doc,
        ...src(v.span),
        kind: v.kind,
        year: v.year,
        value: v.quantity.value,
        upper: v.quantity.upper,
        text: v.text,
        comparator: v.quantity.comparator,
        qualitative: null,
        unit: v.quantity.unit,
        attribute: null,
        region: regionName,
      });
      of.push({ a: id, b: indicatorId });
      if (kind) (kind === 'Commitment' ? targets : reports).push({ a: statementId, b: id });
    }
    const seenProjects = new Set<string>();
    // A 专栏 item line is a statement of its own, and an item of its box's project.
    const item = boxAt.get(startOf.get(statementId) ?? -1);
    if (item && kind) {
      seenProjects.add(item);
      includes[kind].push({ a: item, b: statementId });
    }
    for (const p of kind ? f.projects : []) {
      const id = boxByName.get(p.name) ?? namedProjectIdOf(doc, p.name);
      if (!boxByName.has(p.name) && !projects.has(id)) {
        projects.set(id, { id, doc, ...src(p.span), ord: projects.size, name: p.name, box: null, boxTitle: null, description: null });
      }
      if (seenProjects.has(id)) continue;
      seenProjects.add(id);
      includes[kind!].push({ a: id, b: statementId });
    }
  }
  return {
    institutions: [...institutions.values()],
    indicators,
    projects: [...projects.values()],
    values,
    of,
    targets,
    reports,
    involves,
    includes,
  };
}

/** The first deadline or horizon the statement states (到2025年, 2022年底前), from the time facts. */
function deadlineFromFacts(f: StatementFacts | undefined): { text: string; year: number } | null {
  const t = f?.times.find((x) => (x.kind === 'DEADLINE' || x.kind === 'HORIZON') && x.year !== null);
  return t && t.year !== null ? { text: t.text, year: t.year } : null;
}

/** `三、2023年工作谋划 › （二）重点任务 › 二是 深入推进…`: where a statement sits, as a reader would cite it. */
function sectionPaths(sections: readonly Section[]): Map<string, string> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const paths = new Map<string, string>();
  for (const s of sections) {
    const parent = s.parentId ? paths.get(s.parentId) ?? byId.get(s.parentId)?.heading : null;
    // `一、2023年工作谋划`, `（二）重点任务`, `二是深入推进…`, but `第一 抓好防控`, `—— 居民健康`.
    const joined = s.style === 'inline' || /[、.．）)]$/.test(s.number);
    const own = `${s.number}${joined ? '' : ' '}${s.heading}`.trim();
    paths.set(s.id, parent ? `${parent} › ${own}` : own);
  }
  return paths;
}

function deepestContaining(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) if (s.span.start <= offset && offset < s.span.end && (!best || s.level >= best.level)) best = s;
  return best;
}
