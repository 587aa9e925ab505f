// Safe output: --out is written whole or not at all and never over an input;
// a closed pipe ends the run quietly; a full pipe gets every byte; the same
// inputs give the same bytes.
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { runShell, writeManyMunicipalities } from './inputs.js';

// 1000 municipalities: about 1.2 MB of JSON, far more than a pipe holds (64 KB).
let big: { headcounts: string; monitoring: string };
beforeAll(() => {
  big = writeManyMunicipalities(tempDir(), 1000);
});

function compute(inputs: { headcounts: string; monitoring: string }, ...extra: string[]) {
  return [
    'compute',
    '--monitoring',
    inputs.monitoring,
    '--headcounts',
    inputs.headcounts,
    '--lang',
    'en',
    ...extra,
  ];
}

describe('--out', () => {
  it('writes what stdout would show, and leaves no temporary file behind', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const written = runCli(compute(big, '--format', 'json', '--out', out));
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const printed = runShell(`$CLI ${compute(big, '--format', 'json').join(' ')} > ${dir}/printed`);
    expect(printed.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'printed'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['printed', 'report.json']);
  });

  it('keeps the old file, and leaves no temporary file, when the write fails half-way', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'the report of last week\n');
    // A 64 KB file size limit: the 1.2 MB report fails part-way through the write.
    const result = runShell(
      `ulimit -f 64; $CLI ${compute(big, '--format', 'json', '--out', out).join(' ')}`,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: .*report\.json: cannot write the file: EFBIG/m);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('the report of last week\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('fails with exit 2 and writes nothing when the target is a directory or its folder is missing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'report.csv'));
    for (const out of [join(dir, 'report.csv'), join(dir, 'missing', 'report.csv')]) {
      const result = runCli(compute(big, '--format', 'csv', '--out', out));
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^error: .*report\.csv: cannot write the file/m);
    }
    expect(readdirSync(dir)).toEqual(['report.csv']);
    expect(readdirSync(join(dir, 'report.csv'))).toEqual([]);
  });

  it('replaces a file in place: its permissions stay, and a symlink still points to it', () => {
    const dir = tempDir();
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(real, 'old\n');
    chmodSync(real, 0o640);
    symlinkSync(real, link);
    const result = runCli(compute(big, '--format', 'csv', '--out', link));
    expect(result.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^municipality,/);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('writes into a device as it is (--out /dev/null)', () => {
    const result = runCli(compute(big, '--format', 'csv', '--out', '/dev/null'));
    expect(result.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('--out never writes over an input', () => {
  let dir: string;
  let inputs: { headcounts: string; monitoring: string };
  beforeAll(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FIXTURES, 'headcounts.csv'), join(dir, 'headcounts.csv'));
    copyFileSync(join(FIXTURES, 'monitoring-2025-12-28.csv'), join(dir, 'monitoring.csv'));
    symlinkSync(join(dir, 'headcounts.csv'), join(dir, 'symlink.csv'));
    linkSync(join(dir, 'monitoring.csv'), join(dir, 'hardlink.csv'));
    inputs = { headcounts: 'headcounts.csv', monitoring: 'monitoring.csv' };
  });

  it.each([
    ['the same name', 'headcounts.csv', 'headcounts.csv'],
    ['a ./ path', './headcounts.csv', 'headcounts.csv'],
    ['a path through ..', 'sub/../monitoring.csv', 'monitoring.csv'],
    ['an absolute path', '<dir>/monitoring.csv', 'monitoring.csv'],
    ['a symlink to an input', 'symlink.csv', 'headcounts.csv'],
    ['a hard link to an input', 'hardlink.csv', 'monitoring.csv'],
  ])('refused for %s', (_, out, input) => {
    const before = readFileSync(join(dir, input));
    const listing = readdirSync(dir).sort();
    const result = runCli(compute(inputs, '--format', 'csv', '--out', out.replace('<dir>', dir)), {
      cwd: dir,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out names one of the input files/);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readFileSync(join(dir, input)).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('a pipe', () => {
  it.each(['json', 'csv', 'table'])(
    'closed early (| head -3) ends the run with exit 0 and nothing on stderr (%s)',
    (format) => {
      const result = runShell(
        `$CLI ${compute(big, '--format', format).join(' ')} | head -3; echo "exit \${PIPESTATUS[0]}"`,
      );
      const lines = result.stdout.split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[3]).toBe('exit 0');
      expect(result.stderr).toBe('');
    },
  );

  it('read slowly still gets every byte of a large output', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    expect(runCli(compute(big, '--format', 'json', '--out', out)).status).toBe(0);
    const result = runShell(
      `$CLI ${compute(big, '--format', 'json').join(' ')} | (sleep 1; cat) > ${dir}/piped.json; echo "exit \${PIPESTATUS[0]}"`,
    );
    expect(result.stdout).toBe('exit 0\n');
    // Compared as text: a deep comparison of megabyte buffers takes vitest minutes.
    expect(readFileSync(join(dir, 'piped.json'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('to a full disk (> /dev/full) is an error, exit 2, not a silent success', () => {
    const result = runShell(`$CLI ${compute(big, '--format', 'json').join(' ')} > /dev/full`);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: <stdout>: cannot write the file: /m);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe('the same inputs', () => {
  const fixtures = {
    headcounts: join(FIXTURES, 'headcounts.csv'),
    monitoring: join(FIXTURES, 'monitoring-2026-01-11.csv'),
  };

  it.each(['table', 'csv', 'json'])('give byte-identical output, run after run (%s)', (format) => {
    const first = runCli(compute(fixtures, '--format', format));
    const second = runCli(compute(fixtures, '--format', format));
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
  });

  it('written with --out twice are the same bytes, the Excel CSV included', () => {
    const dir = tempDir();
    for (const name of ['a.csv', 'b.csv'])
      expect(
        runCli(compute(fixtures, '--excel', '--format', 'csv', '--out', join(dir, name))).status,
      ).toBe(0);
    expect(readFileSync(join(dir, 'b.csv')).equals(readFileSync(join(dir, 'a.csv')))).toBe(true);
  });
});
