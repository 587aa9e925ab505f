// sferum-kpi compute: the four indicators per municipality against the stage
// in force, as a table, CSV or JSON.
import { type Command, Option } from 'commander';
import type { Report } from '../../domain/evaluate.js';
import { INDICATOR_IDS } from '../../domain/roadmap.js';
import { UserError } from '../../errors.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { reportCsv } from '../../report/csv.js';
import { explainText, mergeData } from '../../report/explain.js';
import { reportJson } from '../../report/json.js';
import type { Format, RenderOptions } from '../../report/options.js';
import { reportTable } from '../../report/table.js';
import {
  catalogue,
  type OutputFlags,
  renderOptions,
  withInputOptions,
  withOutputOptions,
  withReportOptions,
} from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import {
  type Evaluated,
  evaluateInputs,
  evaluateWithSums,
  type ReportFlags,
} from '../report-inputs.js';

export type ComputeFlags = ReportFlags & OutputFlags & { explain?: string };

/** One renderer per format: the compiler refuses a format without one. */
export const RENDERERS: Record<
  Format,
  (report: Report, t: Catalogue, options: RenderOptions) => string
> = {
  table: reportTable,
  csv: reportCsv,
  json: (report, t) => reportJson(report, t),
};

export function computeCommand(program: Command): void {
  const command = program
    .command('compute')
    .description('indicators per municipality against the roadmap stage in force');
  withInputOptions(command);
  withReportOptions(command);
  withOutputOptions(command)
    .addOption(
      new Option('--sort <order>', 'row order')
        .choices(['name', ...INDICATOR_IDS.map((id) => `indicator-${id}`)])
        .default('name'),
    )
    .option(
      '--explain <municipality>',
      "print each indicator's formula with the numbers for a municipality (or region)",
    )
    .action((flags: ComputeFlags) => {
      process.exitCode = runCompute(flags);
    });
}

/** `--explain`: one municipality (any spelling the inputs accept) or the whole region. */
function explainOutput(wanted: string, evaluated: Evaluated, t: Catalogue, lang: Lang): string {
  const { report, data, inputs } = evaluated;
  const isRegion = ['region', 'регион', 'итого'].includes(wanted.toLowerCase());
  const municipality = isRegion ? undefined : inputs.index.byName(wanted);
  if (!isRegion && !municipality) {
    throw new UserError({
      code: 'unmatched-municipality',
      value: wanted,
      suggestions: inputs.index.closest(wanted),
    });
  }
  const target = isRegion
    ? mergeData(data, report.region)
    : data.find((d) => d.municipality === municipality);
  const row = report.rows.find((r) =>
    isRegion ? r.level === 'total' : r.municipality === municipality?.name,
  );
  // Every municipality the index knows has data and a row: anything else is a bug.
  if (!target || !row) throw new Error(`no report row for ${wanted}`);
  const where = isRegion ? t.report.regionTotal : target.municipality.name;
  return explainText(target, where, row.indicators, t, lang, report);
}

export function runCompute(flags: ComputeFlags): number {
  const t = catalogue(flags);
  let text: string;
  let report: Report;
  if (flags.explain !== undefined) {
    const evaluated = evaluateWithSums(flags);
    report = evaluated.report;
    text = explainOutput(flags.explain.trim(), evaluated, t, flags.lang);
  } else {
    report = evaluateInputs(flags).report;
    text = RENDERERS[flags.format](report, t, renderOptions(flags));
  }
  printWarnings(report.warnings, t);
  writeOutput(text, flags.out, [...flags.monitoring, flags.headcounts]);
  return 0;
}
