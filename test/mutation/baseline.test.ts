// Baselines: computed from the 2024/25 weeks (src/domain/baseline.ts), and
// read from a file and matched to municipalities (src/input/baseline.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBaseline, type WeekData } from '../../src/domain/baseline.js';
import type { MunicipalityData } from '../../src/domain/organisations.js';
import { type Problem, UserError } from '../../src/errors.js';
import { readBaselineFile, resolveBaselines } from '../../src/input/baseline.js';
import { MunicipalityIndex } from '../../src/input/municipalities.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';

/** A municipality whose schools have `staff` staff and 100 students; `writing` of the staff write. */
function school(name: string, writing: number, staff: number): MunicipalityData {
  return {
    municipality: { name, level: 'municipality' },
    headcounts: [{ orgType: 'school', private: false, sums: { staff, students: 100, rows: 1 } }],
    monitoring: [
      {
        orgType: 'school',
        private: false,
        sums: {
          staffWriting: writing,
          studentsActive: 10,
          parentsActive: 10,
          usersVk: 0,
          usersTotal: 1,
          rows: 1,
        },
      },
    ],
  };
}

const PERIOD = { from: '2024-09-01', to: '2025-08-31' };

describe('computeBaseline', () => {
  const weeks: WeekData[] = [
    { week: '2025-03-16', data: [school('А', 30, 100), school('Б', 0, 0)] },
    { week: '2025-09-07', data: [school('А', 99, 100), school('Б', 0, 0)] },
    { week: '2024-10-13', data: [school('А', 10, 100), school('Б', 5, 0)] },
    { week: '2024-12-15', data: [school('А', 30, 100), school('Б', 0, 0)] },
    { week: '2024-08-25', data: [school('А', 99, 100), school('Б', 0, 0)] },
  ];

  it('takes the weeks of the period in date order and the earliest of equal maxima', () => {
    const result = computeBaseline(weeks, PERIOD);
    expect(result.weeks.map((w) => w.week)).toEqual(['2024-10-13', '2024-12-15', '2025-03-16']);
    expect(result.outside).toEqual(['2024-08-25', '2025-09-07']);
    expect(result.weeks[0]?.indicators['1']).toEqual({
      numerator: 15,
      denominator: 100,
      share: 15,
    });
    expect(result.indicators['1']).toEqual({
      value: 30,
      week: '2024-12-15',
      numerator: 30,
      denominator: 100,
    });
    // I2: 40 of 400 every week (10 students + 10 parents of 100 students, twice, in both): the first week.
    expect(result.indicators['2']).toMatchObject({
      week: '2024-10-13',
      numerator: 40,
      denominator: 400,
    });
    expect(result.byMunicipality).toBeUndefined();
    expect(result.levels).toBeUndefined();
  });

  it('gives each municipality its own maximum, and none to one without a denominator', () => {
    const result = computeBaseline(weeks, PERIOD, { byMunicipality: true });
    expect(Object.keys(result.byMunicipality ?? {})).toEqual(['А', 'Б']);
    expect(result.byMunicipality?.А?.['1']).toMatchObject({ week: '2024-12-15', value: 30 });
    expect(result.byMunicipality?.Б?.['1']).toBeUndefined();
    expect(result.byMunicipality?.Б?.['2']).toMatchObject({ numerator: 20, denominator: 200 });
    expect(result.levels).toEqual({ А: 'municipality', Б: 'municipality' });
  });

  it('leaves a municipality without a single denominator out of the per-municipality maxima', () => {
    const empty: MunicipalityData = {
      municipality: { name: 'Пусто', level: 'regional' },
      headcounts: [],
      monitoring: [],
    };
    const result = computeBaseline(
      [{ week: '2024-10-13', data: [school('А', 1, 4), empty] }],
      PERIOD,
      {
        byMunicipality: true,
      },
    );
    expect(Object.keys(result.byMunicipality ?? {})).toEqual(['А']);
    expect(result.levels).toEqual({ А: 'municipality', Пусто: 'regional' });
    expect(result.weeks[0]?.indicators['1'].share).toBe(25);
  });

  it('a week with no denominator has no share and sets no maximum', () => {
    const result = computeBaseline([{ week: '2024-10-13', data: [school('Б', 5, 0)] }], PERIOD);
    expect(result.weeks[0]?.indicators['1']).toEqual({ numerator: 5, denominator: 0, share: null });
    expect(result.indicators['1']).toBeUndefined();
  });
});

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.problems;
    throw error;
  }
  throw new Error('read without a problem');
}

describe('readBaselineFile', () => {
  it.each([
    ['{"1": {"value": 41.7}, "2": "18,4 %"}', { '1': 41.7, '2': 18.4 }],
    [
      '{"indicators": {"1": 40}, "byMunicipality": {"г. Кызыл": {"2": {"value": 20}}}}',
      { '1': 40 },
    ],
  ])('reads JSON %s', (json, region) => {
    expect(readBaselineFile(file('b.json', json), {}).region).toEqual(region);
  });

  it('reads JSON whatever the file is called when it starts with a brace, spaces before', () => {
    expect(readBaselineFile(file('b.csv', ' \n {"1": 40}\n'), {})).toEqual({
      region: { '1': 40 },
      byName: {},
    });
  });

  it.each(['[1, 2]', 'null', '5', '"41.7"'])('refuses JSON that is not an object: %s', (json) => {
    const path = file('b.json', json);
    expect(problemsOf(() => readBaselineFile(path, {}))).toEqual([
      { code: 'bad-baseline-file', file: path, reason: 'json-shape' },
    ]);
  });

  it('names the line of a JSON syntax error, and none when the file just ends', () => {
    const broken = file('b.json', '{\n  "1": 41.7,\n  x: 1\n}\n');
    expect(problemsOf(() => readBaselineFile(broken, {}))).toEqual([
      { code: 'bad-baseline-file', file: broken, line: 3, reason: 'json-syntax' },
    ]);
    const empty = file('b.json', '');
    expect(problemsOf(() => readBaselineFile(empty, {}))).toEqual([
      { code: 'bad-baseline-file', file: empty, line: undefined, reason: 'json-syntax' },
    ]);
  });

  it('reads CSV with blank lines, short rows, any column order and trimmed cells', () => {
    const path = file(
      'b.csv',
      'municipality,value,indicator\n\n, 41.7 , 1 \n г. Кызыл ,45,1\nТоджинский,20,2\n',
    );
    expect(readBaselineFile(path, {})).toEqual({
      region: { '1': 41.7 },
      byName: { 'г. Кызыл': { '1': 45 }, Тоджинский: { '2': 20 } },
    });
    expect(readBaselineFile(file('b.csv', 'value,indicator,municipality\n18.4,2\n'), {})).toEqual({
      region: { '2': 18.4 },
      byName: {},
    });
  });

  it('refuses a CSV without both columns, and one that gives no value', () => {
    const noValue = file('b.csv', 'indicator,municipality\n1,г. Кызыл\n');
    expect(problemsOf(() => readBaselineFile(noValue, {}))).toEqual([
      { code: 'bad-baseline-file', file: noValue, line: 1, reason: 'csv-columns' },
    ]);
    const noIndicator = file('b.csv', 'value\n41.7\n');
    expect(problemsOf(() => readBaselineFile(noIndicator, {}))[0]).toMatchObject({
      reason: 'csv-columns',
    });
    const nothing = file('b.csv', 'indicator,value\n');
    expect(problemsOf(() => readBaselineFile(nothing, {}))).toEqual([
      { code: 'bad-baseline-file', file: nothing, reason: 'no-values' },
    ]);
  });
});

describe('resolveBaselines', () => {
  const index = new MunicipalityIndex(buildVocabulary());
  index.add('г. Кызыл', undefined);
  index.add('Тоджинский кожуун', undefined);

  it('files each value under the name of the headcount file, spellings merged', () => {
    expect(
      resolveBaselines(
        {
          region: { '1': 40 },
          byName: { 'Город Кызыл': { '1': 45 }, 'г.Кызыл': { '2': 20 }, Тоджинский: { '1': 30 } },
        },
        index,
        'b.csv',
      ),
    ).toEqual({
      region: { '1': 40 },
      byMunicipality: { 'г. Кызыл': { '1': 45, '2': 20 }, 'Тоджинский кожуун': { '1': 30 } },
    });
  });

  it('names a municipality the headcount file lacks, with the closest names', () => {
    expect(
      problemsOf(() =>
        resolveBaselines({ region: {}, byName: { Тоджинскй: { '1': 30 } } }, index, 'b.csv'),
      ),
    ).toEqual([
      {
        code: 'unknown-baseline-municipality',
        file: 'b.csv',
        value: 'Тоджинскй',
        suggestions: ['Тоджинский кожуун'],
      },
    ]);
  });
});
