// The progress line while files are read: on a terminal only, never in a
// pipe or CI, and erased before anything else is printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const WEEKS = [
  'fixtures/monitoring-2025-12-21.csv',
  'fixtures/monitoring-2025-12-28.csv',
  'fixtures/monitoring-2026-01-11.csv',
];
const FILES = ['--headcounts', 'fixtures/headcounts.csv', '--monitoring', ...WEEKS];
const WITH_BAD_WEEK = [...FILES, 'fixtures/errors/bad-count.csv'];
// Drawn at once instead of after a second, so that these small inputs would show it.
const AT_ONCE = { SFERUM_KPI_PROGRESS_DELAY_MS: '0' };
const LINE = /чтение файлов|reading files/;

/** Runs the CLI with stderr on a pseudo-terminal (script(1)); stdout goes to /dev/null. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const command = [process.execPath, BIN, ...args].join(' ');
  const result = spawnSync('script', ['-qec', `${command} >/dev/null`, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return result.stdout;
}

const hasScript = existsSync('/usr/bin/script');

describe('progress while reading', () => {
  it('never appears when stderr is a pipe', () => {
    for (const args of [
      ['compute', ...FILES],
      ['trend', ...FILES, '--format', 'csv'],
      ['validate', ...FILES],
      ['compute', '--lang', 'en', ...WITH_BAD_WEEK],
    ]) {
      const result = runCli(args, { env: { ...AT_ONCE, CI: '' } });
      expect(result.stderr).not.toMatch(LINE);
      expect(result.stderr).not.toContain('\r');
      expect(result.stderr).not.toContain('\u001b[');
    }
  });

  it.skipIf(!hasScript)('counts the files on a terminal and erases itself', () => {
    const text = onTerminal(['compute', ...FILES], { ...AT_ONCE, CI: '' });
    expect(text).toContain('чтение файлов: 1 из 4…');
    expect(text).toContain('чтение файлов: 3 из 4…');
    // Erased before the warnings: the last drawn line is followed by an erase.
    const last = text.lastIndexOf('чтение файлов');
    const erase = text.indexOf('\r\u001b[2K', last);
    expect(erase).toBeGreaterThan(last);
    expect(text.indexOf('предупреждение')).toBeGreaterThan(erase);
  });

  it.skipIf(!hasScript)('speaks English with --lang en, and is erased before an error', () => {
    const text = onTerminal(['compute', '--lang', 'en', ...WITH_BAD_WEEK], { ...AT_ONCE, CI: '' });
    expect(text).toContain('reading files: 1 of 5…');
    const erase = text.lastIndexOf('\r\u001b[2K');
    expect(text.indexOf('error: ')).toBeGreaterThan(erase);
    expect(text).toContain('bad-count.csv');
  });

  it.skipIf(!hasScript)('stays silent on a terminal in CI', () => {
    const text = onTerminal(['compute', ...FILES], { ...AT_ONCE, CI: 'true' });
    expect(text).toContain('предупреждение');
    expect(text).not.toMatch(LINE);
  });
});
