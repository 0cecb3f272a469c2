// `plantrace export` as a user runs it: a real process on an on-disk store.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plantrace(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/plantrace.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLANTRACE_DATA: join(dir, 'data'), CI: '1' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('plantrace export', () => {
  beforeAll(() => {
    const r = plantrace(['ingest', 'seeds']);
    expect(r.code, r.err).toBe(0);
  }, 60_000);

  it('writes the neo4j layout, says what it wrote and where to read how to load it', () => {
    const r = plantrace(['export', '--format', 'neo4j', '--out', join(dir, 'neo4j')]);
    expect(r.code, r.err).toBe(0);
    const stats = JSON.parse(plantrace(['stats', '--json']).out) as { nodes: Record<string, number>; relationships: Record<string, number> };
    const manifest = JSON.parse(readFileSync(join(dir, 'neo4j', 'manifest.json'), 'utf8'));
    // Catches: the CLI exporting something other than the store it was pointed at.
    expect(manifest.nodes).toEqual(stats.nodes);
    expect(manifest.relationships).toEqual(stats.relationships);
    const nodes = Object.values(stats.nodes).reduce((a, b) => a + b, 0);
    const rels = Object.values(stats.relationships).reduce((a, b) => a + b, 0);
    expect(r.out).toContain(`Exported ${nodes} nodes and ${rels} relationships`);
    expect(r.out).toContain('README.txt');
  });

  it('refuses a bad format, naming the option, and writes nothing', () => {
    const r = plantrace(['export', '--format', 'xlsx', '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('plantrace: --format must be one of ndjson, csv, neo4j');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('refuses an output folder that holds files, in one line', () => {
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'x'), '');
    const r = plantrace(['export', '--format', 'csv', '--out', join(dir, 'taken')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plantrace: .*taken already holds files; give --out a new or empty folder \(nothing was written\)\.\n$/);
  });

  it('has help', () => {
    const r = plantrace(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: plantrace export');
    expect(r.out).toContain('--format <format>');
  });
});
