import { understand, type Understood } from './ingest/pipeline.ts';
import { readFile } from './ingest/read/index.ts';
import type { RegionRef, Span } from './ingest/types.ts';

export type InspectResult = { ok: true; output: string } | { ok: false; message: string };

/** What plantrace understood of one file, for a researcher asking "why was it read this way?". */
export async function inspectFile(path: string, { json }: { json: boolean }): Promise<InspectResult> {
  const read = await readFile(path);
  if (!read.ok) return { ok: false, message: `${read.failure.file}: ${read.failure.reason}` };
  const u = understand(read.source);
  return { ok: true, output: json ? JSON.stringify(toJson(u), null, 2) : toText(u) };
}

function toJson(u: Understood) {
  const { clean: _clean, source, facts, ...rest } = u;
  return {
    ...rest,
    // A Map serialises as {}: the facts go out as an object keyed by statement id.
    facts: Object.fromEntries(facts),
    source: { name: source.name, format: source.format, encoding: source.encoding, chars: source.text.length },
  };
}

function region(r: RegionRef): string {
  if (r.status === 'resolved') return [r.place, ...r.parents].map((p) => p.name).join(' › ') + `  (from “${r.evidence}”)`;
  if (r.status === 'masked') return `masked in the text (“${r.evidence}”): unknown, not guessed`;
  return 'unknown';
}

const at = (s: Span) => `@${s.start}-${s.end}`;

function toText(u: Understood): string {
  const d = u.description;
  const lines: string[] = [
    `${u.source.name}  [${u.source.format}, ${u.source.encoding}, ${u.source.text.length} chars]`,
    `  title   ${d.title}  ${at(d.titleSpan)}`,
    `  issuer  ${d.issuer ?? '—'}`,
    `  kind    ${d.kind}   years ${d.years.join(', ') || '—'}   period ${d.period ? `${d.period.from}–${d.period.to}` : '—'}   baseline ${d.baselineYear ?? '—'}`,
    `  region  ${region(d.region)}`,
    '',
    `Outline (${u.sections.length} sections):`,
  ];
  for (const s of u.sections) {
    lines.push(`${'  '.repeat(s.level)}${s.number} ${s.heading}  [${s.role}${s.year ? ` ${s.year}` : ''}] ${at(s.headingSpan)}`);
  }
  const byClass = new Map<string, number>();
  for (const t of u.statements) byClass.set(t.class, (byClass.get(t.class) ?? 0) + 1);
  lines.push('', `Statements: ${[...byClass].map(([c, n]) => `${n} ${c.toLowerCase()}`).join(', ') || 'none'}`);
  if (u.boxes.length) {
    lines.push('', `专栏 boxes (${u.boxes.length}):`);
    for (const b of u.boxes) {
      lines.push(`  专栏${b.number}：${b.title}  ${at(b.span)}`);
      for (const i of b.items) lines.push(`    · ${i.name || '(no name)'}  ${at(i.span)}`);
    }
  }
  for (const t of u.tables) {
    lines.push('', `Indicator table “${t.title ?? ''}” (${t.rows.length} rows, baseline ${t.baselineYear ?? '?'}, target ${t.targetYear ?? '?'}):`);
    for (const r of t.rows) {
      lines.push(`  ${r.number.padStart(2)} ${r.category} | ${r.name}${r.unit ? `（${r.unit}）` : ''} | ${r.baseline.text || '—'} → ${r.target.text || '—'} | ${r.attribute ?? ''}`);
    }
  }
  lines.push('', `Diagnostics (${u.diagnostics.length}):`);
  for (const x of u.diagnostics) lines.push(`  ${x.severity} ${x.rule}: ${x.message}${x.span ? `  ${at(x.span)}` : ''}`);
  return lines.join('\n');
}
