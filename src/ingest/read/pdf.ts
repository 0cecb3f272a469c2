import { extractText, getDocumentProxy } from 'unpdf';
import { extracted, problem, quoteError, type Extracted } from './outcome.ts';

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Text layer of a PDF, pages joined by newlines. A PDF without one is a scan. */
export async function readPdf(bytes: Uint8Array): Promise<Extracted> {
  let pdf: PdfProxy;
  try {
    // A copy: pdf.js takes ownership of (and may detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    return openFailure(err);
  }
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    if (text.trim() === '') {
      return problem('NO_TEXT_LAYER', 'looks like a scanned image: no text layer; run OCR first');
    }
    return extracted(joinCjkRuns(text), 'pdf');
  } catch (err) {
    return problem('CORRUPT', `is a PDF whose text could not be extracted (${quoteError(err)})`);
  } finally {
    await pdf.destroy();
  }
}

// pdf.js puts a space wherever the font or position changes, so Chinese
// text comes out as `开封市卫健委员会 2022 年工作计划`. Those spaces are
// extraction artifacts, not the author's: drop single spaces between a
// Chinese character and a Chinese character or digit. The extracted text is
// the document's original text for every span, so nothing is remapped.
const CJK = '\\u3400-\\u9fff\\u3001\\u3002\\uff08\\uff09\\uff0c\\uff1a\\uff1b\\u201c\\u201d';
const ARTIFACT_SPACE = new RegExp(`(?<=[${CJK}]) (?=[${CJK}\\d])|(?<=\\d) (?=[${CJK}])`, 'g');

export function joinCjkRuns(text: string): string {
  return text.replace(ARTIFACT_SPACE, '');
}

function openFailure(err: unknown): Extracted {
  if (err instanceof Error && err.name === 'PasswordException') {
    return problem('UNREADABLE', 'is a password-protected PDF; save an unprotected copy and try again');
  }
  return problem('CORRUPT', `is a damaged or incomplete PDF file (${quoteError(err)})`);
}
