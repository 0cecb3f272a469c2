// The data that flows between ingest stages. Every stage is a pure function
// from one of these to the next; only the store writes.

/** Offsets into the ORIGINAL decoded text of a document; end is exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Something in the input the pipeline could not fully understand. Kept with the document. */
export interface Diagnostic {
  /** A stable rule id, e.g. `numbering-gap`, `year-format`, `masked-region`. */
  readonly rule: string;
  readonly message: string;
  readonly span: Span | null;
  readonly severity: 'info' | 'warning';
}

import type { DocumentKind, SectionRole, SourceFormat } from '../vocabulary.ts';
export type { DocumentKind, SectionRole, SourceFormat } from '../vocabulary.ts';

/** A file's text as read, before any cleaning: the text every span points into. */
export interface SourceText {
  /** The file name as the user gave it (basename); the document's identity across versions. */
  readonly name: string;
  readonly format: SourceFormat;
  /** The encoding the bytes were decoded from, e.g. `UTF-8`, `GB18030`, `UTF-16LE`. */
  readonly encoding: string;
  readonly text: string;
}

/** A document that could not be read, and why, in words a researcher understands. */
export interface ReadFailure {
  readonly file: string;
  readonly code: ReadFailureCode;
  readonly reason: string;
}

export type ReadFailureCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'EMPTY'
  | 'BINARY'
  | 'UNSUPPORTED_TYPE'
  | 'CORRUPT'
  | 'NO_TEXT_LAYER'
  | 'TOO_LARGE'
  // The file nests its structure deeper than any real document (a .docx part
  // thousands of elements deep), which would overflow the parser's stack.
  | 'TOO_DEEP'
  | 'NO_STRUCTURE'
  // The file was read and understood, but the store refused the write (the store is unchanged for it).
  | 'STORE_FAILED'
  // The same, because the disk is full.
  | 'DISK_FULL'
  // Another file of the same name is in the same run: the two would be one document.
  | 'NAME_CLASH';

/** A file read: its text, and the bytes it was read from (the intake journal keeps those, see store/intake.ts). */
export type ReadResult = { readonly ok: true; readonly source: SourceText; readonly bytes: Uint8Array } | { readonly ok: false; readonly failure: ReadFailure };

/** Cleaned text plus the map back to the original: `toOriginal(i)` is where cleaned char i stood. */
export interface CleanText {
  readonly original: string;
  readonly text: string;
  /** Original offset of the cleaned character at `offset`; `text.length` maps to `original.length`. */
  toOriginal(offset: number): number;
  /** The original span of the cleaned range [start, end). */
  spanOf(start: number, end: number): Span;
}

/** `country` is the national level (全国): the State Council's documents are of it. */
export type AdminLevel = 'country' | 'province' | 'city' | 'district';

export interface Place {
  readonly name: string;
  readonly code: string;
  readonly level: AdminLevel;
}

/**
 * Where a document is from. `resolved` names a real division with its parents;
 * `masked` means the text hides the name (`**`, a bare `区`): a region exists
 * but is unknown, and we never guess it.
 */
export type RegionRef =
  | { readonly status: 'resolved'; readonly place: Place; readonly parents: readonly Place[]; readonly evidence: string }
  | { readonly status: 'masked'; readonly evidence: string }
  | { readonly status: 'unknown' };

export interface Description {
  readonly title: string;
  readonly titleSpan: Span;
  readonly issuer: string | null;
  readonly region: RegionRef;
  readonly kind: DocumentKind;
  /** Every year the document speaks for: the summary year(s) and the plan year(s). */
  readonly years: readonly number[];
  /** For plans: the period the plan covers, e.g. 2021–2025; for summaries: the year reported. */
  readonly period: { readonly from: number; readonly to: number } | null;
  /** The baseline year of a five-year plan's indicator table (2020 for 十四五). */
  readonly baselineYear: number | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Numbering styles, outermost first as they usually nest. */
export type NumberingStyle =
  | 'part' // 第一部分 / 附件
  | 'cn' // 一、
  | 'paren-cn' // （一）
  | 'ordinal' // 第一，
  | 'arabic' // 1. 1、 1．
  | 'paren-arabic' // （1）
  | 'circled' // ①
  | 'dash' // ——
  | 'inline' // 一是 … 二是 …
  | 'plain'; // a part heading without a number: 2024年工作回顾

export interface Section {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: number;
  readonly style: NumberingStyle;
  /** The marker as written, e.g. `（三）`, `2.`, `三是`. */
  readonly number: string;
  /** The marker's ordinal value (三 → 3), when it has one. */
  readonly ordinal: number | null;
  readonly heading: string;
  readonly headingSpan: Span;
  /** From the marker to the end of the section's last line, children included. */
  readonly span: Span;
  readonly role: SectionRole;
  /** The year the part speaks of (inherited); null when unknown. */
  readonly year: number | null;
  /** The last year it speaks of, for a part of several (过去五年工作回顾, a “十三五” plan part); else `year`. */
  readonly yearTo: number | null;
  readonly kind: 'RESULTS' | 'PLAN' | 'OTHER';
}
