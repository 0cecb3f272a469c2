import { FORMATS } from '../../vocabulary.ts';
import type { SourceFormat } from '../types.ts';
import { readDoc } from './doc.ts';
import { readDocx } from './docx.ts';
import type { Extracted } from './outcome.ts';
import { readPdf } from './pdf.ts';
import { decodeText } from './text.ts';

/**
 * One reader per format: the CLI's folder search, the API and inspect all go
 * through this list. Which reader a file gets is decided from its bytes
 * (detect.ts: a container's inner names, magic numbers), not from its name:
 * the extensions here are what a folder is searched for.
 */
export interface Reader {
  readonly format: SourceFormat;
  readonly extensions: readonly string[];
  read(bytes: Uint8Array): Promise<Extracted> | Extracted;
}

export const READERS: { readonly [F in SourceFormat]: Reader & { readonly format: F } } = {
  txt: { format: 'txt', extensions: ['.txt'], read: decodeText },
  docx: { format: 'docx', extensions: ['.docx'], read: readDocx },
  doc: { format: 'doc', extensions: ['.doc'], read: readDoc },
  pdf: { format: 'pdf', extensions: ['.pdf'], read: readPdf },
};

/** File types a folder is searched for; a file named explicitly is tried whatever its name. */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set(FORMATS.flatMap((f) => READERS[f].extensions));

/** `.txt, .docx, .doc or .pdf`, for messages. */
export const SUPPORTED_LIST = ((exts: string[]) => `${exts.slice(0, -1).join(', ')} or ${exts.at(-1)}`)([...SUPPORTED_EXTENSIONS]);
