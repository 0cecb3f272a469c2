import { mkdir, mkdtemp, readFile as readFs, rm, truncate, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readBytes, readFile } from '../../src/ingest/read/index.ts';
import type { ReadFailureCode, ReadResult, SourceText } from '../../src/ingest/types.ts';
import { FIXTURE_LINES, FIXTURE_SEED_LINES, FIXTURE_SEED_TABLE, FIXTURE_TABLE } from '../fixtures/read/content.ts';

const FIXTURES = 'test/fixtures/read';
const seeds = readdirSync('seeds').map((name) => ({ name, text: readFileSync(`seeds/${name}`, 'utf8') }));
const seed = (prefix: string): string => {
  const found = seeds.find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found.text;
};
const plan2022 = seed('004');
const indicators = seed('002');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'plantrace-read-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function source(result: ReadResult): SourceText {
  if (!result.ok) throw new Error(`expected text, got ${result.failure.code}: ${result.failure.reason}`);
  return result.source;
}

/** The failure, checked to name the file in one sentence a person can read. */
function failure(result: ReadResult, code: ReadFailureCode, file: string): string {
  if (result.ok) throw new Error(`expected ${code}, got text (${result.source.format})`);
  expect(result.failure).toMatchObject({ code, file });
  expect(result.failure.reason).toContain(`"${file}"`);
  expect(result.failure.reason).toMatch(/^[^\n]+\.$/);
  return result.failure.reason;
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const withBom = (bom: number[], body: Uint8Array): Uint8Array => Buffer.concat([Buffer.from(bom), body]);

describe('readBytes: plain text', () => {
  it('reads every UTF-8 seed unchanged', async () => {
    for (const { name, text } of seeds) {
      expect(source(await readBytes(name, Buffer.from(text)))).toEqual({ name, format: 'txt', encoding: 'UTF-8', text });
    }
  });

  it('strips a UTF-8 BOM and nothing else', async () => {
    const got = source(await readBytes('plan.txt', withBom([0xef, 0xbb, 0xbf], Buffer.from(plan2022))));
    expect(got.encoding).toBe('UTF-8');
    expect(got.text).toBe(plan2022);
  });

  it('keeps CRLF line ends as decoded, since offsets point into the text', async () => {
    const crlf = plan2022.replace(/\n/g, '\r\n');
    expect(source(await readBytes('crlf.txt', Buffer.from(crlf))).text).toBe(crlf);
  });

  it('decodes a whole seed saved as GBK', async () => {
    const got = source(await readBytes('plan-gbk.txt', iconv.encode(plan2022, 'gbk')));
    expect(got.encoding).toBe('GB18030');
    expect(got.text).toBe(plan2022);
  });

  it('decodes a short (60-character) GBK snippet', async () => {
    const at = plan2022.indexOf('（三）');
    const snippet = plan2022.slice(at, at + 60);
    const got = source(await readBytes('snippet.txt', iconv.encode(snippet, 'gbk')));
    expect(got).toMatchObject({ encoding: 'GB18030', text: snippet });
  });

  it('decodes GBK snippets that chardet ranks as Korean or Japanese', async () => {
    for (const snippet of ['做好健康扶贫巩固期工作。加强卫生领域巩固', '党组织政治引领力、组织领导力、群众号召力']) {
      expect(plan2022).toContain(snippet);
      const bytes = iconv.encode(snippet, 'gbk');
      expect(chardet.analyse(bytes)[0]?.name, 'the hard case this test is about').toMatch(/^EUC-(KR|JP)$/);
      expect(source(await readBytes('snippet.txt', bytes))).toMatchObject({ encoding: 'GB18030', text: snippet });
    }
  });

  it('decodes 20- and 60-character GBK windows across all seeds exactly', async () => {
    for (const { name, text } of seeds) {
      for (const len of [20, 60]) {
        for (let at = 0; at + len <= text.length; at += 401) {
          const piece = text.slice(at, at + len);
          if (piece.trim() === '' || !/[^\x00-\x7f]/.test(piece)) continue;
          const got = source(await readBytes(name, iconv.encode(piece, 'gbk')));
          expect(got.text, `${name}@${at}+${len}`).toBe(piece);
          expect(got.encoding, `${name}@${at}+${len}`).toBe('GB18030');
        }
      }
    }
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', async () => {
    const le = source(await readBytes('le.txt', withBom([0xff, 0xfe], iconv.encode(plan2022, 'utf16le'))));
    expect(le).toMatchObject({ encoding: 'UTF-16LE', text: plan2022 });
    const be = source(await readBytes('be.txt', withBom([0xfe, 0xff], iconv.encode(plan2022, 'utf16be'))));
    expect(be).toMatchObject({ encoding: 'UTF-16BE', text: plan2022 });
  });

  it('recognises BOM-less UTF-16 from where its NUL bytes fall', async () => {
    const le = source(await readBytes('le.txt', iconv.encode(plan2022, 'utf16le')));
    expect(le).toMatchObject({ encoding: 'UTF-16LE', text: plan2022 });
    const be = source(await readBytes('be.txt', iconv.encode(plan2022, 'utf16be')));
    expect(be).toMatchObject({ encoding: 'UTF-16BE', text: plan2022 });
  });

  it('does not force GB18030 on text chardet recognises as single-byte', async () => {
    const french = 'Le café est très bon à Montréal, où l’été est court.\n';
    const got = source(await readBytes('note.txt', iconv.encode(french, 'windows-1252')));
    expect(got).toMatchObject({ encoding: 'windows-1252', text: french });
  });

  it('detects by content: a UTF-8 file named .docx is read as text', async () => {
    expect(source(await readBytes('misnamed.docx', Buffer.from(plan2022)))).toMatchObject({ format: 'txt', text: plan2022 });
  });
});

describe('readBytes: .docx', () => {
  const paragraphs = plan2022.split('\n').filter((line) => line.trim() !== '').slice(0, 3);

  // Modelled on the indicator table in seeds/002: merged 分类 cells down the
  // side and a 指标值 header spanning the 2020 and 2025 columns.
  function indicatorTable(): Table {
    const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}): TableCell =>
      new TableCell({ children: [new Paragraph(text)], ...span });
    return new Table({
      rows: [
        new TableRow({
          children: [
            cell('分类', { rowSpan: 2 }),
            cell('序号', { rowSpan: 2 }),
            cell('指标名称', { rowSpan: 2 }),
            cell('指标值', { columnSpan: 2 }),
            cell('属性', { rowSpan: 2 }),
          ],
        }),
        new TableRow({ children: [cell('2020'), cell('2025')] }),
        new TableRow({
          children: [cell('健康水平', { rowSpan: 2 }), cell('1'), cell('人均预期寿命（岁）'), cell('77.35'), cell('78.7'), cell('预期性')],
        }),
        new TableRow({ children: [cell('2'), cell('健康预期寿命（岁）'), cell('-'), cell('同比例提高'), cell('预期性')] }),
      ],
    });
  }

  async function planDocx(): Promise<Buffer> {
    const [title, date, body] = paragraphs as [string, string, string];
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: title, bold: true })] }),
            new Paragraph(date),
            // Split across runs, as Word does at every formatting change.
            new Paragraph({ children: [new TextRun(body.slice(0, 10)), new TextRun({ text: body.slice(10), italics: true })] }),
            new Paragraph(''),
            new Paragraph({ children: [new TextRun('“十四五”主要发展指标'), new TextRun({ text: '单位：%', break: 1 })] }),
            indicatorTable(),
            new Paragraph('（一）以更科学有力举措持之以恒抓好新冠肺炎疫情常态化防控。'),
          ],
        },
      ],
    });
    return Packer.toBuffer(doc);
  }

  it('gives paragraphs in order, one per line, and table rows as tab-separated cells', async () => {
    const got = source(await readBytes('plan.docx', await planDocx()));
    expect(got).toMatchObject({ name: 'plan.docx', format: 'docx', encoding: 'docx' });
    expect(got.text.split('\n')).toEqual([
      ...paragraphs,
      '',
      '“十四五”主要发展指标',
      '单位：%',
      '分类\t序号\t指标名称\t指标值\t\t属性',
      '\t\t\t2020\t2025\t',
      '健康水平\t1\t人均预期寿命（岁）\t77.35\t78.7\t预期性',
      '\t2\t健康预期寿命（岁）\t-\t同比例提高\t预期性',
      '（一）以更科学有力举措持之以恒抓好新冠肺炎疫情常态化防控。',
    ]);
  });

  it('takes the paragraphs and table cells from the seeds', () => {
    for (const p of paragraphs) expect(plan2022).toContain(p);
    for (const c of ['分类', '指标名称', '人均预期寿命（岁）', '77.35', '78.7', '同比例提高', '预期性']) expect(indicators).toContain(c);
  });

  it('reports a truncated .docx as corrupt', async () => {
    const whole = await planDocx();
    const reason = failure(await readBytes('cut.docx', whole.subarray(0, whole.length >> 1)), 'CORRUPT', 'cut.docx');
    expect(reason).toMatch(/damaged or incomplete Word \(\.docx\)/);
  });

  it('detects a .docx by content whatever its name', async () => {
    expect(source(await readBytes('plan.txt', await planDocx())).format).toBe('docx');
  });
});

describe('readFile: checked-in .doc and .pdf fixtures', () => {
  const tableLines = FIXTURE_TABLE.map((row) => row.join('\t'));

  it('fixture content really comes from the seeds', () => {
    for (const line of FIXTURE_LINES) expect(seed(FIXTURE_SEED_LINES.slice(0, 3))).toContain(line);
    for (const cell of FIXTURE_TABLE.flat()) expect(seed(FIXTURE_SEED_TABLE.slice(0, 3))).toContain(cell);
  });

  it('reads a legacy .doc: lines, then table rows as tab-separated cells', async () => {
    const got = source(await readFile(join(FIXTURES, 'plan.doc')));
    expect(got).toMatchObject({ name: 'plan.doc', format: 'doc', encoding: 'doc' });
    expect(got.text.trimEnd().split('\n')).toEqual([...FIXTURE_LINES, ...tableLines]);
  });

  it('reads the text layer of a PDF', async () => {
    const got = source(await readFile(join(FIXTURES, 'plan.pdf')));
    expect(got).toMatchObject({ name: 'plan.pdf', format: 'pdf', encoding: 'pdf' });
    // pdf.js spaces out font changes (digits are in a Latin font), so compare without whitespace.
    expect(squash(got.text)).toBe(squash([...FIXTURE_LINES, ...tableLines].join('')));
    expect(got.text).toContain('深化医疗、医保、医药、医养、医改联动，促进优质医疗资源均衡布局。');
  });

  it('says an image-only PDF needs OCR', async () => {
    const path = join(FIXTURES, 'scan.pdf');
    const reason = failure(await readFile(path), 'NO_TEXT_LAYER', path);
    expect(reason).toContain('scanned image');
    expect(reason).toContain('OCR');
  });

  it('reports a truncated .doc and a truncated PDF as corrupt', async () => {
    for (const name of ['plan.doc', 'plan.pdf']) {
      const whole = await readFs(join(FIXTURES, name));
      failure(await readBytes(`cut-${name}`, whole.subarray(0, whole.length >> 1)), 'CORRUPT', `cut-${name}`);
    }
  });
});

describe('bad inputs', () => {
  it('an empty file and a whitespace-only file are EMPTY', async () => {
    expect(failure(await readBytes('empty.txt', new Uint8Array()), 'EMPTY', 'empty.txt')).toContain('0 bytes');
    failure(await readBytes('blank.txt', Buffer.from(' \n\u3000\u3000\r\n\t')), 'EMPTY', 'blank.txt');
  });

  it('random bytes are BINARY', async () => {
    failure(await readBytes('noise.txt', randomBytes(4096)), 'BINARY', 'noise.txt');
    // No NUL at all: caught by the share of control characters instead.
    const noNul = randomBytes(2048).map((b) => (b === 0 ? 1 : b));
    failure(await readBytes('noise2.txt', noNul), 'BINARY', 'noise2.txt');
  });

  it('a UTF-8 text with NUL bytes in it is BINARY', async () => {
    const bytes = Buffer.concat([Buffer.from(plan2022.slice(0, 200)), Buffer.alloc(64), Buffer.from(plan2022.slice(200, 400))]);
    failure(await readBytes('nul.txt', bytes), 'BINARY', 'nul.txt');
  });

  it('a PNG is UNSUPPORTED_TYPE and says it looks like a PNG image', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]);
    expect(failure(await readBytes('scan.txt', png), 'UNSUPPORTED_TYPE', 'scan.txt')).toContain('PNG image');
  });

  it('a ZIP that is not a Word document is UNSUPPORTED_TYPE, and names an Excel workbook', async () => {
    const zip = (inner: string): Buffer => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26, 1), Buffer.from(inner), randomBytes(64)]);
    expect(failure(await readBytes('data.zip', zip('notes/readme.txt')), 'UNSUPPORTED_TYPE', 'data.zip')).toContain('ZIP archive');
    expect(failure(await readBytes('指标.xlsx', zip('xl/workbook.xml')), 'UNSUPPORTED_TYPE', '指标.xlsx')).toContain('Excel');
  });

  it('a damaged legacy Word file and a fake PDF are CORRUPT', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('WordDocument', 'utf16le'), randomBytes(1024)]);
    failure(await readBytes('old.doc', ole), 'CORRUPT', 'old.doc');
    failure(await readBytes('fake.pdf', Buffer.from('%PDF-1.7\nthis is not a pdf\n')), 'CORRUPT', 'fake.pdf');
  });

  it('a missing path is NOT_FOUND', async () => {
    const path = join(tmp, 'no-such-plan.txt');
    expect(failure(await readFile(path), 'NOT_FOUND', path)).toContain('does not exist');
  });

  it('a directory is UNREADABLE', async () => {
    const path = join(tmp, 'a-folder.docx');
    await mkdir(path);
    expect(failure(await readFile(path), 'UNREADABLE', path)).toContain('folder');
  });

  it('a file over the limit is TOO_LARGE, from stat alone', async () => {
    const path = join(tmp, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 51 * 1024 * 1024); // sparse: no 51 MiB written
    expect(failure(await readFile(path), 'TOO_LARGE', path)).toContain('51 MiB');
  });

  it('bytes over the limit are TOO_LARGE too', async () => {
    failure(await readBytes('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1)), 'TOO_LARGE', 'huge.txt');
  });

  it('readFile names the document by its basename and reads it like readBytes', async () => {
    const path = join(tmp, 'plan-gbk.txt');
    await writeFile(path, iconv.encode(plan2022, 'gbk'));
    expect(source(await readFile(path))).toEqual({ name: 'plan-gbk.txt', format: 'txt', encoding: 'GB18030', text: plan2022 });
  });
});

describe('PDF text-layer spacing', () => {
  it('drops the spaces pdf.js puts between Chinese characters and numbers, keeping Latin spacing', async () => {
    const { joinCjkRuns } = await import('../../src/ingest/read/pdf.ts');
    expect(joinCjkRuns('开封市卫健委员会 2022 年工作计划')).toBe('开封市卫健委员会2022年工作计划');
    expect(joinCjkRuns('5G+ 远程医疗 and 120 急救')).toBe('5G+ 远程医疗 and 120急救');
  });
});
