import { loadGazetteer, type Gazetteer } from '../gazetteer.ts';
import { findFrontMatter, openingOf, type FrontMatter } from '../front.ts';
import type { CleanText, Description, Diagnostic, RegionRef } from '../types.ts';
import { regionOf, scannersFor } from './region.ts';
import { timingOf } from './timing.ts';
import { splitLines } from '../lines.ts';
import { findTitle, issuerInSignature, issuerInTitle } from './title.ts';
import { diagnostic } from './util.ts';

/**
 * What a document is: title, issuer, kind, the years it speaks for, and the
 * region it comes from. Reads the cleaned text; every span points into the
 * original.
 *
 * Title rule: the first non-empty lines up to and including the first one
 * that names a document type (总结, 计划, 规划, …), at most three, joined
 * without separators. So an issuer line above the title (`南阳市卫生健康体育委员会`
 * + `2022年工作总结及2023年工作谋划`) and a title broken over two lines
 * (`南阳市“十四五”公共卫生体系和` + `全民健康规划`) both become one title,
 * and the span covers all its lines.
 */
export function describe(clean: CleanText, opts: { gazetteer?: Gazetteer; front?: FrontMatter } = {}): Description {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const front = opts.front ?? findFrontMatter(clean);
  const diagnostics: Diagnostic[] = [...front.diagnostics];
  const lines = splitLines(clean.text);
  // Navigation, by-lines, speakers and sources are never the title.
  const set = new Set(front.lines.map((l) => l.start));
  const title = findTitle(lines.filter((l) => !set.has(l.start)));
  const titleSpan = title ? clean.spanOf(title.start, title.end) : { start: 0, end: 0 };
  if (!title) diagnostics.push(diagnostic('title-missing', 'no title line before the body', null, 'warning'));
  const titleText = title?.text ?? '';
  const issuer = issuerInTitle(titleText) ?? issuerInSignature(lines);
  const timing = timingOf({ clean, lines, title: titleText, titleSpan, front, diagnostics });
  const region = regionOf({ clean, gazetteer, scanners: scannersFor(gazetteer), title: titleText, titleSpan, issuer, front, diagnostics });
  return { title: titleText, titleSpan, issuer: issuer ?? speakingFor(clean.text, region), region, ...timing, diagnostics };
}

// A report names the body it speaks for in its first sentence: 我代表国务院, 我代表省人民政府.
const SPEAKS_FOR = /我代表(国务院|[\u4e00-\u9fa5]{0,12}?人民政府)/;

/** The body a report speaks for, with its region made explicit (省人民政府 in 河南 → 河南省人民政府). */
function speakingFor(text: string, region: RegionRef): string | null {
  const m = SPEAKS_FOR.exec(openingOf(text));
  if (!m) return null;
  const body = m[1]!;
  if (body === '国务院') return body;
  // A bare level (省人民政府) takes the region's name; a named one (北京市人民政府) is kept as written.
  const bare = /^(?:省|市|区|县|州|自治区|自治州|自治县|旗)?人民政府$/.test(body);
  return bare && region.status === 'resolved' && region.place.level !== 'country' ? `${region.place.name}人民政府` : body;
}
