// One very large document in the genre of a seed, for the document-size
// bench: the seed whole (title, preamble, parts), then its body — from the
// first numbered part on — again and again until the text reaches the size
// asked for. Each copy restarts its numbering (一、 after 六、), as the
// chapters of a 汇编 do, so outline sees ever more parts and statements in
// the proportions of the real thing. Deterministic.
//   node bin/run.js scripts/large-document.ts --mib 20 [--seed 002] --out big.txt
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SEEDS_DIR = new URL('../seeds/', import.meta.url);

// A part's first line: `一、`, `（一）`, behind any Word bookmarks.
const FIRST_PART = /^(?:\[bookmark: [^\]\n]*\])*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/m;

/** The seed whose file name starts with `id` (`002`), as text. */
export function seedText(id: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(id) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${id} in seeds/`);
  return readFileSync(new URL(file, SEEDS_DIR), 'utf8');
}

/** A document of at least `bytes` bytes of UTF-8 (whole copies: it stops at the first copy past the size). */
export function largeDocument(bytes: number, seedId = '002'): string {
  const seed = seedText(seedId);
  const at = FIRST_PART.exec(seed)?.index;
  if (at === undefined) throw new Error(`seed ${seedId} has no numbered part to repeat`);
  const body = seed.slice(at).replace(/\s*$/, '\n');
  const parts = [seed.replace(/\s*$/, '\n')];
  let size = Buffer.byteLength(parts[0]!);
  const bodySize = Buffer.byteLength(body);
  while (size < bytes) {
    parts.push(body);
    size += bodySize;
  }
  return parts.join('');
}

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const mib = Number(arg(argv, 'mib') ?? 'NaN');
  const out = arg(argv, 'out');
  if (!(mib > 0) || !out) {
    console.error('usage: node bin/run.js scripts/large-document.ts --mib <size> [--seed 002] --out <file.txt>');
    process.exitCode = 2;
  } else {
    const text = largeDocument(mib * 2 ** 20, arg(argv, 'seed') ?? '002');
    writeFileSync(out, text);
    console.log(`Wrote ${(Buffer.byteLength(text) / 2 ** 20).toFixed(2)} MiB to ${out}.`);
  }
}
