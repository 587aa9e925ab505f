// The guard itself, for any text: a cell never starts with a character a
// spreadsheet reads as a formula, and nothing but the apostrophe is added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/report/csv.js';
import { safeCell } from '../../src/report/csv-safety.js';
import { runs } from '../property/runs.js';

const risky = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string())
  .map(([first, rest]) => first + rest);

describe('safeCell', () => {
  it('prefixes text that starts with = + - @ tab or CR, and leaves other text alone', () => {
    fc.assert(
      fc.property(fc.oneof(risky, fc.string()), (text) => {
        const cell = safeCell(text);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === text || cell === `'${text}`).toBe(true);
        expect(cell === text).toBe(!/^[=+\-@\t\r]/.test(text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('leaves numbers as numbers in the CSV, negative ones included', () => {
    expect(writeCsv([['-Хем', -1.5, 3]], { excel: false })).toBe("'-Хем,-1.5,3\n");
    expect(writeCsv([['=1+1', 2.5]], { excel: true })).toBe("\ufeff'=1+1;2,5\r\n");
  });
});
