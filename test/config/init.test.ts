// sferum-kpi init [DIR]: a starter config with every key at its default and a
// comment on each, empty CSV templates Excel opens, and nothing overwritten
// without --force.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/input/config.js';
import { mapColumns } from '../../src/input/table.js';
import {
  buildVocabulary,
  HEADCOUNT_COLUMNS,
  MONITORING_COLUMNS,
} from '../../src/input/vocabulary.js';
import { FIXTURES, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const FILES = ['sferum-kpi.config.json', 'monitoring-template.csv', 'headcounts-template.csv'];

function init(args: string[] = [], cwd?: string) {
  const dir = join(tempDir(), 'new', 'folder');
  const result = runCli(['init', dir, ...args], { cwd });
  return { dir, result };
}

function computeJson(cwd: string, extra: string[] = []) {
  const result = runCli(
    [
      'compute',
      '-m',
      join(FIXTURES, 'monitoring-2025-12-28.csv'),
      '-h',
      join(FIXTURES, 'headcounts.csv'),
      '-f',
      'json',
      ...extra,
    ],
    { cwd },
  );
  expect(result.stderr).not.toContain('ошибка');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('sferum-kpi init', () => {
  it('writes the config and both templates into DIR, creating it', () => {
    const { dir, result } = init();
    expect(result.status).toBe(0);
    for (const name of FILES) {
      expect(existsSync(join(dir, name))).toBe(true);
      expect(result.stdout).toContain(join(dir, name));
    }
  });

  it('writes every key with its default and a comment saying what it does', () => {
    const { dir } = init();
    const config = JSON.parse(readFileSync(join(dir, 'sferum-kpi.config.json'), 'utf8'));
    const keys = Object.keys(config).filter((k) => !k.startsWith('$'));
    expect(keys).toEqual([...CONFIG_KEYS]);
    for (const key of keys) expect(config[`$comment.${key}`]).toMatch(/\S{3,}/);
    expect(config.region).toBe('Республика Тыва');
    expect(config.stage2Conditional).toBe(true);
    expect(config.baselines).toEqual({ '1': null, '2': null, byMunicipality: {} });
    expect(Object.keys(config.columns.monitoring).filter((k) => !k.startsWith('$'))).toEqual([
      'municipality',
      'oktmo',
      'org_id',
      'org_name',
      'org_type',
      'ownership',
      'week',
      'staff_writing',
      'students_active',
      'parents_active',
      'users_vk',
      'users_total',
    ]);
    expect(config.columns.monitoring['$comment.municipality']).toContain('«Муниципалитет»');
    expect(config.roadmap.name).toBe('tyva-2025');
    expect(config.roadmap.indicators['1'][1]).toEqual({
      stage: 2,
      due: '2025-12-30',
      target: 75,
      conditional: true,
    });
  });

  it.each([
    ['ru', []],
    ['en', ['--lang', 'en']],
  ])('the written config (%s) loads back and gives the same report as no config', (_, lang) => {
    const { dir, result } = init(lang);
    expect(result.status).toBe(0);
    const withoutConfig = tempDir();
    for (const extra of [[], ['--as-of', '2025-10-02', '--baseline-1', '41.7']]) {
      expect(computeJson(dir, extra)).toBe(computeJson(withoutConfig, extra));
    }
  });

  it('writes templates with the Russian headers, UTF-8 with BOM and ";", that read as both inputs', () => {
    const { dir } = init();
    const vocabulary = buildVocabulary();
    for (const [name, kind, columns] of [
      ['monitoring-template.csv', 'monitoring', MONITORING_COLUMNS],
      ['headcounts-template.csv', 'headcounts', HEADCOUNT_COLUMNS],
    ] as const) {
      const bytes = readFileSync(join(dir, name));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const headers = bytes.toString('utf8').slice(1).trimEnd().split(';');
      expect(headers[0]).toBe('Муниципалитет');
      const mapped = mapColumns(headers, kind, vocabulary, name);
      expect(Object.keys(mapped).sort()).toEqual(Object.keys(columns).sort());
    }
  });

  it('a filled-in template is an input compute reads', () => {
    const { dir } = init();
    appendFileSync(
      join(dir, 'headcounts-template.csv'),
      'Тандинский кожуун;;;МБОУ СОШ с. Бай-Хаак;школа;муниципальная;40;400\r\n',
    );
    appendFileSync(
      join(dir, 'monitoring-template.csv'),
      'Тандинский кожуун;;;МБОУ СОШ с. Бай-Хаак;ОО;муниципальная;28.12.2025;30;100;90;10;500\r\n',
    );
    const result = runCli(
      ['compute', '-m', 'monitoring-template.csv', '-h', 'headcounts-template.csv', '-f', 'json'],
      { cwd: dir },
    );
    expect(result.status).toBe(0);
    const total = JSON.parse(result.stdout).rows.at(-1);
    // 30 of 40 staff; 100 students + 90 parents of 2 × 400.
    expect(total.indicators['1']).toMatchObject({ numerator: 30, denominator: 40 });
    expect(total.indicators['2']).toMatchObject({ numerator: 190, denominator: 800 });
  });

  it('never overwrites: one existing file and nothing is written, exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'monitoring-template.csv'), 'my own file');
    const result = runCli(['init', dir]);
    expect(result.status).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain(
      `${join(dir, 'monitoring-template.csv')}: файл уже существует. Добавьте --force`,
    );
    expect(readFileSync(join(dir, 'monitoring-template.csv'), 'utf8')).toBe('my own file');
    expect(existsSync(join(dir, 'sferum-kpi.config.json'))).toBe(false);
    expect(existsSync(join(dir, 'headcounts-template.csv'))).toBe(false);
  });

  it('writes into the current directory by default, and --force overwrites', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'sferum-kpi.config.json'), '{ "region": "Республика Алтай" }');
    const again = runCli(['init', '--lang', 'en'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('sferum-kpi.config.json: the file exists. Add --force');
    expect(runCli(['init', '--force'], { cwd: dir }).status).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'sferum-kpi.config.json'), 'utf8'));
    expect(config.region).toBe('Республика Тыва');
  });
});
