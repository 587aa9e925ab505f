// Every error of reading and of the options, run through the built CLI on
// the fixtures of fixtures/errors/: exit code 2, the message names the file,
// line, column and value and says what was expected, no stack trace, nothing
// on stdout, no output file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const E = 'fixtures/errors';
const HEADCOUNTS = 'fixtures/headcounts.csv';
const MONITORING = 'fixtures/monitoring-2025-12-28.csv';

interface Case {
  /** What the case reproduces (the Problem code, and how). */
  name: string;
  args: string[];
  /** validate reads the same inputs; options of compute alone are checked with compute only. */
  validate: boolean;
  /** The file the message names, as given on the command line. */
  file?: string;
  line?: number;
  column?: string;
  value?: string;
  /** What was expected, or the fix: a key phrase of the message. */
  says: (string | RegExp)[];
}

const withHeadcounts = (file: string) => ['-m', MONITORING, '-h', file];
const withMonitoring = (file: string) => ['-m', file, '-h', HEADCOUNTS];

const CASES: Case[] = [
  {
    name: 'file-not-found: a path that does not exist',
    args: withHeadcounts(`${E}/no-such-file.csv`),
    validate: true,
    file: `${E}/no-such-file.csv`,
    says: ['файл не найден', 'Проверьте путь'],
  },
  {
    name: 'file-not-found: a pattern that matches no file',
    args: withMonitoring(`${E}/monitoring-*.csv`),
    validate: true,
    file: `${E}/monitoring-*.csv`,
    says: ['ни один файл не подходит под этот шаблон'],
  },
  {
    name: 'file-unreadable: a folder given as a file',
    args: withHeadcounts(E),
    validate: true,
    file: E,
    says: ['это папка, а не файл'],
  },
  {
    name: 'file-empty',
    args: withHeadcounts(`${E}/file-empty.csv`),
    validate: true,
    file: `${E}/file-empty.csv`,
    says: ['файл пуст', 'Выгрузите отчёт заново'],
  },
  {
    name: 'missing-column (monitoring)',
    args: withMonitoring(`${E}/missing-column-monitoring.csv`),
    validate: true,
    file: `${E}/missing-column-monitoring.csv`,
    line: 1,
    says: [
      'нет обязательного столбца «Родители, активные» (parents_active)',
      'columns.monitoring.parents_active',
    ],
  },
  {
    name: 'missing-column (headcounts)',
    args: withHeadcounts(`${E}/missing-column-headcounts.csv`),
    validate: true,
    file: `${E}/missing-column-headcounts.csv`,
    line: 1,
    says: [
      'нет обязательного столбца «Обучающиеся» (students)',
      '«Численность учащихся»',
      'Численность обучающихся',
    ],
  },
  {
    name: 'missing-column: an Excel export with the report title above the header',
    args: withHeadcounts(`${E}/title-above-header.csv`),
    validate: true,
    file: `${E}/title-above-header.csv`,
    line: 1,
    value: 'Численность работников и обучающихся на 01.09.2025',
    says: ['в строке заголовков одна непустая ячейка', 'удалите строки над строкой заголовков'],
  },
  {
    name: 'missing-column: the two files swapped',
    args: ['-m', HEADCOUNTS, '-h', MONITORING],
    validate: true,
    file: MONITORING,
    line: 1,
    says: ['зато есть все столбцы выгрузки мониторинга', 'файлы перепутаны'],
  },
  {
    name: 'duplicate-column',
    args: withHeadcounts(`${E}/duplicate-column.csv`),
    validate: true,
    file: `${E}/duplicate-column.csv`,
    line: 1,
    column: 'Работники',
    says: ['«Численность работников», «Работники» означают одно и то же', 'Оставьте один'],
  },
  {
    name: 'csv-syntax: an unclosed quote, on the line where it opens',
    args: withMonitoring(`${E}/unclosed-quote.csv`),
    validate: true,
    file: `${E}/unclosed-quote.csv`,
    line: 3,
    says: ['кавычка открыта и не закрыта'],
  },
  {
    name: 'csv-syntax: a quote never closed before a delimiter swallows the next line',
    args: withMonitoring(`${E}/quote-swallows-line.csv`),
    validate: true,
    file: `${E}/quote-swallows-line.csv`,
    line: 3,
    says: ['в эту ячейку попали следующие строки', 'кавычка внутри такой ячейки пишется дважды'],
  },
  {
    name: 'field-count: an unquoted comma in a name',
    args: withMonitoring(`${E}/field-count.csv`),
    validate: true,
    file: `${E}/field-count.csv`,
    line: 3,
    says: ['в строке 12 ячеек, а в заголовке 11', 'должна быть в кавычках'],
  },
  {
    name: 'too-many-columns',
    args: withHeadcounts(`${E}/too-many-columns.csv`),
    validate: true,
    file: `${E}/too-many-columns.csv`,
    line: 1,
    says: ['больше 1000 столбцов', '--delimiter'],
  },
  {
    name: 'bad-count',
    args: withHeadcounts(`${E}/bad-count.csv`),
    validate: true,
    file: `${E}/bad-count.csv`,
    line: 3,
    column: 'Численность работников',
    value: 'н/д',
    says: ['не число людей', 'целое неотрицательное число', 'Исправьте ячейку'],
  },
  {
    name: 'bad-org-type',
    args: withHeadcounts(`${E}/bad-org-type.csv`),
    validate: true,
    file: `${E}/bad-org-type.csv`,
    line: 4,
    column: 'Тип организации',
    value: 'гимназия',
    says: ['Допустимые значения: school, ОО, школа', 'подведомственная', 'orgTypes'],
  },
  {
    name: 'bad-week: 31.02.2025',
    args: withMonitoring(`${E}/bad-week.csv`),
    validate: true,
    file: `${E}/bad-week.csv`,
    line: 3,
    column: 'Неделя',
    value: '31.02.2025',
    says: ['не неделя', '28.12.2025 или 2025-12-28'],
  },
  {
    name: 'empty-municipality',
    args: withHeadcounts(`${E}/empty-municipality.csv`),
    validate: true,
    file: `${E}/empty-municipality.csv`,
    line: 3,
    column: 'Муниципалитет',
    says: ['не указан муниципалитет', 'Заполните ячейку'],
  },
  {
    name: 'vk-above-total',
    args: withMonitoring(`${E}/vk-above-total.csv`),
    validate: true,
    file: `${E}/vk-above-total.csv`,
    line: 3,
    column: 'Пользователи в VK Мессенджере',
    says: ['(930) больше, чем пользователей всего (903)'],
  },
  {
    name: 'unmatched-municipality, with the closest names',
    args: withMonitoring(`${E}/unmatched-municipality.csv`),
    validate: true,
    file: `${E}/unmatched-municipality.csv`,
    line: 3,
    value: 'Тоджинскiй кожуун',
    says: ['Ближайшие: «Тоджинский кожуун»', '--allow-unmatched'],
  },
  {
    name: 'duplicate-file: one export given twice (a second download)',
    args: ['-m', `${E}/duplicate-export.csv`, `${E}/duplicate-export (1).csv`, '-h', HEADCOUNTS],
    validate: true,
    file: `${E}/duplicate-export (1).csv`,
    says: [`те же строки, что в ${E}/duplicate-export.csv`, 'Уберите один из файлов'],
  },
  {
    name: 'no-rows',
    args: withHeadcounts(`${E}/no-rows.csv`),
    validate: true,
    file: `${E}/no-rows.csv`,
    says: ['нет строк с данными', 'выгрузите отчёт заново'],
  },
  {
    name: 'bad-encoding: --encoding utf-8 on a Windows-1251 file',
    args: [...withMonitoring(`${E}/bad-encoding-cp1251.csv`), '--encoding', 'utf-8'],
    validate: true,
    file: `${E}/bad-encoding-cp1251.csv`,
    says: ['не в кодировке UTF-8', '--encoding windows-1251'],
  },
  {
    name: 'not-csv: an Excel workbook given for the headcounts',
    args: withHeadcounts(`${E}/workbook.xlsx`),
    validate: true,
    file: `${E}/workbook.xlsx`,
    says: ['книга электронной таблицы', 'а не CSV', 'сохраните как «CSV UTF-8'],
  },
  {
    name: 'not-csv: Excel "Unicode text" (UTF-16)',
    args: withHeadcounts(`${E}/unicode-text.txt`),
    validate: true,
    file: `${E}/unicode-text.txt`,
    says: ['в кодировке UTF-16', 'сохраните как «CSV UTF-8'],
  },
  {
    name: 'bad-option: --encoding',
    args: [...withMonitoring(MONITORING), '--encoding', 'koi8-r'],
    validate: true,
    value: 'koi8-r',
    says: ['--encoding', 'utf-8, windows-1251'],
  },
  {
    name: 'bad-option: --delimiter',
    args: [...withMonitoring(MONITORING), '--delimiter', '|'],
    validate: true,
    value: '|',
    says: ['--delimiter', 'tab'],
  },
  {
    name: 'bad-option: --as-of 31.02.2025',
    args: [...withMonitoring(MONITORING), '--as-of', '31.02.2025'],
    validate: false,
    value: '31.02.2025',
    says: ['--as-of', 'существующая дата, например 2025-12-30 или 30.12.2025'],
  },
  {
    name: 'bad-option: --baseline-1',
    args: [...withMonitoring(MONITORING), '--baseline-1', 'сорок'],
    validate: false,
    value: 'сорок',
    says: ['--baseline-1', 'процент, например 41,7'],
  },
  {
    name: 'week-not-found',
    args: [...withMonitoring(MONITORING), '--week', '2025-12-14'],
    validate: false,
    says: ['недели 2025-12-14 нет в выгрузке', 'Есть недели: 2025-12-28', '--week'],
  },
  {
    name: 'bad-percent (baseline CSV)',
    args: [...withMonitoring(MONITORING), '--baseline', `${E}/baseline-bad-percent.csv`],
    validate: false,
    file: `${E}/baseline-bad-percent.csv`,
    line: 3,
    column: 'value',
    value: 'сорок',
    says: ['не процент', '41,7'],
  },
  {
    name: 'bad-baseline-file (CSV without indicator and value)',
    args: [...withMonitoring(MONITORING), '--baseline', `${E}/baseline-no-columns.csv`],
    validate: false,
    file: `${E}/baseline-no-columns.csv`,
    line: 1,
    says: ['нет столбцов indicator и value', 'CSV со столбцами indicator, value'],
  },
  {
    name: 'bad-baseline-file (JSON with a decimal comma)',
    args: [...withMonitoring(MONITORING), '--baseline', `${E}/baseline-bad.json`],
    validate: false,
    file: `${E}/baseline-bad.json`,
    line: 1,
    says: ['ошибка синтаксиса JSON', '17.7, а не 17,7'],
  },
  {
    name: 'unknown-baseline-municipality',
    args: [...withMonitoring(MONITORING), '--baseline', `${E}/baseline-unknown-municipality.csv`],
    validate: false,
    file: `${E}/baseline-unknown-municipality.csv`,
    value: 'Кызыл-Мажалык',
    says: ['Ближайшие: «г. Кызыл»', 'Исправьте название'],
  },
];

function expectUserError(
  result: ReturnType<typeof runCli>,
  c: Omit<Case, 'name' | 'args' | 'validate'>,
) {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stderr).not.toMatch(/internal error|TypeError|undefined/);
  expect(result.stderr).toMatch(/^ошибка: /m);
  if (c.file !== undefined)
    expect(result.stderr).toContain(c.line === undefined ? `${c.file}: ` : `${c.file}:${c.line}: `);
  if (c.column !== undefined) expect(result.stderr).toContain(`столбец «${c.column}»`);
  if (c.value !== undefined) expect(result.stderr).toContain(`«${c.value}»`);
  for (const phrase of c.says) expect(result.stderr).toMatch(phrase);
}

describe.each(CASES)('$name', (c) => {
  it('compute: exit 2, a clear message, nothing written', () => {
    const out = join(tempDir(), 'report.csv');
    const result = runCli(['compute', ...c.args, '--format', 'csv', '--out', out]);
    expectUserError(result, c);
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(c.validate)('validate: exit 2, the same message', () => {
    expectUserError(runCli(['validate', ...c.args]), c);
  });
});

describe('errors beyond one fixture', () => {
  it('many bad cells: the first 20 are listed, then "and N more"', () => {
    const file = `${E}/many-bad-counts.csv`;
    for (const command of ['compute', 'validate']) {
      const result = runCli([command, ...withHeadcounts(file)]);
      expectUserError(result, {
        file,
        line: 2,
        column: 'Численность работников',
        value: '1.5',
        says: [],
      });
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(21);
      expect(lines[19]).toContain(`${file}:21: столбец «Численность работников»: значение «20.5»`);
      expect(lines[20]).toBe('ошибка: …и ещё ошибок: 5. Исправьте показанные и запустите снова.');
    }
  });

  it('output-is-input: --out naming the headcount file leaves it untouched', () => {
    const hash = () => createHash('sha256').update(readFileSync(HEADCOUNTS)).digest('hex');
    const before = hash();
    const result = runCli(['compute', ...withMonitoring(MONITORING), '--out', HEADCOUNTS]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain(
      `ошибка: ${HEADCOUNTS}: --out указывает на один из входных файлов`,
    );
    expect(hash()).toBe(before);
  });

  it('output-failed: --out into a folder that does not exist', () => {
    const out = join(tempDir(), 'no', 'such', 'report.csv');
    const result = runCli(['compute', ...withMonitoring(MONITORING), '--out', out]);
    expectUserError(result, { file: out, says: ['нет такой папки', '--out'] });
    expect(existsSync(out)).toBe(false);
  });

  it('cell-too-long: a quote left open over more than a million characters', () => {
    // Generated, not a fixture: a megabyte is no tiny file.
    const file = join(tempDir(), 'runaway.csv');
    const header = readFileSync(MONITORING, 'utf8').split('\n')[0];
    const row =
      'Бай-Тайгинский кожуун,1700093949,Управление образования,ОМСУ,муниципальная,28.12.2025,15,0,0,2,15\n';
    writeFileSync(file, `${header}\n${row.replace(',У', ',"У')}${row.repeat(12_000)}`);
    for (const command of ['compute', 'validate']) {
      expectUserError(runCli([command, ...withMonitoring(file)]), {
        file,
        line: 2,
        says: ['длиннее 1000000 символов', 'не закрыта кавычка'],
      });
    }
  });

  it('a missing required option exits 2 and names it', () => {
    const result = runCli(['compute', '-m', MONITORING]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ошибка: не указан обязательный параметр -h, --headcounts <file>. Справка: sferum-kpi <команда> --help.\n',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('a refused command line is said in the chosen language, exit 2', () => {
    const ru = runCli(['compute', '-m', MONITORING, '-h', HEADCOUNTS, '--format', 'xml']);
    expect(ru.status).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr).toContain(
      'недопустимое значение -f, --format <format>: «xml»; допустимо: table, csv, json',
    );
    const en = runCli([
      'compute',
      '-m',
      MONITORING,
      '-h',
      HEADCOUNTS,
      '--format',
      'xml',
      '--lang',
      'en',
    ]);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("argument 'xml' is invalid. Allowed choices are table, csv, json");
    const unknown = runCli(['frob']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('неизвестная команда frob');
  });

  it('--lang en: the same facts in English', () => {
    const file = `${E}/bad-count.csv`;
    const result = runCli(['validate', ...withHeadcounts(file), '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: ${file}:3: column «Численность работников»: "н/д" is not a number of people. ` +
        'Expected a non-negative whole number such as 1 234 (an empty cell or "-" reads as 0). Fix the cell.\n',
    );
  });

  it('--lang en: a baseline JSON syntax error', () => {
    const result = runCli([
      'compute',
      ...withMonitoring(MONITORING),
      '--baseline',
      `${E}/baseline-bad.json`,
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `error: ${E}/baseline-bad.json:1: cannot read the baseline file: JSON syntax error`,
    );
    expect(result.stderr).toContain('17.7, not 17,7');
  });
});
