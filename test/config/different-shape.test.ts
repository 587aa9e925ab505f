// An export whose header names, type spellings and municipality spellings the
// built-in aliases do not know: without a config it fails with a message that
// says how to map it; with the config of fixtures/different-shape it gives
// exactly the rows of the same data in the standard shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, hasStackTrace, ROOT, runCli, tempDir } from '../helpers/cli.js';

const SHAPE = join(FIXTURES, 'different-shape');
const OTHER = ['-m', join(SHAPE, 'monitoring-2025-12-28.csv'), '-h', join(SHAPE, 'headcounts.csv')];
// The standard twin: the files the different shape was derived from (make.mjs).
const STANDARD = [
  '-m',
  join(FIXTURES, 'monitoring-2025-12-28.csv'),
  '-h',
  join(FIXTURES, 'headcounts.csv'),
];
const REPORT = ['-f', 'json', '--as-of', '2025-12-30', '--baseline-1', '41.7'];

function compute(files: string[], cwd: string, extra: string[] = []) {
  return runCli(['compute', ...files, ...REPORT, ...extra], { cwd });
}

interface Row {
  municipality: string | null;
  level: string;
  indicators: Record<
    string,
    { numerator: number; denominator: number; status: string; gap: number }
  >;
}

describe('a differently shaped export', () => {
  it('without a config fails, listing the headers found, the accepted names and the config key', () => {
    const result = compute(OTHER, tempDir());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    const [municipality] = lines;
    expect(municipality).toContain('headcounts.csv:1: нет обязательного столбца');
    expect(municipality).toContain(
      'Найдены столбцы: «Район», «ИНН», «Учреждение», «Вид учреждения», «Собственность», «Штатная численность», «Контингент».',
    );
    expect(municipality).toContain(
      'Подходят названия: «Муниципалитет», «Муниципальное образование», «МО», «municipality».',
    );
    expect(municipality).toContain('columns.headcounts.municipality');
    for (const field of ['org_type', 'staff', 'students'])
      expect(result.stderr).toContain(`columns.headcounts.${field}`);
  });

  it('the monitoring export alone fails the same way, in English too', () => {
    const dir = tempDir();
    const result = compute(
      ['-m', join(SHAPE, 'monitoring-2025-12-28.csv'), '-h', join(FIXTURES, 'headcounts.csv')],
      dir,
      ['--lang', 'en'],
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the required column .*staff_writing.* is missing\./);
    expect(result.stderr).toContain('"Педагоги, отправившие сообщения"');
    expect(result.stderr).toContain(
      '{ "columns": { "monitoring": { "staff_writing": ["the header in your export"] } } }',
    );
  });

  it('with its config gives exactly the rows of the standard twin', () => {
    const other = compute(OTHER, SHAPE);
    expect(other.stderr).not.toContain('ошибка');
    expect(other.status).toBe(0);
    const standard = compute(STANDARD, tempDir());
    expect(standard.status).toBe(0);
    const rows: Row[] = JSON.parse(other.stdout).rows;
    expect(rows).toEqual(JSON.parse(standard.stdout).rows);
    // fixtures/README.md: г. Кызыл, indicator 1, 28.12.2025 is 3746 / 4996, a fail by 1.
    const kyzyl = rows.find((r) => r.municipality === 'г. Кызыл');
    expect(kyzyl?.indicators['1']).toMatchObject({
      numerator: 3746,
      denominator: 4996,
      status: 'fail',
      gap: 1,
    });
    expect(rows.filter((r) => r.level === 'municipality')).toHaveLength(19);
    expect(rows.find((r) => r.level === 'regional')?.municipality).toBe('Республика Тыва');
    // The private rows were recognised by "негосударственная", the total row was skipped.
    const codes = JSON.parse(other.stdout).warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('private-rows');
    expect(codes).not.toContain('total-mismatch');
  });

  it('with the columns mapped but not the types, the next message names the unknown type', () => {
    const config = JSON.parse(readFileSync(join(SHAPE, 'sferum-kpi.config.json'), 'utf8'));
    const dir = tempDir();
    writeFileSync(join(dir, 'sferum-kpi.config.json'), JSON.stringify({ columns: config.columns }));
    const result = compute(OTHER, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('«Вид учреждения»');
    expect(result.stderr).toContain('«Управление образования»');
  });

  it('the JSON in the missing-column message, pasted into a config, makes the file read', () => {
    const dir = tempDir();
    const standard = readFileSync(join(FIXTURES, 'headcounts.csv'), 'utf8');
    const renamed = standard.replace(/^Муниципалитет,/, 'Район,');
    expect(renamed).not.toBe(standard);
    writeFileSync(join(dir, 'headcounts.csv'), renamed);
    const files = ['-m', join(FIXTURES, 'monitoring-2025-12-28.csv'), '-h', 'headcounts.csv'];
    const failed = compute(files, dir);
    expect(failed.status).toBe(2);
    const snippet = failed.stderr.match(/\{ "columns": .*\} \} \}/)?.[0];
    expect(snippet).toBeDefined();
    const pasted = (snippet ?? '').replace('название столбца в вашей выгрузке', 'Район');
    writeFileSync(join(dir, 'sferum-kpi.config.json'), pasted);
    const fixed = compute(files, dir);
    expect(fixed.stderr).not.toContain('ошибка');
    expect(fixed.status).toBe(0);
    expect(JSON.parse(fixed.stdout).rows).toEqual(
      JSON.parse(compute(STANDARD, tempDir()).stdout).rows,
    );
  });

  it('the README shows this config', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.split('## When your export looks different')[1] ?? '';
    const block = section.match(/```json\n([\s\S]*?)```/)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block ?? '')).toEqual(
      JSON.parse(readFileSync(join(SHAPE, 'sferum-kpi.config.json'), 'utf8')),
    );
  });
});
