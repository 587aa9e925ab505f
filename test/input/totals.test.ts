// SPEC 4.1: a total row is skipped, never counted twice; when its numbers
// differ from the sums of the other rows, a warning says so.
import { describe, expect, it } from 'vitest';
import {
  aggregates,
  DATASET_AGGREGATES,
  HEADCOUNT_ROWS,
  inputDir,
  load,
  MONITORING_ROWS,
  writeDataset,
} from './files.js';

// The sums of the dataset's rows, added by hand from HEADCOUNT_ROWS and MONITORING_ROWS.
const HEADCOUNT_TOTAL = { staff: '2 160', students: '19 795' };
const MONITORING_TOTAL = ['1 798', '6 400', '6 890', '2 365', '15 640'];

const headcountTotal = (label: string, staff = HEADCOUNT_TOTAL.staff) => [
  label,
  '',
  '',
  staff,
  HEADCOUNT_TOTAL.students,
];
const monitoringTotal = (label: string, week: string, counts = MONITORING_TOTAL) => [
  label,
  '',
  '',
  '',
  week,
  ...counts,
];

describe('total rows', () => {
  it.each(['Итого', 'Всего', 'Итого по региону', 'Total', 'ИТОГО:', ' итого ', 'Всего:'])(
    'skips %j without counting it twice or warning when it agrees',
    (label) => {
      const { write } = inputDir();
      const files = writeDataset(write, {
        headcounts: (rows) => [...rows, headcountTotal(label)],
        monitoring: (rows) => [...rows, monitoringTotal(label, '28.12.2025')],
      });
      const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
      expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
      expect(inputs.warnings.map((w) => w.code)).not.toContain('total-mismatch');
      expect(inputs.files.map((f) => [f.rows, f.totalRows])).toEqual([
        [HEADCOUNT_ROWS.length + 1, 1],
        [MONITORING_ROWS.length + 1, 1],
      ]);
    },
  );

  it('skips a total row in the middle of the file too', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [...rows.slice(0, 3), headcountTotal('Итого'), ...rows.slice(3)],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
  });

  it('warns, per column, when a total row disagrees with the sums, and uses the sums', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [...rows, headcountTotal('Итого по региону', '2 000')],
      monitoring: (rows) => [
        ...rows,
        monitoringTotal('Итого', '28.12.2025', ['1 798', '6 400', '6 890', '2 365', '15 000']),
      ],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
    expect(inputs.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([
      {
        code: 'total-mismatch',
        file: files.headcounts,
        line: HEADCOUNT_ROWS.length + 2,
        column: 'Численность работников',
        given: 2000,
        computed: 2160,
      },
      {
        code: 'total-mismatch',
        file: files.monitoring,
        line: MONITORING_ROWS.length + 2,
        column: 'Пользователи, всего',
        given: 15000,
        computed: 15640,
      },
    ]);
  });

  it('compares a total row with the rows of its own week; one without a week with all weeks', () => {
    const { write } = inputDir();
    const week21 = MONITORING_ROWS.map((r) =>
      r.map((c) => (c === '28.12.2025' ? '21.12.2025' : c)),
    );
    const files = writeDataset(write, {
      monitoring: (rows) => [
        ...rows,
        monitoringTotal('Итого', '28.12.2025'),
        ...week21,
        monitoringTotal('Итого', '21.12.2025'),
        // Both weeks together: twice the sums of one week, except users_total.
        monitoringTotal('Всего', '', ['3 596', '12 800', '13 780', '4 730', '15 640']),
      ],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([
      expect.objectContaining({
        line: 2 * MONITORING_ROWS.length + 4,
        given: 15640,
        computed: 31280,
      }),
    ]);
    expect(aggregates(inputs).monitoring['2025-12-28']).toEqual(
      DATASET_AGGREGATES.monitoring['2025-12-28'],
    );
  });

  it('a total row ignores its empty and non-numeric cells', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [
        ...rows,
        monitoringTotal('Итого', '', ['', '-', 'x', '2 365', '15 640']),
      ],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.warnings.map((w) => w.code)).toEqual(['private-rows', 'private-rows']);
  });
});

describe('total rows as spreadsheets write them', () => {
  it.each(['Итого по Республике Тыва', 'Всего по региону:', 'Общий итог', 'TOTAL'])(
    'skips %j (a total label followed by more words)',
    (label) => {
      const { write } = inputDir();
      const files = writeDataset(write, {
        headcounts: (rows) => [...rows, headcountTotal(label)],
      });
      const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
      expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
      expect(inputs.files[0]?.totalRows).toBe(1);
    },
  );

  it('skips a row whose municipality is empty and whose organisation cell says Итого', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [...rows, ['', 'Итого:', '', '', '28.12.2025', ...MONITORING_TOTAL]],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
    expect(inputs.files[1]?.totalRows).toBe(1);
  });

  it('does not take a municipality whose name merely contains a total word for a total row', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [...rows, ['Всеволожский район', 'ОО', '', '1', '1']],
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.municipalities.map((m) => m.name)).toContain('Всеволожский район');
  });
});
