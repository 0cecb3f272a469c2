// Reference rates the ingest figures are divided by, measured in the same run
// on the same texts: what the segmenter alone and the store alone can do.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lbug from '@ladybugdb/core';
import { jieba } from '../src/ingest/segment.ts';

/** Enough text for a steady rate without making the 1000× run much longer. */
const SEGMENT_SAMPLE_BYTES = 24 * 2 ** 20;
const INSERT_SAMPLE_DOCS = 500;

/** Raw jieba segmentation (`cut`, the default mode) over the texts, MB/s (MB = 2^20 bytes). */
export function rawSegmentationRate(texts: readonly string[]): number {
  const j = jieba();
  j.cut('预热分词器');
  let bytes = 0;
  const started = performance.now();
  for (const text of texts) {
    j.cut(text);
    bytes += Buffer.byteLength(text);
    if (bytes >= SEGMENT_SAMPLE_BYTES) break;
  }
  return bytes / 2 ** 20 / ((performance.now() - started) / 1000);
}

/**
 * The store's raw batched insert rate: each document's sentences as plain rows
 * (id, doc, ord, text), one `UNWIND $rows CREATE` and one transaction per
 * document, like ingest, into a scratch on-disk LadybugDB. Rows per second.
 */
export async function rawInsertRate(texts: readonly string[], dir: string): Promise<{ rowsPerSec: number; rows: number }> {
  mkdirSync(dir, { recursive: true });
  const db = new lbug.Database(join(dir, 'raw.lbug'), 2 ** 28, true, false, 2 ** 36);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  const done = (r: lbug.QueryResult | lbug.QueryResult[]) => {
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  };
  try {
    done(await conn.query('CREATE NODE TABLE Raw(id STRING, doc STRING, ord INT64, text STRING, PRIMARY KEY (id))'));
    const insert = await conn.prepare('UNWIND $rows AS r CREATE (:Raw {id: r.id, doc: r.doc, ord: r.ord, text: r.text})');
    let rows = 0;
    const started = performance.now();
    for (const [d, text] of texts.slice(0, INSERT_SAMPLE_DOCS).entries()) {
      const batch = text
        .split(/[。；\n]/)
        .filter((l) => l.trim())
        .map((line, ord) => ({ id: `d${d}:${ord}`, doc: `d${d}`, ord, text: line }));
      if (!batch.length) continue;
      done(await conn.query('BEGIN TRANSACTION'));
      done(await conn.execute(insert, { rows: batch }));
      done(await conn.query('COMMIT'));
      rows += batch.length;
    }
    return { rowsPerSec: rows / ((performance.now() - started) / 1000), rows };
  } finally {
    await conn.close();
    await db.close();
  }
}
