// Bounded inputs: a .docx cannot make the reader inflate or nest without
// bound. Each hostile archive is built here, never inflated by the test, and
// must be refused with its own code and a reason naming the limit, fast and
// without the memory the attack asks for. Each test also fails on the wrong
// refusal: a bomb reported CORRUPT (mammoth choking) or by the wrong limit.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH } from '../../src/ingest/read/docx.ts';
import { readBytes } from '../../src/ingest/read/index.ts';
import { Refusal } from '../../src/ingest/read/outcome.ts';
import { nestedDeeperThan } from '../../src/ingest/read/xml-depth.ts';
import { openArchive, ZIP_LIMITS, type Archive } from '../../src/ingest/read/zip.ts';
import type { ReadFailureCode, ReadResult } from '../../src/ingest/types.ts';
import { corpusDir } from '../gold/corpus/schema.ts';
import { bomb, deflated, docxParts, documentXml, DOCUMENT_HEAD, DOCUMENT_TAIL, zip, type ZipPart } from './zips.ts';

const MiB = 1024 * 1024;

/** A paragraph of the 2022 plan, 1 MiB of them: the body of a realistic bomb. */
const PARAGRAPH = '<w:p><w:r><w:t>推进市、县级疾控中心标准化建设，加强基础设施和信息化建设。</w:t></w:r></w:p>';
const MIB_OF_PARAGRAPHS = PARAGRAPH.repeat(Math.floor(MiB / Buffer.byteLength(PARAGRAPH)));

/** The refusal, with the time and the rise of the process's peak memory it took to reach it. */
async function refused(name: string, bytes: Buffer, code: ReadFailureCode): Promise<{ reason: string; ms: number; peakRiseMiB: number }> {
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const result: ReadResult = await readBytes(name, bytes);
  const ms = performance.now() - started;
  const peakRiseMiB = (process.resourceUsage().maxRSS * 1024 - peakBefore) / MiB;
  if (result.ok) throw new Error(`expected ${code}, got text (${result.source.text.length} characters)`);
  expect(result.failure, result.failure.reason).toMatchObject({ code, file: name });
  expect(result.failure.reason).toMatch(/^"[^"]+" [^\n]+\.$/);
  return { reason: result.failure.reason, ms, peakRiseMiB };
}

describe('a .docx that would inflate without bound', () => {
  it('a real zip bomb (300 MiB of paragraphs in 1.1 MiB) is refused by its ratio before anything inflates', async () => {
    const doc = bomb('word/document.xml', { head: DOCUMENT_HEAD, body: MIB_OF_PARAGRAPHS, times: 300, tail: DOCUMENT_TAIL });
    const bytes = zip(docxParts(doc));
    expect(doc.size).toBeGreaterThan(299 * MiB);
    expect(bytes.length).toBeLessThan(1.2 * MiB);
    // Under the declared-total cap, so the ratio (and nothing else) must catch it.
    expect(doc.size).toBeLessThan(ZIP_LIMITS.maxDeclaredBytes);
    const { reason, ms, peakRiseMiB } = await refused('bomb.docx', bytes, 'TOO_LARGE');
    expect(reason).toContain('"word/document.xml"');
    expect(reason).toMatch(/would inflate [\d,]+ times its compressed size, over the 100:1 limit/);
    expect(ms).toBeLessThan(5_000);
    expect(peakRiseMiB).toBeLessThan(64);
  });

  it('parts that together declare more than 512 MiB are refused, each within the ratio', async () => {
    // Six "images" of 100 MiB, each from 1.1 MiB (91:1): none is a bomb alone.
    const images: ZipPart[] = Array.from({ length: 6 }, (_, i) => ({ name: `word/media/image${i}.emf`, data: Buffer.alloc(1.1 * MiB), method: 8, size: 100 * MiB, crc: 0 }));
    const bytes = zip([...docxParts(deflated('word/document.xml', documentXml(['一、总体要求']))), ...images]);
    const { reason, peakRiseMiB } = await refused('images.docx', bytes, 'TOO_LARGE');
    expect(reason).toMatch(/parts would inflate to 600(\.0)? MiB, over the 512 MiB limit/);
    expect(peakRiseMiB).toBeLessThan(64);
  });

  it('a part that declares more than the 64 MiB a document may read is refused before it inflates', async () => {
    // 80 MiB from 1 MiB: within the ratio and the declared total, too big to parse.
    const doc: ZipPart = { name: 'word/document.xml', data: Buffer.alloc(MiB), method: 8, size: 80 * MiB, crc: 0 };
    const { reason, peakRiseMiB } = await refused('long.docx', zip(docxParts(doc)), 'TOO_LARGE');
    expect(reason).toContain('past the 64 MiB limit for one document (stopped at "word/document.xml")');
    expect(peakRiseMiB).toBeLessThan(64);
  });

  it('an archive listing more than 10,000 parts is refused before they are read', async () => {
    const parts = docxParts(deflated('word/document.xml', documentXml(['一、总体要求'])));
    for (let i = 0; parts.length <= ZIP_LIMITS.maxEntries; i++) parts.push(deflated(`customXml/item${i}.xml`, ''));
    const { reason } = await refused('many.docx', zip(parts), 'TOO_LARGE');
    expect(reason).toContain('lists 10,001 parts, over the limit of 10,000');
  });
});

describe('a .docx whose central directory lies about sizes', () => {
  it('a bomb declaring 1 MiB (a harmless 3:1) is stopped once it passes 1 MiB, as forged', async () => {
    const doc = bomb('word/document.xml', { head: DOCUMENT_HEAD, body: MIB_OF_PARAGRAPHS, times: 300, tail: DOCUMENT_TAIL }, MiB);
    expect(doc.size / doc.data.length).toBeLessThan(ZIP_LIMITS.maxInflateRatio);
    const { reason, ms, peakRiseMiB } = await refused('forged.docx', zip(docxParts(doc)), 'CORRUPT');
    expect(reason).toContain('damaged or forged');
    expect(reason).toContain('"word/document.xml" inflates past the 1,048,576 bytes it declares');
    expect(ms).toBeLessThan(5_000);
    expect(peakRiseMiB).toBeLessThan(64);
  });

  it('a part holding less than it declares is damaged, not a bomb', async () => {
    const doc = deflated('word/document.xml', documentXml(['一、总体要求']));
    const { reason } = await refused('short.docx', zip(docxParts({ ...doc, size: doc.size + 10 })), 'CORRUPT');
    expect(reason).toContain('"word/document.xml" could not be inflated');
  });
});

describe('the read budget, shared by every part read', () => {
  const small = { ...ZIP_LIMITS, maxReadBytes: MiB };
  // Random bytes: no ratio to trip, so only the budget can stop them.
  const part = (name: string) => deflated(name, randomBytes(600 * 1024));
  const open = async (parts: ZipPart[]): Promise<Archive> => {
    const archive = await openArchive(zip(parts), 'Word (.docx) file', small);
    if (!archive.ok) throw new Error(archive.problem);
    return archive;
  };
  const refusal = (err: unknown) => (err instanceof Refusal ? err.problem : err);

  it('stops parts read at once when together they pass it, while they inflate', async () => {
    // Each passes the check before inflating (600 KiB of 1 MiB left); only counting while they inflate stops them.
    const archive = await open([part('a.xml'), part('b.xml')]);
    const reads = await Promise.allSettled([archive.read('a.xml'), archive.read('b.xml')]);
    const failed = reads.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(refusal(f.reason)).toMatchObject({ code: 'TOO_LARGE', problem: expect.stringContaining('past the 1 MiB limit') });
  });

  it('refuses a part read again once the budget is spent', async () => {
    const archive = await open([part('a.xml')]);
    expect((await archive.read('a.xml')).length).toBe(600 * 1024);
    await expect(archive.read('a.xml').catch(refusal)).resolves.toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('a .docx nested too deeply', () => {
  // Numbered attributes keep it under the 100:1 ratio, so depth alone must refuse it.
  const nested = (depth: number) =>
    `${DOCUMENT_HEAD}<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>` +
    Array.from({ length: depth }, (_, i) => `<w:sdt w:id="${i}">`).join('') +
    '</w:sdt>'.repeat(depth) +
    DOCUMENT_TAIL;

  it('100,000 nested elements are refused as TOO_DEEP, not a stack overflow called damaged', async () => {
    const doc = deflated('word/document.xml', nested(100_000));
    expect(doc.size / doc.data.length).toBeLessThan(ZIP_LIMITS.maxInflateRatio);
    const { reason, ms } = await refused('deep.docx', zip(docxParts(doc)), 'TOO_DEEP');
    expect(reason).toContain('"word/document.xml" nests elements more than 500 deep');
    expect(reason).not.toMatch(/stack|damaged/);
    expect(ms).toBeLessThan(5_000);
  });

  it('a document at the limit still reads; one level more does not', async () => {
    // document and body are two levels; the sdt elements make up the rest.
    const at = (depth: number) => readBytes('d.docx', zip(docxParts(deflated('word/document.xml', nested(depth - 2)))));
    const ok = await at(MAX_XML_DEPTH);
    expect(ok.ok && ok.source.text).toBe('一、总体要求');
    expect(await at(MAX_XML_DEPTH + 1)).toMatchObject({ ok: false, failure: { code: 'TOO_DEEP' } });
  });

  it('the limit is far below the depth that overflows the stack', async () => {
    // Without the check, mammoth's own recursion fails a few thousand levels down.
    const xml = nested(20_000);
    await expect(mammoth.extractRawText({ buffer: zip(docxParts(deflated('word/document.xml', xml))) })).rejects.toThrow(/call stack/);
    expect(nestedDeeperThan(xml, MAX_XML_DEPTH)).toBe(true);
  });
});

describe('a .docx whose XML defines entities', () => {
  it('an entity bomb (a billion laughs) is not expanded: the XML parser mammoth uses knows no DTD entities', async () => {
    let dtd = '<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">';
    for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${dtd}]>${DOCUMENT_HEAD.replace(/^<\?xml[^>]*>/, '')}<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>${DOCUMENT_TAIL}`;
    const { reason, ms, peakRiseMiB } = await refused('laughs.docx', zip(docxParts(deflated('word/document.xml', xml))), 'CORRUPT');
    expect(reason).toContain('entity not found');
    expect(ms).toBeLessThan(5_000);
    expect(peakRiseMiB).toBeLessThan(64);
  });
});

describe('measuring nesting without parsing', () => {
  it('counts elements, not empty ones, comments, CDATA, declarations or processing instructions', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE a><a><!-- <b><c><d> --><b x="1>2" y=\'<\'><![CDATA[<c><d><e>]]><br/><?pi <c><d>?><c>text > more</c></b></a>';
    expect(nestedDeeperThan(xml, 3)).toBe(false);
    expect(nestedDeeperThan(xml, 2)).toBe(true);
  });

  it('goes back up on every closing tag', () => {
    const siblings = '<a>' + '<b><c/></b>'.repeat(10_000) + '</a>';
    expect(nestedDeeperThan(siblings, 2)).toBe(false);
    expect(nestedDeeperThan(siblings, 1)).toBe(true);
  });

  it('stops at an unterminated tag rather than guessing', () => {
    expect(nestedDeeperThan('<a><b><c x="never closed>', 1)).toBe(true);
    expect(nestedDeeperThan('<a><b x="never closed>', 1)).toBe(false);
  });
});

describe('a .doc whose container would run word-extractor out of memory', () => {
  const fixture = readFileSync('test/fixtures/read/plan.doc');
  /** The fixture with some of its container's 32-bit fields changed; `at` gets the header, the FAT and directory entry offsets. */
  const edited = (edit: (b: Buffer, at: { fat: (i: number) => number; entry: (i: number) => number; dirStart: number }) => void): Buffer => {
    const b = Buffer.from(fixture);
    const sector = (id: number) => (id + 1) * 512;
    const dirStart = b.readInt32LE(48);
    // The fixture's first directory sector holds entries 0-3; its FAT is one sector.
    edit(b, { fat: (i) => sector(b.readInt32LE(76)) + i * 4, entry: (i) => sector(dirStart) + i * 128, dirStart });
    return b;
  };

  it('a sector chain that loops back is refused at once (unchecked, the 13 KB file takes the process down)', async () => {
    const bytes = edited((b, { fat, dirStart }) => {
      const next = b.readInt32LE(fat(dirStart));
      expect(next).toBeGreaterThanOrEqual(0);
      b.writeInt32LE(dirStart, fat(next));
    });
    const { reason, ms, peakRiseMiB } = await refused('loop.doc', bytes, 'CORRUPT');
    expect(reason).toContain('allocation table loops back on itself');
    expect(ms).toBeLessThan(5_000);
    expect(peakRiseMiB).toBeLessThan(64);
  });

  it('a directory that reaches one entry twice is refused (a chain of them costs 2^n visits)', async () => {
    // Entry 3 (1Table) is a leaf; give it WordDocument (5), already a child of entry 4, as its left sibling.
    const bytes = edited((b, { entry }) => {
      expect(b.toString('utf16le', entry(3), entry(3) + 12)).toBe('1Table');
      b.writeInt32LE(5, entry(3) + 68);
    });
    expect((await refused('shared.doc', bytes, 'CORRUPT')).reason).toContain('directory lists an entry twice');
  });

  it('a header asking for 1 GiB sectors is refused before anything is allocated', async () => {
    const bytes = edited((b) => b.writeUInt16LE(30, 30));
    expect((await refused('huge-sectors.doc', bytes, 'CORRUPT')).reason).toContain('sectors of 2^30 bytes');
  });

  it('the fixture itself passes the checks', async () => {
    expect((await readBytes('plan.doc', fixture)).ok).toBe(true);
  });
});

const provinces = join(corpusDir(), 'provinces');
const present = existsSync(provinces);

describe('real documents still read', () => {
  it.runIf(present)('every .docx of the corpus gives the text mammoth reads from it unbounded', async () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const files = readdirSync(provinces).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const bytes = readFileSync(join(provinces, file));
      const ours = await readBytes(file, bytes);
      if (!ours.ok) throw new Error(ours.failure.reason);
      // mammoth's raw text puts table cells on lines of their own; the characters are the same.
      expect(squash(ours.source.text), file).toBe(squash((await mammoth.extractRawText({ buffer: bytes })).value));
    }
  });
});
