// compute, check, trend and baseline read the inputs folded into each week's
// indicator numbers as they are merged (loadWeeklyNumbers); `compute
// --explain` and validate read them per organisation type (loadInputs). On
// any data the two must agree: the same weeks, numbers, warnings and
// reports, and the same trend as one built from each week's report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BaselineBuilder, computeBaseline } from '../../src/domain/baseline.js';
import {
  type Baselines,
  evaluate,
  evaluateNumbers,
  indicatorNumbers,
} from '../../src/domain/evaluate.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';
import { buildTrend, TrendBuilder } from '../../src/domain/trend.js';
import {
  dataForWeek,
  loadInputs,
  loadWeeklyNumbers,
  numbersForWeek,
} from '../../src/input/load.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { csv, inputDir, RU_HEADCOUNT_HEADER, RU_MONITORING_HEADER } from '../input/files.js';
import { datasetArbitrary, dialectArbitrary, writeDataset } from './dataset.js';
import { runs, TIMEOUT } from './runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sferum-kpi-weekly-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASELINES: Baselines = { region: { '1': 40 }, byMunicipality: {} };
const AS_OF = '2025-12-30';

describe('the weeks folded into indicator numbers as they are read', () => {
  it(
    'give the numbers, weeks, warnings and trend of the sums per type',
    () => {
      fc.assert(
        fc.property(
          datasetArbitrary,
          dialectArbitrary,
          fc.array(dialectArbitrary, { minLength: 1, maxLength: 3 }),
          (data, headcountDialect, monitoringDialects) => {
            const written = writeDataset(dir, data, headcountDialect, monitoringDialects);
            const options = {
              headcounts: written.headcounts,
              monitoring: written.monitoring,
              vocabulary: buildVocabulary(),
            };
            const inputs = loadInputs(options);
            const weekly = loadWeeklyNumbers(options);

            expect(weekly.weeks).toEqual(inputs.weeks);
            expect(weekly.municipalities).toEqual(inputs.municipalities);
            expect(weekly.warnings).toEqual(inputs.warnings);

            const reports = [];
            const builder = new TrendBuilder({
              roadmap: TYVA_2025,
              baselines: BASELINES,
              asOf: AS_OF,
              window: 2,
            });
            const baseline = new BaselineBuilder(
              { from: '2025-12-20', to: '2025-12-31' },
              { byMunicipality: true },
            );
            for (const week of inputs.weeks) {
              const { data: cells, warnings } = dataForWeek(inputs, week);
              const numbers = numbersForWeek(weekly, week);
              expect(numbers.warnings).toEqual(warnings);
              expect(numbers.rows).toEqual(
                cells.map((d) => ({ municipality: d.municipality, numbers: indicatorNumbers(d) })),
              );
              const report = evaluate({
                region: inputs.region,
                roadmap: TYVA_2025,
                asOf: AS_OF,
                week,
                data: cells,
                baselines: BASELINES,
              });
              expect(
                evaluateNumbers({
                  region: inputs.region,
                  roadmap: TYVA_2025,
                  asOf: AS_OF,
                  week,
                  rows: numbers.rows,
                  baselines: BASELINES,
                }),
              ).toEqual(report);
              reports.push(report);
              expect(builder.addWeek(week, numbers.rows)).toEqual(
                report.warnings.filter((w) => w.code === 'above-100'),
              );
              baseline.add(week, numbers.rows);
            }
            expect(builder.finish()).toEqual(
              buildTrend({
                reports,
                roadmap: TYVA_2025,
                baselines: BASELINES,
                asOf: AS_OF,
                window: 2,
              }),
            );
            expect(baseline.finish()).toEqual(
              computeBaseline(
                inputs.weeks.map((week) => ({ week, data: dataForWeek(inputs, week).data })),
                { from: '2025-12-20', to: '2025-12-31' },
                { byMunicipality: true },
              ),
            );
          },
        ),
        { numRuns: runs(40) },
      );
    },
    TIMEOUT,
  );
});

describe('a week whose rows are all left out as unmatched (--allow-unmatched)', () => {
  it('is not a week of the inputs, as for compute', () => {
    const files = inputDir();
    const headcounts = files.write(
      'headcounts.csv',
      csv([RU_HEADCOUNT_HEADER, ['г. Кызыл', 'ОО', '', '10', '100']]),
    );
    const row = (name: string, week: string) => [name, '', 'ОО', '', week, '5', '1', '1', '2', '9'];
    const monitoring = files.write(
      'monitoring.csv',
      csv([
        RU_MONITORING_HEADER,
        row('г. Кызыл', '21.12.2025'),
        row('Нет такого кожууна', '28.12.2025'),
      ]),
    );
    const options = {
      headcounts,
      monitoring: [monitoring],
      allowUnmatched: true,
      vocabulary: buildVocabulary(),
    };
    expect(loadInputs(options).weeks).toEqual(['2025-12-21']);
    expect(loadWeeklyNumbers(options).weeks).toEqual(['2025-12-21']);
  });
});
