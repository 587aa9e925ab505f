// SPEC 4.3: org_type values, case-insensitive; an unknown value is an error
// listing the accepted ones. Ownership частная / private marks private rows.
import { describe, expect, it } from 'vitest';
import {
  csv,
  headcountsOf,
  inputDir,
  load,
  problemsOf,
  RU_HEADCOUNT_HEADER,
  writeDataset,
} from './files.js';

// The aliases as SPEC 4.3 lists them (written out here, not taken from the code).
const SPEC_ALIASES = {
  school: ['school', 'ОО', 'школа', 'общеобразовательная'],
  preschool: ['preschool', 'ДОО', 'детский сад', 'дошкольная'],
  spo: ['spo', 'СПО', 'колледж', 'техникум'],
  dod: ['dod', 'ДО', 'УДО', 'дополнительного образования'],
  authority: ['authority', 'ОУО', 'РОИВ', 'ОМСУ', 'орган управления образованием'],
  subordinate: ['subordinate', 'подведомственная'],
} as const;

const cases = Object.entries(SPEC_ALIASES).flatMap(([code, aliases]) =>
  aliases.flatMap((alias) => [
    [alias, code],
    [alias.toUpperCase(), code],
    [` ${alias[0]?.toUpperCase()}${alias.slice(1)} `, code],
  ]),
);

/** Headcounts of one Kyzyl row with the given type. */
function kyzylRowOfType(orgType: string, ownership = '') {
  const { write } = inputDir();
  return writeDataset(write, {
    headcounts: () => [
      RU_HEADCOUNT_HEADER,
      ['г. Кызыл', orgType, ownership, '7', '11'],
      ['г. Кызыл', 'ОО', '', '1', '1'],
      ['Кызылский кожуун', 'ОО', '', '1', '1'],
      ['Тоджинский кожуун', 'ОО', '', '1', '1'],
      ['Республика Тыва', 'РОИВ', '', '1', '0'],
    ],
  });
}

describe('org_type', () => {
  it.each(cases)('%j is %s', (alias, code) => {
    const files = kyzylRowOfType(alias);
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    const expected = code === 'school' ? { staff: 8, students: 12 } : { staff: 7, students: 11 };
    expect(headcountsOf(inputs, 'г. Кызыл', code)).toMatchObject(expected);
  });

  it('an unknown type is an error naming file, line, column and value, listing the accepted ones', () => {
    const files = kyzylRowOfType('гимназия');
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        code: 'bad-org-type',
        file: files.headcounts,
        line: 2,
        column: 'Тип организации',
        value: 'гимназия',
      }),
    ]);
    const problem = error.problems[0];
    const accepted = problem?.code === 'bad-org-type' ? problem.accepted : [];
    for (const alias of Object.values(SPEC_ALIASES).flat()) expect(accepted).toContain(alias);
  });

  it('an empty type is an error too', () => {
    const files = kyzylRowOfType('');
    expect(
      problemsOf(() => load({ monitoring: [files.monitoring], headcounts: files.headcounts }))
        .problems[0],
    ).toMatchObject({ code: 'bad-org-type', line: 2, value: '' });
  });

  it('a config adds spellings', () => {
    const files = kyzylRowOfType('Гимназия');
    const inputs = load(
      { monitoring: [files.monitoring], headcounts: files.headcounts },
      { orgTypes: { school: ['гимназия'] } },
    );
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')).toMatchObject({ staff: 8 });
  });
});

describe('ownership', () => {
  it.each(['частная', 'Частная', 'ЧАСТНАЯ', 'private', 'Private', ' частная '])(
    '%j marks a private row',
    (ownership) => {
      const files = kyzylRowOfType('детский сад', ownership);
      const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
      expect(headcountsOf(inputs, 'г. Кызыл', 'preschool:private')).toMatchObject({ staff: 7 });
      expect(headcountsOf(inputs, 'г. Кызыл', 'preschool')).toBeUndefined();
    },
  );

  it.each(['', 'муниципальная', 'государственная', 'state', 'municipal', 'федеральная'])(
    '%j is state or municipal',
    (ownership) => {
      const files = kyzylRowOfType('детский сад', ownership);
      const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
      expect(headcountsOf(inputs, 'г. Кызыл', 'preschool')).toMatchObject({ staff: 7 });
    },
  );

  it('lists private organisations in one warning per kind of file', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      headcounts: (rows) => [
        ['Организация', ...(rows[0] ?? [])],
        ...rows.slice(1).map((r, i) => [`Орг ${i + 1}`, ...r]),
      ],
    });
    const second = write(
      'm2.csv',
      csv([
        [
          'Муниципалитет',
          'Организация',
          'Тип ОО',
          'Форма собственности',
          'Неделя',
          'staff_writing',
          'students_active',
          'parents_active',
          'users_vk',
          'users_total',
        ],
        ['г. Кызыл', 'ЧДОУ «Семицветик»', 'ДОО', 'частная', '21.12.2025', '1', '0', '1', '0', '1'],
      ]),
    );
    const inputs = load({ monitoring: [files.monitoring, second], headcounts: files.headcounts });
    expect(inputs.warnings.filter((w) => w.code === 'private-rows')).toEqual([
      { code: 'private-rows', file: files.headcounts, rows: 1, organisations: ['Орг 3'] },
      {
        code: 'private-rows',
        rows: 2,
        organisations: ['ЧОУ «Школа "Развитие"»', 'ЧДОУ «Семицветик»'],
      },
    ]);
  });
});
