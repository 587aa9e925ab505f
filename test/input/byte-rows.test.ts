// Rows read from their bytes (row-scan.ts, by WebAssembly) must be read
// exactly as the cell reading reads them: the module takes the lines a
// line-by-line reading of plain lines would take, and every generated file,
// read with and without the byte reading, gives the same groups, sums,
// warnings and problems — and the byte reading must actually take most clean
// rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  readHeadcountFile,
  readMonitoringFile,
  rowReading,
  SCAN_FROM_BYTES,
} from '../../src/input/file-reader.js';
import { splitPlainLine } from '../../src/input/lines.js';
import { scanFile } from '../../src/input/row-scan.js';
import { parseCount } from '../../src/input/values.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { runs, TIMEOUT } from '../property/runs.js';

const vocabulary = buildVocabulary();

describe('the WebAssembly reading takes the lines a line-by-line reading takes', () => {
  const piece = fc.constantFrom(
    'Кызыл',
    'a',
    '',
    ',',
    '"',
    '""',
    '"x, y"',
    '\r',
    '\n',
    '12',
    '007',
    '7',
  );
  const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const LF = 0x0a;

  /**
   * The cells of a line the byte reading may take: a plain line (lines.ts
   * splits it) of `width` cells without a carriage return, whose cells
   * `read` are not quoted; undefined for any other line.
   */
  function plainCells(text: string, width: number, read: number[]): string[] | undefined {
    if (text.includes('\r')) return undefined;
    const cells = splitPlainLine(text, ',');
    if (!cells || cells.length !== width) return undefined;
    // Where each cell stands in the line: quoted whole, or without a quote.
    let at = 0;
    for (const [i, cell] of cells.entries()) {
      const quoted = text[at] === '"';
      if (quoted && read.includes(i)) return undefined;
      at += (quoted ? cell.length + 2 + (cell.match(/"/g)?.length ?? 0) : cell.length) + 1;
    }
    return cells;
  }

  /**
   * The rows a line-by-line reading takes before the first it does not: the
   * line found by its line break (without its carriage return in a CRLF
   * file), not empty nor over `maxLine` bytes, plain, with a count as
   * parseCount reads plain digits in its second cell and a name in its first
   * that is not "7".
   */
  function lineByLine(bytes: Buffer, crlf: boolean, width: number, maxLine: number) {
    const taken: [string, number][] = [];
    let start = 0;
    for (let end = bytes.indexOf(LF, start); end >= 0; end = bytes.indexOf(LF, start)) {
      let stop = end;
      if (crlf) {
        if (stop === start || bytes[stop - 1] !== 0x0d) break;
        stop--;
      }
      if (stop === start || stop - start > maxLine) break;
      const cells = plainCells(bytes.toString('utf8', start, stop), width, [0, 1]);
      if (!cells) break;
      const [name = '', text = ''] = cells;
      if (!/^0*\d{1,9}$/.test(text) || name === '7') break;
      taken.push([name, parseCount(text) as number]);
      start = end + 1;
    }
    return { next: start, taken };
  }

  it('on lines of every character that matters, LF or CRLF, up to a refused or unfinished line', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 14 }),
        (lines, crlf, finished, width, maxLine) => {
          const eol = crlf ? '\r\n' : '\n';
          const bytes = Buffer.from(lines.join(eol) + (finished ? eol : ''));
          const expected = lineByLine(bytes, crlf, width, maxLine);
          // One group per name, numbered as the names first come.
          const names: string[] = [];
          const firstLines: number[] = [];
          const scan = scanFile(width, ',', [1], [0], 0, maxLine, {
            word: (_, text) => (text === '7' ? null : text),
            group: (name, _type, _week, _oktmo, _private, line) => {
              if (!names.includes(name)) {
                names.push(name);
                firstLines.push(line);
              }
              return names.indexOf(name);
            },
            preschool: () => false,
          });
          if (!scan) throw new Error('dist/row-scan.wasm did not load');
          const run = scan.lines(bytes, 0, crlf, 5, 0);
          const result = scan.finish(names.length);
          expect(run).toEqual({ next: expected.next, lines: expected.taken.length });
          expect(result.rows).toBe(expected.taken.length);
          names.forEach((name, i) => {
            const rows = expected.taken.filter(([n]) => n === name);
            const at = i * result.width;
            expect(result.sums[at]).toBe(rows.reduce((sum, [, count]) => sum + count, 0));
            expect(result.sums[at + result.width - 1]).toBe(rows.length);
            // A group is asked for on its first row; lines count on from the first's.
            expect(firstLines[i]).toBe(5 + expected.taken.findIndex(([n]) => n === name));
          });
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});

// Cells of generated exports: mostly good, so that most rows are clean, and
// every kind of cell the byte reading must leave to the cell reading.
function cell(good: string[], bad: string[]) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 24 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );
}
const municipality = cell(
  ['г. Кызыл', 'Тоджинский кожуун', 'Кызылский кожуун', ' Тоджинский кожуун '],
  ['', '  ', 'Итого', 'ИТОГО:', 'Всего по региону', '"г. Кызыл"', 'Кызыл"ский'],
);
const oktmo = cell(['93701000', '93 701 000', ''], [' ', '"93701000"']);
const name = cell(
  ['МБОУ СОШ № 1', 'Школа, филиал', 'ГАУ ДПО ""Институт""'],
  // A stray quote: csv-parse reads the rest of the file.
  ['', 'Итого', 'a"b', 'МБОУ "СОШ № 2"'],
);
const orgType = cell(
  ['ОО', 'школа', 'ДОО', 'детский сад', 'СПО', 'УДО', 'ОМСУ', 'РОИВ'],
  ['завод', ''],
);
const ownership = cell(
  ['муниципальная', 'государственная', 'муниципальная', 'государственная', 'частная', ' Частная '],
  [''],
);
const week = cell(
  ['28.12.2025', '2025-12-28', '22.12.2025–28.12.2025'],
  ['31.02.2025', '', 'неделя'],
);
const countBad = ['', '-', '—', ' 42 ', '1 234', '12 34', '1.5', '1234567890', 'н/д'];
const count = cell(['0', '7', '12', '40', '007'], countBad);
/** Users in all, mostly more than the VK users of the row. */
const users = cell(['40', '1234', '5000', '0012345', '5'], countBad);

const MONITORING_COLUMNS: [string, fc.Arbitrary<string>, boolean][] = [
  ['Муниципалитет', municipality, true],
  ['ОКТМО', oktmo, false],
  ['Наименование организации', name, false],
  ['Тип организации', orgType, true],
  ['Форма собственности', ownership, false],
  ['Неделя', week, false],
  ['Работники, пишущие сообщения', count, true],
  ['Обучающиеся, активные', count, true],
  ['Родители, активные', count, true],
  ['Пользователи в VK Мессенджере', count, true],
  ['Пользователи, всего', users, true],
];
const HEADCOUNT_COLUMNS: [string, fc.Arbitrary<string>, boolean][] = [
  ['Муниципалитет', municipality, true],
  ['ОКТМО', oktmo, false],
  ['Наименование организации', name, false],
  ['Тип организации', orgType, true],
  ['Форма собственности', ownership, false],
  ['Численность работников', count, true],
  ['Численность обучающихся', count, true],
];

/** A cell as an export writes it: quoted when it must be, or now and then anyway. */
function written(text: string, delimiter: string, quote: boolean): string {
  const must = text.includes(delimiter) || text.includes('\n');
  // Texts with a quote of their own are written raw: a stray quote the cell reading decides on.
  if (text.includes('"') && !text.startsWith('""'))
    return must ? `"${text.replaceAll('"', '""')}"` : text;
  return must || quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A generated export of the given columns (in any order, optional ones may be missing). */
function exportOf(columns: [string, fc.Arbitrary<string>, boolean][]) {
  return fc
    .record({
      order: fc.shuffledSubarray(columns, { minLength: columns.length }),
      keep: fc.array(fc.boolean(), { minLength: columns.length, maxLength: columns.length }),
      delimiter: fc.constantFrom(',', ';', '\t'),
      eol: fc.constantFrom('\n', '\r\n'),
      endsWithEol: fc.boolean(),
    })
    .chain(({ order, keep, delimiter, eol, endsWithEol }) => {
      const chosen = order.filter(([, , required], i) => required || keep[i]);
      const row = fc.tuple(...chosen.map(([, arbitrary]) => arbitrary));
      const line = fc.oneof(
        {
          arbitrary: fc.tuple(
            row,
            fc.array(rarely, { minLength: chosen.length, maxLength: chosen.length }),
          ),
          weight: 60,
        },
        { arbitrary: fc.constantFrom('', 'a,b', ';;;', '"unclosed'), weight: 1 },
      );
      return fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => {
        const header = chosen.map(([title]) => written(title, delimiter, false)).join(delimiter);
        const body = lines.map((l) =>
          typeof l === 'string'
            ? l
            : l[0].map((text, i) => written(text, delimiter, l[1][i] ?? false)).join(delimiter),
        );
        return [header, ...body].join(eol) + (endsWithEol ? eol : '');
      });
    });
}

/** Cells quoted though they need not be: now and then. */
const rarely = fc.integer({ min: 0, max: 15 }).map((n) => n === 0);

const dir = tempDir();
let files = 0;
let fromBytes = 0;
let rows = 0;

/** Clean rows from their bytes (by WebAssembly, in a file of any size), or every row as cells. */
function readingFor(byteRows: boolean) {
  return rowReading(vocabulary, { scanFromBytes: byteRows ? 0 : Number.POSITIVE_INFINITY });
}

function readBothWays(text: string, read: typeof readMonitoringFile | typeof readHeadcountFile) {
  const file = join(dir, `b${files++}.csv`);
  writeFileSync(file, text);
  const attempt = (byteRows: boolean) => {
    const reading = readingFor(byteRows);
    try {
      const result = read(file, {}, reading);
      return { result, fromBytes: reading.rowsFromBytes };
    } catch (error) {
      if (error instanceof UserError) return { error: error.problems, fromBytes: 0 };
      throw error;
    }
  };
  const cells = attempt(false);
  const bytes = attempt(true);
  expect(cells.fromBytes).toBe(0);
  expect(bytes.result ?? bytes.error).toEqual(cells.result ?? cells.error);
  fromBytes += bytes.fromBytes;
  rows += bytes.result?.summary.rows ?? 0;
}

/**
 * The byte reading took a good share of the rows: about a fifth at the
 * default runs (the generated cells are often unclean on purpose, and a stray
 * quote hands the rest of a file to csv-parse); with a few runs only, some.
 */
function expectTaken(taken: number, rows: number) {
  if (rows >= 2000) expect(taken).toBeGreaterThan(rows / 10);
  else expect(taken).toBeGreaterThan(0);
}

describe('a file reads the same with and without the byte reading', () => {
  it(
    'monitoring exports',
    () => {
      const [before, rowsBefore] = [fromBytes, rows];
      fc.assert(
        fc.property(exportOf(MONITORING_COLUMNS), (text) => readBothWays(text, readMonitoringFile)),
        { numRuns: runs(300) },
      );
      expectTaken(fromBytes - before, rows - rowsBefore);
    },
    TIMEOUT,
  );

  it(
    'headcount files',
    () => {
      const [before, rowsBefore] = [fromBytes, rows];
      fc.assert(
        fc.property(exportOf(HEADCOUNT_COLUMNS), (text) => readBothWays(text, readHeadcountFile)),
        { numRuns: runs(300) },
      );
      expectTaken(fromBytes - before, rows - rowsBefore);
    },
    TIMEOUT,
  );

  it('the bundled fixtures are read from their bytes, but for the rows the schema reads', () => {
    const reading = readingFor(true);
    const monitoring = readMonitoringFile('fixtures/monitoring-2025-12-28.csv', {}, reading);
    const cellsOnly = readMonitoringFile(
      'fixtures/monitoring-2025-12-28.csv',
      {},
      readingFor(false),
    );
    expect(monitoring).toEqual(cellsOnly);
    // Private organisations, total rows and rows with an empty or dash count
    // (one each here, read as 0 with a warning) are the cell reading's.
    const { rows, totalRows, emptyCells } = monitoring.summary;
    expect(emptyCells).toBe(2);
    expect(reading.rowsFromBytes).toBe(rows - monitoring.privateRows - totalRows - emptyCells);
    expect(reading.rowsFromBytes).toBeGreaterThan(300);
  });
});

describe('the WebAssembly reading stops where the line-by-line reading does', () => {
  const scanOf = (width: number) => {
    const scan = scanFile(width, ',', [1], [0], 0, 100, {
      word: (_, text) => text,
      group: () => 0,
      preschool: () => false,
    });
    if (!scan) throw new Error('dist/row-scan.wasm did not load');
    return scan;
  };

  it.each([
    ['a line break without its carriage return in a CRLF file', 'a,1\r\nb,2\nc,3\r\n', true, 5, 1],
    ['a carriage return before a line break in an LF file', 'a,1\nb,2\r\nc,3\n', false, 4, 1],
    ['a carriage return that ends the chunk', 'a,1\r\nb,2\r', true, 5, 1],
    ['a line the chunk does not finish', 'a,1\nb,2\nc,3', false, 8, 2],
    ['a quoted cell that is read', 'a,1\n"b",2\n', false, 4, 1],
    ['a quote inside a cell', 'a,1\nb"c,2\n', false, 4, 1],
  ])('%s', (_, text, crlf, next, lines) => {
    expect(scanOf(2).lines(Buffer.from(text), 0, crlf, 2, 0)).toEqual({ next, lines });
  });
});

describe('which rows a run reads from their bytes', () => {
  it(`none of a file under ${SCAN_FROM_BYTES} bytes: the bundled fixtures are read as cells`, () => {
    const run = rowReading(vocabulary);
    readMonitoringFile('fixtures/monitoring-2025-12-28.csv', {}, run);
    expect(run.rowsFromBytes).toBe(0);
  });

  it(`a file of ${SCAN_FROM_BYTES} bytes or more: WebAssembly's, from the first line`, () => {
    const lines = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8').trimEnd().split('\n');
    const clean = 'Тоджинский кожуун,1700000000,МБОУ СОШ,ОО,муниципальная,28.12.2025,10,20,30,5,40';
    const rows = Math.ceil(SCAN_FROM_BYTES / Buffer.byteLength(`${clean}\n`));
    const file = join(dir, 'large.csv');
    // The fixture's rows (its private, total and dashed rows among them), then clean rows.
    writeFileSync(file, `${[...lines, ...Array(rows).fill(clean)].join('\n')}\n`);
    const run = rowReading(vocabulary);
    const read = readMonitoringFile(file, {}, run);
    const cellsOnly = readMonitoringFile(file, {}, readingFor(false));
    expect(read).toEqual(cellsOnly);
    const { privateRows, summary } = cellsOnly;
    // Every row but the private, total and dashed ones, and the rows whose
    // line a chunk ends in (read as cells): one per megabyte, none here.
    const special = privateRows + summary.totalRows + summary.emptyCells;
    expect(run.rowsFromBytes).toBeGreaterThanOrEqual(summary.rows - special - 2);
    expect(run.rowsFromBytes).toBeLessThanOrEqual(summary.rows - special);
  });

  it('more groups than the WebAssembly reading has room for: the rest found by name, each once', () => {
    const header = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8').split('\n', 1)[0];
    const row = (name: string, week: string, ownership = 'муниципальная', type = 'ОО') =>
      `${name},1700000000,МБОУ СОШ,${type},${ownership},${week},10,20,30,5,40`;
    const lines = [header];
    // 4,000 municipalities in 9 weeks, one group each (the module has room
    // for 32,768), with rows of earlier ones spelt with a space, quoted,
    // private or with their type written another way among them: the same
    // groups whichever way their rows are read.
    for (const day of [2, 9, 16, 23, 30, 37, 44, 51, 58]) {
      const date = new Date(Date.UTC(2025, 10, day));
      const week = `${String(date.getUTCDate()).padStart(2, '0')}.${date.getUTCMonth() + 1}.2025`;
      for (let i = 0; i < 4_000; i++) {
        lines.push(row(`Кожуун ${i}`, week));
        if (i % 7 === 6) lines.push(row(` Кожуун ${i - 5}`, week));
        if (i % 11 === 10) lines.push(row(`Кожуун ${i - 9}`, week, 'частная'));
        if (i % 13 === 12) lines.push(row(`"Кожуун ${i - 11}"`, week));
        if (i % 17 === 16) lines.push(row(`Кожуун ${i - 15}`, week, 'муниципальная', 'школа'));
      }
    }
    const file = join(dir, 'many-groups.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = rowReading(vocabulary);
    const read = readMonitoringFile(file, {}, run);
    expect(read).toEqual(readMonitoringFile(file, {}, readingFor(false)));
    expect(read.groups.length).toBe(36_000 + 9 * 363);
    expect(run.rowsFromBytes).toBeGreaterThan(32_768);
  });
});
