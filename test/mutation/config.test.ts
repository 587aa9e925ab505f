// The config file (src/input/config.ts): where a JSON syntax error is, how a
// path is written, what a config reads to, and which mistakes it names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Problem, UserError } from '../../src/errors.js';
import { jsonPath, jsonSyntaxError, readConfig, stripComments } from '../../src/input/config.js';
import { tempDir } from '../helpers/cli.js';
import { runs } from '../property/runs.js';

function configFile(content: unknown): string {
  const file = join(tempDir(), 'sferum-kpi.config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function problemsOf(content: unknown): Problem[] {
  const file = configFile(content);
  try {
    readConfig(file);
  } catch (error) {
    if (error instanceof UserError)
      return error.problems.map((p) => ({ ...p, file: p.file === file ? '<config>' : p.file }));
    throw error;
  }
  throw new Error('the config was read');
}

describe('jsonSyntaxError', () => {
  it.each([
    ['', 1, 1, null, 'value'],
    ['   ', 1, 4, null, 'value'],
    ['{"a" 1}', 1, 6, '1', 'colon'],
    ['{"a":1 "b":2}', 1, 8, '"', 'comma-or-brace'],
    ['{"a":1,}', 1, 8, '}', 'key'],
    ['{1:2}', 1, 2, '1', 'key'],
    ['[1 2]', 1, 4, '2', 'comma-or-bracket'],
    ['[1,]', 1, 4, ']', 'value'],
    ['"abc', 1, 5, null, 'string-end'],
    ['"a\tb"', 1, 3, '\t', 'string-end'],
    ['"a\\x"', 1, 4, 'x', 'escape'],
    ['"\\u12G4"', 1, 3, 'u', 'escape'],
    ['"\\', 1, 3, null, 'escape'],
    ['-', 1, 2, null, 'digit'],
    ['-x', 1, 2, 'x', 'digit'],
    ['1.', 1, 3, null, 'digit'],
    ['1.e5', 1, 3, 'e', 'digit'],
    ['1e', 1, 3, null, 'digit'],
    ['1E+', 1, 4, null, 'digit'],
    ['01', 1, 2, '1', 'end'],
    ['1 2', 1, 3, '2', 'end'],
    ['tru', 1, 1, 't', 'value'],
    ['nul', 1, 1, 'n', 'value'],
    ["{'a':1}", 1, 2, "'", 'key'],
    ['{\n  "a": 1,\n  "b": ]\n}', 3, 8, ']', 'value'],
    ['{\r\n  "a": [true, false, null,\r\n  x]\r\n}', 3, 3, 'x', 'value'],
  ])('%j: line %i, column %i, found %j, expected %s', (text, line, column, found, expected) => {
    expect(jsonSyntaxError(text)).toEqual({ line, column, found, expected });
  });

  it.each([
    '{}',
    '[]',
    ' { "a" : [ 1 , -2.5e+3 , 0 , 1E-2 , "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9" ] , "b" : { } } ',
    'true',
    'false',
    'null',
    '-0',
    '"г. Кызыл"',
  ])('finds nothing wrong in %j', (text) => {
    expect(jsonSyntaxError(text)).toBeNull();
  });

  it('agrees with JSON.parse on any JSON and on damaged JSON', () => {
    const damaged = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', '"', ',', ':', '}', ']', '\\', 'x', '-', '.', 'e', '\n', '\u0001'),
      )
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = jsonSyntaxError(text);
        expect(error === null).toBe(valid);
        if (error) {
          const lines = text.split('\n');
          expect(error.line).toBeLessThanOrEqual(lines.length);
          expect(error.column).toBeLessThanOrEqual((lines[error.line - 1]?.length ?? 0) + 1);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('jsonPath', () => {
  it.each([
    [['roadmap', 'indicators', '3', 0, 'due'], 'roadmap.indicators.3[0].due'],
    [['municipalities', 'г. Кызыл', 1], 'municipalities["г. Кызыл"][1]'],
    [['columns', 'monitoring', 'staff_writing'], 'columns.monitoring.staff_writing'],
    [['_x1'], '_x1'],
    [['a b'], '["a b"]'],
    [['1a'], '["1a"]'],
    [['x', 'a-b'], 'x["a-b"]'],
    [['12'], '12'],
    [[], '(root)'],
  ])('%j is %s', (path, written) => {
    expect(jsonPath(path)).toBe(written);
  });
});

describe('stripComments', () => {
  it('drops keys starting with $ at any depth, in objects inside arrays too', () => {
    expect(
      stripComments({
        $comment: 'x',
        a: [{ $c: 1, b: 2 }, 3, null, 'text'],
        c: { $d: { e: 1 }, f: { g: 1, $h: 2 } },
      }),
    ).toEqual({ a: [{ b: 2 }, 3, null, 'text'], c: { f: { g: 1 } } });
    expect(stripComments(null)).toBeNull();
    expect(stripComments(7)).toBe(7);
  });
});

describe('readConfig', () => {
  it('reads baselines as percentages, leaving out the ones set to null', () => {
    const config = readConfig(
      configFile({
        baselines: {
          '1': '41,7 %',
          '2': null,
          byMunicipality: { 'г. Кызыл': { '1': 45.5, '2': '20' }, Тоджинский: { '2': null } },
        },
      }),
    );
    expect(config.baselines).toEqual({
      region: { '1': 41.7 },
      byName: { 'г. Кызыл': { '1': 45.5, '2': 20 }, Тоджинский: {} },
    });
  });

  it('reads a roadmap stage by stage, with the conditional mark only where given', () => {
    const stages = (target: number | 'baseline') => [
      { stage: 1, due: '2026-03-01', target },
      { stage: 2, due: '2026-09-01', target: 80, conditional: true },
      { stage: 3, due: '2026-12-01', target: 90, conditional: false },
    ];
    const config = readConfig(
      configFile({
        roadmap: {
          name: 'tyva-2026',
          indicators: {
            '1': stages('baseline'),
            '2': stages(20),
            '3': stages(50),
            '4': stages(60),
          },
        },
        stage2Conditional: false,
      }),
    );
    expect(config.stage2Conditional).toBe(false);
    expect(config.roadmap?.name).toBe('tyva-2026');
    expect(config.roadmap?.indicators['1']).toEqual([
      { stage: 1, due: '2026-03-01', target: 'baseline' },
      { stage: 2, due: '2026-09-01', target: 80, conditional: true },
      { stage: 3, due: '2026-12-01', target: 90, conditional: false },
    ]);
    expect(Object.keys(config.roadmap?.indicators['1'][0] ?? {})).not.toContain('conditional');
    expect(config.roadmap?.indicators['4'][0]?.target).toBe(60);
  });

  it('passes the words on to the vocabulary', () => {
    const config = readConfig(
      configFile({
        $comment: 'for Tyva',
        region: 'Республика Тыва',
        columns: {
          monitoring: { staff_writing: ['Пишущие сотрудники'] },
          headcounts: { staff: ['Штат'] },
        },
        orgTypes: { school: ['СОШ'] },
        privateOwnership: ['негосударственная'],
        municipalities: { 'г. Кызыл': ['Кызыл-сити'] },
        totalRowLabels: ['Итого по республике'],
      }),
    );
    expect(config.vocabulary).toEqual({
      region: 'Республика Тыва',
      columns: {
        monitoring: { staff_writing: ['Пишущие сотрудники'] },
        headcounts: { staff: ['Штат'] },
      },
      orgTypes: { school: ['СОШ'] },
      privateOwnership: ['негосударственная'],
      municipalities: { 'г. Кызыл': ['Кызыл-сити'] },
      totalRowLabels: ['Итого по республике'],
    });
    expect(config.baselines).toEqual({ region: {}, byName: {} });
    expect(config.roadmap).toBeUndefined();
  });

  it('names a JSON syntax error by line and column', () => {
    expect(problemsOf('{\n  "region": "Тыва",\n  "stage2Conditional": tru\n}')).toEqual([
      {
        code: 'config-syntax',
        file: '<config>',
        at: { line: 3, column: 24 },
        found: 't',
        expected: 'value',
      },
    ]);
  });

  it('suggests the key a misspelt one is closest to, but not for a short key', () => {
    expect(problemsOf({ regoin: 'Тыва', x: 1 })).toEqual([
      expect.objectContaining({
        code: 'unknown-config-key',
        path: 'regoin',
        key: 'regoin',
        suggestion: 'region',
      }),
      expect.objectContaining({
        code: 'unknown-config-key',
        path: 'x',
        key: 'x',
        suggestion: undefined,
      }),
    ]);
    expect(problemsOf({ baselines: { '3': 40 } })).toEqual([
      expect.objectContaining({ path: 'baselines.3', key: '3', suggestion: undefined }),
    ]);
    expect(problemsOf({ stage2conditionl: true })).toEqual([
      expect.objectContaining({ key: 'stage2conditionl', suggestion: 'stage2Conditional' }),
    ]);
    expect(problemsOf({ privateOwnerXYZ: [] })[0]).toMatchObject({
      suggestion: 'privateOwnership',
    });
    expect(problemsOf({ zzzzzzzzzzzz: [] })[0]).toMatchObject({ suggestion: undefined });
  });

  it('reports a misspelt key even when another value is wrong too', () => {
    expect(problemsOf({ region: 5, columns: { monitorin: {} } })).toEqual([
      expect.objectContaining({ code: 'bad-config', path: 'region', value: '5', expected: 'text' }),
      expect.objectContaining({ code: 'unknown-config-key', path: 'columns.monitorin' }),
    ]);
  });

  it('names a wrong value by its path, shortened past 80 characters', () => {
    const long = 'x'.repeat(100);
    expect(problemsOf({ stage2Conditional: long })).toEqual([
      {
        code: 'bad-config',
        file: '<config>',
        path: 'stage2Conditional',
        value: `"${'x'.repeat(76)}…`,
        expected: 'boolean',
      },
    ]);
    expect(problemsOf({ stage2Conditional: 'x'.repeat(78) })[0]).toMatchObject({
      value: `"${'x'.repeat(78)}"`,
    });
    expect(problemsOf({ baselines: { '1': 'много', '2': true } })).toEqual([
      expect.objectContaining({
        path: 'baselines.1',
        value: '"много"',
        expected: 'percent-or-null',
      }),
      expect.objectContaining({ path: 'baselines.2', value: 'true', expected: 'percent-or-null' }),
    ]);
  });

  it('names the stage mistakes of a roadmap', () => {
    const good = [{ stage: 1, due: '2026-03-01', target: 50 }];
    const problems = problemsOf({
      roadmap: {
        name: 'x',
        indicators: {
          '1': [
            { stage: 1, due: '2026-03-01x', target: 'baseline' },
            { stage: 1, due: 'x2026-03-01', target: 'максимум' },
          ],
          '2': good,
          '3': [{ stage: 1, due: '2026-02-30', target: 'baseline' }],
          '4': good,
        },
      },
    });
    expect(
      problems.map((p) => [p.code, 'path' in p ? p.path : '', 'expected' in p ? p.expected : '']),
    ).toEqual([
      ['bad-config', 'roadmap.indicators.1[0].due', 'date'],
      ['bad-config', 'roadmap.indicators.1[1].due', 'date'],
      ['bad-config', 'roadmap.indicators.1[1].target', 'target'],
      ['bad-config', 'roadmap.indicators.3[0].due', 'date'],
      ['bad-config', 'roadmap.indicators.3[0].target', 'target-percent'],
    ]);
  });

  it('refuses two stages of one number', () => {
    const good = [{ stage: 1, due: '2026-03-01', target: 50 }];
    const twice = [
      { stage: 1, due: '2026-03-01', target: 50 },
      { stage: 2, due: '2026-06-01', target: 60 },
      { stage: 1, due: '2026-09-01', target: 70 },
    ];
    expect(
      problemsOf({
        roadmap: { name: 'x', indicators: { '1': good, '2': good, '3': good, '4': twice } },
      }),
    ).toEqual([
      expect.objectContaining({ path: 'roadmap.indicators.4[2].stage', expected: 'unique-stage' }),
    ]);
  });

  it('refuses a name the config gives to two fields, types or municipalities', () => {
    const problems = problemsOf({
      columns: {
        monitoring: { staff_writing: ['Муниципалитет', 'Пишущие', 'Пишущие'] },
        headcounts: { staff: ['Штат'], students: ['штат'] },
      },
      orgTypes: { school: ['ДОО', 'СОШ'], dod: ['соШ'] },
      municipalities: {
        'г. Кызыл': ['Кызыл-сити'],
        'Город Кызыл': ['Кызыл-сити'],
        'Кызылский кожуун': ['Кызыл-сити'],
      },
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'columns.monitoring.staff_writing[0]',
        value: '"Муниципалитет"',
        expected: 'unused-name',
        usedBy: 'columns.monitoring.municipality',
      }),
      expect.objectContaining({
        path: 'columns.headcounts.students[0]',
        value: '"штат"',
        usedBy: 'columns.headcounts.staff',
      }),
      expect.objectContaining({
        path: 'orgTypes.school[0]',
        value: '"ДОО"',
        usedBy: 'orgTypes.preschool',
      }),
      expect.objectContaining({
        path: 'orgTypes.dod[0]',
        value: '"соШ"',
        usedBy: 'orgTypes.school',
      }),
      expect.objectContaining({
        path: 'municipalities["Кызылский кожуун"][0]',
        value: '"Кызыл-сити"',
        usedBy: 'municipalities["Город Кызыл"]',
      }),
    ]);
  });
});
