// `trend`: every week's share per municipality and indicator, and a linear
// projection of when the target of the next (or current) stage is reached.
// Records in, data out.
import type { Warning } from '../warnings.js';
import {
  above100,
  type Baselines,
  type IndicatorNumbers,
  type MunicipalityNumbers,
  type Report,
  type ReportRow,
  shareOf,
} from './evaluate.js';
import { sortByName } from './names.js';
import type { Municipality } from './organisations.js';
import { meetsPercent } from './rational.js';
import { INDICATOR_IDS, type IndicatorId, type Roadmap, type Stage } from './roadmap.js';

export const DEFAULT_WINDOW = 4;

export interface TrendPoint {
  week: string;
  numerator: number;
  denominator: number;
  /** A percentage; null when the denominator is 0. */
  share: number | null;
}

export interface Projection {
  /** The stage projected to: the next one due on or after the report date, else the last. */
  stage: number;
  /** Null when the target is a baseline that was not given: then nothing is projected. */
  target: number | null;
  due: string;
  conditional: boolean;
  /** Least-squares slope of the share over the window, in percentage points per week. */
  slopePerWeek: number | null;
  /** The first day the share reaches the target at that slope, from the latest week. */
  reachesOn: string | null;
  /** reachesOn is on or before the due date; null when it cannot be told. */
  onTrack: boolean | null;
}

/**
 * One row's points of one indicator, oldest first. A point is kept as its
 * week and its two whole numbers, about 24 bytes, and made a TrendPoint only
 * when it is read: as objects, the points of 40 national weeks (2,379 rows ×
 * 4 indicators) took 31 MB that stayed until the output was written. The
 * share is `shareOf` the two numbers, as a weekly report computes it. JSON
 * gives the points as an array.
 */
export class Series implements Iterable<TrendPoint> {
  /** Week, numerator and denominator of each point, one after another. */
  private readonly parts: (string | number)[] = [];

  get length(): number {
    return this.parts.length / 3;
  }

  push(week: string, numerator: number, denominator: number): void {
    this.parts.push(week, numerator, denominator);
  }

  /** The point at `index`; a negative index counts from the end, as `Array.prototype.at`. */
  at(index: number): TrendPoint | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    const numerator = this.parts[3 * i + 1] as number;
    const denominator = this.parts[3 * i + 2] as number;
    return {
      week: this.parts[3 * i] as string,
      numerator,
      denominator,
      share: shareOf(numerator, denominator),
    };
  }

  /** The last `count` points, oldest first (every point of a shorter series). */
  last(count: number): TrendPoint[] {
    const points: TrendPoint[] = [];
    for (let i = Math.max(0, this.length - count); i < this.length; i++)
      points.push(this.at(i) as TrendPoint);
    return points;
  }

  *[Symbol.iterator](): Iterator<TrendPoint> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as TrendPoint;
  }

  toJSON(): TrendPoint[] {
    return [...this];
  }
}

export interface TrendIndicator {
  series: Series;
  projection: Projection;
}

export interface TrendRow {
  /** Null for the region total. */
  municipality: string | null;
  level: ReportRow['level'];
  indicators: Record<IndicatorId, TrendIndicator>;
}

export interface Trend {
  asOf: string;
  weeks: string[];
  window: number;
  rows: TrendRow[];
}

const DAY = 86_400_000;
/** A century: a projection further off says only "not at this pace". */
const MAX_PROJECTION_DAYS = 36_525;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function addDays(iso: string, days: number): string {
  return new Date(dayNumber(iso) + days * DAY).toISOString().slice(0, 10);
}

/** The stage projected to: the first due on or after the report date, else the last one. */
export function projectionStage(stages: readonly Stage[], asOf: string): Stage {
  const sorted = [...stages].sort((a, b) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : a.stage - b.stage,
  );
  const next = sorted.find((stage) => stage.due >= asOf) ?? sorted[sorted.length - 1];
  if (!next) throw new RangeError('an indicator without stages');
  return next;
}

/**
 * Least squares of share against days over the last `window` points that
 * have a share, in percentage points per week; null with fewer than 2 points.
 */
export function slopePerWeek(series: readonly TrendPoint[], window: number): number | null {
  const points = series
    .slice(-window)
    .filter((p): p is TrendPoint & { share: number } => p.share !== null);
  if (points.length < 2) return null;
  const xs = points.map((p) => (dayNumber(p.week) - dayNumber(points[0]?.week ?? p.week)) / DAY);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = points.reduce((a, p) => a + p.share, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    covariance += dx * (p.share - meanY);
    variance += dx * dx;
  });
  return variance === 0 ? null : (covariance / variance) * 7;
}

/**
 * When the target is reached at the current pace, from the latest week:
 * - target unknown (a baseline not given), or no share in the latest week:
 *   reachesOn and onTrack null;
 * - already at the target in the latest week (exact comparison): reachesOn is
 *   the latest week, onTrack true;
 * - fewer than 2 weeks with a share: slope null, reachesOn and onTrack null;
 * - slope ≤ 0 while below the target: reachesOn null, onTrack false;
 * - otherwise reachesOn = latest week + ⌈(target − share) / slope per day⌉
 *   days, and onTrack says whether that is on or before the due date.
 */
export function project(
  series: readonly TrendPoint[],
  stage: Stage,
  target: number | null,
  window: number,
): Projection {
  const slope = slopePerWeek(series, window);
  const base = {
    stage: stage.stage,
    target,
    due: stage.due,
    conditional: stage.conditional === true,
    slopePerWeek: slope,
  };
  const latest = series[series.length - 1];
  if (target === null || !latest || latest.share === null)
    return { ...base, reachesOn: null, onTrack: null };
  if (meetsPercent(latest.numerator, latest.denominator, target))
    return { ...base, reachesOn: latest.week, onTrack: true };
  if (slope === null) return { ...base, reachesOn: null, onTrack: null };
  if (slope <= 0) return { ...base, reachesOn: null, onTrack: false };
  // A hair below the whole day, so that float noise in an exact day does not add one.
  const days = Math.max(1, Math.ceil(((target - latest.share) / slope) * 7 - 1e-9));
  // A pace a hair above zero (float noise on a flat series) dates the target
  // past any calendar: not on track, with no date.
  if (!(days <= MAX_PROJECTION_DAYS)) return { ...base, reachesOn: null, onTrack: false };
  const reachesOn = addDays(latest.week, days);
  return { ...base, reachesOn, onTrack: reachesOn <= stage.due };
}

function rowKey(row: Pick<ReportRow, 'level' | 'municipality'>): string {
  return `${row.level}\u0000${row.municipality ?? ''}`;
}

/** What a trend is projected against. */
export interface TrendSettings {
  roadmap: Roadmap;
  baselines: Baselines;
  asOf: string;
  window: number;
}

/** Where a week's rows go (see `TrendBuilder.addWeek`). */
interface Layout {
  municipalities: readonly Municipality[];
  /** Indices of the rows in the order of the weekly report: municipalities by name, then the regional level. */
  order: number[];
  /** The trend row of each row, by index. */
  rows: TrendRow[];
  total: TrendRow;
}

/**
 * A trend built one week at a time, oldest first: each week adds a point to
 * every row's series and can be dropped at once, so memory holds the series,
 * never a week's report.
 */
export class TrendBuilder {
  private readonly rows = new Map<string, TrendRow>();
  private readonly weeks: string[] = [];
  private layout: Layout | undefined;

  constructor(private readonly settings: TrendSettings) {}

  private row(row: Pick<ReportRow, 'level' | 'municipality'>): TrendRow {
    let trendRow = this.rows.get(rowKey(row));
    if (!trendRow) {
      trendRow = { municipality: row.municipality, level: row.level, indicators: {} as never };
      for (const id of INDICATOR_IDS)
        trendRow.indicators[id] = { series: new Series(), projection: undefined as never };
      this.rows.set(rowKey(row), trendRow);
    }
    return trendRow;
  }

  /** A week's report: a point per row and indicator. */
  add(report: Report): void {
    const week = report.week ?? '';
    this.weeks.push(week);
    for (const row of report.rows) {
      const trendRow = this.row(row);
      for (const id of INDICATOR_IDS) {
        const r = row.indicators[id];
        trendRow.indicators[id].series.push(week, r.numerator, r.denominator);
      }
    }
  }

  /** The layout of a week's rows: the last week's when the municipalities are the same. */
  private layoutOf(rows: readonly MunicipalityNumbers[]): Layout {
    const last = this.layout;
    if (
      last &&
      last.municipalities.length === rows.length &&
      rows.every((row, i) => row.municipality === last.municipalities[i])
    )
      return last;
    const named: number[] = [];
    const regional: number[] = [];
    rows.forEach((row, i) => {
      (row.municipality.level === 'regional' ? regional : named).push(i);
    });
    const nameAt = (i: number) => rows[i]?.municipality.name ?? '';
    // As `evaluate` sorts its rows, so that the rows come in the order of a report.
    const order = [...sortByName(named, nameAt), ...regional];
    const trendRows: TrendRow[] = [];
    for (const i of order) {
      const municipality = rows[i]?.municipality;
      if (municipality)
        trendRows[i] = this.row({ municipality: municipality.name, level: municipality.level });
    }
    const layout: Layout = {
      municipalities: rows.map((row) => row.municipality),
      order,
      rows: trendRows,
      total: this.row({ municipality: null, level: 'total' }),
    };
    this.layout = layout;
    return layout;
  }

  /**
   * A week given as each municipality's numbers: the points `add` would take
   * from the week's report (`evaluate` of the same numbers, sorted by name),
   * and that report's warnings of numerators above their denominators.
   */
  addWeek(week: string, rows: readonly MunicipalityNumbers[]): Warning[] {
    this.weeks.push(week);
    const layout = this.layoutOf(rows);
    const warnings: Warning[] = [];
    const point = (trendRow: TrendRow, numbers: IndicatorNumbers) => {
      for (const id of INDICATOR_IDS) {
        const { numerator, denominator } = numbers[id];
        trendRow.indicators[id].series.push(week, numerator, denominator);
        const warning = above100(trendRow.municipality, id, numerator, denominator);
        if (warning) warnings.push(warning);
      }
    };
    // The region total sums numerators and denominators; it is never an average of shares.
    const total = {} as IndicatorNumbers;
    for (const id of INDICATOR_IDS) total[id] = { numerator: 0, denominator: 0 };
    for (const { numbers } of rows) {
      for (const id of INDICATOR_IDS) {
        total[id].numerator += numbers[id].numerator;
        total[id].denominator += numbers[id].denominator;
      }
    }
    for (const i of layout.order) {
      const row = rows[i];
      const trendRow = layout.rows[i];
      if (row && trendRow) point(trendRow, row.numbers);
    }
    point(layout.total, total);
    return warnings;
  }

  /** The trend of the reports added, with each row's projection. */
  finish(): Trend {
    const { roadmap, baselines, asOf, window } = this.settings;
    for (const row of this.rows.values()) {
      for (const id of INDICATOR_IDS) {
        const stage = projectionStage(roadmap.indicators[id], asOf);
        const own =
          row.municipality === null ? undefined : baselines.byMunicipality[row.municipality]?.[id];
        const target =
          stage.target === 'baseline' ? (own ?? baselines.region[id] ?? null) : stage.target;
        const indicator = row.indicators[id];
        // A projection reads the last `window` points only.
        indicator.projection = project(indicator.series.last(window), stage, target, window);
      }
    }
    return { asOf, weeks: [...this.weeks], window, rows: [...this.rows.values()] };
  }
}

/**
 * The series of every row over the weekly reports (one report per week, as
 * `compute --week W` evaluates it), and each row's projection.
 */
export function buildTrend(input: TrendSettings & { reports: readonly Report[] }): Trend {
  const reports = [...input.reports].sort((a, b) =>
    (a.week ?? '') < (b.week ?? '') ? -1 : (a.week ?? '') > (b.week ?? '') ? 1 : 0,
  );
  const builder = new TrendBuilder(input);
  for (const report of reports) builder.add(report);
  return builder.finish();
}
