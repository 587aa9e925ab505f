// buildTrend (src/domain/trend.ts): weekly reports in any order become one
// series per row and indicator, oldest week first, each with the projection
// to the stage and target that apply to that row.
import { describe, expect, it } from 'vitest';
import type { IndicatorResult, Report, ReportRow } from '../../src/domain/evaluate.js';
import {
  INDICATOR_IDS,
  type IndicatorId,
  type Roadmap,
  TYVA_2025,
} from '../../src/domain/roadmap.js';
import { buildTrend, projectionStage } from '../../src/domain/trend.js';

type Numbers = [numerator: number, denominator: number];

function result([numerator, denominator]: Numbers): IndicatorResult {
  return {
    numerator,
    denominator,
    share: denominator === 0 ? null : (numerator / denominator) * 100,
  } as IndicatorResult;
}

function row(
  municipality: string | null,
  level: ReportRow['level'],
  numbers: Numbers | Partial<Record<IndicatorId, Numbers>>,
): ReportRow {
  const indicators = {} as Record<IndicatorId, IndicatorResult>;
  for (const id of INDICATOR_IDS)
    indicators[id] = result(Array.isArray(numbers) ? numbers : (numbers[id] ?? [0, 0]));
  return { municipality, level, indicators };
}

function report(week: string | null, rows: ReportRow[]): Report {
  return { week, rows } as Report;
}

const NO_BASELINES = { region: {}, byMunicipality: {} };

describe('buildTrend', () => {
  const reports = [
    report('2025-12-14', [
      row('Эрзинский кожуун', 'municipality', [70, 100]),
      row(null, 'total', [70, 100]),
    ]),
    report('2025-11-30', [
      row('Эрзинский кожуун', 'municipality', [50, 100]),
      row(null, 'total', [50, 100]),
    ]),
    report('2025-12-07', [
      row('Эрзинский кожуун', 'municipality', [60, 100]),
      row(null, 'total', [60, 100]),
    ]),
  ];

  it('orders the weeks oldest first whatever the order of the reports', () => {
    const trend = buildTrend({
      reports,
      roadmap: TYVA_2025,
      baselines: NO_BASELINES,
      asOf: '2025-12-14',
      window: 4,
    });
    expect(trend.weeks).toEqual(['2025-11-30', '2025-12-07', '2025-12-14']);
    expect(trend.asOf).toBe('2025-12-14');
    expect(trend.window).toBe(4);
    expect(trend.rows.map((r) => [r.municipality, r.level])).toEqual([
      ['Эрзинский кожуун', 'municipality'],
      [null, 'total'],
    ]);
    const series = trend.rows[0]?.indicators['1'].series;
    expect([...(series ?? [])]).toEqual([
      { week: '2025-11-30', numerator: 50, denominator: 100, share: 50 },
      { week: '2025-12-07', numerator: 60, denominator: 100, share: 60 },
      { week: '2025-12-14', numerator: 70, denominator: 100, share: 70 },
    ]);
  });

  it('projects each indicator to the stage due next, at 10 points a week', () => {
    const trend = buildTrend({
      reports,
      roadmap: TYVA_2025,
      baselines: NO_BASELINES,
      asOf: '2025-12-14',
      window: 4,
    });
    const projection = trend.rows[0]?.indicators['1'].projection;
    // 70 % on 14.12, +10 points a week: 75 % half a week later, 18.12 (3.5 days → 4).
    expect(projection).toEqual({
      stage: 2,
      target: 75,
      due: '2025-12-30',
      conditional: true,
      slopePerWeek: expect.closeTo(10, 9),
      reachesOn: '2025-12-18',
      onTrack: true,
    });
    expect(trend.rows[0]?.indicators['3'].projection).toMatchObject({
      stage: 1,
      target: 100,
      conditional: false,
      reachesOn: '2026-01-04',
      onTrack: false,
    });
  });

  it('keeps apart rows that share a name but not a level, and one without a week', () => {
    const trend = buildTrend({
      reports: [
        report(null, [
          row('Республика Тыва', 'regional', [1, 2]),
          row('Республика Тыва', 'municipality', [1, 4]),
          row(null, 'total', [2, 6]),
        ]),
      ],
      roadmap: TYVA_2025,
      baselines: NO_BASELINES,
      asOf: '2025-12-14',
      window: 4,
    });
    expect(trend.weeks).toEqual(['']);
    expect(trend.rows.map((r) => r.level)).toEqual(['regional', 'municipality', 'total']);
    expect(trend.rows.map((r) => r.indicators['2'].series.at(0)?.denominator)).toEqual([2, 4, 6]);
    expect(trend.rows[2]?.indicators['2'].series.at(0)?.week).toBe('');
  });

  it('targets a baseline stage at the municipality’s own baseline, else the region’s, else none', () => {
    const trend = buildTrend({
      reports: [
        report('2025-09-21', [
          row('Тоджинский кожуун', 'municipality', [30, 100]),
          row('Эрзинский кожуун', 'municipality', [30, 100]),
          row(null, 'total', [60, 200]),
        ]),
      ],
      roadmap: TYVA_2025,
      baselines: { region: { '1': 40 }, byMunicipality: { 'Тоджинский кожуун': { '1': 25 } } },
      asOf: '2025-09-21',
      window: 4,
    });
    const target = (i: number, id: IndicatorId) => trend.rows[i]?.indicators[id].projection.target;
    expect([target(0, '1'), target(1, '1'), target(2, '1')]).toEqual([25, 40, 40]);
    expect([target(0, '2'), target(2, '2')]).toEqual([null, null]);
    // Already at its own baseline of 25 %: reached in the latest week.
    expect(trend.rows[0]?.indicators['1'].projection).toMatchObject({
      stage: 1,
      reachesOn: '2025-09-21',
      onTrack: true,
    });
  });
});

describe('projectionStage', () => {
  const stages: Roadmap['indicators']['1'] = [
    { stage: 3, due: '2026-06-01', target: 90 },
    { stage: 2, due: '2026-06-01', target: 80 },
    { stage: 1, due: '2025-10-01', target: 'baseline' },
  ];

  it('is the first stage due on or after the report date, by due date and then number', () => {
    expect(projectionStage(stages, '2025-10-01').stage).toBe(1);
    expect(projectionStage(stages, '2025-10-02').stage).toBe(2);
    expect(projectionStage(stages, '2026-07-01').stage).toBe(3);
  });

  it('refuses an indicator without stages', () => {
    expect(() => projectionStage([], '2025-10-01')).toThrow(/without stages/);
  });
});
