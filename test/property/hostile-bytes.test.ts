// Hostile bytes as either input, in process against the compute command:
// every case ends in a report or in a UserError whose messages name the
// file; nothing else may escape (that would be exit 3, an internal error).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ComputeFlags, runCompute } from '../../src/cli/commands/compute.js';
import { UserError } from '../../src/errors.js';
import { CATALOGUES, problemText } from '../../src/i18n/index.js';
import { HEADCOUNTS_FIXTURE, hostileFile, MONITORING_FIXTURES, target } from './mutations.js';
import { runs, TIMEOUT } from './runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sferum-kpi-hostile-'));
beforeAll(() => {
  // Warnings go to stderr; hundreds of cases would bury the test report.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function compute(monitoring: string, headcounts: string, format: ComputeFlags['format']) {
  return runCompute({
    monitoring: [monitoring],
    headcounts,
    lang: 'en',
    format,
    color: false,
    decimals: 1,
    sort: 'name',
    out: join(dir, 'out.txt'),
  });
}

describe('hostile bytes as either input, in process', () => {
  it(
    'give a report or a UserError naming the file, never another exception',
    () => {
      const monitoringFile = join(dir, 'monitoring.csv');
      const headcountsFile = join(dir, 'headcounts.csv');
      fc.assert(
        fc.property(
          target,
          hostileFile(MONITORING_FIXTURES),
          hostileFile([HEADCOUNTS_FIXTURE]),
          fc.constantFrom('table', 'csv', 'json') as fc.Arbitrary<ComputeFlags['format']>,
          (which, monitoringBytes, headcountBytes, format) => {
            const monitoring = which === 'headcounts' ? MONITORING_FIXTURES[0] : monitoringFile;
            const headcounts = which === 'monitoring' ? HEADCOUNTS_FIXTURE : headcountsFile;
            writeFileSync(monitoringFile, monitoringBytes);
            writeFileSync(headcountsFile, headcountBytes);
            try {
              expect(compute(monitoring as string, headcounts, format)).toBe(0);
            } catch (error) {
              if (!(error instanceof UserError)) throw error;
              expect(error.problems.length).toBeGreaterThan(0);
              for (const problem of error.problems) {
                expect([monitoring, headcounts]).toContain(problem.file);
                for (const t of Object.values(CATALOGUES))
                  expect(problemText(t, problem)).toMatch(/\S{3}/);
              }
            }
          },
        ),
        { numRuns: runs(30) },
      );
    },
    TIMEOUT,
  );
});
