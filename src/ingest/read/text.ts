import chardet from 'chardet';
import iconv from 'iconv-lite';
import { extracted, problem, type Extracted } from './outcome.ts';

// A BOM is the one certain statement of encoding a text file can make.
const BOMS: ReadonlyArray<{ readonly bytes: readonly number[]; readonly encoding: string }> = [
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'GB18030' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

// chardet's names for Chinese encodings. On short GBK text chardet often
// ranks Japanese, Korean or single-byte guesses first, but it keeps a Chinese
// candidate in the list, so presence (not rank) is the signal we trust.
const CHINESE = new Set(['GB18030', 'Big5', 'ISO-2022-CN']);
// Names that are either handled before we ask chardet, or not real encodings.
const NOT_LEGACY = new Set(['ASCII', 'UTF-8', 'UTF-16LE', 'UTF-16BE', 'UTF-32', 'UTF-32LE', 'UTF-32BE', 'mbcs', 'sbcs', 'ISO_2022']);

// Control characters other than tab, newline, vertical tab, form feed, return.
// A few are Word-export debris; many mean the bytes are not text at all.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const MAX_CONTROL_SHARE = 0.02;
const HAN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const MIN_HAN_SHARE = 0.3;
// Characters a real UTF-16 document is made of (Latin, Greek, Cyrillic, CJK,
// punctuation); random binary read as UTF-16 lands all over the code space.
const PLAUSIBLE = /[\t\n\r\u0020-\u007e\u00a0-\u052f\u2000-\u206f\u2100-\u27ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g;
const MIN_PLAUSIBLE_SHARE = 0.9;
const SNIFF_BYTES = 1 << 16;
// chardet's statistics settle long before this; scanning 50 MiB would only cost time.
const CHARDET_SAMPLE_BYTES = 1 << 18;

/**
 * Decode a plain-text file. Order matters: a BOM is certain; NUL bytes mean
 * UTF-16 or binary; bytes that are valid UTF-8 almost never are by accident;
 * only then do we guess, and the guess favours GB18030 because that is what
 * Chinese government offices save when they do not save UTF-8.
 * The text is returned exactly as decoded (CRs included) minus a leading BOM,
 * because every later offset points into it.
 */
export function decodeText(bytes: Uint8Array): Extracted {
  const decoded = decodeWithBom(bytes) ?? decodeWithoutBom(bytes);
  if (!decoded.ok) return decoded;
  return looksBinary(decoded.text) ? binary() : decoded;
}

function decodeWithBom(bytes: Uint8Array): Extracted | null {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  if (!bom) return null;
  const body = bytes.subarray(bom.bytes.length);
  return extracted(iconv.decode(body, bom.encoding, { stripBOM: false }), bom.encoding);
}

function decodeWithoutBom(bytes: Uint8Array): Extracted {
  if (bytes.includes(0)) {
    const utf16 = sniffUtf16(bytes);
    return utf16 ? extracted(iconv.decode(bytes, utf16, { stripBOM: false }), utf16) : binary();
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return extracted(utf8, 'UTF-8');
  return decodeLegacy(bytes);
}

/**
 * BOM-less UTF-16. Read the wrong way round, CJK text turns into characters
 * from all over the code space, so at most one byte order usually looks like
 * text. ASCII-heavy text can look plausible both ways (swapped Latin letters
 * land among CJK ideographs); then the NULs decide: every ASCII character puts
 * its NUL in the high byte, odd offsets for LE and even for BE.
 */
function sniffUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  const le = share(iconv.decode(sample, 'UTF-16LE', { stripBOM: false }), PLAUSIBLE) >= MIN_PLAUSIBLE_SHARE;
  const be = share(iconv.decode(sample, 'UTF-16BE', { stripBOM: false }), PLAUSIBLE) >= MIN_PLAUSIBLE_SHARE;
  if (le && be) return nulParity(sample) === 'odd' ? 'UTF-16LE' : 'UTF-16BE';
  return le ? 'UTF-16LE' : be ? 'UTF-16BE' : null;
}

function nulParity(sample: Uint8Array): 'odd' | 'even' {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return odd >= even ? 'odd' : 'even';
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Not UTF-8, not UTF-16: GB18030 (a superset of GBK and GB2312) when there is
 * any Chinese evidence and it decodes without damage; otherwise chardet's
 * best guess that decodes cleanly. A decode with no replacement characters is
 * the strongest check we have: single-byte text read as GB18030 almost always
 * leaves a lead byte before a space or a full stop, which is invalid.
 */
function decodeLegacy(bytes: Uint8Array): Extracted {
  const candidates = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES)).map((m) => m.name);
  const gb = iconv.decode(bytes, 'gb18030');
  const chineseEvidence = candidates.some((n) => CHINESE.has(n)) || share(gb, HAN, true) >= MIN_HAN_SHARE;
  if (chineseEvidence && !gb.includes('\ufffd')) return extracted(gb, 'GB18030');
  for (const name of candidates) {
    if (NOT_LEGACY.has(name) || CHINESE.has(name) || !iconv.encodingExists(name)) continue;
    const text = iconv.decode(bytes, name);
    if (!text.includes('\ufffd')) return extracted(text, name);
  }
  return problem(
    'UNSUPPORTED_TYPE',
    'looks like text in an encoding that could not be recognised (it is not valid UTF-8, UTF-16 or GB18030); save it as UTF-8 and try again',
  );
}

function looksBinary(text: string): boolean {
  return text.includes('\u0000') || share(text, CONTROL) > MAX_CONTROL_SHARE;
}

function binary(): Extracted {
  return problem('BINARY', 'contains binary data (NUL bytes or control characters), not text');
}

/** Share of characters matching `re`, optionally ignoring whitespace. */
function share(text: string, re: RegExp, ignoreSpace = false): number {
  const total = ignoreSpace ? text.replace(/\s+/g, '').length : text.length;
  if (total === 0) return 0;
  return (text.match(re)?.length ?? 0) / total;
}
