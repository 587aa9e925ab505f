// sferum-kpi baseline: the stage-1 targets of indicators 1 and 2, "the
// maximum reached by the region in VK Messenger in 2024/25", from that
// year's weekly exports; --out writes the file compute and check read.
import { type Command, Option } from 'commander';
import {
  BASELINE_INDICATORS,
  BaselineBuilder,
  SCHOOL_YEAR_2024_25,
} from '../../domain/baseline.js';
import { UserError } from '../../errors.js';
import { loadWeeklyNumbers } from '../../input/load.js';
import { baselineFile, baselineJson, baselineTable, writtenLine } from '../../report/baseline.js';
import type { Warning } from '../../warnings.js';
import {
  catalogue,
  dateOption,
  type InputFlags,
  readOptions,
  withInputOptions,
} from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import { forEachWeek } from '../report-inputs.js';
import { loadSettings } from '../settings.js';
import { isTerminal, writeStd } from '../std.js';

export type BaselineCommandFlags = InputFlags & {
  from: string;
  to: string;
  byMunicipality?: boolean;
  out?: string;
  format: 'table' | 'json';
  color: boolean;
};

export function baselineCommand(program: Command): void {
  const command = program
    .command('baseline')
    .description(
      'the 2024/25 baselines: the maximum of indicators 1 and 2 over the weekly VK Messenger exports',
    );
  withInputOptions(command)
    .option(
      '--from <date>',
      'first day of the period',
      dateOption('--from'),
      SCHOOL_YEAR_2024_25.from,
    )
    .option('--to <date>', 'last day of the period', dateOption('--to'), SCHOOL_YEAR_2024_25.to)
    .option('--by-municipality', "add each municipality's own maximum")
    .option('-o, --out <file>', 'write the baseline file (JSON) that compute --baseline reads')
    .addOption(
      new Option('-f, --format <format>', 'what to print')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('--no-color', 'no colour (also NO_COLOR)')
    .action((flags: BaselineCommandFlags) => {
      process.exitCode = runBaseline(flags);
    });
}

export function runBaseline(flags: BaselineCommandFlags): number {
  const t = catalogue(flags);
  if (flags.from > flags.to) {
    throw new UserError({
      code: 'bad-option',
      option: '--from',
      value: flags.from,
      expected: `≤ --to (${flags.to})`,
    });
  }
  const inputs = loadWeeklyNumbers(readOptions(flags, loadSettings(flags)));
  const inPeriod = inputs.weeks.filter((week) => week >= flags.from && week <= flags.to);
  if (inPeriod.length === 0) {
    throw new UserError({
      code: 'no-week-in-range',
      from: flags.from,
      to: flags.to,
      available: inputs.weeks,
    });
  }
  const builder = new BaselineBuilder(
    { from: flags.from, to: flags.to },
    { byMunicipality: flags.byMunicipality === true },
  );
  const warnings = forEachWeek(inputs, inputs.weeks, (week, rows) => builder.add(week, rows));
  const result = builder.finish();
  const notComputed: Warning[] = BASELINE_INDICATORS.filter((id) => !result.indicators[id]).map(
    (indicator) => ({ code: 'baseline-not-computed', indicator }),
  );
  const inPeriodWarnings = warnings.flatMap((w) => {
    if (w.code !== 'no-monitoring' || !w.weeks) return [w];
    const within = w.weeks.filter((week) => week >= flags.from && week <= flags.to);
    return within.length > 0 ? [{ ...w, weeks: within }] : [];
  });
  printWarnings([...inputs.warnings, ...inPeriodWarnings, ...notComputed], t);

  const noColorEnv = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const text =
    flags.format === 'json'
      ? baselineJson(result)
      : baselineTable(result, t, {
          lang: flags.lang,
          color: flags.color && !noColorEnv && isTerminal(1),
        });
  const inputFiles = [...flags.monitoring, flags.headcounts];
  if (flags.out !== undefined) {
    writeOutput(`${JSON.stringify(baselineFile(result), null, 2)}\n`, flags.out, inputFiles);
    writeStd(2, `${writtenLine(flags.out, flags.lang)}\n`);
  }
  writeOutput(text, undefined, inputFiles);
  return 0;
}
