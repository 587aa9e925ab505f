// SPEC 4.1: count cells in files. Thousands separators are read; an empty or
// dash cell is 0 and counted in a warning; anything else that is not a count
// is an error naming file, line, column and value.
import { describe, expect, it } from 'vitest';
import { HEADCOUNT_ROWS, headcountsOf, inputDir, load, problemsOf, writeDataset } from './files.js';

/** The dataset with the staff and students of the Kyzyl school (headcounts line 2) replaced. */
function kyzylSchool(staff: string, students: string) {
  const { write } = inputDir();
  return writeDataset(write, {
    headcounts: (rows) =>
      rows.map((r, i) => (i === 1 ? [r[0] ?? '', r[1] ?? '', r[2] ?? '', staff, students] : r)),
  });
}

describe('count cells', () => {
  it.each([
    ['a space', '1 234', '12 345'],
    ['a no-break space', '1\u00a0234', '12\u00a0345'],
    ['a narrow no-break space', '1\u202f234', '12\u202f345'],
    ['no separator', '1234', '12345'],
    ['spaces around', ' 1234 ', '  12 345'],
  ])('reads thousands with %s', (_, staff, students) => {
    const files = kyzylSchool(staff, students);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')).toEqual({
      staff: 1234,
      students: 12345,
      rows: 1,
    });
    expect(inputs.warnings.filter((w) => w.code === 'empty-cells')).toEqual([]);
  });

  it.each(['12 34', '-5', '12.5', '12,5', 'abc', 'н/д', '1 234,0'])(
    '%j is an error naming file, line, column and value',
    (value) => {
      const files = kyzylSchool(value, '100');
      const error = problemsOf(() =>
        load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
      );
      expect(error.problems).toEqual([
        {
          code: 'bad-count',
          file: files.headcounts,
          line: 2,
          column: 'Численность работников',
          value,
        },
      ]);
    },
  );

  it('lists every bad cell of a file with its own line and column', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) =>
        rows.map((r, i) => {
          if (i === 2) return [...r.slice(0, 5), 'abc', ...r.slice(6)];
          if (i === 4) return [...r.slice(0, 8), '-5', '12.5'];
          return r;
        }),
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems.map((p) => [p.line, p.column, 'value' in p ? p.value : null])).toEqual([
      [3, 'Работники, пишущие сообщения', 'abc'],
      [5, 'Пользователи в VK Мессенджере', '-5'],
      [5, 'Пользователи, всего', '12.5'],
    ]);
  });

  it('reads empty and dash cells as 0 and counts them in one warning per file', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) =>
        rows.map((r, i) => {
          if (i === 1) return [...r.slice(0, 3), '', '-'];
          if (i === 2) return [...r.slice(0, 3), '–', '—'];
          if (i === 4) return [...r.slice(0, 3), ' - ', r[4] ?? ''];
          return r;
        }),
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')).toMatchObject({ staff: 0, students: 0 });
    expect(headcountsOf(inputs, 'г. Кызыл', 'preschool')).toMatchObject({ staff: 0, students: 0 });
    expect(headcountsOf(inputs, 'Кызылский кожуун', 'school')).toMatchObject({
      staff: 0,
      students: 4100,
    });
    expect(inputs.warnings.filter((w) => w.code === 'empty-cells')).toEqual([
      {
        code: 'empty-cells',
        file: files.headcounts,
        count: 5,
        columns: ['Численность работников', 'Численность обучающихся'],
      },
    ]);
    expect(inputs.files[0]?.emptyCells).toBe(5);
  });

  it('does not warn about empty cells of optional text columns', () => {
    const { write } = inputDir();
    const files = writeDataset(write);
    // The dataset has empty ownership cells: they are not counts.
    expect(HEADCOUNT_ROWS.some((r) => r[2] === '')).toBe(true);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.warnings.map((w) => w.code)).not.toContain('empty-cells');
  });
});
