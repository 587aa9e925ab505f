// What compute and check share: read the inputs, choose the week and the
// report date, gather the baselines, evaluate.
import { format } from 'date-fns';
import type { Baselines, MunicipalityNumbers, Report, SortOrder } from '../domain/evaluate.js';
import { evaluate } from '../domain/evaluate.js';
import type { MunicipalityData } from '../domain/organisations.js';
import { readBaselineFile, resolveBaselines } from '../input/baseline.js';
import {
  chooseWeek,
  dataForWeek,
  type Inputs,
  loadInputs,
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

export function evaluateInputs(flags: ReportFlags, stage?: number): Evaluated {
  const settings = loadSettings(flags);
  const inputs = loadInputs(readOptions(flags, settings));
  const week = chooseWeek(inputs, flags.week);
  // The report date (SPEC 2.2): --as-of, else the latest week end found in
  // the export (even when --week picks an earlier week), else today.
  const latest = inputs.weeks[inputs.weeks.length - 1];
  const asOf = flags.asOf ?? latest ?? format(new Date(), 'yyyy-MM-dd');
  const { data, warnings } = dataForWeek(inputs, week);
  const report = evaluate({
    region: inputs.region,
    roadmap: settings.roadmap,
    asOf,
    week: week || null,
    data,
    baselines: baselinesOf(flags, settings, inputs),
    sort: flags.sort,
    stage,
  });
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
