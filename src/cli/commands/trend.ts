// sferum-kpi trend: every week of the exports, per municipality and
// indicator, and whether the pace of the last weeks reaches the target of
// the next (or current) stage by its due date.
import type { Command } from 'commander';
import { evaluate } from '../../domain/evaluate.js';
import { INDICATOR_IDS, type IndicatorId } from '../../domain/roadmap.js';
import { buildTrend, DEFAULT_WINDOW } from '../../domain/trend.js';
import { UserError } from '../../errors.js';
import { loadInputs } from '../../input/load.js';
import type { Format, RenderOptions } from '../../report/options.js';
import { trendCsv, trendJson, trendTable } from '../../report/trend.js';
import type { Warning } from '../../warnings.js';
import {
  catalogue,
  dateOption,
  type OutputFlags,
  readOptions,
  renderOptions,
  withBaselineOptions,
  withInputOptions,
  withOutputOptions,
} from '../options.js';
import { printWarnings, writeOutput } from '../output.js';
import { type BaselineFlags, baselinesOf, dataForWeeks } from '../report-inputs.js';
import { loadSettings } from '../settings.js';

export type TrendFlags = BaselineFlags &
  OutputFlags & { asOf?: string; window: number; indicator?: IndicatorId };

function windowOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 52)
    throw new UserError({ code: 'bad-option', option: '--window', value, expected: '2…52' });
  return n;
}

function indicatorOption(value: string): IndicatorId {
  const id = value.trim();
  if (!(INDICATOR_IDS as readonly string[]).includes(id))
    throw new UserError({
      code: 'bad-option',
      option: '--indicator',
      value,
      expected: INDICATOR_IDS.join(', '),
    });
  return id as IndicatorId;
}

export function trendCommand(program: Command): void {
  const command = program
    .command('trend')
    .description('every week per municipality and indicator, and when the target is reached');
  withInputOptions(command);
  withBaselineOptions(
    command.option(
      '--as-of <date>',
      'report date that decides the stage projected to (default: the latest week)',
      dateOption('--as-of'),
    ),
  )
    .option(
      '--window <n>',
      'weeks the pace is measured over (least squares)',
      windowOption,
      DEFAULT_WINDOW,
    )
    .option('--indicator <n>', 'only this indicator (default: all four)', indicatorOption);
  withOutputOptions(command).action((flags: TrendFlags) => {
    process.exitCode = runTrend(flags);
  });
}

/** Warnings of the weekly reports, once each: the latest week's when they repeat. */
function onceEach(warnings: readonly Warning[]): Warning[] {
  const byKey = new Map<string, Warning>();
  for (const warning of warnings) {
    const { code } = warning;
    const municipality = 'municipality' in warning ? warning.municipality : '';
    const indicator = 'indicator' in warning ? warning.indicator : '';
    const key = `${code}\u0000${municipality}\u0000${indicator}`;
    byKey.delete(key);
    byKey.set(key, warning);
  }
  return [...byKey.values()];
}

export function runTrend(flags: TrendFlags): number {
  const t = catalogue(flags);
  const settings = loadSettings(flags);
  const inputs = loadInputs(readOptions(flags, settings));
  if (inputs.weeks.length === 0) {
    throw new UserError({ code: 'no-weeks', file: flags.monitoring.join(', ') });
  }
  const asOf = flags.asOf ?? inputs.weeks[inputs.weeks.length - 1] ?? '';
  const baselines = baselinesOf(flags, settings, inputs);
  const { weeks, warnings } = dataForWeeks(inputs, inputs.weeks);
  // Each week evaluated as `compute --week W` evaluates it, so the numbers agree.
  const reports = weeks.map(({ week, data }) =>
    evaluate({
      region: inputs.region,
      roadmap: settings.roadmap,
      asOf,
      week,
      data: [...data],
      baselines,
    }),
  );
  const trend = buildTrend({
    reports,
    roadmap: settings.roadmap,
    baselines,
    asOf,
    window: flags.window,
  });
  const indicators = flags.indicator ? [flags.indicator] : [...INDICATOR_IDS];
  // The weekly reports warn of a missing baseline for the stage in force;
  // what matters here is the target projected to.
  const noTarget: Warning[] = indicators
    .filter((id) => trend.rows.some((row) => row.indicators[id].projection.target === null))
    .map((indicator) => ({ code: 'baseline-missing', indicator }));
  const allWarnings = [
    ...inputs.warnings,
    ...warnings,
    ...onceEach(reports.flatMap((report) => report.warnings)).filter(
      (w) => w.code !== 'baseline-missing',
    ),
    ...noTarget,
  ];
  const options: RenderOptions = renderOptions(flags);
  const renderers: Record<Format, () => string> = {
    table: () => trendTable(trend, indicators, inputs.region, settings.roadmap.name, t, options),
    csv: () => trendCsv(trend, indicators, t, options),
    json: () =>
      trendJson(
        trend,
        indicators,
        { region: inputs.region, roadmap: settings.roadmap.name, warnings: allWarnings },
        t,
      ),
  };
  const text = renderers[flags.format]();
  printWarnings(allWarnings, t);
  writeOutput(text, flags.out, [...flags.monitoring, flags.headcounts]);
  return 0;
}
