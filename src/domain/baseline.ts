// The 2024/25 baselines: "the maximum of the indicator for Sferum in VK
// Messenger reached by the region in school year 2024/25", computed from
// that year's weekly exports. Records in, data out.
import { indicatorNumbers, type MunicipalityNumbers } from './evaluate.js';
import type { Level, MunicipalityData } from './organisations.js';
import { meetsPercent } from './rational.js';

/** The indicators whose stage-1 target is a baseline. */
export const BASELINE_INDICATORS = ['1', '2'] as const;
export type BaselineIndicator = (typeof BASELINE_INDICATORS)[number];

/** School year 2024/25, both ends included. */
export const SCHOOL_YEAR_2024_25 = { from: '2024-09-01', to: '2025-08-31' } as const;

export interface Period {
  from: string;
  to: string;
}

/** One week's monitoring sums with the headcounts, for every municipality. */
export interface WeekData {
  week: string;
  data: readonly MunicipalityData[];
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface BaselineMaximum extends Fraction {
  /** The percentage, written so that the week that set it passes against it. */
  value: number;
  week: string;
}

export type BaselineMaxima = Partial<Record<BaselineIndicator, BaselineMaximum>>;

export interface BaselineWeek {
  week: string;
  /** Region-wide numbers of the week; share null when the denominator is 0. */
  indicators: Record<BaselineIndicator, Fraction & { share: number | null }>;
}

export interface BaselineResult extends Period {
  /** The weeks inside the period, oldest first. */
  weeks: BaselineWeek[];
  /** Weeks found in the exports but outside the period (left out). */
  outside: string[];
  indicators: BaselineMaxima;
  /** Each municipality's own maximum, by the name of the headcount file. */
  byMunicipality?: Record<string, BaselineMaxima>;
  levels?: Record<string, Level>;
}

/** a > b for two fractions with non-zero denominators, exactly. */
function greater(a: Fraction, b: Fraction): boolean {
  return BigInt(a.numerator) * BigInt(b.denominator) > BigInt(b.numerator) * BigInt(a.denominator);
}

function nextDown(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

/**
 * The share as a percentage that is never above the exact fraction: the
 * float of numerator / denominator × 100 may round up, and then the week that
 * set the maximum would fail against its own baseline under the exact
 * comparison. Stepping down by the last binary digit until it passes keeps
 * the value within a few units of the 15th significant digit.
 */
export function baselineValue(numerator: number, denominator: number): number {
  let value = (numerator / denominator) * 100;
  while (value > 0 && !meetsPercent(numerator, denominator, value)) value = nextDown(value);
  return value;
}

/** Keeps the higher of the maximum so far and a week's numbers; ties keep the earlier week. */
function keepMaximum(
  maxima: BaselineMaxima,
  id: BaselineIndicator,
  week: string,
  numbers: Fraction,
): void {
  // Weeks with denominator 0 have no share and are skipped.
  if (numbers.denominator === 0) return;
  const current = maxima[id];
  if (current && !greater(numbers, current)) return;
  maxima[id] = {
    value: baselineValue(numbers.numerator, numbers.denominator),
    week,
    ...numbers,
  };
}

/**
 * Indicators 1 and 2 region-wide for every week inside the period (the sum
 * over every municipality and the regional level, as the region total), and
 * the maximum of each with the week it was reached. Weeks are added one at a
 * time in date order, so of equal maxima the earliest week is kept, and a
 * week's numbers can be dropped once added.
 */
export class BaselineBuilder {
  private readonly result: BaselineResult;
  private readonly byMunicipality: Record<string, BaselineMaxima> = {};
  private readonly levels: Record<string, Level> = {};

  constructor(
    period: Period,
    private readonly options: { byMunicipality?: boolean } = {},
  ) {
    this.result = { ...period, weeks: [], outside: [], indicators: {} };
  }

  /** One week's numbers for every municipality; weeks come oldest first. */
  add(week: string, rows: readonly MunicipalityNumbers[]): void {
    const { result, byMunicipality, levels, options } = this;
    if (week < result.from || week > result.to) {
      result.outside.push(week);
      return;
    }
    const indicators = {} as BaselineWeek['indicators'];
    for (const id of BASELINE_INDICATORS) {
      const total: Fraction = { numerator: 0, denominator: 0 };
      for (const { municipality, numbers } of rows) {
        const { numerator, denominator } = numbers[id];
        total.numerator += numerator;
        total.denominator += denominator;
        if (options.byMunicipality) {
          levels[municipality.name] = municipality.level;
          const own = byMunicipality[municipality.name] ?? {};
          byMunicipality[municipality.name] = own;
          keepMaximum(own, id, week, { numerator, denominator });
        }
      }
      indicators[id] = {
        ...total,
        share: total.denominator === 0 ? null : (total.numerator / total.denominator) * 100,
      };
      keepMaximum(result.indicators, id, week, total);
    }
    result.weeks.push({ week, indicators });
  }

  finish(): BaselineResult {
    const { result } = this;
    if (!this.options.byMunicipality) return result;
    // A municipality without a single week with a denominator has no baseline of its own.
    return {
      ...result,
      byMunicipality: Object.fromEntries(
        Object.entries(this.byMunicipality).filter(([, maxima]) => Object.keys(maxima).length > 0),
      ),
      levels: this.levels,
    };
  }
}

/** The baselines of weeks given in any order (see BaselineBuilder). */
export function computeBaseline(
  weeks: Iterable<WeekData>,
  period: Period,
  options: { byMunicipality?: boolean } = {},
): BaselineResult {
  const sorted = [...weeks].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  const builder = new BaselineBuilder(period, options);
  for (const { week, data } of sorted) {
    builder.add(
      week,
      data.map((d) => ({ municipality: d.municipality, numbers: indicatorNumbers(d) })),
    );
  }
  return builder.finish();
}
