import type { SourceFormat } from '../types.ts';
import { SUPPORTED_LIST } from './formats.ts';
import { problem, type Problem } from './outcome.ts';

/** The reader to use, or the reason no reader applies. */
export type Detected = { readonly ok: true; readonly format: SourceFormat } | Problem;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// pdf.js accepts a header a little way into the file (some generators prepend junk).
const PDF_HEADER_WINDOW = 1024;

// Formats people plausibly drop into an inbox by mistake, named so the
// researcher knows what they actually handed over.
const OTHER_SIGNATURES: ReadonlyArray<{ readonly magic: readonly number[]; readonly what: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: ascii('GIF8'), what: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: ascii('Rar!'), what: 'a RAR archive' },
  { magic: ascii('{\\rtf'), what: 'an RTF document' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
];

/**
 * Decide the format from the bytes. The extension only breaks ties: a ZIP or
 * OLE2 container whose inner names we cannot see (say a truncated file) is
 * taken at its word when it is called .docx or .doc, so the reader can report
 * it as damaged rather than as some other type.
 */
export function detectFormat(name: string, bytes: Uint8Array): Detected {
  const buf = asBuffer(bytes);
  if (startsWith(buf, ZIP)) return detectZip(name, buf);
  if (startsWith(buf, OLE2)) return detectOle2(name, buf);
  if (buf.subarray(0, PDF_HEADER_WINDOW).includes('%PDF-', 0, 'latin1')) return { ok: true, format: 'pdf' };
  if (buf.subarray(0, 12).includes('WEBP', 8, 'latin1') && startsWith(buf, ascii('RIFF'))) return unsupported('a WebP image');
  const other = OTHER_SIGNATURES.find((s) => startsWith(buf, s.magic));
  if (other) return unsupported(other.what);
  return { ok: true, format: 'txt' };
}

// File names inside a ZIP are stored as plain bytes in every local header and
// in the central directory, so a byte search finds them without unzipping,
// and still finds them in a truncated archive.
function detectZip(name: string, buf: Buffer): Detected {
  if (buf.includes('word/document.xml', 0, 'latin1')) return { ok: true, format: 'docx' };
  if (buf.includes('xl/workbook.xml', 0, 'latin1')) return unsupported('an Excel workbook (.xlsx)');
  if (buf.includes('ppt/presentation.xml', 0, 'latin1')) return unsupported('a PowerPoint presentation (.pptx)');
  if (buf.includes('application/vnd.oasis.opendocument.text', 0, 'latin1')) {
    return unsupported('an OpenDocument text file (.odt)');
  }
  if (/\.doc[xm]$/i.test(name)) return { ok: true, format: 'docx' };
  return unsupported('a ZIP archive that is not a Word document');
}

// OLE2 directory entries hold stream names in UTF-16LE.
function detectOle2(name: string, buf: Buffer): Detected {
  const has = (stream: string): boolean => buf.includes(stream, 0, 'utf16le');
  if (has('WordDocument')) return { ok: true, format: 'doc' };
  if (has('EncryptedPackage')) {
    return problem('UNREADABLE', 'is a password-protected Office file; save an unprotected copy and try again');
  }
  if (has('Workbook') || has('Book')) return unsupported('an Excel workbook (.xls)');
  if (has('PowerPoint Document')) return unsupported('a PowerPoint presentation (.ppt)');
  if (/\.(doc|dot|wps)$/i.test(name)) return { ok: true, format: 'doc' };
  return unsupported('an old-style Office file that is not a Word document');
}

function unsupported(what: string): Detected {
  return problem(
    'UNSUPPORTED_TYPE',
    `looks like ${what}, which is not a supported document type (${SUPPORTED_LIST})`,
  );
}

function startsWith(buf: Buffer, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** A Buffer view over the same memory, for its fast byte search. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
