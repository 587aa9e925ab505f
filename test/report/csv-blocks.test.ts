// A CSV written in blocks of rows is the CSV of all the rows at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeCsvBlocks } from '../../src/report/csv.js';
import { runs } from '../property/runs.js';

const cell = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: fc.constantFrom('a', 'б', ',', ';', '"', '\n', '\r', ' ', '=', '-') }),
);
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 });

describe('writeCsvBlocks', () => {
  it('gives the text of writeCsv over the rows of every block, with and without --excel', () => {
    fc.assert(
      fc.property(fc.array(rows, { maxLength: 5 }), fc.boolean(), (blocks, excel) => {
        expect(writeCsvBlocks(blocks, { excel })).toBe(writeCsv(blocks.flat(), { excel }));
      }),
      { numRuns: runs(300) },
    );
  });

  it('starts an --excel file with one BOM, however many blocks', () => {
    const text = writeCsvBlocks([[['a', 1.5]], [['b', 2]]], { excel: true });
    expect(text).toBe('\ufeffa;1,5\r\nb;2\r\n');
  });
});
