import mammoth from 'mammoth';
import { asBuffer } from './detect.ts';
import { extracted, problem, quoteError, Refusal, type Extracted } from './outcome.ts';
import { nestedDeeperThan } from './xml-depth.ts';
import { openArchive, type Archive } from './zip.ts';

const KIND = 'Word (.docx) file';

// How deeply a part's elements may nest. Real documents nest 8 to 15 deep (the
// corpus); a table in a table cell adds 3 levels (tbl, tr, tc), so even 150
// tables one inside another stay under 500. mammoth builds its tree by recursion and overflows
// Node's default stack at about 2,500 levels (measured with nested tables; 950
// with half the stack), so 500 stays clear of it, with room for callers that
// run with less stack.
export const MAX_XML_DEPTH = 500;

/** The part of mammoth's document tree we read (its element objects carry more). */
interface DocNode {
  readonly type: string;
  readonly children?: readonly DocNode[];
  readonly value?: string;
  readonly breakType?: string;
  readonly checked?: boolean;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/**
 * Text of a .docx: one line per paragraph, one line per table row with cells
 * separated by tabs. mammoth's raw-text output cannot give that (table cells
 * come out as loose paragraphs), so we take mammoth's parsed document tree
 * through its `transformDocument` hook and lay it out ourselves.
 */
export async function readDocx(bytes: Uint8Array): Promise<Extracted> {
  const archive = await openArchive(asBuffer(bytes), KIND);
  if (!archive.ok) return archive;
  const seen: { body?: DocNode } = {};
  try {
    await mammoth.convertToHtml(
      // mammoth reads the parts through us (its `file` input, which its types
      // do not list): what it parses is exactly what passed our limits, never
      // a second unzipping by a library that reads the archive differently.
      { file: mammothFile(archive) } as unknown as { buffer: Buffer },
      {
        // Returning an empty body skips mammoth's HTML rendering, which we do not use.
        transformDocument: (doc: DocNode) => {
          seen.body = doc;
          return { ...doc, children: [] };
        },
      },
    );
  } catch (err) {
    if (err instanceof Refusal) return err.problem;
    return problem('CORRUPT', `is a damaged or incomplete ${KIND} (${quoteError(err)})`);
  }
  if (!seen.body) return problem('CORRUPT', 'is a Word (.docx) file without a readable document body');
  return extracted(blockLines(seen.body.children ?? []).join('\n'), 'docx');
}

/**
 * The archive as mammoth's unzip layer offers it (`exists`, `read` with an
 * optional encoding), every part read as text (its XML) checked for depth
 * before mammoth parses it.
 */
function mammothFile(archive: Archive) {
  return {
    exists: (name: string): boolean => archive.has(name),
    read: async (name: string, encoding?: string): Promise<Uint8Array | string> => {
      const bytes = await archive.read(name);
      if (!encoding) return bytes;
      if (encoding === 'base64') return bytes.toString('base64');
      const text = new TextDecoder(encoding).decode(bytes);
      if (nestedDeeperThan(text, MAX_XML_DEPTH)) {
        throw new Refusal(problem('TOO_DEEP', `is a ${KIND} whose part "${name}" nests elements more than ${MAX_XML_DEPTH} deep, far deeper than any real document`));
      }
      return text;
    },
  };
}

function blockLines(nodes: readonly DocNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.type === 'paragraph') return [inlineText(node)];
    if (node.type === 'table') return tableLines(node);
    return blockLines(node.children ?? []);
  });
}

function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      // A soft line break (Shift+Enter) often separates a heading from its text.
      return node.breakType === 'line' ? '\n' : '';
    case 'checkbox':
      return node.checked ? '☑' : '☐';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

/**
 * mammoth drops the cells a vertical merge covers and marks the first with a
 * rowSpan; we put an empty cell back in their place (as Word's own text
 * export does) so every row keeps its columns aligned.
 */
function tableLines(table: DocNode): string[] {
  // Per column: how many more rows a merged cell above still covers.
  const covered: number[] = [];
  return (table.children ?? []).filter((row) => row.type === 'tableRow').map((row) => rowLine(row, covered));
}

function rowLine(row: DocNode, covered: number[]): string {
  const cells: string[] = [];
  let col = 0;
  const skipCovered = (until: number): void => {
    for (; col < until || (covered[col] ?? 0) > 0; col++) {
      if ((covered[col] ?? 0) > 0) covered[col]! -= 1;
      cells.push('');
    }
  };
  for (const cell of row.children ?? []) {
    if (cell.type !== 'tableCell') continue;
    skipCovered(col);
    const span = Math.max(1, cell.colSpan ?? 1);
    cells.push(cellText(cell), ...Array<string>(span - 1).fill(''));
    for (let i = 0; i < span; i++) covered[col + i] = Math.max(0, (cell.rowSpan ?? 1) - 1);
    col += span;
  }
  skipCovered(lastCoveredColumn(covered) + 1);
  return cells.join('\t');
}

function lastCoveredColumn(covered: readonly number[]): number {
  for (let i = covered.length - 1; i >= 0; i--) if ((covered[i] ?? 0) > 0) return i;
  return -1;
}

/** A cell's paragraphs on one line: tabs and newlines would break the row apart. */
function cellText(cell: DocNode): string {
  return blockLines(cell.children ?? [])
    .map((line) => line.replace(/[\t\n]+/g, ' '))
    .filter((line) => line.trim() !== '')
    .join(' ');
}
