import WordExtractor from 'word-extractor';
import { asBuffer } from './detect.ts';
import { compoundFileProblem } from './ole.ts';
import { extracted, problem, quoteError, type Extracted } from './outcome.ts';

/** Text of a legacy Word 97-2003 (.doc) file: its main body, without headers, footers or notes. */
export async function readDoc(bytes: Uint8Array): Promise<Extracted> {
  const unsafe = compoundFileProblem(asBuffer(bytes));
  if (unsafe) return unsafe;
  try {
    const doc = await new WordExtractor().extract(asBuffer(bytes));
    return extracted(dropCellEndTabs(doc.getBody()), 'doc');
  } catch (err) {
    return problem('CORRUPT', `is a damaged or incomplete Word 97-2003 (.doc) file (${quoteError(err)})`);
  }
}

/**
 * word-extractor ends every table cell with a tab, so each row line ends in
 * one; dropping it makes a row `a\tb`, the same layout the .docx reader gives.
 */
function dropCellEndTabs(text: string): string {
  return text.replace(/\t(?=\n|$)/g, '');
}
