// What compute and check share: read the inputs, choose the week and the
// report date, gather the baselines, evaluate.
import { format } from 'date-fns';
import type { Baselines, MunicipalityNumbers, Report, SortOrder } from '../domain/evaluate.js';
import { evaluate, evaluateNumbers } from '../domain/evaluate.js';
import type { MunicipalityData } from '../domain/organisations.js';
import { readBaselineFile, resolveBaselines } from '../input/baseline.js';
import {
  chooseWeek,
  dataForWeek,
  type Inputs,
  loadInputs,
  loadWeeklyNumbers,
  numbersForWeek,
  type WeeklyInputs,
} from '../input/load.js';
import type { Warning } from '../warnings.js';
import { type InputFlags, readOptions } from './options.js';
import { loadSettings, type Settings } from './settings.js';

export interface BaselineFlags extends InputFlags {
  baseline?: string;
  baseline1?: number;
  baseline2?: number;
}

export interface ReportFlags extends BaselineFlags {
  asOf?: string;
  week?: string;
  sort?: SortOrder;
}

/** A report with the inputs it was evaluated from: the sums per type (`--explain`). */
export interface Evaluated {
  settings: Settings;
  inputs: Inputs;
  data: MunicipalityData[];
  report: Report;
}

/** Baselines: the config's, then a --baseline file's, then --baseline-1/-2. */
export function baselinesOf(
  flags: BaselineFlags,
  settings: Settings,
  inputs: Pick<Inputs, 'index'>,
): Baselines {
  const fromConfig = resolveBaselines(
    settings.baselines,
    inputs.index,
    flags.config ?? 'sferum-kpi.config.json',
  );
  const fromFile = flags.baseline
    ? resolveBaselines(readBaselineFile(flags.baseline, flags), inputs.index, flags.baseline)
    : { region: {}, byMunicipality: {} };
  const byMunicipality = { ...fromConfig.byMunicipality };
  for (const [name, values] of Object.entries(fromFile.byMunicipality)) {
    byMunicipality[name] = { ...byMunicipality[name], ...values };
  }
  const region = { ...fromConfig.region, ...fromFile.region };
  if (flags.baseline1 !== undefined) region['1'] = flags.baseline1;
  if (flags.baseline2 !== undefined) region['2'] = flags.baseline2;
  return { region, byMunicipality };
}

/** The week, the report date and the baselines of a report, from the inputs (SPEC 2.2). */
function reportSettings(
  flags: ReportFlags,
  settings: Settings,
  inputs: Pick<Inputs, 'weeks' | 'index' | 'region'> & { monitoring: Map<string, unknown> },
  stage: number | undefined,
) {
  const week = chooseWeek(inputs, flags.week);
  // The report date (SPEC 2.2): --as-of, else the latest week end found in
  // the export (even when --week picks an earlier week), else today.
  const latest = inputs.weeks[inputs.weeks.length - 1];
  const asOf = flags.asOf ?? latest ?? format(new Date(), 'yyyy-MM-dd');
  return {
    chosenWeek: week,
    evaluation: {
      region: inputs.region,
      roadmap: settings.roadmap,
      asOf,
      week: week || null,
      baselines: baselinesOf(flags, settings, inputs),
      sort: flags.sort,
      stage,
    },
  };
}

/**
 * The report of compute and check: the inputs folded into each week's
 * indicator numbers as they are merged (loadWeeklyNumbers), the week's
 * evaluated. The sums per type are not kept: only `--explain` shows them.
 */
export function evaluateInputs(
  flags: ReportFlags,
  stage?: number,
): { settings: Settings; report: Report } {
  const settings = loadSettings(flags);
  const inputs = loadWeeklyNumbers(readOptions(flags, settings));
  const { chosenWeek, evaluation } = reportSettings(flags, settings, inputs, stage);
  const { rows, warnings } = numbersForWeek(inputs, chosenWeek);
  const report = evaluateNumbers({ ...evaluation, rows });
  report.warnings.unshift(...inputs.warnings, ...warnings);
  return { settings, report };
}

/** The report with the sums per municipality and type it comes from (`compute --explain`). */
export function evaluateWithSums(flags: ReportFlags): Evaluated {
  const settings = loadSettings(flags);
  const inputs = loadInputs(readOptions(flags, settings));
  const { chosenWeek, evaluation } = reportSettings(flags, settings, inputs, undefined);
  const { data, warnings } = dataForWeek(inputs, chosenWeek);
  const report = evaluate({ ...evaluation, data });
  report.warnings.unshift(...inputs.warnings, ...warnings);
  return { settings, inputs, data, report };
}

/**
 * The numbers of several weeks (trend, baseline), given to `each` one week at
 * a time, oldest first; each week's numbers are then dropped from `inputs`,
 * which holds only what is still to come. A municipality without monitoring
 * rows in some of the weeks gets one warning naming those weeks.
 */
export function forEachWeek(
  inputs: WeeklyInputs,
  weeks: readonly string[],
  each: (week: string, rows: MunicipalityNumbers[]) => void,
): Warning[] {
  const missing = new Map<string, string[]>();
  for (const week of weeks) {
    const { rows, warnings } = numbersForWeek(inputs, week);
    for (const warning of warnings) {
      if (warning.code !== 'no-monitoring') continue;
      missing.set(warning.municipality, [...(missing.get(warning.municipality) ?? []), week]);
    }
    each(week, rows);
    inputs.monitoring.delete(week);
  }
  return [...missing].map(([municipality, list]) => ({
    code: 'no-monitoring',
    municipality,
    weeks: list,
  }));
}
