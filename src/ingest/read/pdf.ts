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
    return extracted(text, 'pdf');
  } catch (err) {
    return problem('CORRUPT', `is a PDF whose text could not be extracted (${quoteError(err)})`);
  } finally {
    await pdf.destroy();
  }
}

function openFailure(err: unknown): Extracted {
  if (err instanceof Error && err.name === 'PasswordException') {
    return problem('UNREADABLE', 'is a password-protected PDF; save an unprotected copy and try again');
  }
  return problem('CORRUPT', `is a damaged or incomplete PDF file (${quoteError(err)})`);
}
