// Spreadsheet formula injection: a municipality named like a formula in both
// input files must reach every CSV the tool writes as text, never as a cell
// a spreadsheet would run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { HEADCOUNTS_HEADER, MONITORING_HEADER } from './inputs.js';

const NAMES = ['=HYPERLINK("http://example.com/x","Кызыл")', '-Хем', '+Хем', '@SUM(A1:A9)'];
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+([.,]\d+)?$/;

let dir: string;
beforeAll(() => {
  dir = tempDir();
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const headcounts = [HEADCOUNTS_HEADER, ...NAMES.map((n) => `${quote(n)},ОО,100,1000`)];
  const monitoring = [
    `${MONITORING_HEADER},Неделя`,
    ...NAMES.map((n) => `${quote(n)},ОО,80,400,300,10,500,28.12.2025`),
  ];
  writeFileSync(join(dir, 'headcounts.csv'), `${headcounts.join('\n')}\n`);
  writeFileSync(join(dir, 'monitoring.csv'), `${monitoring.join('\n')}\n`);
});

function run(...args: string[]) {
  const result = runCli(
    [...args, '--monitoring', 'monitoring.csv', '--headcounts', 'headcounts.csv', '--lang', 'en'],
    { cwd: dir },
  );
  expect(result.stderr).not.toMatch(/^error/m);
  expect(result.status).toBe(0);
  return result.stdout;
}

function cells(csv: string, delimiter: string): string[][] {
  return parse(csv.replace(/^\ufeff/, ''), { delimiter, relax_column_count: true });
}

describe('CSV cells from input text that a spreadsheet would run', () => {
  it.each([
    ['compute --format csv', ['compute', '--format', 'csv'], ','],
    ['compute --format csv --excel', ['compute', '--format', 'csv', '--excel'], ';'],
    ['trend --format csv', ['trend', '--format', 'csv'], ','],
  ])('are neutralised with a leading apostrophe: %s', (_, args, delimiter) => {
    const rows = cells(run(...args), delimiter);
    for (const row of rows)
      for (const cell of row) if (!NUMBER.test(cell)) expect(cell).not.toMatch(FORMULA_START);
    const firstColumn = rows.map((row) => row[0]);
    for (const name of NAMES) expect(firstColumn).toContain(`'${name}`);
  });

  it('stay as they are in JSON, which no spreadsheet runs', () => {
    const report = JSON.parse(run('compute', '--format', 'json')) as {
      rows: { municipality: string | null }[];
    };
    expect(report.rows.map((r) => r.municipality).filter((m) => m !== null)).toEqual(
      expect.arrayContaining(NAMES),
    );
  });
});
