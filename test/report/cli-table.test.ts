// Tables drawn in blocks of rows read exactly as one cli-table3 table over
// all rows: the renderers on a few hundred municipalities (several blocks),
// once in blocks and once as a single table, must print the same text.
import Table from 'cli-table3';
import { describe, expect, it, vi } from 'vitest';
import { computeBaseline, type WeekData } from '../../src/domain/baseline.js';
import { evaluate } from '../../src/domain/evaluate.js';
import type { MunicipalityData } from '../../src/domain/organisations.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';
import { buildTrend } from '../../src/domain/trend.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { baselineTable } from '../../src/report/baseline.js';
import { drawTable, ROWS_PER_BLOCK, type TableSpec } from '../../src/report/cli-table.js';
import { ONE_COLUMN, oneColumnWidth } from '../../src/report/one-column.js';
import type { RenderOptions } from '../../src/report/options.js';
import { reportTable } from '../../src/report/table.js';
import { trendTable } from '../../src/report/trend.js';
import { input, municipality } from '../domain/build.js';

/** The renderers draw one cli-table3 table over all rows while this is set. */
const mode = vi.hoisted(() => ({ single: false }));

/** What the renderers drew before blocks: one table of every row. */
function oneTable(spec: TableSpec): string {
  const table = new Table({
    head: spec.head,
    colAligns: spec.colAligns,
    colWidths: spec.colWidths ? [...spec.colWidths] : [],
    style: { head: [], border: [], compact: true },
  });
  table.push(...spec.rows);
  return table.toString();
}

vi.mock('../../src/report/cli-table.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/report/cli-table.js')>();
  return {
    ...original,
    drawTable: (spec: TableSpec, rowsPerBlock?: number) =>
      mode.single ? oneTable(spec) : original.drawTable(spec, rowsPerBlock),
  };
});

function bothWays(render: () => string): { blocks: string; single: string } {
  mode.single = false;
  const blocks = render();
  mode.single = true;
  try {
    return { blocks, single: render() };
  } finally {
    mode.single = false;
  }
}

const ESC = String.fromCharCode(27);
const ru = CATALOGUES.ru;
const OPTIONS: RenderOptions = {
  lang: 'ru',
  color: false,
  decimals: 1,
  wide: false,
  excel: false,
  width: 100,
};

/** Made on first use, then shared by the tests. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/**
 * 260 municipalities, more than four blocks: names of different lengths, the
 * longest far down (so the first blocks alone would draw narrower columns),
 * a й written as и and a combining breve (cli-table3 counts one column, the
 * characters are two) and a two-column CJK character.
 */
const COUNT = 260;
function names(): string[] {
  const out: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const stem = `Муниципалитет ${String(i).padStart(3, '0')}${'а'.repeat(i % 7)}`;
    out.push(i % 3 === 0 ? `${stem} кожуун` : i % 3 === 1 ? `${stem} район` : `г. ${stem}`);
  }
  out[5] = 'Кызылски\u0306 кожуун';
  out[140] = '東 район';
  out[250] = 'Муниципалитет с самым длинным названием во всём регионе кожуун';
  return out;
}

function data(week: number): MunicipalityData[] {
  return names().map((name, i) =>
    municipality(name, [
      {
        type: 'school',
        staff: 100 + i,
        staffWriting: (i * 37 + week * 11) % (101 + i),
        students: 1000 + i * 13,
        studentsActive: (i * 53 + week * 29) % 900,
        parentsActive: (i * 17) % 400,
        usersTotal: 50 + i,
        usersVk: i % 9,
      },
      {
        type: 'authority',
        staff: 10,
        staffWriting: (i + week) % 11,
        usersTotal: 10,
        usersVk: i % 2,
      },
    ]),
  );
}

const BASELINES = {
  region: { '1': 45, '2': 10 },
  byMunicipality: { [names()[7] ?? '']: { '1': 60 } },
};

const report = once(() => evaluate(input(data(0), '2025-12-30', BASELINES)));

const trend = once(() => {
  const weeks = ['2025-12-07', '2025-12-14', '2025-12-21', '2025-12-28'];
  const reports = weeks.map((week, w) => evaluate(input(data(w), week, BASELINES, { week })));
  return buildTrend({
    reports,
    roadmap: TYVA_2025,
    baselines: BASELINES,
    asOf: '2025-12-28',
    window: 4,
  });
});

describe('tables in blocks of rows', () => {
  it('the synthetic report spans several blocks', () => {
    expect(report().rows.length).toBeGreaterThan(4 * ROWS_PER_BLOCK);
  });

  it.each([
    ['plain', OPTIONS],
    ['in colour', { ...OPTIONS, color: true }],
    ['--wide on 80 columns: counts on a second line', { ...OPTIONS, wide: true, width: 80 }],
    ['--wide in colour, in English', { ...OPTIONS, wide: true, color: true, lang: 'en' as const }],
    ['names cut to 60 columns', { ...OPTIONS, width: 60 }],
  ])('compute: the same text as one table, %s', (_, options) => {
    const t = CATALOGUES[options.lang];
    const r = report();
    const { blocks, single } = bothWays(() => reportTable(r, t, options));
    expect(blocks).toBe(single);
    // The table is really there: a line for the head and each row, one bottom border.
    const lines = blocks.split('\n');
    expect(lines.filter((l) => l.startsWith('│')).length).toBeGreaterThan(COUNT);
    expect(lines.filter((l) => l.startsWith('└'))).toHaveLength(1);
  });

  it('compute: the wide layout puts counts on a second line of each row', () => {
    const table = reportTable(report(), ru, { ...OPTIONS, wide: true, width: 80 });
    const rows = table.split('\n').filter((l) => l.startsWith('│'));
    // Head, then two lines per row (municipalities, the regional level, the total).
    expect(rows.length).toBeGreaterThanOrEqual(1 + 2 * COUNT);
  });

  it.each([
    ['plain', OPTIONS],
    ['in colour, --wide', { ...OPTIONS, color: true, wide: true }],
    ['narrow, names cut', { ...OPTIONS, width: 70 }],
  ])('trend: the same text as one table, %s', (_, options) => {
    const tr = trend();
    expect(tr.rows.length).toBeGreaterThan(4 * ROWS_PER_BLOCK);
    const { blocks, single } = bothWays(() =>
      trendTable(tr, ['1', '3'], 'Республика Тыва', 'tyva-2025', ru, options),
    );
    expect(blocks).toBe(single);
    expect(blocks.split('\n').filter((l) => l.startsWith('└'))).toHaveLength(2);
  });

  it('baseline: the same text as one table, every municipality’s own maximum', () => {
    const weeks: WeekData[] = ['2024-10-06', '2024-11-10', '2025-03-02'].map((week, w) => ({
      week,
      data: data(w),
    }));
    const period = { from: '2024-09-01', to: '2025-08-31' };
    const result = computeBaseline(weeks, period, { byMunicipality: true });
    for (const color of [false, true]) {
      const { blocks, single } = bothWays(() => baselineTable(result, ru, { lang: 'ru', color }));
      expect(blocks).toBe(single);
      expect(blocks).toContain('東 район');
    }
  });
});

describe('drawTable', () => {
  const spec = (rows: number, colWidths?: number[]): TableSpec => ({
    head: ['Имя', `${ESC}[1mДоля${ESC}[22m`, 'Ок'],
    rows: Array.from({ length: rows }, (_, i) => [
      i === rows - 1 ? 'самая длинная строка' : `строка ${i}`,
      i % 2 ? `${ESC}[31m${i},5 ✗${ESC}[39m` : `${i}\n${i * 1000}/7`,
      i % 3 ? '✓' : '',
    ]),
    colAligns: ['left', 'right', 'center'],
    ...(colWidths ? { colWidths } : {}),
  });

  it.each([0, 1, 2, 3, 4, 6, 7, 10])('%i rows in blocks of 3 read as one table', (rows) => {
    expect(drawTable(spec(rows), 3)).toBe(oneTable(spec(rows)));
    expect(drawTable(spec(rows, [8, 6, 5]), 3)).toBe(oneTable(spec(rows, [8, 6, 5])));
  });

  // Each the widest of its column (the other names are at most 8 columns), as
  // cli-table3 measures it: counted by characters, NFD й and a tab would make
  // the column too wide, 東 and 🙂 too narrow.
  it.each([
    ['NFD й', 'Кызылски\u0306 кожуун'],
    ['a CJK character', '東京 район'],
    ['an emoji', 'Ак-Довурак 🙂'],
    ['a tab', 'Кызыл\tкожуун'],
    ['a wide character in colour', `${ESC}[31m東京東京東${ESC}[39m`],
  ])('a column whose widest cell holds %s is as wide as cli-table3 makes it', (_, text) => {
    const table: TableSpec = {
      head: ['Имя', 'Доля'],
      rows: [
        ['Кызыл', '1,0'],
        ['Тес-Хем', '2,0'],
        [text, '4,0'],
        ['Чаа-Холь', '5,0'],
      ],
      colAligns: ['left', 'right'],
    };
    expect(drawTable(table, 2)).toBe(oneTable(table));
  });

  it('a table without rows is its head between two borders', () => {
    expect(drawTable({ head: ['А', 'Б'], rows: [], colAligns: ['left', 'right'] })).toBe(
      '┌───┬───┐\n│ А │ Б │\n└───┴───┘',
    );
  });

  it('every character taken as one column is one column to cli-table3', () => {
    const wider: string[] = [];
    for (const [from, to] of ONE_COLUMN) {
      for (let code = from; code <= to; code++) {
        const text = String.fromCodePoint(code);
        const table = new Table({ style: { head: [], border: [], compact: true } });
        table.push([text]);
        if (table.toString().split('\n')[0] !== '┌───┐') wider.push(code.toString(16));
      }
    }
    expect(wider).toEqual([]);
  });

  it('a text is measured by its length only when every character is one column', () => {
    expect(oneColumnWidth('Кызыл 82,1 ✓ ▲ ≥ №')).toBe(18);
    expect(oneColumnWidth('')).toBe(0);
    for (const text of ['a\nb', `${ESC}[1mb`, '漢字', '😀', 'e\u0301', 'a\u200bb'])
      expect(oneColumnWidth(text), JSON.stringify(text)).toBeUndefined();
  });
});
