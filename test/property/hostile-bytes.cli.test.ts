// The same hostile inputs through the built binary, fewer of them (a process
// each): exit 0 with a report, or exit 2 with an "error:" line and no stack
// trace, within a small heap.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { HEADCOUNTS_FIXTURE, hostileFile, MONITORING_FIXTURES, target } from './mutations.js';
import { runs, TIMEOUT } from './runs.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile bytes as either input, through the binary', () => {
  it(
    'exit 0 or 2 with a message, never a crash',
    () => {
      const monitoringFile = join(dir, 'monitoring.csv');
      const headcountsFile = join(dir, 'headcounts.csv');
      fc.assert(
        fc.property(
          target,
          hostileFile(MONITORING_FIXTURES),
          hostileFile([HEADCOUNTS_FIXTURE]),
          fc.constantFrom('table', 'csv', 'json'),
          (which, monitoringBytes, headcountBytes, format) => {
            writeFileSync(monitoringFile, monitoringBytes);
            writeFileSync(headcountsFile, headcountBytes);
            const result = runCli(
              [
                'compute',
                '--monitoring',
                which === 'headcounts' ? (MONITORING_FIXTURES[0] as string) : monitoringFile,
                '--headcounts',
                which === 'monitoring' ? HEADCOUNTS_FIXTURE : headcountsFile,
                '--format',
                format,
                '--lang',
                'en',
              ],
              // A heap this small fails loudly (exit 134) if a hostile file makes memory grow.
              { env: { NODE_OPTIONS: '--max-old-space-size=96' } },
            );
            expect(hasStackTrace(result.stderr)).toBe(false);
            expect([0, 2]).toContain(result.status);
            if (result.status === 0) expect(result.stdout.length).toBeGreaterThan(0);
            else {
              expect(result.stderr).toMatch(/^error: .*\S/m);
              expect(result.stdout).toBe('');
            }
          },
        ),
        { numRuns: runs(8, true) },
      );
    },
    TIMEOUT,
  );
});
