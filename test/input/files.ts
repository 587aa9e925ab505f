// Small input files written to a temporary directory, read through the public
// loadInputs, and the aggregates it returns as plain data to compare.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { type Inputs, loadInputs, type ReadOptions } from '../../src/input/load.js';
import { buildVocabulary, type VocabularyAdditions } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';

// Windows-1251 encoder: the inverse of the decoder's table of 256 bytes.
const CP1251 = new Map<string, number>();
{
  const decoder = new TextDecoder('windows-1251');
  for (let byte = 0; byte < 256; byte++) CP1251.set(decoder.decode(Uint8Array.of(byte)), byte);
}

export function encode(text: string, encoding: FileEncoding): Uint8Array {
  if (encoding === 'windows-1251') {
    return Uint8Array.from([...text], (ch) => {
      const byte = CP1251.get(ch);
      if (byte === undefined) throw new Error(`not in windows-1251: U+${ch.codePointAt(0)}`);
      return byte;
    });
  }
  const utf8 = new TextEncoder().encode(text);
  return encoding === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
}

/** A directory to write the files of one test into. */
export function inputDir() {
  const dir = tempDir();
  return {
    dir,
    write(name: string, text: string, encoding: FileEncoding = 'utf-8'): string {
      const path = join(dir, name);
      writeFileSync(path, encode(text, encoding));
      return path;
    },
  };
}

/** Rows as CSV text: quotes only where RFC 4180 needs them. */
export function csv(rows: readonly (readonly string[])[], delimiter = ',', eol = '\n'): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
}

export function load(
  options: Partial<ReadOptions> & { monitoring: string[]; headcounts: string },
  additions?: VocabularyAdditions,
): Inputs {
  return loadInputs({ vocabulary: buildVocabulary(additions), ...options });
}

/** The problems loadInputs (or any call) throws, or a failure when it does not throw. */
export function problemsOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, but the call succeeded');
}

type Sums = Record<string, number>;

/** Headcounts and monitoring sums by municipality name and cell (type[:private]), as plain data. */
export function aggregates(inputs: Inputs) {
  const headcounts: Record<string, Record<string, Sums>> = {};
  for (const [municipality, cells] of inputs.headcounts) {
    const out: Record<string, Sums> = {};
    for (const [key, cell] of cells) out[key] = { ...cell.sums };
    headcounts[`${municipality.level}:${municipality.name}`] = out;
  }
  const monitoring: Record<string, Record<string, Record<string, Sums>>> = {};
  for (const [week, byMunicipality] of inputs.monitoring) {
    const perWeek: Record<string, Record<string, Sums>> = {};
    for (const [municipality, cells] of byMunicipality) {
      const out: Record<string, Sums> = {};
      for (const [key, cell] of cells) out[key] = { ...cell.sums };
      perWeek[`${municipality.level}:${municipality.name}`] = out;
    }
    monitoring[week] = perWeek;
  }
  return { headcounts, monitoring, weeks: inputs.weeks };
}

/** The monitoring sums of one municipality (by its headcount name) and cell, for one week. */
export function monitoringOf(inputs: Inputs, week: string, name: string, cell: string) {
  for (const [municipality, cells] of inputs.monitoring.get(week) ?? []) {
    if (municipality.name === name) return cells.get(cell)?.sums;
  }
  return undefined;
}

export function headcountsOf(inputs: Inputs, name: string, cell: string) {
  for (const [municipality, cells] of inputs.headcounts) {
    if (municipality.name === name) return cells.get(cell)?.sums;
  }
  return undefined;
}

export const RU_HEADCOUNT_HEADER = [
  'Муниципалитет',
  'Тип организации',
  'Форма собственности',
  'Численность работников',
  'Численность обучающихся',
];
export const RU_MONITORING_HEADER = [
  'Муниципалитет',
  'Организация',
  'Тип организации',
  'Форма собственности',
  'Неделя',
  'Работники, пишущие сообщения',
  'Обучающиеся, активные',
  'Родители, активные',
  'Пользователи в VK Мессенджере',
  'Пользователи, всего',
];
export const EN_HEADCOUNT_HEADER = ['municipality', 'org_type', 'ownership', 'staff', 'students'];
export const EN_MONITORING_HEADER = [
  'municipality',
  'organization',
  'org_type',
  'ownership',
  'week',
  'staff_writing',
  'students_active',
  'parents_active',
  'users_vk',
  'users_total',
];

/**
 * A small region: Kyzyl (a school, a kindergarten, a private school),
 * Кызылский кожуун, Тоджинский кожуун and the regional level. Counts of a
 * thousand or more carry a space as the thousands separator.
 */
export const HEADCOUNT_ROWS = [
  ['г. Кызыл', 'школа', 'муниципальная', '1 234', '12 345'],
  ['г. Кызыл', 'детский сад', '', '300', '2 500'],
  ['г. Кызыл', 'ОО', 'частная', '20', '150'],
  ['Кызылский кожуун', 'ОО', '', '456', '4 100'],
  ['Тоджинский кожуун', 'УДО', '', '30', '700'],
  ['Республика Тыва', 'РОИВ', 'государственная', '80', '0'],
  ['Республика Тыва', 'подведомственная', '', '40', '0'],
];

/** One week of monitoring; names spelled differently from the headcounts. */
export const MONITORING_ROWS = [
  [
    'Город Кызыл',
    'МБОУ "Гимназия № 9", г. Кызыл',
    'ОО',
    '',
    '28.12.2025',
    '1 000',
    '4 000',
    '3 500',
    '1 200',
    '9 000',
  ],
  [
    'городской округ город Кызыл',
    'МБДОУ детский сад "Ромашка"',
    'ДОО',
    '',
    '28.12.2025',
    '250',
    '0',
    '1 800',
    '300',
    '2 100',
  ],
  [
    'г. Кызыл',
    'ЧОУ «Школа "Развитие"»',
    'ОО',
    'частная',
    '28.12.2025',
    '15',
    '100',
    '90',
    '50',
    '200',
  ],
  [
    'Кызылский кожуун',
    'МБОУ Кызылская СОШ',
    'школа',
    '',
    '28.12.2025',
    '400',
    '2 000',
    '1 500',
    '700',
    '3 900',
  ],
  [
    'Тоджинский',
    'МБУ ДО «Дом детского творчества»',
    'ДО',
    '',
    '28.12.2025',
    '20',
    '300',
    '0',
    '100',
    '320',
  ],
  [
    'Республика Тыва',
    'Министерство образования',
    'РОИВ',
    '',
    '28.12.2025',
    '75',
    '0',
    '0',
    '10',
    '80',
  ],
  [
    'Региональный уровень',
    'ГАУ ДПО «Институт развития образования»',
    'подведомственная',
    '',
    '28.12.2025',
    '38',
    '0',
    '0',
    '5',
    '40',
  ],
];

/** The dataset's aggregates, summed by hand from the rows above. */
export const DATASET_AGGREGATES = {
  headcounts: {
    'municipality:г. Кызыл': {
      school: { staff: 1234, students: 12345, rows: 1 },
      preschool: { staff: 300, students: 2500, rows: 1 },
      'school:private': { staff: 20, students: 150, rows: 1 },
    },
    'municipality:Кызылский кожуун': { school: { staff: 456, students: 4100, rows: 1 } },
    'municipality:Тоджинский кожуун': { dod: { staff: 30, students: 700, rows: 1 } },
    'regional:Республика Тыва': {
      authority: { staff: 80, students: 0, rows: 1 },
      subordinate: { staff: 40, students: 0, rows: 1 },
    },
  },
  monitoring: {
    '2025-12-28': {
      'municipality:г. Кызыл': {
        school: m(1000, 4000, 3500, 1200, 9000),
        preschool: m(250, 0, 1800, 300, 2100),
        'school:private': m(15, 100, 90, 50, 200),
      },
      'municipality:Кызылский кожуун': { school: m(400, 2000, 1500, 700, 3900) },
      'municipality:Тоджинский кожуун': { dod: m(20, 300, 0, 100, 320) },
      'regional:Республика Тыва': {
        authority: m(75, 0, 0, 10, 80),
        subordinate: m(38, 0, 0, 5, 40),
      },
    },
  },
  weeks: ['2025-12-28'],
};

function m(
  staffWriting: number,
  studentsActive: number,
  parentsActive: number,
  usersVk: number,
  usersTotal: number,
  rows = 1,
) {
  return { staffWriting, studentsActive, parentsActive, usersVk, usersTotal, rows };
}

/** The dataset written as two Russian UTF-8 CSV files, rows replaced or added as a test needs. */
export function writeDataset(
  write: (name: string, text: string) => string,
  change: {
    headcounts?: (rows: string[][]) => string[][];
    monitoring?: (rows: string[][]) => string[][];
  } = {},
) {
  const headcountRows = [RU_HEADCOUNT_HEADER, ...HEADCOUNT_ROWS.map((r) => [...r])];
  const monitoringRows = [RU_MONITORING_HEADER, ...MONITORING_ROWS.map((r) => [...r])];
  return {
    headcounts: write('headcounts.csv', csv(change.headcounts?.(headcountRows) ?? headcountRows)),
    monitoring: write('monitoring.csv', csv(change.monitoring?.(monitoringRows) ?? monitoringRows)),
  };
}
