// SPEC 4.1: a dataset written in any dialect reads back to the same sums.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Inputs, loadInputs } from '../../src/input/load.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import {
  datasetArbitrary,
  dialectArbitrary,
  expectedHeadcounts,
  expectedMonitoring,
  type Sums,
  writeDataset,
} from './dataset.js';
import { runs, TIMEOUT } from './runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sferum-kpi-dialects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vocabulary = buildVocabulary();

function key(cell: { orgType: string; private: boolean }): string {
  return cell.private ? `${cell.orgType}:private` : cell.orgType;
}

function headcountSums(inputs: Inputs): Sums {
  const out: Sums = {};
  for (const [municipality, cells] of inputs.headcounts) {
    const byType: Record<string, Record<string, number>> = {};
    for (const cell of cells.values()) byType[key(cell)] = { ...cell.sums };
    out[municipality.name] = byType;
  }
  return out;
}

function monitoringSums(inputs: Inputs): Record<string, Sums> {
  const out: Record<string, Sums> = {};
  for (const [week, byMunicipality] of inputs.monitoring) {
    const sums: Sums = {};
    for (const [municipality, cells] of byMunicipality) {
      const byType: Record<string, Record<string, number>> = {};
      for (const cell of cells.values()) byType[key(cell)] = { ...cell.sums };
      sums[municipality.name] = byType;
    }
    out[week] = sums;
  }
  return out;
}

describe('a dataset written in any dialect of SPEC 4.1', () => {
  it(
    'reads back to the same records, sums and municipalities',
    () => {
      fc.assert(
        fc.property(
          datasetArbitrary,
          dialectArbitrary,
          fc.array(dialectArbitrary, { minLength: 1, maxLength: 3 }),
          (data, headcountDialect, monitoringDialects) => {
            const written = writeDataset(dir, data, headcountDialect, monitoringDialects);
            const inputs = loadInputs({
              headcounts: written.headcounts,
              monitoring: written.monitoring,
              vocabulary,
            });
            expect(headcountSums(inputs)).toEqual(
              expectedHeadcounts(data, written.headcountRecords),
            );
            expect(monitoringSums(inputs)).toEqual(
              expectedMonitoring(data, written.monitoringRecords),
            );
            expect(inputs.municipalities.map((m) => m.name).sort()).toEqual(
              [...data.municipalities].sort(),
            );
            const emptyCells = inputs.warnings.reduce(
              (n, w) => n + (w.code === 'empty-cells' ? w.count : 0),
              0,
            );
            expect(emptyCells).toBe(written.emptyCells);
            // Total rows carry the exact sums: skipped, never counted, no mismatch.
            expect(inputs.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([]);
          },
        ),
        { numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );
});
