// sferum-kpi trend: every week of the exports, per municipality and
// indicator, and whether the pace of the last weeks reaches the target of
// the next (or current) stage by its due date.
import type { Command } from 'commander';
import { INDICATOR_IDS, type IndicatorId } from '../../domain/roadmap.js';
import { DEFAULT_WINDOW, TrendBuilder } from '../../domain/trend.js';
import { UserError } from '../../errors.js';
import { loadWeeklyNumbers } from '../../input/load.js';
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
import { type Output, printWarnings, writeOutput } from '../output.js';
import { type BaselineFlags, baselinesOf, forEachWeek } from '../report-inputs.js';
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
class OnceEach {
  private readonly byKey = new Map<string, Warning>();

  add(warnings: readonly Warning[]): void {
    for (const warning of warnings) {
      const { code } = warning;
      const municipality = 'municipality' in warning ? warning.municipality : '';
      const indicator = 'indicator' in warning ? warning.indicator : '';
      const key = `${code}\u0000${municipality}\u0000${indicator}`;
      this.byKey.delete(key);
      this.byKey.set(key, warning);
    }
  }

  values(): Warning[] {
    return [...this.byKey.values()];
  }
}

export function runTrend(flags: TrendFlags): number {
  const t = catalogue(flags);
  const settings = loadSettings(flags);
  const inputs = loadWeeklyNumbers(readOptions(flags, settings));
  if (inputs.weeks.length === 0) {
    throw new UserError({ code: 'no-weeks', file: flags.monitoring.join(', ') });
  }
  const asOf = flags.asOf ?? inputs.weeks[inputs.weeks.length - 1] ?? '';
  const baselines = baselinesOf(flags, settings, inputs);
  const builder = new TrendBuilder({
    roadmap: settings.roadmap,
    baselines,
    asOf,
    window: flags.window,
  });
  const reportWarnings = new OnceEach();
  // Each week's numbers are summed as `compute --week W` sums them, so the
  // numbers agree; only the series points and the warnings are kept.
  const warnings = forEachWeek(inputs, inputs.weeks, (week, rows) => {
    reportWarnings.add(builder.addWeek(week, rows));
  });
  const trend = builder.finish();
  const indicators = flags.indicator ? [flags.indicator] : [...INDICATOR_IDS];
  // The weekly reports warn of a missing baseline for the stage in force;
  // what matters here is the target projected to.
  const noTarget: Warning[] = indicators
    .filter((id) => trend.rows.some((row) => row.indicators[id].projection.target === null))
    .map((indicator) => ({ code: 'baseline-missing', indicator }));
  const allWarnings = [
    ...inputs.warnings,
    ...warnings,
    ...reportWarnings.values().filter((w) => w.code !== 'baseline-missing'),
    ...noTarget,
  ];
  const options: RenderOptions = renderOptions(flags);
  const renderers: Record<Format, () => Output> = {
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
