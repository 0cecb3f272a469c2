// One identity per thing. Ids are derived from content (the file name, the
// text offsets, a normalised name), so the same input always gives the same
// ids and re-ingesting an unchanged document changes nothing. Every id the
// graph stores is made here, and facts carry the same ids the graph does.
import { createHash } from 'node:crypto';
import type { RegionRef } from './types.ts';

/** A document's identity is its file name: a changed file replaces the old version. */
export function documentIdOf(name: string): string {
  return `doc-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 12)}`;
}

/** What tells an unchanged file from a changed one. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The key links are made within: a resolved region's code, or — for a masked
 * or unknown region — the document itself, so it is never linked to another
 * document's region by guess.
 */
export function regionKeyOf(region: RegionRef, documentId: string): string {
  return region.status === 'resolved' ? `region:${region.place.code}` : `doc:${documentId}`;
}

export const regionIdOf = (code: string): string => `region:${code}`;

/** Whether a region key names a real region (shared across documents) rather than one document. */
export const isRegionKey = (regionKey: string): boolean => regionKey.startsWith('region:');

// Wordings of one indicator that differ only in particles and synonyms
// (设置/设立, 综合性医院/综合医院, 的比例/比例) get one id, so a series joins
// values across documents and regions. The display name is the first seen,
// a plan table's when there is one.
const INDICATOR_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/的/g, ''],
  [/综合性/g, '综合'],
  [/设立/g, '设置'],
  [/占比|比重/g, '比例'],
  [/[（(].*?[)）]|\s/g, ''],
];

export function indicatorIdOf(name: string): string {
  return `ind:${INDICATOR_VARIANTS.reduce((n, [re, to]) => n.replace(re, to), name)}`;
}

/** A named institution is shared by the documents of its region; a masked region's stay the document's own. */
export function institutionIdOf(name: string, regionKey: string, documentId: string): string {
  return isRegionKey(regionKey) ? `inst:${name}` : `inst:${documentId}:${name}`;
}

/** A 专栏 item, by where it stands. */
export const boxProjectIdOf = (documentId: string, start: number): string => `${documentId}:p${start}`;
/** A project named in running text, once per document and name. */
export const namedProjectIdOf = (documentId: string, name: string): string => `${documentId}:project:${name}`;
/** An indicator table's cell. */
export const tableValueIdOf = (documentId: string, start: number): string => `${documentId}:tv${start}`;
/** A value stated in text; one figure can give two values (由X增加至Y: a baseline and an actual), so kind is part of it. */
export const textValueIdOf = (documentId: string, start: number, end: number, kind: string): string => `${documentId}:v${start}-${end}:${kind}`;

/**
 * A reviewer's decision, by its content: the same decision exported from one
 * store and imported into another keeps its id, so importing twice adds nothing.
 */
export function reviewIdOf(d: {
  readonly kind: string;
  readonly fromId: string;
  readonly toId: string;
  readonly decision: string;
  readonly at: string;
  readonly reviewer: string | null;
  readonly note: string | null;
}): string {
  const key = JSON.stringify([d.kind, d.fromId, d.toId, d.decision, d.at, d.reviewer, d.note]);
  return `review-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
