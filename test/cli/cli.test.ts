import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'plantrace-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plantrace(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/plantrace.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLANTRACE_DATA: join(dir, 'data'), CI: '1', ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function stats() {
  const r = plantrace(['stats', '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { nodes: Record<string, number>; relationships: Record<string, number> };
}

describe('the plantrace command', () => {
  it('ingests the seeds, and a second ingest leaves every count as it was', () => {
    const first = plantrace(['ingest', 'seeds']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Ingested 5 document\(s\)/);
    const before = stats();
    expect(before.nodes.Document).toBe(5);
    const second = plantrace(['ingest', 'seeds']);
    expect(second.out).toMatch(/Ingested 0 document\(s\).*5 unchanged/);
    expect(stats()).toEqual(before);
  });

  it('refuses a missing path with a clear message, a non-zero exit, and writes nothing', () => {
    const before = stats();
    const r = plantrace(['ingest', 'seeds/000_d0de7db37b98f3f9.txt', 'nope/missing.docx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No such file or folder: nope/missing.docx. Nothing was ingested.');
    expect(stats()).toEqual(before);
  });

  it('names the setting when configuration is bad', () => {
    const r = plantrace(['serve'], { PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plantrace: Invalid PORT="eighty": /);
  });

  it('has help for every command', () => {
    for (const cmd of ['ingest', 'serve', 'start', 'stats', 'reset', 'inspect']) {
      const r = plantrace([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: plantrace ${cmd}`);
    }
  });

  it('inspects a file without writing, and resets the store', () => {
    const r = plantrace(['inspect', 'seeds/003_d499b532073839b7.txt']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('临川区 › 抚州市 › 江西省');
    expect(r.out).toContain('numbering-repeat');
    const json = JSON.parse(plantrace(['inspect', '--json', 'seeds/002_bf6091a721eff7e0.txt']).out);
    expect(json.description.kind).toBe('FIVE_YEAR_PLAN');
    expect(json.tables[0].rows).toHaveLength(24);
    expect(json.boxes).toHaveLength(9);
    // The facts of every statement, by its id (a Map printed as {} before).
    expect(Object.keys(json.facts)).toHaveLength(json.statements.length);
    expect(json.facts[json.statements[0].id].statementId).toBe(json.statements[0].id);
    expect(plantrace(['reset']).code).toBe(0);
    expect(stats().nodes.Document).toBe(0);
  });
});
