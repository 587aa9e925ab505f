// File patterns for --monitoring, expanded by the tool when the shell did
// not (cmd.exe and PowerShell pass `monitoring-*.csv` on as it is).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPattern } from '../../src/input/patterns.js';
import { tempDir } from '../helpers/cli.js';

function folder(names: string[]): string {
  const dir = tempDir();
  for (const name of names) writeFileSync(join(dir, name), '');
  return dir;
}

describe('expandPattern', () => {
  it('expands * and ? in the file name, in name order', () => {
    const dir = folder([
      'monitoring-2025-12-28.csv',
      'monitoring-2025-09-21.csv',
      'monitoring-2025-12-07.csv',
      'headcounts.csv',
      'monitoring-2025-12-28.xlsx',
    ]);
    expect(expandPattern(join(dir, 'monitoring-*.csv'))).toEqual([
      join(dir, 'monitoring-2025-09-21.csv'),
      join(dir, 'monitoring-2025-12-07.csv'),
      join(dir, 'monitoring-2025-12-28.csv'),
    ]);
    expect(expandPattern(join(dir, 'monitoring-2025-12-0?.csv'))).toEqual([
      join(dir, 'monitoring-2025-12-07.csv'),
    ]);
  });

  it('leaves hidden files out, as a shell does', () => {
    const dir = folder(['.monitoring-old.csv', 'monitoring.csv']);
    expect(expandPattern(join(dir, '*.csv'))).toEqual([join(dir, 'monitoring.csv')]);
  });

  it('keeps a path that exists, has no wildcard, or is -', () => {
    const dir = folder(['weird*name.csv']);
    expect(expandPattern(join(dir, 'weird*name.csv'))).toEqual([join(dir, 'weird*name.csv')]);
    expect(expandPattern(join(dir, 'missing.csv'))).toEqual([join(dir, 'missing.csv')]);
    expect(expandPattern('-')).toEqual(['-']);
  });

  it('keeps a pattern that matches nothing, so that reading it says so', () => {
    const dir = folder(['headcounts.csv']);
    expect(expandPattern(join(dir, 'monitoring-*.csv'))).toEqual([join(dir, 'monitoring-*.csv')]);
    expect(expandPattern(join(dir, 'no-such-folder', '*.csv'))).toEqual([
      join(dir, 'no-such-folder', '*.csv'),
    ]);
  });

  it('treats regular-expression characters in names as text', () => {
    const dir = folder(['m (1).csv', 'm 1.csv', 'm+1.csv']);
    expect(expandPattern(join(dir, 'm (*).csv'))).toEqual([join(dir, 'm (1).csv')]);
    expect(expandPattern(join(dir, 'm+?.csv'))).toEqual([join(dir, 'm+1.csv')]);
  });
});
