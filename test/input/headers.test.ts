// SPEC 4.1–4.3: header names match their Russian and English aliases
// case-insensitively, trimmed, spaces collapsed, ё = е; unknown columns are
// ignored; a missing or doubled required column is an error.
import { describe, expect, it } from 'vitest';
import {
  aggregates,
  csv,
  DATASET_AGGREGATES,
  HEADCOUNT_ROWS,
  inputDir,
  load,
  MONITORING_ROWS,
  problemsOf,
  RU_HEADCOUNT_HEADER,
  RU_MONITORING_HEADER,
  writeDataset,
} from './files.js';

/** The dataset with its headers replaced (same column order). */
function withHeaders(headcountHeader: string[], monitoringHeader: string[]) {
  const { write } = inputDir();
  return writeDataset(write, {
    headcounts: (rows) => [headcountHeader, ...rows.slice(1)],
    monitoring: (rows) => [monitoringHeader, ...rows.slice(1)],
  });
}

describe('header aliases', () => {
  it.each([
    [
      'the other Russian names of SPEC 4.2 and 4.3',
      ['Муниципальное образование', 'Тип ОО', 'Форма собственности', 'Работники', 'Обучающиеся'],
      [
        'МО',
        'Наименование организации',
        'Тип ОО',
        'Форма собственности',
        'Неделя',
        'Работники, пишущие сообщения',
        'Обучающиеся, активные',
        'Родители, активные',
        'Пользователи в VK Мессенджере',
        'Пользователи, всего',
      ],
    ],
    [
      'Воспитанники for students',
      ['Муниципалитет', 'Тип организации', 'Форма собственности', 'Работники', 'Воспитанники'],
      RU_MONITORING_HEADER,
    ],
    [
      'English names',
      ['municipality', 'org_type', 'ownership', 'staff', 'students'],
      [
        'municipality',
        'org_name',
        'org_type',
        'ownership',
        'week',
        'staff_writing',
        'students_active',
        'parents_active',
        'users_vk',
        'users_total',
      ],
    ],
    [
      'any case, extra and no-break spaces',
      [
        '  МУНИЦИПАЛИТЕТ ',
        'тип  организации',
        'ФОРМА\u00a0собственности',
        'Численность   работников',
        'численность обучающихся',
      ],
      [
        ' Муниципалитет',
        'ОРГАНИЗАЦИЯ',
        'Тип Организации',
        'форма собственности',
        'НЕДЕЛЯ ',
        'Работники,  пишущие сообщения',
        'обучающиеся, активные',
        'РОДИТЕЛИ, АКТИВНЫЕ',
        'Пользователи в VK мессенджере',
        '  Пользователи,\u00a0всего  ',
      ],
    ],
    [
      'ё written for е',
      [
        'Муниципалитет',
        'Тип организации',
        'Форма собственности',
        'Численность работников',
        'Численность обучающихся',
      ],
      [
        'Муниципалитет',
        'Организация',
        'Тип организации',
        'Форма собственности',
        'Нёделя',
        'Работники, пишущие сообщёния',
        'Обучающиёся, активныё',
        'Родители, активные',
        'Пользователи в VK Мёссенджере',
        'Пользователи, всёго',
      ],
    ],
    [
      'English names in capitals',
      ['Municipality', 'ORG_TYPE', 'Ownership', 'Staff', 'Students'],
      [
        'Municipality',
        'Organization',
        'Org_Type',
        'OWNERSHIP',
        'Week',
        'Staff_Writing',
        'Students_Active',
        'Parents_Active',
        'Users_VK',
        'Users_Total',
      ],
    ],
  ])('reads %s', (_, headcountHeader, monitoringHeader) => {
    const files = withHeaders(headcountHeader, monitoringHeader);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
  });

  it('ignores unknown columns and reads the known ones wherever they stand', () => {
    const { write } = inputDir();
    const order = [4, 0, 3, 1, 2];
    const headcounts = write(
      'h.csv',
      csv([
        ['Дата выгрузки', ...order.map((i) => RU_HEADCOUNT_HEADER[i] ?? ''), 'Примечание'],
        ...HEADCOUNT_ROWS.map((r) => ['01.09.2025', ...order.map((i) => r[i] ?? ''), 'нет']),
      ]),
    );
    const { monitoring } = writeDataset(write);
    expect(aggregates(load({ monitoring: [monitoring], headcounts }))).toEqual(DATASET_AGGREGATES);
  });

  it('reads a quoted header, with a BOM, and an empty trailing column', () => {
    const { write } = inputDir();
    const quoted = (cells: readonly string[]) =>
      cells.map((c) => `"${c.replace(/"/g, `""`)}"`).join(';');
    const headcounts = write(
      'h.csv',
      [quoted(RU_HEADCOUNT_HEADER) + ';', ...HEADCOUNT_ROWS.map((r) => `${r.join(';')};`)].join(
        '\r\n',
      ),
      'utf-8-bom',
    );
    const monitoring = write(
      'm.csv',
      [quoted(RU_MONITORING_HEADER), ...MONITORING_ROWS.map(quoted)].join('\r\n'),
      'utf-8-bom',
    );
    expect(aggregates(load({ monitoring: [monitoring], headcounts }))).toEqual(DATASET_AGGREGATES);
  });
});

describe('missing and doubled columns', () => {
  it('a missing required monitoring column names it, the columns found and the accepted names', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => rows.map((r) => r.filter((_, i) => i !== 7)),
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toEqual([
      {
        code: 'missing-column',
        file: files.monitoring,
        line: 1,
        field: 'parents_active',
        found: RU_MONITORING_HEADER.filter((_, i) => i !== 7),
        accepted: ['Родители, активные', 'parents_active'],
        configKey: 'columns.monitoring.parents_active',
      },
    ]);
  });

  it('lists every missing headcount column at once', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => rows.map((r) => r.slice(0, 3)),
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems.map((p) => p.code === 'missing-column' && p.field)).toEqual([
      'staff',
      'students',
    ]);
    expect(error.problems[0]).toMatchObject({
      file: files.headcounts,
      accepted: ['Работники', 'Численность работников', 'staff'],
    });
  });

  it('two columns for one required field are an error naming both', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => rows.map((r, i) => [...r, i === 0 ? 'Работники' : '5']),
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'duplicate-column',
        file: files.headcounts,
        line: 1,
        field: 'staff',
        headers: ['Численность работников', 'Работники'],
      }),
    ]);
  });

  it('swapped files are one problem saying which file the header belongs to', () => {
    const { write } = inputDir();
    const files = writeDataset(write);
    const error = problemsOf(() =>
      load({ monitoring: [files.headcounts], headcounts: files.monitoring }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'missing-column',
        file: files.monitoring,
        field: 'staff',
        looksLike: 'monitoring',
      }),
    ]);
    const twice = problemsOf(() =>
      load({ monitoring: [files.headcounts], headcounts: files.headcounts }),
    );
    expect(twice.problems).toEqual([
      expect.objectContaining({
        file: files.headcounts,
        field: 'staff_writing',
        looksLike: 'headcounts',
      }),
    ]);
  });

  it('the header line is the first non-empty line, and errors name it', () => {
    const { write } = inputDir();
    const { monitoring } = writeDataset(write);
    const headcounts = write('h.csv', `\n\n${csv([['Муниципалитет', 'Тип организации']])}`);
    expect(
      problemsOf(() => load({ monitoring: [monitoring], headcounts })).problems[0],
    ).toMatchObject({ code: 'missing-column', line: 3 });
  });
});
