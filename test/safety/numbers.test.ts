// Counts too large to add up exactly: a cell of more than nine digits is an
// error, so no sum can pass 2^53 and print a number that is off by a few.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadInputs } from '../../src/input/load.js';
import { parseCount } from '../../src/input/values.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { runs } from '../property/runs.js';
import { HEADCOUNTS_HEADER, MONITORING_HEADER } from './inputs.js';

describe('counts that could not be added up exactly', () => {
  it('are refused above 999 999 999, however they are written', () => {
    expect(parseCount('999999999')).toBe(999_999_999);
    expect(parseCount('999 999 999')).toBe(999_999_999);
    expect(parseCount('0000000000042')).toBe(42);
    expect(parseCount('1000000000')).toBeNull();
    expect(parseCount('1 000 000 000')).toBeNull();
    expect(parseCount('9999999999999999')).toBeNull();
  });

  it('every count accepted is a safe integer, and ten thousand of them add up exactly', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (text) => {
        const value = parseCount(text);
        if (typeof value !== 'number') expect(BigInt(text)).toBeGreaterThan(999_999_999n);
        else {
          expect(value).toBe(Number(BigInt(text)));
          expect(Number.isSafeInteger(value * 10_000)).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('a ten-digit count in a file is bad-count at its line and column', () => {
    const dir = tempDir();
    const headcounts = join(dir, 'headcounts.csv');
    const monitoring = join(dir, 'monitoring.csv');
    writeFileSync(headcounts, `${HEADCOUNTS_HEADER}\nг. Кызыл,ОО,999999999,1\n`);
    writeFileSync(monitoring, `${MONITORING_HEADER}\nг. Кызыл,ОО,9999999999,0,0,0,1\n`);
    const error = (() => {
      try {
        loadInputs({ headcounts, monitoring: [monitoring], vocabulary: buildVocabulary() });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems).toEqual([
      expect.objectContaining({
        code: 'bad-count',
        file: monitoring,
        line: 2,
        column: 'Работники, пишущие сообщения',
        value: '9999999999',
      }),
    ]);
  });
});
