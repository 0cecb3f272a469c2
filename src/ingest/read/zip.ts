// Opening a ZIP container (a .docx) so that it cannot inflate without bound:
// the central directory is checked before any part is inflated, and every
// inflation is watched while it runs. The limits follow Apache POI's
// ZipSecureFile, which guards the same kind of file.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { mib, problem, quoteError, Refusal, type Problem } from './outcome.ts';

const MiB = 1024 * 1024;

export interface ZipLimits {
  /** Parts the archive may list. */
  readonly maxEntries: number;
  /** Bytes all its parts together may declare. */
  readonly maxDeclaredBytes: number;
  /** Bytes that may be inflated for reading, in all, whatever the parts declare. */
  readonly maxReadBytes: number;
  /** How many times its compressed size one part may inflate to… */
  readonly maxInflateRatio: number;
  /** …once it declares more than this (small parts of repeated markup compress very well). */
  readonly ratioGraceBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  // A .docx holds 10 to 30 parts (the corpus: 11 to 22), plus one per image;
  // 10,000 is past any real document. The bound matters because every listed
  // part costs an entry object before anything is inflated, and a 50 MiB file
  // can list a million empty ones.
  maxEntries: 10_000,
  // A real 50 MiB .docx inflates to a few hundred MiB at most: its images do
  // not compress, and its XML compresses about 10 times (the corpus: 9.6 to
  // 10.6 for document.xml and styles.xml, the whole archive 3.5 to 7).
  maxDeclaredBytes: 512 * MiB,
  // What is read is parsed: mammoth holds about 23 bytes of heap per byte of
  // XML (measured: 50 MiB of document.xml took 1.2 GiB, 100 MiB 2.3 GiB, and
  // 256 MiB ran Node's 4 GiB default heap out). 64 MiB keeps one document
  // near 1.5 GiB; the corpus's largest document.xml is 230 KiB.
  maxReadBytes: 64 * MiB,
  // POI's MIN_INFLATE_RATIO of 0.01 turned round: a part that inflates more
  // than 100 times its compressed size is a zip bomb, not a document. The
  // corpus's most compressed part inflates 29 times (a webSettings.xml).
  maxInflateRatio: 100,
  // POI's GRACE_ENTRY_SIZE: below 100 KiB a part cannot hurt, whatever its ratio.
  ratioGraceBytes: 100 * 1024,
};

/** The parts of an archive whose directory passed the limits; each read is bounded too. */
export interface Archive {
  readonly ok: true;
  has(name: string): boolean;
  /** The part's bytes; rejects with a Refusal on a limit, a lie or damage. */
  read(name: string): Promise<Buffer>;
}

/**
 * Open an archive held in memory. Nothing is inflated here: the central
 * directory is read and checked against the limits. `kind` names the file in
 * messages ("Word (.docx) file").
 */
export async function openArchive(bytes: Buffer, kind: string, limits: ZipLimits = ZIP_LIMITS): Promise<Archive | Problem> {
  let zip: ZipFile;
  try {
    // validateEntrySizes (yauzl's default, spelled out because we rely on it):
    // a part that inflates past the size it declares is stopped with an error.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch (err) {
    return problem('CORRUPT', `is a damaged or incomplete ${kind} (${quoteError(err)})`);
  }
  if (zip.entryCount > limits.maxEntries) {
    return problem('TOO_LARGE', `is a ${kind} that lists ${count(zip.entryCount)} parts, over the limit of ${count(limits.maxEntries)}`);
  }
  const entries = new Map<string, Entry>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const bomb = ratioProblem(entry, kind, limits);
      if (bomb) return bomb;
      declared += entry.uncompressedSize;
      // The last of two parts with one name wins, as it did with mammoth's own unzipping.
      entries.set(entry.fileName, entry);
    }
  } catch (err) {
    return problem('CORRUPT', `is a damaged or incomplete ${kind} (${quoteError(err)})`);
  }
  if (declared > limits.maxDeclaredBytes) {
    return problem('TOO_LARGE', `is a ${kind} whose parts would inflate to ${mib(declared)} MiB, over the ${mib(limits.maxDeclaredBytes)} MiB limit`);
  }
  // Shared by every read, concurrent ones included.
  const budget = { left: limits.maxReadBytes };
  return {
    ok: true,
    has: (name) => entries.has(name),
    read: async (name) => {
      const entry = entries.get(name);
      if (!entry) throw new Refusal(problem('CORRUPT', `is a ${kind} without its part "${name}"`));
      // A part that says it is too big is refused before it is inflated.
      if (entry.uncompressedSize > budget.left) throw new Refusal(readProblem(kind, entry, limits));
      return inflate(zip, entry, budget, kind, limits);
    },
  };
}

function ratioProblem(entry: Entry, kind: string, limits: ZipLimits): Problem | null {
  const size = entry.uncompressedSize;
  if (size <= limits.ratioGraceBytes || size <= entry.compressedSize * limits.maxInflateRatio) return null;
  const ratio = entry.compressedSize === 0 ? 'from nothing' : `${count(Math.round(size / entry.compressedSize))} times its compressed size`;
  return problem(
    'TOO_LARGE',
    `is a ${kind} whose part "${entry.fileName}" would inflate ${ratio}, over the ${limits.maxInflateRatio}:1 limit: a zip bomb, not a document`,
  );
}

/**
 * One part's bytes. yauzl stops the part once it passes its declared size;
 * we stop it once the archive has inflated more than it may in all, which
 * also bounds a part read more than once.
 */
async function inflate(zip: ZipFile, entry: Entry, budget: { left: number }, kind: string, limits: ZipLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      budget.left -= chunk.length;
      if (budget.left < 0) {
        stream.destroy();
        throw new Refusal(readProblem(kind, entry, limits));
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw new Refusal(inflateProblem(entry, kind, err));
  }
  return Buffer.concat(chunks, size);
}

function readProblem(kind: string, entry: Entry, limits: ZipLimits): Problem {
  return problem('TOO_LARGE', `is a ${kind} whose parts to read inflate past the ${mib(limits.maxReadBytes)} MiB limit for one document (stopped at "${entry.fileName}")`);
}

function inflateProblem(entry: Entry, kind: string, err: unknown): Problem {
  // yauzl's words for a part that holds more than its header says: the mark
  // of a forged archive (or a bomb hiding behind small declared sizes).
  if (err instanceof Error && /too many bytes/.test(err.message)) {
    return problem(
      'CORRUPT',
      `is a damaged or forged ${kind}: its part "${entry.fileName}" inflates past the ${count(entry.uncompressedSize)} bytes it declares, and was stopped there`,
    );
  }
  return problem('CORRUPT', `is a damaged or incomplete ${kind}: its part "${entry.fileName}" could not be inflated (${quoteError(err)})`);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
