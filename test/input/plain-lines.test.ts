// Plain lines are split without csv-parse (lines.ts); everything else is
// csv-parse's. The two readings must never differ: every file, read with
// plain lines and read by csv-parse alone, gives the same records on the
// same lines, the same problems, the same counts, or the same error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemList, UserError } from '../../src/errors.js';
import { splitPlainLine } from '../../src/input/lines.js';
import { CHUNK_BYTES } from '../../src/input/source.js';
import { LIMITS, readTable } from '../../src/input/table.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { runs, TIMEOUT } from '../property/runs.js';

const vocabulary = buildVocabulary();
const HEADER =
  'Муниципалитет,ИНН,Наименование организации,Тип организации,Форма собственности,Численность работников,Численность обучающихся';

/** What a user could tell of one reading: rows with lines, problems, counts, or the error. */
function reading(file: string, plainLines: boolean) {
  const rows: [number, string[]][] = [];
  const problems = new ProblemList();
  try {
    const info = readTable(
      file,
      'headcounts',
      {},
      vocabulary,
      () => (cells, line) => rows.push([line, cells]),
      problems,
      plainLines,
    );
    return { info, rows, problems: problems.problems, more: problems.more };
  } catch (error) {
    if (error instanceof UserError) return { error: error.problems, rows };
    throw error;
  }
}

const dir = tempDir();
let files = 0;

function expectSameReading(bytes: string | Buffer) {
  const file = join(dir, `t${files++}.csv`);
  writeFileSync(file, bytes);
  const plain = reading(file, true);
  const parsed = reading(file, false);
  expect(plain).toEqual(parsed);
  return plain;
}

// Pieces a line is built of: every character that matters to CSV, and text.
const piece = fc.constantFrom(
  'Кызыл',
  'a',
  ' ',
  '',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '"x, y"',
  '"у ""Солнышко"""',
  '\r',
  '\n',
  '\r\n',
  '12',
  '1 234',
  'Итого',
);
const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('plain lines and csv-parse read a file alike', () => {
  it(
    'on files made of every character that matters to CSV',
    () => {
      fc.assert(
        fc.property(
          eol,
          fc.array(fc.tuple(line, eol), { maxLength: 12 }),
          fc.boolean(),
          (headerEnd, body, endsWithBreak) => {
            let text = HEADER + headerEnd;
            body.forEach(([l, e], i) => {
              text += l + (i < body.length - 1 || endsWithBreak ? e : '');
            });
            expectSameReading(text);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it(
    'on well-formed files of seven cells, with quotes where RFC 4180 needs them',
    () => {
      const cell = fc.oneof(
        fc.constantFrom('', ' ', 'г. Кызыл', 'ОО', '17', '1 234', '-', 'Итого'),
        fc.string({
          unit: fc.constantFrom('a', 'б', ',', '"', ' ', '\n', '\r\n', '№'),
          maxLength: 6,
        }),
      );
      const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
      fc.assert(
        fc.property(
          fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 10 }),
          fc.constantFrom('\n', '\r\n'),
          (rows, e) => {
            const text = [HEADER, ...rows.map((r) => r.map(quote).join(','))].join(e) + e;
            const read = expectSameReading(text);
            if (!('error' in read)) expect(read.rows.length).toBeLessThanOrEqual(rows.length);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    TIMEOUT,
  );

  it('on lines that straddle two chunks, whatever falls on the boundary', () => {
    // A megabyte of plain rows, then a row whose last cell starts near the end
    // of the first chunk: read with plain lines, it must read as csv-parse
    // reads the same rows without the megabyte before them.
    const tails = ['"МБОУ ""СОШ № 1"""', '"a\nb"', 'Кызыл', 'x"y', '\r', '"', ''];
    // The small file's reading as the big file's: lines moved down, the big file named.
    const shifted = (r: ReturnType<typeof reading>, by: number, file: string) =>
      JSON.parse(JSON.stringify(r), (key, value) =>
        key === 'line' && typeof value === 'number' ? value + by : key === 'file' ? file : value,
      );
    for (const e of ['\n', '\r\n']) {
      for (const tail of tails) {
        for (const shift of [-2, -1, 0, 1]) {
          const head = `${HEADER}${e}`;
          const row = `г. Кызыл,1,Школа,ОО,муниципальная,5,7${e}`;
          const filler = Math.floor(
            (CHUNK_BYTES - Buffer.byteLength(head) - 200) / Buffer.byteLength(row),
          );
          const before = 'г. Кызыл,1,';
          const after = ',ОО,муниципальная,5,';
          const pad =
            CHUNK_BYTES + shift - Buffer.byteLength(head + row.repeat(filler) + before + after);
          const last = `${before}${'ш'.repeat(Math.floor(pad / 2))}${pad % 2 ? 'x' : ''}${after}${tail}${e}${row}`;
          const big = join(dir, `t${files++}.csv`);
          writeFileSync(big, head + row.repeat(filler) + last);
          const small = join(dir, `t${files++}.csv`);
          writeFileSync(small, head + last);
          const plain = reading(big, true);
          const parsed = reading(small, false);
          expect(plain.rows.slice(filler)).toEqual(
            parsed.rows.map(([l, cells]) => [l + filler, cells]),
          );
          expect(plain.rows).toHaveLength(filler + parsed.rows.length);
          const { rows: _, info: __, ...rest } = shifted(parsed, filler, big);
          expect(plain).toMatchObject(rest);
        }
      }
    }
  });

  it('on a line longer than any record, and on a file that never ends a line', () => {
    const long = `${HEADER}\ng. Кызыл,1,${'ш'.repeat(LIMITS.recordChars)},ОО,муниципальная,5,7\n`;
    expect(expectSameReading(long)).toMatchObject({ error: [{ code: 'cell-too-long', line: 2 }] });
    const endless = `${HEADER}\n${'1,'.repeat(1_500_000)}`;
    expect(expectSameReading(endless)).toMatchObject({ error: [{ code: 'field-count', line: 2 }] });
  });

  it('on blank lines, first and last lines, and a file of only a header', () => {
    for (const text of [
      `\n\n${HEADER}\n\nг. Кызыл,1,Школа,ОО,муниципальная,5,7\n\n\n`,
      `\r\n${HEADER}\r\n\r\nг. Кызыл,1,Школа,ОО,муниципальная,5,7`,
      `${HEADER}`,
      `${HEADER}\n`,
      `${HEADER}\r`,
      `${HEADER}\rг. Кызыл,1,Школа,ОО,муниципальная,5,7\r`,
      `"Муниципалитет\n",ИНН\n`,
      `${HEADER}\n,,,,,,\n   \n`,
    ])
      expectSameReading(text);
  });
});

describe('splitPlainLine', () => {
  it('splits plain cells and cells quoted whole', () => {
    expect(splitPlainLine('a,,b,', ',')).toEqual(['a', '', 'b', '']);
    expect(splitPlainLine('"a, b","",x', ',')).toEqual(['a, b', '', 'x']);
    expect(splitPlainLine('"МБОУ ""СОШ № 1""";1', ';')).toEqual(['МБОУ "СОШ № 1"', '1']);
    expect(splitPlainLine('x,"""a"', ',')).toEqual(['x', '"a']);
    expect(splitPlainLine(',"a",', ',')).toEqual(['', 'a', '']);
  });

  it('leaves to csv-parse a quote inside a cell, text after a closing quote, and an open quote', () => {
    expect(splitPlainLine('a"b,c', ',')).toBeUndefined();
    expect(splitPlainLine('"a"b,c', ',')).toBeUndefined();
    expect(splitPlainLine('"a,b', ',')).toBeUndefined();
    expect(splitPlainLine('x,"a""', ',')).toBeUndefined();
  });
});
