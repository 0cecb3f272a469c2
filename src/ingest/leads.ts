import { LEADING_MARKER, type Statement } from './statements.ts';

/**
 * The longest lead, in characters: a lead names an area of work in a phrase
 * (塑造区域发展新格局, 积极扩大消费和促进有效投资, 为人民过上美好生活提供丰富精神食粮); a
 * first sentence longer than this is a work of its own.
 */
export const LEAD_MAX_CHARS = 24;

// A lead is one phrase: a clause mark means it already says how (加强A，推进B).
const CLAUSE = /[，；：,;:]/;

/**
 * Commitments that spell out the work their paragraph's lead names, each
 * mapped to that lead's id. Government work reports open most paragraphs of
 * their plan part with a short lead ended by 。 and then list the works it
 * covers on the same line:
 *
 * > 塑造区域发展新格局。加强对革命老区、民族地区、边疆地区、贫困地区改革发展的支持。以疏解…
 *   ^^^^^^^^^^^^^^^^ lead  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ its works
 *
 * A review reports those works, seldom in the lead's words, so the link
 * stage reports a lead through them. Statements are those of one document,
 * spans into `text` (a paragraph is a line of it).
 */
export function paragraphLeads(text: string, statements: readonly Statement[]): Map<string, string> {
  const out = new Map<string, string>();
  const ordered = [...statements].sort((a, b) => a.span.start - b.span.start);
  let i = 0;
  while (i < ordered.length) {
    const first = ordered[i]!;
    const paragraph = text.lastIndexOf('\n', first.span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', first.span.start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    let j = i + 1;
    while (j < ordered.length && ordered[j]!.span.start < end) j++;
    if (isLead(text, first, paragraph)) {
      for (const item of ordered.slice(i + 1, j)) if (item.class === 'COMMITMENT') out.set(item.id, first.id);
    }
    i = j;
  }
  return out;
}

function isLead(text: string, s: Statement, paragraph: number): boolean {
  return (
    s.class === 'COMMITMENT' &&
    s.text.length <= LEAD_MAX_CHARS &&
    !CLAUSE.test(s.text) &&
    onlyMarker(text.slice(paragraph, s.span.start)) &&
    text[s.span.end] === '。'
  );
}

/** Whether nothing but a list marker (（六）, 1., 一是, ——, the one statements strip) and spaces stands before a lead. */
function onlyMarker(before: string): boolean {
  const rest = before.replace(/\s/g, '');
  return rest === '' || LEADING_MARKER.exec(rest)?.[0] === rest;
}
