// The projection of trend on series worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src/domain/roadmap.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';
import { project, projectionStage, slopePerWeek, type TrendPoint } from '../../src/domain/trend.js';

/** Points of numerator / 100 on the given weeks. */
function series(points: [string, number | null][]): TrendPoint[] {
  return points.map(([week, numerator]) => ({
    week,
    numerator: numerator ?? 0,
    denominator: numerator === null ? 0 : 100,
    share: numerator,
  }));
}

const STAGE_2: Stage = { stage: 2, due: '2025-12-30', target: 75, conditional: true };

describe('slopePerWeek', () => {
  it('is the least-squares slope in points per week', () => {
    // x = 0, 7, 14, 21 days; y = 10, 11, 13, 13. Σdx·dy = 38.5, Σdx² = 245:
    // 38.5 / 245 per day × 7 = 1.1 per week.
    const s = series([
      ['2025-11-02', 10],
      ['2025-11-09', 11],
      ['2025-11-16', 13],
      ['2025-11-23', 13],
    ]);
    expect(slopePerWeek(s, 4)).toBeCloseTo(1.1, 12);
  });

  it('measures days, so uneven gaps between exports count', () => {
    // 0, 7 and 21 days; 10, 12, 16: a straight line of 2 points per 7 days.
    const s = series([
      ['2025-12-01', 10],
      ['2025-12-08', 12],
      ['2025-12-22', 16],
    ]);
    expect(slopePerWeek(s, 4)).toBeCloseTo(2, 12);
  });

  it('looks at the last N weeks only', () => {
    const s = series([
      ['2025-10-05', 90],
      ['2025-10-12', 0],
      ['2025-10-19', 10],
      ['2025-10-26', 13],
      ['2025-11-02', 16],
    ]);
    expect(slopePerWeek(s, 3)).toBeCloseTo(3, 12);
  });

  it('is null with fewer than 2 weeks with a share', () => {
    expect(slopePerWeek(series([['2025-12-01', 10]]), 4)).toBeNull();
    expect(
      slopePerWeek(
        series([
          ['2025-12-01', null],
          ['2025-12-08', 10],
        ]),
        4,
      ),
    ).toBeNull();
  });
});

describe('project', () => {
  it('dates the target from the latest week at the current pace', () => {
    // 40, 42, 44, 46: 2 points a week; 29 points to go = 101.5 days → 102 days
    // after 22.12.2025 = 03.04.2026, after the due date 30.12.2025.
    const s = series([
      ['2025-12-01', 40],
      ['2025-12-08', 42],
      ['2025-12-15', 44],
      ['2025-12-22', 46],
    ]);
    expect(project(s, STAGE_2, 75, 4)).toEqual({
      stage: 2,
      target: 75,
      due: '2025-12-30',
      conditional: true,
      slopePerWeek: 2,
      reachesOn: '2026-04-03',
      onTrack: false,
    });
  });

  it('is on track when the date is on or before the due date', () => {
    // 60, 63, 66, 69 up to 01.12.2025: 3 a week, 6 to go = 14 days → 15.12.2025.
    const s = series([
      ['2025-11-10', 60],
      ['2025-11-17', 63],
      ['2025-11-24', 66],
      ['2025-12-01', 69],
    ]);
    expect(project(s, STAGE_2, 75, 4)).toMatchObject({ reachesOn: '2025-12-15', onTrack: true });
    // 4 a week from 67: 8 to go = exactly 14 days → 15.12.2025 too.
    const exact = series([
      ['2025-11-17', 59],
      ['2025-11-24', 63],
      ['2025-12-01', 67],
    ]);
    expect(project(exact, STAGE_2, 75, 4)).toMatchObject({
      reachesOn: '2025-12-15',
      onTrack: true,
    });
  });

  it('already at the target: the latest week, on track', () => {
    const s = series([
      ['2025-12-15', 80],
      ['2025-12-22', 75],
    ]);
    expect(project(s, STAGE_2, 75, 4)).toMatchObject({
      slopePerWeek: -5,
      reachesOn: '2025-12-22',
      onTrack: true,
    });
  });

  it('compares with the target exactly: 74.96 % is not at 75 %', () => {
    const s: TrendPoint[] = [
      { week: '2025-12-15', numerator: 7490, denominator: 10000, share: 74.9 },
      { week: '2025-12-22', numerator: 7496, denominator: 10000, share: 74.96 },
    ];
    // 0.06 points a week; 0.04 to go = 4.67 days → 5 days.
    expect(project(s, STAGE_2, 75, 4)).toMatchObject({ reachesOn: '2025-12-27', onTrack: true });
  });

  it('not rising and below the target: no date, not on track', () => {
    const flat = series([
      ['2025-12-15', 50],
      ['2025-12-22', 50],
    ]);
    expect(project(flat, STAGE_2, 75, 4)).toMatchObject({
      slopePerWeek: 0,
      reachesOn: null,
      onTrack: false,
    });
    const falling = series([
      ['2025-12-15', 52],
      ['2025-12-22', 50],
    ]);
    expect(project(falling, STAGE_2, 75, 4)).toMatchObject({ reachesOn: null, onTrack: false });
  });

  it('rising too slowly to reach the target within a century: no date, not on track', () => {
    // One person more among a hundred million in a week: 25 points to go take millions of years.
    const crawling: TrendPoint[] = [
      { week: '2025-12-15', numerator: 50_000_000, denominator: 100_000_000, share: 50 },
      { week: '2025-12-22', numerator: 50_000_001, denominator: 100_000_000, share: 50.000001 },
    ];
    expect(project(crawling, STAGE_2, 75, 4)).toMatchObject({ reachesOn: null, onTrack: false });
  });

  it('a baseline target that was not given: no target, no projection', () => {
    const stage1: Stage = { stage: 1, due: '2025-10-01', target: 'baseline' };
    const s = series([
      ['2025-09-14', 30],
      ['2025-09-21', 32],
    ]);
    expect(project(s, stage1, null, 4)).toMatchObject({
      target: null,
      slopePerWeek: 2,
      reachesOn: null,
      onTrack: null,
    });
  });

  it('one week below the target: no slope, nothing to tell', () => {
    expect(project(series([['2025-12-22', 50]]), STAGE_2, 75, 4)).toMatchObject({
      slopePerWeek: null,
      reachesOn: null,
      onTrack: null,
    });
  });
});

describe('projectionStage', () => {
  it('is the next stage due on or after the report date, else the last', () => {
    const stages = TYVA_2025.indicators['1'];
    expect(projectionStage(stages, '2025-09-21').stage).toBe(1);
    expect(projectionStage(stages, '2025-10-01').stage).toBe(1);
    expect(projectionStage(stages, '2025-10-02').stage).toBe(2);
    expect(projectionStage(stages, '2025-12-30').stage).toBe(2);
    expect(projectionStage(stages, '2026-01-11').stage).toBe(2);
  });
});
