// Evaluation: the data of each municipality against the stage in force on the
// report date. Records in, the report model out; nothing here formats.
import type { Warning } from '../warnings.js';
import { partsOf } from './indicators.js';
import { compareNames, sortByName } from './names.js';
import type { Level, Municipality, MunicipalityData } from './organisations.js';
import { meetsPercent, peopleNeeded } from './rational.js';
import { INDICATOR_IDS, type IndicatorId, type Roadmap, type Stage, stageAt } from './roadmap.js';

export type Status = 'pass' | 'fail' | 'na';
export type NaReason = 'no-denominator' | 'no-baseline';

export interface IndicatorResult {
  numerator: number;
  denominator: number;
  /** A percentage; null only when the denominator is 0. */
  share: number | null;
  stage: number;
  inForce: boolean;
  /** Null when the target is a baseline that was not given. */
  target: number | null;
  conditional: boolean;
  status: Status;
  /** People still needed to reach the target; 0 unless the status is fail. */
  gap: number;
  reason?: NaReason;
}

export interface ReportRow {
  /** Null for the region total. */
  municipality: string | null;
  level: Level | 'total';
  indicators: Record<IndicatorId, IndicatorResult>;
}

export interface StageInfo {
  stage: number;
  due: string;
  inForce: boolean;
  target: number | 'baseline';
  conditional: boolean;
}

export interface Report {
  region: string;
  roadmap: string;
  asOf: string;
  week: string | null;
  stages: Record<IndicatorId, StageInfo>;
  rows: ReportRow[];
  warnings: Warning[];
}

/** Baseline percentages: region-wide, and per municipality where given. */
export interface Baselines {
  region: Partial<Record<IndicatorId, number>>;
  byMunicipality: Record<string, Partial<Record<IndicatorId, number>>>;
}

export const NO_BASELINES: Baselines = { region: {}, byMunicipality: {} };

export type SortOrder = 'name' | `indicator-${IndicatorId}`;

/** What a report is evaluated against, whatever form its municipalities come in. */
export interface EvaluationSettings {
  region: string;
  roadmap: Roadmap;
  asOf: string;
  week: string | null;
  baselines: Baselines;
  sort?: SortOrder;
  /** Evaluate against this stage number instead of the one in force (`check --stage`). */
  stage?: number;
}

export interface EvaluationInput extends EvaluationSettings {
  data: MunicipalityData[];
}

/** Municipalities whose indicators' numbers are already summed (as indicatorNumbers sums them). */
export interface NumbersInput extends EvaluationSettings {
  rows: MunicipalityNumbers[];
}

/** Each indicator's numerator and denominator. */
export type IndicatorNumbers = Record<IndicatorId, { numerator: number; denominator: number }>;

/** A municipality (or the regional level) with its indicators' numbers already summed. */
export interface MunicipalityNumbers {
  municipality: Municipality;
  numbers: IndicatorNumbers;
}

/** The stage to evaluate an indicator against, on the report date or by number. */
export function chooseStage(stages: readonly Stage[], asOf: string, stageNumber?: number) {
  const atDate = stageAt(stages, asOf);
  if (stageNumber === undefined) return atDate;
  const named = stages.find((s) => s.stage === stageNumber);
  if (!named) return undefined;
  return { stage: named, inForce: named.due <= asOf };
}

/** The share as a percentage; null when the denominator is 0. */
export function shareOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

/** The warning for a numerator above its denominator (stale headcounts), if it is. */
export function above100(
  municipality: string | null,
  indicator: IndicatorId,
  numerator: number,
  denominator: number,
): Warning | undefined {
  if (!(denominator > 0 && numerator > denominator)) return undefined;
  return { code: 'above-100', municipality, indicator, numerator, denominator };
}

export function judge(
  numerator: number,
  denominator: number,
  stage: Stage,
  inForce: boolean,
  baseline: number | undefined,
): IndicatorResult {
  const target = stage.target === 'baseline' ? (baseline ?? null) : stage.target;
  let status: Status = 'na';
  let gap = 0;
  let reason: NaReason | undefined;
  if (denominator === 0) reason = 'no-denominator';
  else if (target === null) reason = 'no-baseline';
  else if (meetsPercent(numerator, denominator, target)) status = 'pass';
  else {
    status = 'fail';
    gap = peopleNeeded(denominator, target) - numerator;
  }
  const judged: IndicatorResult = {
    numerator,
    denominator,
    share: shareOf(numerator, denominator),
    stage: stage.stage,
    inForce,
    target,
    conditional: stage.conditional === true,
    status,
    gap,
  };
  if (reason) judged.reason = reason;
  return judged;
}

/** The stage each indicator is evaluated against: the same for every row of a report. */
type ChosenStages = Record<IndicatorId, ReturnType<typeof chooseStage>>;

function chooseStages(input: EvaluationSettings): ChosenStages {
  const chosen = {} as ChosenStages;
  for (const id of INDICATOR_IDS)
    chosen[id] = chooseStage(input.roadmap.indicators[id], input.asOf, input.stage);
  return chosen;
}

function evaluateRow(
  input: EvaluationSettings,
  stages: ChosenStages,
  municipality: string | null,
  level: ReportRow['level'],
  numbers: IndicatorNumbers,
): ReportRow {
  const indicators = {} as Record<IndicatorId, IndicatorResult>;
  for (const id of INDICATOR_IDS) {
    const chosen = stages[id];
    const { numerator, denominator } = numbers[id];
    if (!chosen) {
      indicators[id] = {
        numerator,
        denominator,
        share: shareOf(numerator, denominator),
        stage: input.stage ?? 0,
        inForce: false,
        target: null,
        conditional: false,
        status: 'na',
        gap: 0,
        reason: 'no-baseline',
      };
      continue;
    }
    const own =
      municipality === null ? undefined : input.baselines.byMunicipality[municipality]?.[id];
    const baseline = own ?? input.baselines.region[id];
    indicators[id] = judge(numerator, denominator, chosen.stage, chosen.inForce, baseline);
  }
  return { municipality, level, indicators };
}

/** Each indicator's numerator and denominator for one municipality's data (sumTerms of its terms). */
export function indicatorNumbers(data: MunicipalityData): IndicatorNumbers {
  const parts = partsOf(data);
  const out = {} as IndicatorNumbers;
  INDICATOR_IDS.forEach((id, i) => {
    out[id] = { numerator: parts[2 * i] ?? 0, denominator: parts[2 * i + 1] ?? 0 };
  });
  return out;
}

function sortRows(rows: ReportRow[], order: SortOrder): ReportRow[] {
  const byName = (a: ReportRow, b: ReportRow) =>
    compareNames(a.municipality ?? '', b.municipality ?? '');
  if (order === 'name') return sortByName(rows, (row) => row.municipality ?? '');
  const id = order.slice('indicator-'.length) as IndicatorId;
  // Lowest share first: the municipalities furthest from the target lead.
  return [...rows].sort((a, b) => {
    const sa = a.indicators[id].share;
    const sb = b.indicators[id].share;
    if (sa === null || sb === null) return sa === sb ? byName(a, b) : sa === null ? 1 : -1;
    return sa - sb || byName(a, b);
  });
}

export function evaluate(input: EvaluationInput): Report {
  const { data, ...settings } = input;
  const rows = data.map((d) => ({ municipality: d.municipality, numbers: indicatorNumbers(d) }));
  return evaluateNumbers({ ...settings, rows });
}

/** The report of municipalities whose numbers are summed (compute, check, trend's weeks). */
export function evaluateNumbers(input: NumbersInput): Report {
  const municipalities: ReportRow[] = [];
  const regional: ReportRow[] = [];
  const total = {} as IndicatorNumbers;
  for (const id of INDICATOR_IDS) total[id] = { numerator: 0, denominator: 0 };
  const chosenStages = chooseStages(input);

  for (const { municipality, numbers } of input.rows) {
    for (const id of INDICATOR_IDS) {
      total[id].numerator += numbers[id].numerator;
      total[id].denominator += numbers[id].denominator;
    }
    const row = evaluateRow(input, chosenStages, municipality.name, municipality.level, numbers);
    (municipality.level === 'regional' ? regional : municipalities).push(row);
  }
  // The region total sums numerators and denominators; it is never an average of shares.
  const totalRow = evaluateRow(input, chosenStages, null, 'total', total);
  const rows = [...sortRows(municipalities, input.sort ?? 'name'), ...regional, totalRow];

  const warnings: Warning[] = [];
  for (const row of rows) {
    for (const id of INDICATOR_IDS) {
      const r = row.indicators[id];
      const warning = above100(row.municipality, id, r.numerator, r.denominator);
      if (warning) warnings.push(warning);
    }
  }

  const stages = {} as Record<IndicatorId, StageInfo>;
  for (const id of INDICATOR_IDS) {
    const chosen = chosenStages[id];
    const stage = chosen?.stage;
    stages[id] = {
      stage: stage?.stage ?? input.stage ?? 0,
      due: stage?.due ?? '',
      inForce: chosen?.inForce ?? false,
      target: stage?.target ?? 'baseline',
      conditional: stage?.conditional === true,
    };
    if (stage?.target === 'baseline' && input.baselines.region[id] === undefined) {
      warnings.push({ code: 'baseline-missing', indicator: id });
    }
  }

  return {
    region: input.region,
    roadmap: input.roadmap.name,
    asOf: input.asOf,
    week: input.week,
    stages,
    rows,
    warnings,
  };
}
