// sferum-kpi validate on the bundled fixtures: what fixtures/README.md says
// each file is (encoding, delimiter, rows, skipped lines, weeks), the 19
// municipalities and the regional level, organisations per type, warnings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

const HEADCOUNTS = 'fixtures/headcounts.csv';
const WEEKS = [
  '2025-09-21',
  '2025-09-28',
  '2025-10-05',
  '2025-10-12',
  '2025-11-30',
  '2025-12-07',
  '2025-12-14',
  '2025-12-21',
  '2025-12-28',
  '2026-01-11',
];
const MONITORING = WEEKS.map((week) => `fixtures/monitoring-${week}.csv`);

// fixtures/README.md, "Files and what each exercises".
const DIALECT: Record<string, { encoding: string; bom: boolean; delimiter: string }> = {
  [HEADCOUNTS]: { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2025-09-21.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2025-09-28.csv': { encoding: 'utf-8', bom: true, delimiter: ',' },
  'fixtures/monitoring-2025-10-05.csv': { encoding: 'windows-1251', bom: false, delimiter: ';' },
  'fixtures/monitoring-2025-10-12.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2025-11-30.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2025-12-07.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2025-12-14.csv': { encoding: 'utf-8', bom: false, delimiter: '\t' },
  'fixtures/monitoring-2025-12-21.csv': { encoding: 'windows-1251', bom: false, delimiter: ';' },
  'fixtures/monitoring-2025-12-28.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
  'fixtures/monitoring-2026-01-11.csv': { encoding: 'utf-8', bom: false, delimiter: ',' },
};

// The 17 kozhuuns, Kyzyl and Ak-Dovurak, as the headcount file spells them.
const MUNICIPALITIES = [
  'Бай-Тайгинский кожуун',
  'Барун-Хемчикский кожуун',
  'Дзун-Хемчикский кожуун',
  'Каа-Хемский кожуун',
  'Кызылский кожуун',
  'Монгун-Тайгинский кожуун',
  'Овюрский кожуун',
  'Пий-Хемский кожуун',
  'Сут-Хольский кожуун',
  'Тандинский кожуун',
  'Тере-Хольский кожуун',
  'Тес-Хемский кожуун',
  'Тоджинский кожуун',
  'Улуг-Хемский кожуун',
  'Чаа-Хольский кожуун',
  'Чеди-Хольский кожуун',
  'Эрзинский кожуун',
  'г. Кызыл',
  'г. Ак-Довурак',
];

// fixtures/README.md: state and municipal organisations per type, plus the
// private school (Kyzyl) and two private kindergartens; one row each, every file.
const ORGANISATIONS = {
  school: 171 + 1,
  preschool: 120 + 2,
  spo: 4,
  dod: 25,
  authority: 20,
  subordinate: 4,
};

describe('validate --format json on every fixture', () => {
  const result = runCli(['validate', '-m', ...MONITORING, '-h', HEADCOUNTS, '--format', 'json']);
  const summary = JSON.parse(result.stdout);

  it('exits 0 with no stack trace', () => {
    expect(result.status).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('reports each file as fixtures/README.md documents it', () => {
    expect(summary.files.map((f: { file: string }) => f.file)).toEqual([HEADCOUNTS, ...MONITORING]);
    for (const f of summary.files) {
      expect({ encoding: f.encoding, bom: f.bom, delimiter: f.delimiter }, f.file).toEqual(
        DIALECT[f.file],
      );
      expect(f.rows, f.file).toBe(347);
    }
  });

  it('counts the total row of 11.01.2026 and the blank line of 28.09.2025 as skipped', () => {
    const skipped = Object.fromEntries(
      summary.files.map((f: { file: string; totalRows: number; blankLines: number }) => [
        f.file,
        [f.totalRows, f.blankLines],
      ]),
    );
    expect(skipped['fixtures/monitoring-2026-01-11.csv']).toEqual([1, 0]);
    expect(skipped['fixtures/monitoring-2025-09-28.csv']).toEqual([0, 1]);
    for (const file of [HEADCOUNTS, 'fixtures/monitoring-2025-12-28.csv'])
      expect(skipped[file]).toEqual([0, 0]);
  });

  it('finds one week per monitoring file, ten in all', () => {
    for (const [i, week] of WEEKS.entries()) expect(summary.files[i + 1].weeks).toEqual([week]);
    expect(summary.weeks).toEqual(WEEKS);
  });

  it('finds the 19 municipalities and the regional level, each monitored every week', () => {
    expect(summary.municipalities).toEqual(MUNICIPALITIES);
    expect(summary.regionalLevel).toBe(true);
    expect(summary.unmonitored).toEqual([]);
  });

  it('counts organisations per type in the headcounts and in the latest week', () => {
    expect(summary.organisations).toEqual({
      headcounts: ORGANISATIONS,
      monitoringWeek: '2026-01-11',
      monitoring: ORGANISATIONS,
    });
  });

  it('warns about private rows, the empty cells of 28.12 and the kindergarten students of 11.01', () => {
    expect(summary.warnings).toEqual([
      expect.objectContaining({ code: 'private-rows', file: HEADCOUNTS, rows: 3 }),
      expect.objectContaining({
        code: 'empty-cells',
        file: 'fixtures/monitoring-2025-12-28.csv',
        count: 2,
        columns: ['Родители, активные', 'Пользователи в VK Мессенджере'],
      }),
      expect.objectContaining({
        code: 'preschool-students',
        file: 'fixtures/monitoring-2026-01-11.csv',
        count: 3,
        rows: 1,
      }),
      expect.objectContaining({ code: 'private-rows', rows: 3 }),
    ]);
    for (const warning of summary.warnings) expect(warning.message).toMatch(/\S/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(4);
    expect(result.stderr).toMatch(
      /^предупреждение: fixtures\/monitoring-2025-12-28.csv: пустые ячейки/m,
    );
  });
});

describe('validate as a person reads it', () => {
  it('prints per file its dialect, rows and week, then weeks, municipalities, types, warnings', () => {
    const result = runCli(['validate', '-m', ...MONITORING, '-h', HEADCOUNTS]);
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      'fixtures/headcounts.csv — численность\n  UTF-8, разделитель: «,»; строк данных: 347\n',
    );
    expect(out).toContain(
      'fixtures/monitoring-2025-09-28.csv — мониторинг\n' +
        '  UTF-8 с BOM, разделитель: «,»; строк данных: 347; пропущено пустых строк: 1; неделя 28.09.2025\n',
    );
    expect(out).toContain(
      '  Windows-1251, разделитель: «;»; строк данных: 347; неделя 05.10.2025\n',
    );
    expect(out).toContain(
      '  UTF-8, разделитель: табуляция; строк данных: 347; неделя 14.12.2025\n',
    );
    expect(out).toContain('пустых ячеек (прочитаны как 0): 2; неделя 28.12.2025\n');
    expect(out).toContain('пропущено итоговых строк: 1; неделя 11.01.2026\n');
    expect(out).toContain('Недель: 10, с 21.09.2025 по 11.01.2026');
    expect(out).toContain('Муниципалитетов: 19 и региональный уровень (Республика Тыва):');
    for (const name of MUNICIPALITIES) expect(out).toContain(name);
    expect(out).toContain('У каждого из них есть строки мониторинга за каждую неделю.');
    expect(out).toMatch(
      /Организаций по типам:\s+ОО\s+ДОО\s+СПО\s+ДО\s+органы управления\s+подведомственные\n/,
    );
    expect(out).toMatch(/ {2}численность\s+172\s+122\s+4\s+25\s+20\s+4\n/);
    expect(out).toMatch(/ {2}мониторинг, 11\.01\.2026\s+172\s+122\s+4\s+25\s+20\s+4\n/);
    expect(out).toContain('Предупреждений: 4.\nВходные данные пригодны для расчёта.\n');
  });

  it('--lang en', () => {
    const result = runCli([
      'validate',
      '-m',
      'fixtures/monitoring-2025-12-14.csv',
      '-h',
      HEADCOUNTS,
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'fixtures/monitoring-2025-12-14.csv — monitoring\n  UTF-8, delimiter: tab; data rows: 347; week 2025-12-14\n',
    );
    expect(result.stdout).toContain('Week: 2025-12-14.');
    expect(result.stdout).toContain('Municipalities: 19 and the regional level (Республика Тыва):');
    expect(result.stdout).toMatch(/ {2}headcounts\s+172\s+122\s+4\s+25\s+20\s+4\n/);
    expect(result.stdout).toContain('Warnings: 2.\nThe inputs are usable.\n');
    expect(result.stderr).toMatch(
      /^warning: fixtures\/headcounts.csv: 3 rows of private organisations/,
    );
  });

  it('names the municipalities a week has no monitoring rows for', () => {
    const text = readFileSync('fixtures/monitoring-2025-12-28.csv', 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('Тоджинский'))
      .join('\n');
    const result = runCli(
      ['validate', '-m', 'fixtures/monitoring-2025-12-21.csv', '-', '-h', HEADCOUNTS],
      {
        input: text,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Нет строк мониторинга за 28.12.2025 (числители будут равны 0): Тоджинский кожуун.',
    );
  });
});

describe('a pattern the shell did not expand (cmd.exe, PowerShell)', () => {
  it('reads every file it matches, in name order', () => {
    const result = runCli([
      'validate',
      '-m',
      'fixtures/monitoring-2025-12-*.csv',
      '-h',
      HEADCOUNTS,
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file)).toEqual([
      HEADCOUNTS,
      'fixtures/monitoring-2025-12-07.csv',
      'fixtures/monitoring-2025-12-14.csv',
      'fixtures/monitoring-2025-12-21.csv',
      'fixtures/monitoring-2025-12-28.csv',
    ]);
  });
});

describe('- reads standard input', () => {
  it('a Windows-1251 monitoring export through stdin', () => {
    const bytes = readFileSync('fixtures/monitoring-2025-10-05.csv');
    const result = runCli(['validate', '-m', '-', '-h', HEADCOUNTS, '--format', 'json'], {
      input: bytes,
    });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.files[1]).toMatchObject({
      file: '-',
      encoding: 'windows-1251',
      delimiter: ';',
      rows: 347,
      weeks: ['2025-10-05'],
    });
  });

  it('the headcounts through stdin, named as standard input', () => {
    const result = runCli(['validate', '-m', MONITORING[0] ?? '', '-h', '-'], {
      input: readFileSync(HEADCOUNTS),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'стандартный ввод — численность\n  UTF-8, разделитель: «,»; строк данных: 347\n',
    );
    expect(result.stderr).toContain('предупреждение: <stdin>: частные организации');
  });

  it('an error in stdin names <stdin> and the line', () => {
    const result = runCli(['validate', '-m', '-', '-h', HEADCOUNTS], {
      input: readFileSync('fixtures/errors/bad-week.csv'),
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'ошибка: <stdin>:3: столбец «Неделя»: «31.02.2025» — не неделя.',
    );
  });
});
