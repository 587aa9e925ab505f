// loadInputs end to end on small files: the dataset, RFC 4180 quoting and
// line numbers, weeks, several monitoring files, and the problems of reading.
import { describe, expect, it } from 'vitest';
import { PROBLEM_LIST_LIMIT } from '../../src/errors.js';
import { chooseWeek } from '../../src/input/load.js';
import { LIMITS } from '../../src/input/table.js';
import {
  aggregates,
  csv,
  DATASET_AGGREGATES,
  HEADCOUNT_ROWS,
  inputDir,
  load,
  MONITORING_ROWS,
  monitoringOf,
  problemsOf,
  RU_HEADCOUNT_HEADER,
  RU_MONITORING_HEADER,
  writeDataset,
} from './files.js';

describe('the small dataset', () => {
  it('loads to the sums worked out by hand', () => {
    const { write } = inputDir();
    const files = writeDataset(write);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
    expect(inputs.municipalities).toEqual([
      { name: 'г. Кызыл', level: 'municipality' },
      { name: 'Кызылский кожуун', level: 'municipality' },
      { name: 'Тоджинский кожуун', level: 'municipality' },
      { name: 'Республика Тыва', level: 'regional' },
    ]);
  });

  it('summarises each file', () => {
    const { write } = inputDir();
    const files = writeDataset(write);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.files).toEqual([
      expect.objectContaining({
        file: files.headcounts,
        kind: 'headcounts',
        rows: HEADCOUNT_ROWS.length,
        totalRows: 0,
        weeks: [],
        organisations: { school: 3, preschool: 1, dod: 1, authority: 1, subordinate: 1 },
      }),
      expect.objectContaining({
        file: files.monitoring,
        kind: 'monitoring',
        rows: MONITORING_ROWS.length,
        weeks: ['2025-12-28'],
      }),
    ]);
  });
});

describe('RFC 4180 quoting', () => {
  const header = csv([RU_MONITORING_HEADER]).trimEnd();
  const row = (municipality: string, name: string, counts = '10,20,30,5,40') =>
    `${municipality},${name},ОО,,28.12.2025,${counts}`;

  it('reads quoted delimiters, doubled quotes and line breaks inside a field', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const text = [
      header,
      row('г. Кызыл', '"МБОУ ""Гимназия № 9"", г. Кызыл"'),
      row('"Кызылский кожуун"', '"МБОУ СОШ\nс. Баян-Кол"'),
      row('Тоджинский', '"Школа; ""Тоджа"",\r\nвторая строка"'),
    ].join('\n');
    const monitoring = write('m.csv', `${text}\n`);
    const inputs = load({ monitoring: [monitoring], headcounts });
    for (const name of ['г. Кызыл', 'Кызылский кожуун', 'Тоджинский кожуун']) {
      expect(monitoringOf(inputs, '2025-12-28', name, 'school'), name).toMatchObject({
        staffWriting: 10,
        usersTotal: 40,
        rows: 1,
      });
    }
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('keeps line numbers right after quoted line breaks and blank lines (%s)', (_, eol) => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const counts = 'ОО,,28.12.2025,10,20,30,5,40';
    const lines = [
      header, // 1
      'г. Кызыл,"Гимназия', // 2
      `№ 9",${counts}`, // 3: the record of line 2 ends here
      '', // 4
      'Кызылский кожуун,"СОШ', // 5
      '', // 6: a blank line inside quotes
      `с. Баян-Кол",${counts}`, // 7
      row('Тоджинский', 'ДДТ', '10,abc,30,5,40'), // 8
      '', // 9
      row('Тоджинский', 'ДДТ', '10,20,30'), // 10
    ];
    const monitoring = write('m.csv', lines.join(eol) + eol);
    const error = problemsOf(() => load({ monitoring: [monitoring], headcounts }));
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'bad-count',
        file: monitoring,
        line: 8,
        column: 'Обучающиеся, активные',
        value: 'abc',
      }),
      expect.objectContaining({
        code: 'field-count',
        file: monitoring,
        line: 10,
        expected: RU_MONITORING_HEADER.length,
        got: 8,
      }),
    ]);
  });

  it('an unclosed quote is a csv-syntax error on the line where the quote opens', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const monitoring = write(
      'm.csv',
      [
        header,
        row('г. Кызыл', 'СОШ'),
        row('г. Кызыл', '"СОШ № 2'),
        row('г. Кызыл', 'СОШ № 3'),
        '',
      ].join('\n'),
    );
    const error = problemsOf(() => load({ monitoring: [monitoring], headcounts }));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'csv-syntax', file: monitoring, line: 3 }),
    ]);
  });

  it('a quote never closed before a delimiter does not swallow the next rows silently', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    // Relaxed quoting would read lines 3 and 4 as one row with line 4's counts.
    const monitoring = write(
      'm.csv',
      `${[header, row('г. Кызыл', 'СОШ'), row('г. Кызыл', '"СОШ № 2'), row('г. Кызыл', '"СОШ № 3"'), row('г. Кызыл', 'СОШ № 4')].join('\n')}\n`,
    );
    expect(problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems).toEqual([
      expect.objectContaining({ code: 'csv-syntax', line: 3, reason: 'QUOTE_SWALLOWS_LINE' }),
    ]);
  });

  it('keeps quotes inside a cell that does not open with one, and a quoted name followed by text', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const monitoring = write(
      'm.csv',
      `${[header, row('г. Кызыл', 'МБОУ "Гимназия № 9"'), row('г. Кызыл', '"Лицей" № 15')].join('\n')}\n`,
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')?.rows).toBe(2);
  });

  it('a row with more cells than the header is a field-count error with its line', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const monitoring = write(
      'm.csv',
      `${[header, row('г. Кызыл', 'СОШ'), row('г. Кызыл', 'СОШ, № 2')].join('\n')}\n`,
    );
    expect(problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems).toEqual([
      expect.objectContaining({ code: 'field-count', line: 3, expected: 10, got: 11 }),
    ]);
  });

  it('skips blank lines and lines of only delimiters, and counts them', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const monitoring = write(
      'm.csv',
      `\n${[header, '', row('г. Кызыл', 'СОШ'), ',,,,,,,,,', '   ', row('г. Кызыл', 'СОШ 2')].join('\n')}\n\n`,
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')?.rows).toBe(2);
    const summary = inputs.files[1];
    expect(summary?.rows).toBe(2);
    // Blank lines after the last row are not counted: they separate nothing.
    expect(summary?.blankLines).toBe(4);
  });
});

describe('weeks', () => {
  const monitoringWith = (weeks: string[]) => (rows: string[][]) => [
    rows[0] ?? [],
    ...weeks.map((week) => {
      const r = [...(rows[4] ?? [])];
      r[4] = week;
      return r;
    }),
  ];

  it('reads dd.mm.yyyy, ISO dates and ranges, and keys each row by the week end', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: monitoringWith([
        '28.12.2025',
        '2025-12-28',
        '22.12.2025–28.12.2025',
        '2025-12-22/2025-12-28',
        '22.12.2025 - 28.12.2025',
        '14.12.2025',
        '2025-12-08/2025-12-14',
        '05.10.2025',
      ]),
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.weeks).toEqual(['2025-10-05', '2025-12-14', '2025-12-28']);
    expect(monitoringOf(inputs, '2025-12-28', 'Кызылский кожуун', 'school')?.rows).toBe(5);
    expect(monitoringOf(inputs, '2025-12-14', 'Кызылский кожуун', 'school')?.rows).toBe(2);
    expect(inputs.files[1]?.weeks).toEqual(['2025-10-05', '2025-12-14', '2025-12-28']);
  });

  it('rejects 31.02.2025, an empty week and a reversed range, naming line and value', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: monitoringWith(['28.12.2025', '31.02.2025', '', '28.12.2025–22.12.2025']),
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems.map((p) => [p.code, p.line, p.column, 'value' in p && p.value])).toEqual([
      ['bad-week', 3, 'Неделя', '31.02.2025'],
      ['bad-week', 4, 'Неделя', ''],
      ['bad-week', 5, 'Неделя', '28.12.2025–22.12.2025'],
    ]);
  });

  it('without a week column the rows belong to one unnamed week', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => rows.map((r) => r.filter((_, i) => i !== 4)),
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(inputs.weeks).toEqual([]);
    expect(chooseWeek(inputs, undefined)).toBe('');
    expect(monitoringOf(inputs, '', 'г. Кызыл', 'school')?.staffWriting).toBe(1000);
  });

  it('chooses the latest week, or the one asked for; an absent week lists those found', () => {
    const { write } = inputDir();
    const files = writeDataset(write, { monitoring: monitoringWith(['28.12.2025', '21.12.2025']) });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(chooseWeek(inputs, undefined)).toBe('2025-12-28');
    expect(chooseWeek(inputs, '2025-12-21')).toBe('2025-12-21');
    expect(problemsOf(() => chooseWeek(inputs, '2025-12-14')).problems).toEqual([
      expect.objectContaining({
        code: 'week-not-found',
        week: '2025-12-14',
        available: ['2025-12-21', '2025-12-28'],
      }),
    ]);
  });
});

describe('several monitoring files', () => {
  it('reads every file; weeks and per-file summaries add up', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const week = (date: string) =>
      csv([
        RU_MONITORING_HEADER,
        ...MONITORING_ROWS.map((r) => r.map((c) => (c === '28.12.2025' ? date : c))),
      ]);
    const first = write('m1.csv', week('21.12.2025'));
    const second = write('m2.csv', week('28.12.2025'));
    const inputs = load({ monitoring: [first, second], headcounts });
    expect(inputs.weeks).toEqual(['2025-12-21', '2025-12-28']);
    expect(inputs.files.map((f) => [f.file, f.weeks])).toEqual([
      [headcounts, []],
      [first, ['2025-12-21']],
      [second, ['2025-12-28']],
    ]);
    expect(monitoringOf(inputs, '2025-12-21', 'г. Кызыл', 'school')?.staffWriting).toBe(1000);
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')?.staffWriting).toBe(1000);
  });

  it('sums one week split over files (one file per municipality)', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const kyzyl = MONITORING_ROWS.filter((r) => /Кызыл$/i.test(r[0] ?? ''));
    const rest = MONITORING_ROWS.filter((r) => !/Кызыл$/i.test(r[0] ?? ''));
    const inputs = load({
      monitoring: [
        write('kyzyl.csv', csv([RU_MONITORING_HEADER, ...kyzyl])),
        write('rest.csv', csv([RU_MONITORING_HEADER, ...rest], ';'), 'windows-1251'),
      ],
      headcounts,
    });
    expect(aggregates(inputs).monitoring).toEqual(DATASET_AGGREGATES.monitoring);
  });

  it('refuses one export given twice, which would count every row twice', () => {
    const { write } = inputDir();
    const { headcounts, monitoring } = writeDataset(write);
    const copy = write('monitoring (1).csv', csv([RU_MONITORING_HEADER, ...MONITORING_ROWS], ';'));
    for (const files of [
      [monitoring, copy],
      [monitoring, monitoring],
    ]) {
      expect(problemsOf(() => load({ monitoring: files, headcounts })).problems).toEqual([
        { code: 'duplicate-file', file: files[1], same: monitoring },
      ]);
    }
  });

  it('reads two files of one week that differ in one count', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const kyzyl = MONITORING_ROWS.filter((r) => r[0] === 'г. Кызыл');
    const other = kyzyl.map((r) => [...r.slice(0, 5), '16', ...r.slice(6)]);
    const inputs = load({
      monitoring: [
        write('a.csv', csv([RU_MONITORING_HEADER, ...kyzyl])),
        write('b.csv', csv([RU_MONITORING_HEADER, ...other])),
      ],
      headcounts,
    });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school:private')?.staffWriting).toBe(
      15 + 16,
    );
  });

  it('lists the problems of every file, not only the first', () => {
    const { write } = inputDir();
    const { headcounts } = writeDataset(write);
    const bad = (name: string) =>
      write(
        name,
        csv([
          RU_MONITORING_HEADER,
          ['г. Кызыл', 'СОШ', 'ОО', '', '28.12.2025', 'x', '1', '1', '1', '1'],
        ]),
      );
    const [a, b] = [bad('a.csv'), bad('b.csv')];
    const error = problemsOf(() => load({ monitoring: [a, b], headcounts }));
    expect(error.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['bad-count', a, 2],
      ['bad-count', b, 2],
    ]);
  });
});

describe('row problems', () => {
  it('users_vk above users_total names the line and both numbers', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [
        ...rows,
        ['г. Кызыл', 'СОШ', 'ОО', '', '28.12.2025', '1', '1', '1', '1 500', '1 499'],
      ],
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'vk-above-total',
        line: MONITORING_ROWS.length + 2,
        column: 'Пользователи в VK Мессенджере',
        usersVk: 1500,
        usersTotal: 1499,
      }),
    ]);
  });

  it('an empty municipality cell is an error with its line', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [...rows, ['  ', 'ОО', '', '1', '1']],
    });
    expect(
      problemsOf(() => load({ monitoring: [files.monitoring], headcounts: files.headcounts }))
        .problems,
    ).toEqual([
      expect.objectContaining({
        code: 'empty-municipality',
        file: files.headcounts,
        line: HEADCOUNT_ROWS.length + 2,
        column: 'Муниципалитет',
      }),
    ]);
  });

  it(`lists the first ${PROBLEM_LIST_LIMIT} problems of a file and counts the rest`, () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [
        ...rows,
        ...Array.from({ length: 30 }, (_, i) => ['г. Кызыл', 'ОО', '', `${i} чел.`, '1']),
      ],
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toHaveLength(PROBLEM_LIST_LIMIT);
    expect(error.more).toBe(30 - PROBLEM_LIST_LIMIT);
    expect(error.problems[0]).toMatchObject({ line: HEADCOUNT_ROWS.length + 2, value: '0 чел.' });
    expect(error.problems.at(-1)).toMatchObject({ value: `${PROBLEM_LIST_LIMIT - 1} чел.` });
  });

  it('a file of zero bytes, only blank lines or only a BOM is file-empty', () => {
    const { write } = inputDir();
    const { monitoring } = writeDataset(write);
    for (const [name, text] of [
      ['zero.csv', ''],
      ['blank.csv', '\n\r\n  \n'],
    ] as const) {
      const headcounts = write(name, text);
      expect(problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems).toEqual([
        expect.objectContaining({ code: 'file-empty', file: headcounts }),
      ]);
    }
    const bom = write('bom.csv', '', 'utf-8-bom');
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts: bom })).problems[0],
    ).toMatchObject({ code: 'file-empty' });
  });

  it('a missing file is file-not-found, a directory is file-unreadable', () => {
    const { write, dir } = inputDir();
    const { monitoring } = writeDataset(write);
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts: `${dir}/nope.csv` }))
        .problems[0],
    ).toMatchObject({ code: 'file-not-found', file: `${dir}/nope.csv` });
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts: dir })).problems[0],
    ).toMatchObject({ code: 'file-unreadable', file: dir });
  });

  it('a file with a header and no data rows is no-rows, for either input', () => {
    const { write } = inputDir();
    const files = writeDataset(write);
    const headerOnly = write('h0.csv', csv([RU_HEADCOUNT_HEADER]));
    expect(
      problemsOf(() => load({ monitoring: [files.monitoring], headcounts: headerOnly })).problems,
    ).toEqual([expect.objectContaining({ code: 'no-rows', file: headerOnly })]);
    const monitoringHeaderOnly = write('m0.csv', csv([RU_MONITORING_HEADER]));
    expect(
      problemsOf(() =>
        load({
          monitoring: [files.monitoring, monitoringHeaderOnly],
          headcounts: files.headcounts,
        }),
      ).problems,
    ).toEqual([expect.objectContaining({ code: 'no-rows', file: monitoringHeaderOnly })]);
  });

  it(`a header of more than ${LIMITS.columns} columns is too-many-columns`, () => {
    const { write } = inputDir();
    const { monitoring } = writeDataset(write);
    const header = [
      ...RU_HEADCOUNT_HEADER,
      ...Array.from({ length: LIMITS.columns }, (_, i) => `c${i}`),
    ];
    const headcounts = write('h.csv', csv([header]));
    expect(problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems).toEqual([
      expect.objectContaining({ code: 'too-many-columns', file: headcounts, line: 1 }),
    ]);
  });
});
