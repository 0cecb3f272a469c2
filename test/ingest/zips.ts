// Hand-made ZIP archives for the reader's limit tests: honest ones, zip bombs
// and archives whose headers lie. No zip library writes a lying archive, and
// the bombs must never exist inflated (not even in the test), so the bytes are
// laid out here, following PKWARE's APPNOTE (local header, data, central
// directory, end record).
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  readonly name: string;
  /** The bytes as stored in the archive: raw deflate for method 8. */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The inflated size both headers declare: an honest part declares what it holds. */
  readonly size: number;
  readonly crc: number;
}

/** A part compressed the ordinary way, declaring its true size and CRC. */
export function deflated(name: string, content: string | Uint8Array): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

/**
 * A part that inflates to `head`, then `body` `times` over, then `tail`,
 * built without ever holding the inflated bytes: `body` is deflated once
 * after a full flush (a block that refers to nothing before it) and that
 * block is repeated. A 1 MiB body of repeated paragraphs deflates to under
 * 4 KiB, so 300 MiB of document.xml costs about 1 MiB here. The CRC is left 0: no
 * reader here checks it, and computing it would mean producing every byte.
 */
export function bomb(
  name: string,
  parts: { head: string; body: string; times: number; tail: string },
  /** A size to declare instead of the true one: a lying archive. */
  declared?: number,
): ZipPart {
  const flushed = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(parts.body);
  const data = Buffer.concat([
    flushed(parts.head),
    ...Array<Buffer>(parts.times).fill(block),
    deflateRawSync(Buffer.from(parts.tail, 'utf8')),
  ]);
  const size = Buffer.byteLength(parts.head) + Buffer.byteLength(parts.body) * parts.times + Buffer.byteLength(parts.tail);
  return { name, data, method: 8, size: declared ?? size, crc: 0 };
}

/** The archive: every part's local header and data, then the central directory. */
export function zip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(p.method, 10);
    entry.writeUInt32LE(p.crc, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(p.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength));
    central.push(entry, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** The smallest set of parts mammoth reads as a Word document, around `documentXml`. */
export function docxParts(documentXml: ZipPart): ZipPart[] {
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    documentXml,
  ];
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>`;
export const DOCUMENT_TAIL = '</w:body></w:document>';

/** document.xml holding these paragraphs. */
export function documentXml(paragraphs: readonly string[]): string {
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  return `${DOCUMENT_HEAD}${paragraphs.map(p).join('')}${DOCUMENT_TAIL}`;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
