// The config file: found in the current directory or named by --config,
// validated; every mistake names the JSON path, the value and what is
// accepted, with exit code 2 and nothing written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/cli/settings.js';
import { type Problem, UserError } from '../../src/errors.js';
import { readConfig } from '../../src/input/config.js';
import { FIXTURES, hasStackTrace, runCli, tempDir } from '../helpers/cli.js';

const ERRORS = join(FIXTURES, 'errors', 'config');
const MONITORING = join(FIXTURES, 'monitoring-2025-12-28.csv');
const HEADCOUNTS = join(FIXTURES, 'headcounts.csv');

function writeConfig(config: unknown, dir = tempDir()): string {
  const file = join(dir, 'sferum-kpi.config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return file;
}

function problemsOf(file: string): Problem[] {
  try {
    readConfig(file);
  } catch (error) {
    if (error instanceof UserError) return error.problems;
    throw error;
  }
  throw new Error('the config was accepted');
}

function compute(args: string[], cwd?: string) {
  return runCli(
    ['compute', '-m', MONITORING, '-h', HEADCOUNTS, '-f', 'json', '--as-of', '2025-10-02', ...args],
    { cwd },
  );
}

describe('finding the config', () => {
  it('reads sferum-kpi.config.json from the current directory', () => {
    const dir = tempDir();
    writeConfig({ baselines: { '1': 41.7 } }, dir);
    const result = compute([], dir);
    expect(result.status).toBe(0);
    const total = JSON.parse(result.stdout).rows.at(-1);
    expect(total.indicators['1'].target).toBe(41.7);
  });

  it('reads the file --config names instead', () => {
    const file = writeConfig({ baselines: { '1': 12.5 } });
    const result = compute(['--config', file]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).rows.at(-1).indicators['1'].target).toBe(12.5);
  });

  it('without a config uses the defaults', () => {
    const result = compute([], tempDir());
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).rows.at(-1).indicators['1'].target).toBeNull();
  });

  it('a --config that does not exist is an error naming it', () => {
    const result = compute(['--config', 'no-such.config.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no-such.config.json: файл не найден');
  });
});

describe('flags over the config over the defaults', () => {
  it('--baseline-1 beats baselines.1 of the config; baselines.2 still applies', () => {
    const file = writeConfig({ baselines: { '1': 41.7, '2': 18.4 } });
    const result = compute(['--config', file, '--baseline-1', '30']);
    expect(result.status).toBe(0);
    const total = JSON.parse(result.stdout).rows.at(-1);
    expect(total.indicators['1'].target).toBe(30);
    expect(total.indicators['2'].target).toBe(18.4);
  });

  it('a municipality of baselines.byMunicipality is held to its own value', () => {
    const file = writeConfig({
      baselines: { '1': 41.7, byMunicipality: { 'Город Кызыл': { '1': 90 } } },
    });
    const rows = JSON.parse(compute(['--config', file]).stdout).rows;
    const kyzyl = rows.find((r: { municipality: string }) => r.municipality === 'г. Кызыл');
    const todzha = rows.find(
      (r: { municipality: string }) => r.municipality === 'Тоджинский кожуун',
    );
    expect(kyzyl.indicators['1'].target).toBe(90);
    expect(todzha.indicators['1'].target).toBe(41.7);
  });

  it('stage2Conditional defaults to true and the config can switch it off', () => {
    expect(loadSettings({}).stage2Conditional).toBe(true);
    const file = writeConfig({ stage2Conditional: false });
    expect(loadSettings({ config: file }).stage2Conditional).toBe(false);
  });
});

describe('comments', () => {
  it('accepts keys starting with $ at any depth', () => {
    const file = writeConfig({
      $comment: 'top',
      columns: { $comment: 'columns', monitoring: { $comment: 'x', municipality: ['Район'] } },
      municipalities: { $comment: 'not a municipality', 'г. Кызыл': ['Кызыл (ГО)'] },
      baselines: { $note: 'n', '1': 41.7, byMunicipality: { $comment: 'c' } },
      roadmap: {
        $comment: 'r',
        name: 'x',
        indicators: {
          $comment: 'i',
          '1': [{ $comment: 's', stage: 1, due: '2025-12-30', target: 75 }],
          '2': [{ stage: 1, due: '2025-12-30', target: 30 }],
          '3': [{ stage: 1, due: '2025-12-30', target: 100 }],
          '4': [{ stage: 1, due: '2025-12-30', target: 100 }],
        },
      },
    });
    const config = readConfig(file);
    expect(config.vocabulary.municipalities).toEqual({ 'г. Кызыл': ['Кызыл (ГО)'] });
    expect(config.roadmap?.indicators['1']).toEqual([{ stage: 1, due: '2025-12-30', target: 75 }]);
  });
});

describe('mistakes in the config', () => {
  it('an unknown top-level key is an error naming it, the accepted keys and the likely one', () => {
    expect(problemsOf(join(ERRORS, 'unknown-key.json'))).toEqual([
      expect.objectContaining({
        code: 'unknown-config-key',
        path: 'orgType',
        suggestion: 'orgTypes',
        accepted: [
          'region',
          'columns',
          'orgTypes',
          'privateOwnership',
          'municipalities',
          'totalRowLabels',
          'baselines',
          'stage2Conditional',
          'roadmap',
        ],
      }),
    ]);
    const result = compute(['--config', join(ERRORS, 'unknown-key.json')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain('unknown-key.json: неизвестный ключ orgType.');
    expect(result.stderr).toContain('Возможно, имелся в виду «orgTypes»');
    expect(result.stderr).toContain('«region», «columns», «orgTypes»');
  });

  it('an unknown field of columns lists the fields of SPEC', () => {
    const [problem] = problemsOf(join(ERRORS, 'unknown-field.json'));
    expect(problem).toMatchObject({
      code: 'unknown-config-key',
      path: 'columns.monitoring.district',
    });
    expect(problem?.code === 'unknown-config-key' && problem.accepted).toEqual([
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
    const headcounts = writeConfig({ columns: { headcounts: { staff_writing: ['x'] } } });
    expect(problemsOf(headcounts)[0]).toMatchObject({
      path: 'columns.headcounts.staff_writing',
      accepted: [
        'municipality',
        'oktmo',
        'org_id',
        'org_name',
        'org_type',
        'ownership',
        'staff',
        'students',
      ],
    });
  });

  it('suggests a key only for a likely typo', () => {
    expect(problemsOf(writeConfig({ stage2conditional: false }))[0]).toMatchObject({
      suggestion: 'stage2Conditional',
    });
    expect(problemsOf(writeConfig({ baselines: { '3': 5 } }))).toEqual([
      expect.objectContaining({ path: 'baselines.3', suggestion: undefined }),
    ]);
  });

  it('a config that is not an object is one error', () => {
    expect(problemsOf(writeConfig('[{ "region": "Республика Тыва" }]'))).toEqual([
      expect.objectContaining({ code: 'bad-config', path: '(root)', expected: 'object' }),
    ]);
  });

  it('an unknown type code is an error listing the codes', () => {
    const file = writeConfig({ orgTypes: { gymnasium: ['Гимназия'] } });
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({
        path: 'orgTypes.gymnasium',
        accepted: ['school', 'preschool', 'spo', 'dod', 'authority', 'subordinate'],
      }),
    ]);
  });

  it('reports every bad value with its path, the value and what is accepted', () => {
    const problems = problemsOf(join(ERRORS, 'bad-values.json'));
    expect(problems.map((p) => p.code === 'bad-config' && [p.path, p.value, p.expected])).toEqual([
      ['region', '""', 'text'],
      ['columns.headcounts.staff', '"Штатная численность"', 'texts'],
      ['baselines.1', '"сорок"', 'percent-or-null'],
      ['baselines.byMunicipality["г. Кызыл"].2', '-5', 'percent-or-null'],
      ['stage2Conditional', '"no"', 'boolean'],
    ]);
    const result = compute(['--config', join(ERRORS, 'bad-values.json'), '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'bad-values.json: stage2Conditional: the value "no" is not accepted. Expected: true or false.',
    );
    expect(result.stderr).toContain(
      'columns.headcounts.staff: the value "Штатная численность" is not accepted. Expected: a list of strings',
    );
  });

  it('checks the roadmap: real ISO dates, positive stage numbers unique per indicator, non-empty stages', () => {
    const problems = problemsOf(join(ERRORS, 'bad-roadmap.json'));
    expect(problems.map((p) => p.code === 'bad-config' && [p.path, p.value, p.expected])).toEqual([
      ['roadmap.indicators.1[0].due', '"2026-02-30"', 'date'],
      ['roadmap.indicators.2[1].stage', '1', 'unique-stage'],
      ['roadmap.indicators.3', '[]', 'stages'],
      ['roadmap.indicators.4[0].stage', '0', 'stage'],
      ['roadmap.indicators.4[0].target', '"baseline"', 'target-percent'],
    ]);
    const result = compute(['--config', join(ERRORS, 'bad-roadmap.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'roadmap.indicators.1[0].due: значение "2026-02-30" не подходит. Ожидается: существующая дата в виде ГГГГ-ММ-ДД',
    );
  });

  it.each([
    // JSON.stringify leaves out a key whose value is undefined.
    ['a missing indicator', { '3': undefined }, 'roadmap.indicators.3', undefined],
    [
      'a date not in ISO form',
      { '1': [{ stage: 1, due: '30.12.2025', target: 75 }] },
      'roadmap.indicators.1[0].due',
      '"30.12.2025"',
    ],
    [
      'a negative target',
      { '1': [{ stage: 1, due: '2025-12-30', target: -1 }] },
      'roadmap.indicators.1[0].target',
      '-1',
    ],
    [
      'a target that is text',
      { '1': [{ stage: 1, due: '2025-12-30', target: '75%' }] },
      'roadmap.indicators.1[0].target',
      '"75%"',
    ],
    [
      'a fractional stage number',
      { '1': [{ stage: 1.5, due: '2025-12-30', target: 75 }] },
      'roadmap.indicators.1[0].stage',
      '1.5',
    ],
    [
      'a stage without a due date',
      { '1': [{ stage: 1, target: 75 }] },
      'roadmap.indicators.1[0].due',
      undefined,
    ],
  ])('rejects %s', (_, roadmap, path, value) => {
    const full = {
      '1': [{ stage: 1, due: '2025-12-30', target: 75 }],
      '2': [{ stage: 1, due: '2025-12-30', target: 30 }],
      '3': [{ stage: 1, due: '2025-12-30', target: 100 }],
      '4': [{ stage: 1, due: '2025-12-30', target: 100 }],
    };
    const config = { roadmap: { name: 'x', indicators: { ...full, ...roadmap } } };
    expect(problemsOf(writeConfig(config))).toEqual([
      expect.objectContaining({ code: 'bad-config', path, value }),
    ]);
  });

  it('a missing value says so', () => {
    const result = compute([
      '--config',
      writeConfig({ roadmap: { indicators: {} } }),
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'roadmap.name: the value is missing. Expected: a non-empty string',
    );
  });

  it('one name for two fields, or two types, is an error naming both', () => {
    expect(problemsOf(join(ERRORS, 'name-clash.json'))).toEqual([
      expect.objectContaining({
        path: 'columns.monitoring.students_active[0]',
        usedBy: 'columns.monitoring.staff_writing',
      }),
      expect.objectContaining({ path: 'orgTypes.school[0]', usedBy: 'orgTypes.dod' }),
    ]);
    const file = writeConfig({
      municipalities: { 'г. Кызыл': ['Кызыл-центр'], 'Кызылский кожуун': ['кызыл-центр'] },
    });
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({
        path: 'municipalities["Кызылский кожуун"][0]',
        usedBy: 'municipalities["г. Кызыл"]',
      }),
    ]);
  });

  it('a baseline of a municipality the headcounts lack is an error with the closest names', () => {
    const result = compute(['--config', join(ERRORS, 'unknown-baseline-municipality.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('«Тоджа»');
    expect(result.stderr).toContain('«Тоджинский кожуун»');
  });

  it('invalid JSON: the line and column of the syntax error', () => {
    const trailing = compute(['--config', join(ERRORS, 'syntax-trailing-comma.json')]);
    expect(trailing.status).toBe(2);
    expect(hasStackTrace(trailing.stderr)).toBe(false);
    expect(trailing.stderr).toContain(
      'syntax-trailing-comma.json: ошибка синтаксиса JSON в строке 3, столбце 44',
    );
    expect(trailing.stderr).toContain('найдено «]»');
    const missing = compute([
      '--config',
      join(ERRORS, 'syntax-missing-comma.json'),
      '--lang',
      'en',
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      'syntax-missing-comma.json: JSON syntax error at line 3, column 3: expected "," or "}", found "\\""',
    );
  });

  it.each([
    ['', 1, 1, null],
    ['{"a": tru}', 1, 7, 'value'],
    ['{\n  "a": "x\n"}', 2, 10, 'string-end'],
    ['{"a": 1} 2', 1, 10, 'end'],
    ['{"a": 01}', 1, 8, 'comma-or-brace'],
    ['{"a": "\\x"}', 1, 9, 'escape'],
    ['[1, 2', 1, 6, 'comma-or-bracket'],
    ["{'a': 1}", 1, 2, 'key'],
  ])('locates the syntax error in %j', (text, line, column, expected) => {
    const [problem] = problemsOf(writeConfig(text));
    expect(problem).toMatchObject({ code: 'config-syntax', at: { line, column } });
    if (expected) expect(problem).toMatchObject({ expected });
  });
});
