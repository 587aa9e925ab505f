// SPEC 4.4: baseline files, JSON as `baseline` writes it or a CSV of
// indicator, value and optional municipality; values are percentages.
import { describe, expect, it } from 'vitest';
import { readBaselineFile } from '../../src/input/baseline.js';
import { inputDir, problemsOf } from './files.js';

function read(name: string, text: string, encoding?: 'windows-1251') {
  const { write } = inputDir();
  return readBaselineFile(write(name, text, encoding), {});
}

describe('baseline JSON', () => {
  it('reads the file `baseline --out` writes', () => {
    const text = JSON.stringify({
      from: '2024-09-01',
      to: '2025-08-31',
      indicators: {
        '1': { value: 43.1444, week: '2024-12-15', numerator: 5472, denominator: 12683 },
        '2': { value: 17.7248, week: '2025-03-16', numerator: 36406, denominator: 205396 },
      },
      byMunicipality: { 'г. Кызыл': { '1': { value: 40.5 } } },
    });
    expect(read('b.json', text)).toEqual({
      region: { '1': 43.1444, '2': 17.7248 },
      byName: { 'г. Кызыл': { '1': 40.5 } },
    });
  });

  it('reads a plain { "1": …, "2": … } with numbers or strings', () => {
    expect(read('b.json', '{ "1": 41.7, "2": "17,7 %" }')).toEqual({
      region: { '1': 41.7, '2': 17.7 },
      byName: {},
    });
  });

  it.each([
    ['{ "indicators": { "1": "сорок", "2": 17.7 } }', 'indicators.1', 'сорок'],
    ['{ "1": -5 }', '1', '-5'],
    ['{ "indicators": { "2": { "value": null } } }', 'indicators.2', 'null'],
    [
      '{ "indicators": { "1": 41.7 }, "byMunicipality": { "г. Кызыл": { "2": "x" } } }',
      'byMunicipality.г. Кызыл.2',
      'x',
    ],
  ])(
    '%s: a value that is not a percentage is bad-percent naming where and what',
    (text, column, value) => {
      expect(problemsOf(() => read('b.json', text)).problems).toEqual([
        expect.objectContaining({ code: 'bad-percent', column, value }),
      ]);
    },
  );

  it('a JSON syntax error names the line', () => {
    const error = problemsOf(() => read('b.json', '{\n  "indicators": {\n    "1": 41,7\n  }\n}\n'));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'bad-baseline-file', reason: 'json-syntax', line: 3 }),
    ]);
  });

  it.each(['[41.7, 17.7]', '41.7', '{ "indicators": 41.7 }'])(
    '%s is not a baseline file',
    (text) => {
      expect(problemsOf(() => read('b.json', text)).problems[0]).toMatchObject({
        code: 'bad-baseline-file',
        reason: 'json-shape',
      });
    },
  );

  it('a file without a single value is an error, not an absent baseline', () => {
    expect(problemsOf(() => read('b.json', '{ "indicator1": 41.7 }')).problems).toEqual([
      expect.objectContaining({ code: 'bad-baseline-file', reason: 'no-values' }),
    ]);
  });
});

describe('baseline CSV', () => {
  it('reads region-wide and per-municipality values, decimal comma or point', () => {
    const text = 'indicator,value,municipality\n1,41.7,\n2,"17,7",\n1,40.5 %,г. Кызыл\n';
    expect(read('b.csv', text)).toEqual({
      region: { '1': 41.7, '2': 17.7 },
      byName: { 'г. Кызыл': { '1': 40.5 } },
    });
  });

  it('reads Russian headers, ; and Windows-1251', () => {
    const text = 'Индикатор;Значение;Муниципалитет\r\n1;41,7;\r\n2;17,7;Тоджинский\r\n';
    expect(read('b.csv', text, 'windows-1251')).toEqual({
      region: { '1': 41.7 },
      byName: { Тоджинский: { '2': 17.7 } },
    });
  });

  it('lists every bad value and indicator with line and column', () => {
    const error = problemsOf(() => read('b.csv', 'indicator,value\n1,сорок\n3,41.7\n2,-1\n'));
    expect(error.problems.map((p) => [p.code, p.line, p.column, 'value' in p && p.value])).toEqual([
      ['bad-percent', 2, 'value', 'сорок'],
      ['bad-option', 3, 'indicator', '3'],
      ['bad-percent', 4, 'value', '-1'],
    ]);
  });

  it('without indicator and value columns it is bad-baseline-file', () => {
    expect(problemsOf(() => read('b.csv', 'Показатель;Процент\n1;41,7\n')).problems).toEqual([
      expect.objectContaining({ code: 'bad-baseline-file', reason: 'csv-columns', line: 1 }),
    ]);
  });

  it('an unclosed quote is bad-baseline-file, not a crash', () => {
    expect(problemsOf(() => read('b.csv', 'indicator,value\n1,"41.7\n')).problems).toEqual([
      expect.objectContaining({ code: 'bad-baseline-file', reason: 'csv-syntax' }),
    ]);
  });
});
