// What compute and check share: read the inputs, choose the week and the
// report date, gather the baselines, evaluate.
import { format } from 'date-fns';
import type { Baselines, Report, SortOrder } from '../domain/evaluate.js';
import { evaluate } from '../domain/evaluate.js';
import type { MunicipalityData } from '../domain/organisations.js';
import { TYVA_2025 } from '../domain/roadmap.js';
import { readBaselineFile, resolveBaselines } from '../input/baseline.js';
import { chooseWeek, dataForWeek, type Inputs, loadInputs } from '../input/load.js';
import { type InputFlags, readOptions } from './options.js';

export interface ReportFlags extends InputFlags {
  asOf?: string;
  week?: string;
  baseline?: string;
  baseline1?: number;
  baseline2?: number;
  sort?: SortOrder;
}

export interface Evaluated {
  inputs: Inputs;
  data: MunicipalityData[];
  report: Report;
}

function baselinesOf(flags: ReportFlags, inputs: Inputs): Baselines {
  const fromFile = flags.baseline
    ? resolveBaselines(readBaselineFile(flags.baseline, flags), inputs.index, flags.baseline)
    : { region: {}, byMunicipality: {} };
  const region = { ...fromFile.region };
  if (flags.baseline1 !== undefined) region['1'] = flags.baseline1;
  if (flags.baseline2 !== undefined) region['2'] = flags.baseline2;
  return { region, byMunicipality: fromFile.byMunicipality };
}

export function evaluateInputs(flags: ReportFlags, stage?: number): Evaluated {
  const inputs = loadInputs(readOptions(flags));
  const week = chooseWeek(inputs, flags.week);
  // The report date: --as-of, else the latest week end, else today.
  const asOf = flags.asOf ?? (week || format(new Date(), 'yyyy-MM-dd'));
  const { data, warnings } = dataForWeek(inputs, week);
  const report = evaluate({
    region: inputs.region,
    roadmap: TYVA_2025,
    asOf,
    week: week || null,
    data,
    baselines: baselinesOf(flags, inputs),
    sort: flags.sort,
    stage,
  });
  report.warnings.unshift(...inputs.warnings, ...warnings);
  return { inputs, data, report };
}
