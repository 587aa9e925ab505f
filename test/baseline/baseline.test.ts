// `sferum-kpi baseline` on fixtures/vk-2024-25, checked against sums taken
// straight from the CSV rows here (SPEC 2, restated), not through the loader.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBaselineFile } from '../../src/input/baseline.js';
import { FIXTURES, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const VK = join(FIXTURES, 'vk-2024-25');
const VK_FILES = readdirSync(VK)
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => join(VK, f));
const HEADCOUNTS = join(FIXTURES, 'headcounts.csv');

// Type spellings of these files (fixtures/README.md).
const TYPES: Record<string, string> = {
  ОО: 'school',
  школа: 'school',
  ДОО: 'preschool',
  'детский сад': 'preschool',
  СПО: 'spo',
  ДО: 'dod',
  УДО: 'dod',
  ОУО: 'authority',
  ОМСУ: 'authority',
  РОИВ: 'authority',
  подведомственная: 'subordinate',
};
const EDU = ['school', 'preschool', 'spo', 'dod'];
const STUD = ['school', 'spo', 'dod'];

type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true });
const count = (text: string | undefined) => Number((text ?? '').replace(/[\s\u00a0\u202f]/g, ''));
const typeOf = (row: Row) => {
  const type = TYPES[row['Тип организации'] ?? ''];
  if (!type) throw new Error(`unexpected type ${row['Тип организации']}`);
  return type;
};
const isPublic = (row: Row) => row['Форма собственности'] !== 'частная';
// The VK-era files spell г. Кызыл as «Город Кызыл»; every other name is as in the headcounts.
const nameOf = (row: Row) =>
  row.Муниципалитет === 'Город Кызыл' ? 'г. Кызыл' : (row.Муниципалитет ?? '');

interface Fraction {
  numerator: number;
  denominator: number;
}
/** Per municipality and per week: indicator 1 and 2 numerators; per municipality the denominators. */
function independentSums() {
  const denominators = new Map<string, { i1: number; i2: number }>();
  for (const row of rows(HEADCOUNTS)) {
    if (!isPublic(row)) continue;
    const type = typeOf(row);
    const d = denominators.get(nameOf(row)) ?? { i1: 0, i2: 0 };
    const staff = count(row['Численность работников']);
    const students = count(row['Численность обучающихся']);
    if (EDU.includes(type)) d.i1 += staff;
    if (STUD.includes(type)) d.i2 += students; // the students
    if (EDU.includes(type)) d.i2 += students; // one parent per student
    denominators.set(nameOf(row), d);
  }
  const weeks = new Map<string, Map<string, { i1: number; i2: number }>>();
  for (const file of VK_FILES) {
    for (const row of rows(file)) {
      if (!isPublic(row)) continue;
      const [day, month, year] = (row.Неделя ?? '').split('.');
      const week = `${year}-${month}-${day}`;
      const byName = weeks.get(week) ?? new Map();
      weeks.set(week, byName);
      const n = byName.get(nameOf(row)) ?? { i1: 0, i2: 0 };
      const type = typeOf(row);
      if (EDU.includes(type)) n.i1 += count(row['Работники, пишущие сообщения']);
      if (STUD.includes(type)) n.i2 += count(row['Обучающиеся, активные']);
      if (EDU.includes(type)) n.i2 += count(row['Родители, активные']);
      byName.set(nameOf(row), n);
    }
  }
  return { denominators, weeks };
}

/** The maximum over the weeks in [from, to]; ties keep the earliest week. */
function maximum(
  weeks: [string, Fraction][],
  from: string,
  to: string,
): (Fraction & { week: string }) | undefined {
  let best: (Fraction & { week: string }) | undefined;
  for (const [week, f] of [...weeks].sort(([a], [b]) => a.localeCompare(b))) {
    if (week < from || week > to || f.denominator === 0) continue;
    if (!best || f.numerator * best.denominator > best.numerator * f.denominator)
      best = { week, ...f };
  }
  return best;
}

function regionWeeks(sums: ReturnType<typeof independentSums>, id: 'i1' | 'i2') {
  const denominator = [...sums.denominators.values()].reduce((a, d) => a + d[id], 0);
  return [...sums.weeks].map(([week, byName]): [string, Fraction] => [
    week,
    { numerator: [...byName.values()].reduce((a, n) => a + n[id], 0), denominator },
  ]);
}

function baseline(args: string[]) {
  const result = runCli([
    'baseline',
    '--monitoring',
    ...VK_FILES,
    '--headcounts',
    HEADCOUNTS,
    ...args,
  ]);
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result;
}

interface Maximum extends Fraction {
  value: number;
  week: string;
}
interface BaselineDocument {
  from: string;
  to: string;
  indicators: Record<string, Maximum>;
  byMunicipality?: Record<string, Record<string, Maximum>>;
  weeks: { week: string }[];
  outside: string[];
}

describe('baseline on fixtures/vk-2024-25', () => {
  const sums = independentSums();
  let document: BaselineDocument;
  beforeAll(() => {
    const result = baseline(['--by-municipality', '--format', 'json']);
    expect(result.status).toBe(0);
    document = JSON.parse(result.stdout);
  });

  it('finds the documented maxima, summing the CSV rows directly', () => {
    const i1 = maximum(regionWeeks(sums, 'i1'), '2024-09-01', '2025-08-31');
    const i2 = maximum(regionWeeks(sums, 'i2'), '2024-09-01', '2025-08-31');
    // fixtures/README.md: 5472 / 12683 on 15.12.2024 and 36406 / 205396 on 16.03.2025.
    expect(i1).toEqual({ week: '2024-12-15', numerator: 5472, denominator: 12683 });
    expect(i2).toEqual({ week: '2025-03-16', numerator: 36406, denominator: 205396 });
    expect(document.indicators['1']).toMatchObject(i1 ?? {});
    expect(document.indicators['2']).toMatchObject(i2 ?? {});
    expect(document.indicators['1']?.value).toBeCloseTo(43.1444, 4);
    expect(document.indicators['2']?.value).toBeCloseTo(17.7248, 4);
    expect(document).toMatchObject({ from: '2024-09-01', to: '2025-08-31' });
  });

  it('skips 07.09.2025, the highest week, which is outside 2024/25', () => {
    const all = maximum(regionWeeks(sums, 'i1'), '0000-01-01', '9999-12-31');
    expect(all?.week).toBe('2025-09-07');
    expect(document.outside).toEqual(['2025-09-07']);
    expect(document.weeks.map((w) => w.week)).not.toContain('2025-09-07');
    expect(document.weeks).toHaveLength(8);
  });

  it('gives each municipality its own maximum', () => {
    const names = [...sums.denominators.keys()].filter((name) => {
      const d = sums.denominators.get(name);
      return d !== undefined && d.i1 > 0;
    });
    expect(Object.keys(document.byMunicipality ?? {}).sort()).toEqual(names.sort());
    for (const name of names) {
      for (const id of ['i1', 'i2'] as const) {
        const weeks = [...sums.weeks].map(([week, byName]): [string, Fraction] => [
          week,
          {
            numerator: byName.get(name)?.[id] ?? 0,
            denominator: sums.denominators.get(name)?.[id] ?? 0,
          },
        ]);
        const expected = maximum(weeks, '2024-09-01', '2025-08-31');
        const got = document.byMunicipality?.[name]?.[id === 'i1' ? '1' : '2'];
        expect(got, `${name} ${id}`).toMatchObject(expected ?? {});
      }
    }
  });

  it('--from and --to choose the period', () => {
    const result = baseline(['--from', '2025-01-01', '--to', '2025-09-30', '--format', 'json']);
    expect(result.status).toBe(0);
    const doc: BaselineDocument = JSON.parse(result.stdout);
    const i1 = maximum(regionWeeks(sums, 'i1'), '2025-01-01', '2025-09-30');
    expect(i1?.week).toBe('2025-09-07');
    expect(doc.indicators['1']).toMatchObject(i1 ?? {});
    expect(doc.outside).toEqual(['2024-09-08', '2024-10-13', '2024-11-17', '2024-12-15']);
  });

  it('prints the maxima with their weeks in the table', () => {
    const result = baseline([]);
    expect(result.status).toBe(0);
    // Thousands grouped with a no-break space, as Russian text does.
    expect(result.stdout).toMatch(/43,1444 % \(5\s472 \/ 12\s683\), неделя по 15\.12\.2024/);
    expect(result.stdout).toMatch(/17,7248 % \(36\s406 \/ 205\s396\), неделя по 16\.03\.2025/);
    expect(result.stdout).toContain('Вне периода, не учтены: 07.09.2025.');
  });
});

describe('baseline --out: the file compute and check read', () => {
  const dir = tempDir();
  const file = join(dir, 'baseline.json');
  let written: BaselineDocument;
  beforeAll(() => {
    const result = baseline(['--by-municipality', '--out', file]);
    expect(result.status).toBe(0);
    written = JSON.parse(readFileSync(file, 'utf8'));
  });

  it('holds from, to, indicators and byMunicipality, numbers as numbers', () => {
    expect(Object.keys(written).sort()).toEqual(['byMunicipality', 'from', 'indicators', 'to']);
    expect(Object.keys(written.indicators['1'] ?? {}).sort()).toEqual([
      'denominator',
      'numerator',
      'value',
      'week',
    ]);
    expect(typeof written.indicators['1']?.value).toBe('number');
  });

  it('reads back exactly what was written, per municipality too', () => {
    const read = readBaselineFile(file, {});
    expect(read.region).toEqual({
      '1': written.indicators['1']?.value,
      '2': written.indicators['2']?.value,
    });
    for (const [name, maxima] of Object.entries(written.byMunicipality ?? {})) {
      expect(read.byName[name]).toEqual({ '1': maxima['1']?.value, '2': maxima['2']?.value });
    }
  });

  it('the week that set a maximum passes against it: exactly at the baseline is a pass', () => {
    // Each municipality, in the week of its own maximum, judged on stage 1.
    const weeks = new Set<string>();
    for (const maxima of Object.values(written.byMunicipality ?? {}))
      for (const max of Object.values(maxima)) weeks.add(max.week);
    weeks.add(written.indicators['1']?.week ?? '');
    weeks.add(written.indicators['2']?.week ?? '');
    for (const week of weeks) {
      const result = runCli([
        'compute',
        '--monitoring',
        ...VK_FILES,
        '--headcounts',
        HEADCOUNTS,
        '--week',
        week,
        '--as-of',
        '2025-10-01',
        '--baseline',
        file,
        '--format',
        'json',
      ]);
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as {
        rows: {
          municipality: string | null;
          level: string;
          indicators: Record<string, { status: string; numerator: number; target: number }>;
        }[];
      };
      for (const row of report.rows) {
        for (const id of ['1', '2']) {
          const own =
            row.level === 'total'
              ? written.indicators[id]
              : written.byMunicipality?.[row.municipality ?? '']?.[id];
          if (!own || own.week !== week) continue;
          const result = row.indicators[id];
          expect(result?.target, `${row.municipality} I${id}`).toBe(own.value);
          expect(result?.numerator).toBe(own.numerator);
          expect(result?.status, `${row.municipality} I${id} ${week}`).toBe('pass');
        }
      }
    }
  });
});

describe('baseline: when there is nothing to take the maximum of', () => {
  it('exits 2 when no week falls within the period', () => {
    const result = runCli([
      'baseline',
      '--monitoring',
      'fixtures/errors/week-outside-2024-25.csv',
      '--headcounts',
      'fixtures/trend/headcounts.csv',
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no week of the exports falls within 2024-09-01 … 2025-08-31');
    expect(result.stderr).toContain('Weeks found: 2023-09-15');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 when --from is after --to', () => {
    const result = baseline(['--from', '2025-09-01', '--to', '2024-09-01']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--from «2025-09-01»');
  });
});
