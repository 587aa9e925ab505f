// Rows are read by the zod schemas; clean rows take a shortcut that must
// give the schema's record exactly, and leave everything else to the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROWS_AT,
  readHeadcountFile,
  readMonitoringFile,
  rowReading,
  SUMS_WIDTH,
} from '../../src/input/file-reader.js';
import { cleanRowReaders, rowSchemas } from '../../src/input/schema.js';
import type { ColumnMap } from '../../src/input/table.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';

const vocabulary = buildVocabulary();
const clean = cleanRowReaders(vocabulary);

// Cell values the exports write: mostly good ones, so that many rows are clean.
function cell(good: string[], bad: string[]) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 6 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );
}
const municipality = cell(['г. Кызыл', '  Тоджинский ', 'Итого', 'Кызылский кожуун'], ['', '   ']);
const text = cell(['1701234567', '  МБОУ «СОШ № 1» ', '17 701 000'], ['', ' ']);
const orgType = cell(
  ['ОО', 'школа', ' ДОО ', 'детский сад', 'СПО', 'УДО', 'ОМСУ', 'РОИВ'],
  ['завод', ''],
);
const ownership = cell(
  ['муниципальная', 'частная', ' Частная ', 'private', 'государственная'],
  [''],
);
const week = cell(
  ['28.12.2025', '2025-12-28', '22.12.2025–28.12.2025'],
  ['31.02.2025', '', 'неделя 5'],
);
const count = cell(
  ['0', '7', '1234', ' 42 ', '1 234', '1\u00a0234'],
  ['', '-', '—', '12 34', '-5', '1.5', 'н/д'],
);

function pickRaw(cells: string[], columns: ColumnMap): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const [field, index] of Object.entries(columns))
    if (index !== undefined) raw[field] = cells[index];
  return raw;
}

/** Columns in a fixed order; the optional ones may be missing from a file. */
function columnsOf(fields: string[]): ColumnMap {
  return Object.fromEntries(fields.map((field, index) => [field, index]));
}

const monitoringRows = fc.record({
  municipality,
  oktmo: text,
  orgName: text,
  orgType,
  ownership,
  week,
  staffWriting: count,
  studentsActive: count,
  parentsActive: count,
  usersVk: count,
  usersTotal: count,
  missing: fc.subarray(['oktmo', 'orgName', 'ownership', 'week']),
});

const headcountRows = fc.record({
  municipality,
  orgId: text,
  orgType,
  ownership,
  staff: count,
  students: count,
  missing: fc.subarray(['orgId', 'ownership']),
});

function asCells(row: Record<string, unknown>): { cells: string[]; columns: ColumnMap } {
  const missing = row.missing as string[];
  const fields = Object.keys(row).filter((f) => f !== 'missing' && !missing.includes(f));
  return { cells: fields.map((f) => String(row[f])), columns: columnsOf(fields) };
}

describe('the clean-row reading agrees with the zod schemas', () => {
  it('on monitoring rows: the same record, or the row is left to the schema', () => {
    let taken = 0;
    fc.assert(
      fc.property(monitoringRows, (row) => {
        const { cells, columns } = asCells(row);
        let emptied = 0;
        const parsed = rowSchemas(vocabulary, () => emptied++).monitoring.safeParse(
          pickRaw(cells, columns),
        );
        const fast = clean.monitoring(cells, columns);
        if (fast === undefined) return;
        taken++;
        // Taken as clean: the schema reads it too, with no cell read as 0.
        expect(parsed.success).toBe(true);
        expect(emptied).toBe(0);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it('on headcount rows too', () => {
    let taken = 0;
    fc.assert(
      fc.property(headcountRows, (row) => {
        const { cells, columns } = asCells(row);
        let emptied = 0;
        const parsed = rowSchemas(vocabulary, () => emptied++).headcounts.safeParse(
          pickRaw(cells, columns),
        );
        const fast = clean.headcounts(cells, columns);
        if (fast === undefined) return;
        taken++;
        expect(parsed.success).toBe(true);
        expect(emptied).toBe(0);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it('takes a well-formed row without the schema', () => {
    const { cells, columns } = asCells({
      municipality: ' г. Кызыл ',
      orgType: 'ДОО',
      ownership: 'Частная',
      week: '22.12.2025–28.12.2025',
      staffWriting: '12',
      studentsActive: '0',
      parentsActive: '1 234',
      usersVk: '3',
      usersTotal: '40',
      missing: [],
    });
    expect(clean.monitoring(cells, columns)).toEqual({
      municipality: 'г. Кызыл',
      oktmo: undefined,
      orgId: undefined,
      orgName: undefined,
      orgType: 'preschool',
      ownership: true,
      week: '2025-12-28',
      staffWriting: 12,
      studentsActive: 0,
      parentsActive: 1234,
      usersVk: 3,
      usersTotal: 40,
    });
  });

  it.each([
    ['an empty count (read as 0 with a warning)', { usersVk: '' }],
    ['a dash count', { parentsActive: '—' }],
    ['a bad count', { staffWriting: '12,5' }],
    ['an unknown type', { orgType: 'завод' }],
    ['a bad week', { week: '31.02.2025' }],
    ['an empty municipality', { municipality: ' ' }],
    ['more VK users than users', { usersVk: '41' }],
  ])('leaves %s to the schema', (_, change) => {
    const { cells, columns } = asCells({
      municipality: 'г. Кызыл',
      orgType: 'ОО',
      week: '28.12.2025',
      staffWriting: '12',
      studentsActive: '5',
      parentsActive: '4',
      usersVk: '3',
      usersTotal: '40',
      ...change,
      missing: [],
    });
    expect(clean.monitoring(cells, columns)).toBeUndefined();
  });
});

describe('reading a file', () => {
  it('sums the bundled monitoring export and headcounts as the fixtures document', () => {
    const reading = rowReading(vocabulary);
    const monitoring = readMonitoringFile('fixtures/monitoring-2025-12-28.csv', {}, reading);
    const headcounts = readHeadcountFile('fixtures/headcounts.csv', {}, reading);
    const groups = headcounts.groups;
    const staff = (types: string[]) => {
      let sum = 0;
      for (let g = 0; g < groups.length; g++)
        if (!groups.private[g] && types.includes(groups.orgType[g] as string))
          sum += groups.sums[g * SUMS_WIDTH] ?? 0;
      return sum;
    };
    // fixtures/README.md: indicator 1's denominator 12,683 staff, indicator 4's 346.
    expect(staff(['school', 'preschool', 'spo', 'dod'])).toBe(12_683);
    expect(staff(['authority', 'subordinate'])).toBe(346);
    // 347 organisations, one row each.
    const rows = monitoring.groups.sums.filter((_, i) => i % SUMS_WIDTH === ROWS_AT);
    expect(rows.reduce((sum, n) => sum + n, 0)).toBe(347);
    expect(monitoring.summary.weeks).toEqual(['2025-12-28']);
  });
});
