// Output in parts (a long trend CSV or JSON) is written as one text would be:
// whole to --out, or not at all.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/output.js';
import { tempDir } from '../helpers/cli.js';

describe('writeOutput in parts', () => {
  it('writes every part to --out, in order', () => {
    const dir = tempDir();
    const out = join(dir, 'trend.csv');
    writeOutput(['a,b\n', '1,2\n', '3,4\n'], out, []);
    expect(readFileSync(out, 'utf8')).toBe('a,b\n1,2\n3,4\n');
    expect(readdirSync(dir)).toEqual(['trend.csv']);
  });

  it('leaves the old file as it was when making a part fails', () => {
    const dir = tempDir();
    const out = join(dir, 'trend.csv');
    writeFileSync(out, 'old\n');
    function* parts() {
      yield 'new,';
      throw new Error('a renderer failed');
    }
    // A renderer's bug stays a bug (exit 3), not a failure to write (exit 2).
    expect(() => writeOutput(parts(), out, [])).toThrow('a renderer failed');
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['trend.csv']);
  });
});
