// Baseline files (src/input/baseline.ts) a person may write by hand: a
// value of null, a CSV row shorter than its header, a file that gives only
// per-municipality values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Problem, UserError } from '../../src/errors.js';
import { readBaselineFile } from '../../src/input/baseline.js';
import { tempDir } from '../helpers/cli.js';

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

function problemsOf(path: string): Problem[] {
  try {
    readBaselineFile(path, {});
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return error.problems.map((p) => ({ ...p, file: 'f' }));
  }
  throw new Error('the file was read');
}

describe('readBaselineFile', () => {
  it('a value of null is bad-percent, not a crash', () => {
    expect(problemsOf(file('b.json', '{"1": null, "2": 18.4}'))).toEqual([
      { code: 'bad-percent', file: 'f', column: '1', value: 'null' },
    ]);
  });

  it('a CSV row too short to reach the indicator column names the indicator as missing', () => {
    expect(problemsOf(file('b.csv', 'value,indicator\n41.7,1\n18.4\n'))).toEqual([
      {
        code: 'bad-option',
        file: 'f',
        line: 3,
        column: 'indicator',
        option: 'indicator',
        value: '',
        expected: '1, 2',
      },
    ]);
  });

  it('a file of per-municipality values only is read, with no region-wide value', () => {
    expect(
      readBaselineFile(file('b.csv', 'municipality,indicator,value\nг. Кызыл,1,45\n'), {}),
    ).toEqual({
      region: {},
      byName: { 'г. Кызыл': { '1': 45 } },
    });
    expect(
      readBaselineFile(
        file('b.json', '{"indicators": {}, "byMunicipality": {"г. Кызыл": {"2": 20}}}'),
        {},
      ),
    ).toEqual({ region: {}, byName: { 'г. Кызыл': { '2': 20 } } });
  });
});
