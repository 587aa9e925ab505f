// Hostile files that would take unbounded time or memory without the limits
// of src/input/table.ts: each is a clear exit-2 error. The files are made
// here, in a temporary directory (tens of megabytes are never committed), and
// the binary runs in a bounded heap: running out of it would be exit 134.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/input/table.js';
import { FIXTURES, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { HEADCOUNTS_HEADER, MONITORING_HEADER } from './inputs.js';

const MB = 1024 * 1024;
// Files are read in chunks and a record stops at LIMITS.recordChars, so the
// heap does not grow with the file: 96 MB bounds every case here, 50 MB ones
// included.
const HEAP = { NODE_OPTIONS: '--max-old-space-size=96' };
const limit = String(LIMITS.recordChars);

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(kind: 'monitoring' | 'headcounts', name: string, content: string) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const result = runCli(
    [
      'compute',
      '--monitoring',
      kind === 'monitoring' ? file : join(FIXTURES, 'monitoring-2026-01-11.csv'),
      '--headcounts',
      kind === 'headcounts' ? file : join(FIXTURES, 'headcounts.csv'),
      '--lang',
      'en',
    ],
    { env: HEAP },
  );
  rmSync(file);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(2);
  return { file, stderr: result.stderr };
}

describe('limits on hostile files', () => {
  it('a line of 50 million characters (100 MB) without a line break is cell-too-long at its line', () => {
    const { file, stderr } = run(
      'headcounts',
      'long-line.csv',
      `${HEADCOUNTS_HEADER}\nг. Кызыл,ОО,${'Кызыл'.repeat(10 * MB)}`,
    );
    expect(stderr).toContain(`error: ${file}:2: a record is longer than ${limit} characters`);
  });

  it('a 50 MB file that is one line with no delimiter is cell-too-long at line 1', () => {
    const { file, stderr } = run('monitoring', 'one-line.csv', 'x'.repeat(50 * MB));
    expect(stderr).toContain(`error: ${file}:1: a record is longer than ${limit} characters`);
  });

  it('a quoted cell of 5 MB that does close is cell-too-long at the line it starts on', () => {
    const { file, stderr } = run(
      'headcounts',
      'long-cell.csv',
      `${HEADCOUNTS_HEADER},Организация\nг. Кызыл,ОО,1,2,"${'МБОУ\n'.repeat(MB)}"\n`,
    );
    expect(stderr).toContain(`error: ${file}:2: a record is longer than ${limit} characters`);
  });

  it('a quote opened on line 2 and never closed, in a long file, is named at line 2', () => {
    const row = 'г. Кызыл,ОО,25,100\n';
    const { file, stderr } = run(
      'headcounts',
      'open-quote.csv',
      `${HEADCOUNTS_HEADER}\n"г. Кызыл,ОО,25,100\n${row.repeat(200_000)}`,
    );
    expect(stderr).toContain(`error: ${file}:2: a record is longer than ${limit} characters`);
    expect(stderr).toContain('unclosed quote');
  });

  it('a quote never closed in a short file is a CSV syntax error at its line', () => {
    const { file, stderr } = run(
      'headcounts',
      'open-quote-short.csv',
      `${HEADCOUNTS_HEADER}\nг. Кызыл,ОО,25,100\n"Кызылский кожуун,ОО,25,100\n`,
    );
    expect(stderr).toContain(
      `error: ${file}:3: CSV syntax error: a quote is opened and never closed`,
    );
  });

  it('a header of two million columns is too-many-columns', () => {
    const { file, stderr } = run(
      'headcounts',
      'wide-header.csv',
      `${HEADCOUNTS_HEADER},${'c,'.repeat(2_000_000)}c\nг. Кызыл,ОО,25,100\n`,
    );
    expect(stderr).toContain(
      `error: ${file}:1: the header has more than ${LIMITS.columns} columns`,
    );
  });

  it('a row of two million cells is a field count error at its line, not a quote', () => {
    const { file, stderr } = run(
      'monitoring',
      'wide-row.csv',
      `${MONITORING_HEADER}\nг. Кызыл,ОО,1,2,3,0,5\n${'1,'.repeat(2_000_000)}1\n`,
    );
    expect(stderr).toMatch(
      new RegExp(`error: ${file}:3: the row has \\d+ cells but the header has 7`),
    );
    expect(stderr).not.toContain('unclosed quote');
  });
});
