// SPEC 3: the headcount file defines the municipalities; monitoring names
// match after normalisation, or by OKTMO when both files carry it on every
// row; the regional level is its own row; an unknown name is an error naming
// the closest known ones (or, with --allow-unmatched, a warning).
import { describe, expect, it } from 'vitest';
import { dataForWeek } from '../../src/input/load.js';
import {
  csv,
  inputDir,
  load,
  monitoringOf,
  problemsOf,
  RU_HEADCOUNT_HEADER,
  RU_MONITORING_HEADER,
  writeDataset,
} from './files.js';

const monitoringRow = (municipality: string, staffWriting: string, oktmo?: string) => [
  ...(oktmo === undefined ? [] : [oktmo]),
  municipality,
  'СОШ',
  'ОО',
  '',
  '28.12.2025',
  staffWriting,
  '0',
  '0',
  '0',
  '10',
];

describe('names', () => {
  it('matches the spellings of SPEC 3 and keeps Кызылский кожуун apart from Кызыл', () => {
    const { write } = inputDir();
    const headcounts = write(
      'h.csv',
      csv([
        RU_HEADCOUNT_HEADER,
        ['г. Кызыл', 'ОО', '', '10', '10'],
        ['Кызылский кожуун', 'ОО', '', '10', '10'],
        ['Тоджинский кожуун', 'ОО', '', '10', '10'],
        ['Каа-Хемский кожуун', 'ОО', '', '10', '10'],
        ['Чаа-Хольский кожуун', 'ОО', '', '10', '10'],
      ]),
    );
    const monitoring = write(
      'm.csv',
      csv([
        RU_MONITORING_HEADER,
        monitoringRow('г. Кызыл', '1'),
        monitoringRow('Город Кызыл', '2'),
        monitoringRow('городской округ город Кызыл', '4'),
        monitoringRow('Кызылский кожуун', '8'),
        monitoringRow('Кызылский район', '16'),
        monitoringRow('Тоджинский', '32'),
        monitoringRow('Каа–Хемский кожуун', '64'),
        monitoringRow('Каа\u2011Хемский', '128'),
        monitoringRow('ЧАА-ХЁЛЬСКИЙ кожуун'.replace('Ё', 'О'), '256'),
        monitoringRow('«Чаа-Хольский  кожуун»', '512'),
      ]),
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    const staff = (name: string) =>
      monitoringOf(inputs, '2025-12-28', name, 'school')?.staffWriting;
    expect(staff('г. Кызыл')).toBe(1 + 2 + 4);
    expect(staff('Кызылский кожуун')).toBe(8 + 16);
    expect(staff('Тоджинский кожуун')).toBe(32);
    expect(staff('Каа-Хемский кожуун')).toBe(64 + 128);
    expect(staff('Чаа-Хольский кожуун')).toBe(256 + 512);
    expect(inputs.municipalities).toHaveLength(5);
  });

  it('an unknown municipality is an error naming it and the closest known names', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [...rows, monitoringRow('Тоджинскiй кожуун', '1')],
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems).toEqual([
      {
        code: 'unmatched-municipality',
        file: files.monitoring,
        line: 9,
        value: 'Тоджинскiй кожуун',
        // Only names close to it: a typo gets one suggestion, not two unrelated ones.
        suggestions: ['Тоджинский кожуун'],
      },
    ]);
  });

  it('names each unknown municipality once, at its first row', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [
        ...rows,
        monitoringRow('Эрзинский кожуун', '1'),
        monitoringRow('Эрзинский кожуун', '1'),
        monitoringRow('Эрзинский', '1'),
      ],
    });
    const error = problemsOf(() =>
      load({ monitoring: [files.monitoring], headcounts: files.headcounts }),
    );
    expect(error.problems.map((p) => [p.line, 'value' in p && p.value])).toEqual([
      [9, 'Эрзинский кожуун'],
      [11, 'Эрзинский'],
    ]);
  });

  it('--allow-unmatched leaves the rows out with a warning counting them', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => [
        ...rows,
        monitoringRow('Эрзинский кожуун', '1'),
        monitoringRow('Эрзинский кожуун', '1'),
      ],
    });
    const inputs = load({
      monitoring: [files.monitoring],
      headcounts: files.headcounts,
      allowUnmatched: true,
    });
    expect(inputs.warnings).toContainEqual({
      code: 'unmatched-skipped',
      file: files.monitoring,
      line: 9,
      value: 'Эрзинский кожуун',
      rows: 2,
    });
    expect(inputs.municipalities.map((m) => m.name)).not.toContain('Эрзинский кожуун');
  });

  it('a municipality with headcounts but no monitoring rows has a warning for the week', () => {
    const { write } = inputDir();
    const files = writeDataset(write, {
      monitoring: (rows) => rows.filter((r) => r[0] !== 'Тоджинский'),
    });
    const inputs = load({ monitoring: [files.monitoring], headcounts: files.headcounts });
    const { data, warnings } = dataForWeek(inputs, '2025-12-28');
    expect(warnings).toEqual([{ code: 'no-monitoring', municipality: 'Тоджинский кожуун' }]);
    expect(data.find((d) => d.municipality.name === 'Тоджинский кожуун')?.monitoring).toEqual([]);
  });
});

describe('the regional level', () => {
  it.each([
    ['Республика Тыва', 'Региональный уровень'],
    ['Региональный уровень', 'Республика Тыва'],
    ['РЕСПУБЛИКА ТЫВА', 'региональный  уровень'],
  ])('headcounts %j and monitoring %j are one regional row', (inHeadcounts, inMonitoring) => {
    const { write } = inputDir();
    const headcounts = write(
      'h.csv',
      csv([
        RU_HEADCOUNT_HEADER,
        [inHeadcounts, 'РОИВ', '', '80', '0'],
        ['г. Кызыл', 'ОО', '', '1', '1'],
      ]),
    );
    const monitoring = write(
      'm.csv',
      csv([
        RU_MONITORING_HEADER,
        monitoringRow(inMonitoring, '75').map((c) => (c === 'ОО' ? 'РОИВ' : c)),
      ]),
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(inputs.municipalities).toEqual([
      { name: 'Республика Тыва', level: 'regional' },
      { name: 'г. Кызыл', level: 'municipality' },
    ]);
    expect(monitoringOf(inputs, '2025-12-28', 'Республика Тыва', 'authority')?.staffWriting).toBe(
      75,
    );
  });

  it('exists from monitoring rows alone when the headcount file has none of its own', () => {
    const { write } = inputDir();
    const headcounts = write('h.csv', csv([RU_HEADCOUNT_HEADER, ['г. Кызыл', 'ОО', '', '1', '1']]));
    const monitoring = write(
      'm.csv',
      csv([
        RU_MONITORING_HEADER,
        monitoringRow('Региональный уровень', '75').map((c) => (c === 'ОО' ? 'РОИВ' : c)),
        monitoringRow('г. Кызыл', '1'),
      ]),
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(inputs.municipalities).toContainEqual({ name: 'Республика Тыва', level: 'regional' });
    expect(monitoringOf(inputs, '2025-12-28', 'Республика Тыва', 'authority')?.staffWriting).toBe(
      75,
    );
  });
});

describe('OKTMO', () => {
  const headcountsWithOktmo = [
    ['ОКТМО', ...RU_HEADCOUNT_HEADER],
    ['93701000', 'г. Кызыл', 'ОО', '', '10', '10'],
    ['93625000', 'Кызылский кожуун', 'ОО', '', '10', '10'],
    ['93654000', 'Улуг-Хемский кожуун', 'ОО', '', '10', '10'],
  ];
  const monitoringHeader = ['ОКТМО', ...RU_MONITORING_HEADER];

  it('matches by code when both files carry it on every row, whatever the names say', () => {
    const { write } = inputDir();
    const headcounts = write('h.csv', csv(headcountsWithOktmo));
    const monitoring = write(
      'm.csv',
      csv([
        monitoringHeader,
        monitoringRow('Кызыл-Мажалык', '1', '93701000'),
        monitoringRow('Шагонар', '2', '93654000'),
        monitoringRow('Каа-Хем', '4', '93625000'),
        monitoringRow('г. Кызыл', '8', '93654000101'),
      ]),
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    const staff = (name: string) =>
      monitoringOf(inputs, '2025-12-28', name, 'school')?.staffWriting;
    expect(staff('г. Кызыл')).toBe(1);
    expect(staff('Улуг-Хемский кожуун')).toBe(2 + 8);
    expect(staff('Кызылский кожуун')).toBe(4);
  });

  it('an unknown code is unmatched even when the name is known, and the message shows the code', () => {
    const { write } = inputDir();
    const headcounts = write('h.csv', csv(headcountsWithOktmo));
    const monitoring = write(
      'm.csv',
      csv([monitoringHeader, monitoringRow('г. Кызыл', '1', '93999000')]),
    );
    const error = problemsOf(() => load({ monitoring: [monitoring], headcounts }));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'unmatched-municipality', value: 'г. Кызыл (93999000)' }),
    ]);
  });

  it('falls back to names when one monitoring row lacks the code', () => {
    const { write } = inputDir();
    const headcounts = write('h.csv', csv(headcountsWithOktmo));
    const rows = [
      monitoringHeader,
      monitoringRow('Город Кызыл', '1', '93701000'),
      monitoringRow('Улуг-Хемский', '2', ''),
    ];
    const inputs = load({ monitoring: [write('m.csv', csv(rows))], headcounts });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')?.staffWriting).toBe(1);
    expect(monitoringOf(inputs, '2025-12-28', 'Улуг-Хемский кожуун', 'school')?.staffWriting).toBe(
      2,
    );

    // With names, a name normalisation cannot match is unmatched although its code is known.
    const byName = [...rows, monitoringRow('Шагонар', '4', '93654000')];
    const error = problemsOf(() =>
      load({ monitoring: [write('m2.csv', csv(byName))], headcounts }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'unmatched-municipality', value: 'Шагонар' }),
    ]);
  });

  it('falls back to names when one headcount row lacks the code', () => {
    const { write } = inputDir();
    const headcounts = write(
      'h.csv',
      csv([...headcountsWithOktmo, ['', 'Тоджинский кожуун', 'ОО', '', '10', '10']]),
    );
    const monitoring = write(
      'm.csv',
      csv([monitoringHeader, monitoringRow('Кызыл-Мажалык', '1', '93701000')]),
    );
    const error = problemsOf(() => load({ monitoring: [monitoring], headcounts }));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'unmatched-municipality', value: 'Кызыл-Мажалык' }),
    ]);
  });

  it('falls back to names when one of several monitoring files has no ОКТМО column', () => {
    const { write } = inputDir();
    const headcounts = write('h.csv', csv(headcountsWithOktmo));
    const withCode = write(
      'm1.csv',
      csv([monitoringHeader, monitoringRow('Кызыл', '1', '93701000')]),
    );
    const withoutCode = write(
      'm2.csv',
      csv([RU_MONITORING_HEADER, monitoringRow('г. Кызыл', '2')]),
    );
    const inputs = load({ monitoring: [withCode, withoutCode], headcounts });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')?.staffWriting).toBe(3);
  });
});
