// Rows read from their bytes (row-bytes.ts) must be read exactly as the
// cell reading reads them: every generated file, read with and without the
// byte reading, gives the same groups, sums, warnings and problems — and the
// byte reading must actually take most clean rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  BYTES_FROM_LINE,
  readHeadcountFile,
  readMonitoringFile,
  rowReading,
  SCAN_FROM_BYTES,
} from '../../src/input/file-reader.js';
import { splitPlainLine } from '../../src/input/lines.js';
import { CellTexts, cellBounds, countOf, EntryMap, splitBytes } from '../../src/input/row-bytes.js';
import { scanFile } from '../../src/input/row-scan.js';
import { parseCount } from '../../src/input/values.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { runs, TIMEOUT } from '../property/runs.js';

const vocabulary = buildVocabulary();

describe('countOf reads the digits parseCount reads', () => {
  const digits = fc.stringMatching(/^[0-9]{0,12}$/);
  const other = fc.constantFrom(' 42', '42 ', '1 234', '-5', '1.5', '', '—', '٣', '１', '4a');
  it('plain digits as parseCount, anything else -1', () => {
    fc.assert(
      fc.property(fc.oneof(digits, other), (text) => {
        const value = countOf(Buffer.from(text), 0, Buffer.byteLength(text));
        const expected = /^0*\d{1,9}$/.test(text) ? parseCount(text) : -1;
        expect(value).toBe(expected);
      }),
      { numRuns: runs(2000) },
    );
  });

  it.each([
    ['0', 0],
    ['0000000000', 0],
    ['0123456789', 123456789],
    ['999999999', 999999999],
    ['1234567890', -1],
    ['', -1],
  ])('%j', (text, value) => {
    expect(countOf(Buffer.from(text), 0, text.length)).toBe(value);
  });
});

describe('splitBytes finds the cells splitPlainLine finds', () => {
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
    '\r',
    '12',
  );
  const line = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));
  it('on lines of every character that matters, for any columns read', () => {
    fc.assert(
      fc.property(
        line,
        fc.constantFrom(',', ';', '\t'),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(5), { maxLength: 3 }),
        (text, delimiter, width, wanted) => {
          const bytes = Buffer.from(`xx${text}yy`);
          const bounds = cellBounds(width, wanted);
          const end = bytes.length - 2;
          if (!splitBytes(bytes, 2, end, delimiter.charCodeAt(0), bounds)) return;
          // Taken: the line is plain, has `width` cells, and each cell read is unquoted.
          const cells = splitPlainLine(text, delimiter);
          expect(text).not.toContain('\r');
          expect(cells).toHaveLength(width);
          for (const index of wanted) {
            if (index >= width) continue;
            const cell = bytes.toString('utf8', bounds.starts[index], bounds.ends[index]);
            expect(cell).toBe(cells?.[index]);
            expect(cell).not.toContain('"');
          }
        },
      ),
      { numRuns: runs(3000) },
    );
  });

  it('refuses a quoted cell that is read, takes one that is not', () => {
    const bytes = Buffer.from('"Кызыл",12,"МБОУ ""СОШ № 1"", г. Кызыл"');
    expect(splitBytes(bytes, 0, bytes.length, 0x2c, cellBounds(3, [0, 1]))).toBe(false);
    const bounds = cellBounds(3, [1]);
    expect(splitBytes(bytes, 0, bytes.length, 0x2c, bounds)).toBe(true);
    expect(bytes.toString('utf8', bounds.starts[1], bounds.ends[1])).toBe('12');
  });

  /** The cells read of `line`, or false when splitBytes refuses it. */
  function split(line: string, width: number, wanted: number[]): string[] | false {
    const bytes = Buffer.from(`${line}\n`);
    const bounds = cellBounds(width, wanted);
    if (!splitBytes(bytes, 0, bytes.length - 1, 0x2c, bounds)) return false;
    return wanted.map((i) => bytes.toString('utf8', bounds.starts[i], bounds.ends[i]));
  }

  it.each([
    ['a quote inside an unquoted cell', 'a"b,c'],
    ['text after a closing quote', '"a"b,c'],
    ['a quote never closed', '"a,c'],
    ['a carriage return in a quoted cell', '"a\rb",c'],
    ['a carriage return in an unquoted cell', 'a\rb,c'],
    ['a carriage return in a cell that is read', 'a,c\r'],
  ])('refuses %s', (_, line) => {
    expect(split(line, 2, [1])).toBe(false);
  });

  it.each([
    [
      'text after a closing quote, as many cells as the header counting it as a delimiter',
      '"a"b,c',
      3,
      [2],
    ],
    ['a quote never closed in the last cell', 'c,"a', 2, [0]],
    ['a carriage return then a delimiter in a quote never closed', '"a\r,c', 2, [1]],
  ])('refuses %s', (_, line, width, wanted) => {
    expect(split(line, width, wanted)).toBe(false);
  });

  it.each([
    ['an empty quoted cell', '"",c', ['c']],
    ['a doubled quote ending a quoted cell', '"a""",c', ['c']],
    ['a quoted cell of doubled quotes only', '"""""",c', ['c']],
    ['a delimiter in a quoted cell', '"a,b",c', ['c']],
    ['an empty last cell', 'a,', ['']],
  ])('takes %s', (_, line, cells) => {
    expect(split(line, 2, [1])).toEqual(cells);
  });

  it('refuses a line with more or fewer cells than the header', () => {
    const bytes = Buffer.from('a,b,c');
    expect(splitBytes(bytes, 0, bytes.length, 0x2c, cellBounds(2, [0]))).toBe(false);
    expect(splitBytes(bytes, 0, bytes.length, 0x2c, cellBounds(4, [0]))).toBe(false);
    expect(splitBytes(bytes, 0, bytes.length, 0x2c, cellBounds(3, [0]))).toBe(true);
  });
});

describe('the WebAssembly reading takes the lines splitBytes and the byte reading take', () => {
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
   * The rows a line-by-line reading takes before the first it does not: the
   * line found by its line break (without its carriage return in a CRLF
   * file), not empty nor over `maxLine` bytes, split by splitBytes, with a
   * count in its second cell and a name in its first that is not "7".
   */
  function lineByLine(bytes: Buffer, crlf: boolean, width: number, maxLine: number) {
    const bounds = cellBounds(width, [0, 1]);
    const taken: [string, number][] = [];
    let start = 0;
    for (let end = bytes.indexOf(LF, start); end >= 0; end = bytes.indexOf(LF, start)) {
      let stop = end;
      if (crlf) {
        if (stop === start || bytes[stop - 1] !== 0x0d) break;
        stop--;
      }
      if (stop === start || stop - start > maxLine) break;
      if (!splitBytes(bytes, start, stop, 0x2c, bounds)) break;
      const name = bytes.toString('utf8', bounds.starts[0], bounds.ends[0]);
      const count = countOf(bytes, bounds.starts[1] ?? 0, bounds.ends[1] ?? 0);
      if (count < 0 || name === '7') break;
      taken.push([name, count]);
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
            group: (name, _type, _week, _oktmo, line) => {
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

/** What a cell means by its entry; undefined for a cell CellTexts does not remember. */
function meaning<T extends string | boolean | null>(
  texts: CellTexts<T>,
  bytes: Buffer,
  start: number,
  end: number,
): T | undefined {
  const entry = texts.entryAt(bytes, start, end);
  return entry >= 0 ? texts.valueOf(entry) : undefined;
}

describe('CellTexts finds each distinct cell by its bytes', () => {
  it('gives what reading the decoded text gives, for thousands of cells, near-twins and long ones', () => {
    let reads = 0;
    const texts = new CellTexts((text) => {
      reads++;
      return `<${text}>`;
    });
    const cells = [
      ...Array.from({ length: 3000 }, (_, i) => `Муниципалитет ${i}`),
      '',
      'а',
      'б',
      'аб',
      'ба',
      'Кызыл',
      'Кызыл ',
      ' Кызыл',
      'x'.repeat(300),
      'x'.repeat(301),
    ];
    // Each cell in a line of other bytes, at a different offset each time.
    for (let round = 0; round < 3; round++) {
      cells.forEach((cell, i) => {
        const line = Buffer.from(`${'#'.repeat((i + round) % 7)}${cell}|rest`);
        const start = (i + round) % 7;
        const end = start + Buffer.byteLength(cell);
        const expected = Buffer.byteLength(cell) > 256 ? undefined : `<${cell}>`;
        expect(meaning(texts, line, start, end)).toBe(expected);
        // The same cell again at once, as the next row's often is.
        expect(meaning(texts, line, start, end)).toBe(expected);
      });
    }
    // Read once each; the two cells over 256 bytes never (the cell reading reads them).
    expect(reads).toBe(cells.length - 2);
  });

  it('tells apart two cells of one length whose hashes are equal', () => {
    const texts = new CellTexts((text) => text);
    // The hash gives both 1199918433.
    for (const cell of ['k007rnw', 'k00opba', 'k007rnw', 'k00opba']) {
      expect(meaning(texts, Buffer.from(cell), 0, cell.length)).toBe(cell);
    }
    // Only the first and the last 8 bytes are hashed: these differ in between.
    const long = ['Район № 1, село', 'Район № 2, село', 'Район № 1, село'];
    for (const cell of long) {
      const bytes = Buffer.from(cell);
      expect(meaning(texts, bytes, 0, bytes.length)).toBe(cell);
    }
  });

  it('numbers each distinct cell once, in the order first seen', () => {
    const texts = new CellTexts((text) => text.toUpperCase());
    const entries = ['a', 'bb', 'a', 'c', 'bb'].map((cell) => {
      const bytes = Buffer.from(`;${cell};`);
      return texts.entryAt(bytes, 1, bytes.length - 1);
    });
    expect(entries).toEqual([0, 1, 0, 2, 1]);
    expect(texts.valueOf(1)).toBe('BB');
    const long = Buffer.from('x'.repeat(257));
    expect(texts.entryAt(long, 0, long.length)).toBe(-1);
  });

  it('remembers 10,000 cells, and still finds the first ones when full', () => {
    let reads = 0;
    const texts = new CellTexts((text) => {
      reads++;
      return text.length % 2 === 0;
    });
    for (let i = 0; i < 10_500; i++) {
      const cell = Buffer.from(String(i));
      expect(meaning(texts, cell, 0, cell.length)).toBe(
        i < 10_000 ? String(i).length % 2 === 0 : undefined,
      );
    }
    // Cells 0 to 9,999 are read once and remembered; the ten thousand and first
    // and later ones are not read: the cell reading reads their rows.
    expect(reads).toBe(10_000);
    expect(texts.entryAt(Buffer.from('7'), 0, 1)).toBe(7);
    expect(texts.entryAt(Buffer.from('9999'), 0, 4)).toBe(9999);
    expect(texts.entryAt(Buffer.from('10000'), 0, 5)).toBe(-1);
    expect(reads).toBe(10_000);
  });

  it('remembers a cell of 256 bytes, not one of 257', () => {
    const texts = new CellTexts((text) => String(text.length));
    const cell = (n: number) => Buffer.from('я'.repeat(n / 2));
    expect(texts.entryAt(cell(256), 0, 256)).toBe(0);
    expect(texts.entryAt(cell(256), 0, 256)).toBe(0);
    const odd = Buffer.from(`${'я'.repeat(128)}x`);
    expect(texts.entryAt(odd, 0, 257)).toBe(-1);
  });
});

describe('EntryMap finds a value by four numbers', () => {
  it('through its growth from 256 slots, with negative numbers, overwrites and misses', () => {
    const map = new EntryMap<string>();
    // Every four numbers from -2 to 8: keys that differ in one number only.
    const keys: [number, number, number, number][] = [];
    for (let a = -2; a <= 8; a++)
      for (let b = -2; b <= 8; b++)
        for (let c = -2; c <= 8; c++) for (let d = -2; d <= 8; d++) keys.push([a, b, c, d]);
    keys.forEach((key, i) => {
      map.set(...key, `v${i}`);
    });
    keys.forEach((key, i) => {
      expect(map.get(...key)).toBe(`v${i}`);
    });
    keys.forEach((key, i) => {
      if (i % 3 === 0) map.set(...key, `w${i}`);
    });
    keys.forEach((key, i) => {
      expect(map.get(...key)).toBe(`${i % 3 === 0 ? 'w' : 'v'}${i}`);
    });
    expect(map.get(0, 0, 0, -3)).toBeUndefined();
    expect(map.get(9, 0, 0, 0)).toBeUndefined();
    map.set(9, 0, 0, 0, 'new');
    expect(map.get(9, 0, 0, 0)).toBe('new');
    expect(map.get(0, 0, 0, 9)).toBeUndefined();
  });

  it.each([0, 1, 2, 3])('tells apart keys that differ in number %i only', (which) => {
    const map = new EntryMap<number>();
    const key = (n: number) => {
      const numbers: [number, number, number, number] = [5, 5, 5, 5];
      numbers[which] = n;
      return numbers;
    };
    for (let n = -2; n < 1000; n++) map.set(...key(n), n);
    for (let n = -2; n < 1000; n++) expect(map.get(...key(n))).toBe(n);
  });

  it('as a Map of their joined text does, through growth, overwrites and negative numbers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -2, max: 40 }),
            fc.integer({ min: -2, max: 5 }),
            fc.integer({ min: -2, max: 3 }),
            fc.integer({ min: -2, max: 2_000_000 }),
            fc.nat(),
          ),
          { maxLength: 3000 },
        ),
        (writes) => {
          const map = new EntryMap<number>();
          const expected = new Map<string, number>();
          for (const [a, b, c, d, value] of writes) {
            map.set(a, b, c, d, value);
            expected.set(`${a} ${b} ${c} ${d}`, value);
          }
          for (const [a, b, c, d] of writes)
            expect(map.get(a, b, c, d)).toBe(expected.get(`${a} ${b} ${c} ${d}`));
          expect(map.get(41, 0, 0, 0)).toBeUndefined();
        },
      ),
      { numRuns: runs(50) },
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
const users = cell(['40', '1234', '5000', '0012345'], countBad);

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

/** The byte readings: WebAssembly's (row-scan.ts) for every file, or JavaScript's (row-bytes.ts). */
type ByteReader = 'wasm' | 'js';

/** Every line from its bytes, by the one reader or the other, or none. */
function readingFor(byteRows: ByteReader | false) {
  return rowReading(vocabulary, {
    bytesFromLine: byteRows ? 0 : Number.POSITIVE_INFINITY,
    scanFromBytes: byteRows === 'wasm' ? 0 : Number.POSITIVE_INFINITY,
  });
}

function readBothWays(
  text: string,
  read: typeof readMonitoringFile | typeof readHeadcountFile,
  byteReader: ByteReader,
) {
  const file = join(dir, `b${files++}.csv`);
  writeFileSync(file, text);
  const attempt = (byteRows: ByteReader | false) => {
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
  const bytes = attempt(byteReader);
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

describe.each([
  ['WebAssembly', 'wasm'],
  ['JavaScript', 'js'],
] as const)('a file reads the same with and without the byte reading (%s)', (_, byteReader) => {
  it(
    'monitoring exports',
    () => {
      const [before, rowsBefore] = [fromBytes, rows];
      fc.assert(
        fc.property(exportOf(MONITORING_COLUMNS), (text) =>
          readBothWays(text, readMonitoringFile, byteReader),
        ),
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
        fc.property(exportOf(HEADCOUNT_COLUMNS), (text) =>
          readBothWays(text, readHeadcountFile, byteReader),
        ),
        { numRuns: runs(300) },
      );
      expectTaken(fromBytes - before, rows - rowsBefore);
    },
    TIMEOUT,
  );

  it('the bundled fixtures are read from their bytes, but for the rows the schema reads', () => {
    const reading = readingFor(byteReader);
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

describe('which byte reading a run uses', () => {
  it(`a file under a megabyte: JavaScript's, from line ${BYTES_FROM_LINE} on`, () => {
    const small = rowReading(vocabulary);
    readMonitoringFile('fixtures/monitoring-2025-12-28.csv', {}, small);
    expect(small.rowsFromBytes).toBe(0);
    // The fixture's clean rows repeated past the thousandth line.
    const lines = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8').trimEnd().split('\n');
    const clean = 'Тоджинский кожуун,1700000000,МБОУ СОШ,ОО,муниципальная,28.12.2025,10,20,30,5,40';
    const file = join(dir, 'long.csv');
    writeFileSync(file, `${[...lines, ...Array(BYTES_FROM_LINE).fill(clean)].join('\n')}\n`);
    const run = rowReading(vocabulary);
    const read = readMonitoringFile(file, {}, run);
    // Lines BYTES_FROM_LINE to the last (lines.length + BYTES_FROM_LINE), all of them clean.
    expect(run.rowsFromBytes).toBe(lines.length + 1);
    expect(read).toEqual(
      readMonitoringFile(
        file,
        {},
        rowReading(vocabulary, { bytesFromLine: Number.POSITIVE_INFINITY }),
      ),
    );
  });

  it(`a file of ${SCAN_FROM_BYTES} bytes or more: WebAssembly's, from the first line`, () => {
    const lines = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8').trimEnd().split('\n');
    const clean = 'Тоджинский кожуун,1700000000,МБОУ СОШ,ОО,муниципальная,28.12.2025,10,20,30,5,40';
    const rows = Math.ceil(SCAN_FROM_BYTES / Buffer.byteLength(`${clean}\n`));
    const file = join(dir, 'large.csv');
    // The fixture's rows (its private, total and dashed rows among them), then clean rows to a megabyte.
    writeFileSync(file, `${[...lines, ...Array(rows).fill(clean)].join('\n')}\n`);
    const run = rowReading(vocabulary);
    const read = readMonitoringFile(file, {}, run);
    const cellsOnly = readMonitoringFile(file, {}, readingFor(false));
    expect(read).toEqual(cellsOnly);
    const { privateRows, summary } = cellsOnly;
    // Every row but the private, total and dashed ones, and the rows whose
    // line a chunk ends in (read as cells): one per megabyte.
    const special = privateRows + summary.totalRows + summary.emptyCells;
    expect(run.rowsFromBytes).toBeGreaterThanOrEqual(summary.rows - special - 2);
    expect(run.rowsFromBytes).toBeLessThanOrEqual(summary.rows - special);
  });
});
