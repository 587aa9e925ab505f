// Edges of the domain's numbers that the other tests pass by: a projection
// that lands on the due date itself, stages numbered against their dates,
// the order of shares, the baseline warning when a baseline is given, what
// `check` counts as n/a and what it lets through as allowed.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/domain/check.js';
import { type Baselines, evaluate } from '../../src/domain/evaluate.js';
import type { MunicipalityData } from '../../src/domain/organisations.js';
import { type Stage, stageAt, TYVA_2025 } from '../../src/domain/roadmap.js';
import { buildTrend, project, projectionStage, type TrendPoint } from '../../src/domain/trend.js';

/** One municipality's schools: staff and students, and the monitoring of them. */
function schools(
  name: string,
  headcount: { staff: number; students: number },
  monitoring: { staffWriting: number; studentsActive: number; parentsActive: number },
): MunicipalityData {
  return {
    municipality: { name, level: 'municipality' },
    headcounts: [{ orgType: 'school', private: false, sums: { ...headcount, rows: 1 } }],
    monitoring: [
      {
        orgType: 'school',
        private: false,
        sums: { ...monitoring, usersVk: 0, usersTotal: 10, rows: 1 },
      },
    ],
  };
}

describe('projectionStage', () => {
  it('orders stages by due date, whatever their numbers say', () => {
    const stages: Stage[] = [
      { stage: 1, due: '2026-06-01', target: 90 },
      { stage: 2, due: '2025-10-01', target: 50 },
    ];
    expect(projectionStage(stages, '2025-09-30').stage).toBe(2);
    expect(projectionStage(stages, '2025-10-02').stage).toBe(1);
    expect(projectionStage(stages, '2026-07-01').stage).toBe(1);
    expect(projectionStage([...stages].reverse(), '2025-09-30').stage).toBe(2);
  });

  it('of two stages due on one day the lower number comes first, in either order', () => {
    const low: Stage = { stage: 1, due: '2025-12-30', target: 70 };
    const high: Stage = { stage: 2, due: '2025-12-30', target: 80 };
    expect(projectionStage([low, high], '2025-12-01')).toBe(low);
    expect(projectionStage([high, low], '2025-12-01')).toBe(low);
    // After the day: the last of them.
    expect(projectionStage([high, low], '2026-01-01')).toBe(high);
    expect(projectionStage([low, high], '2026-01-01')).toBe(high);
  });
});

describe('stageAt', () => {
  it('orders stages by due date, whatever their numbers say', () => {
    // A roadmap may number its stages against the calendar: stage 1 is the later one here.
    const stages: Stage[] = [
      { stage: 1, due: '2026-06-01', target: 90 },
      { stage: 2, due: '2025-10-01', target: 50 },
    ];
    expect(stageAt(stages, '2025-09-30')).toEqual({ stage: stages[1], inForce: false });
    expect(stageAt(stages, '2025-12-01')).toEqual({ stage: stages[1], inForce: true });
    expect(stageAt(stages, '2026-07-01')).toEqual({ stage: stages[0], inForce: true });
    expect(stageAt([...stages].reverse(), '2026-07-01').stage.stage).toBe(1);
  });

  it('of two stages due on one day the higher number is in force, in either order', () => {
    const low: Stage = { stage: 1, due: '2025-12-30', target: 70 };
    const high: Stage = { stage: 2, due: '2025-12-30', target: 80 };
    expect(stageAt([low, high], '2025-12-30').stage).toBe(high);
    expect(stageAt([high, low], '2025-12-30').stage).toBe(high);
    // Before the day: the first of them, upcoming.
    expect(stageAt([high, low], '2025-12-29')).toEqual({ stage: low, inForce: false });
  });
});

/** A municipality whose schools have 100 staff, `writing` of whom write. */
function staffOnly(name: string, writing: number): MunicipalityData {
  return schools(
    name,
    { staff: 100, students: 100 },
    { staffWriting: writing, studentsActive: 10, parentsActive: 10 },
  );
}

function evaluated(data: MunicipalityData[], asOf: string, baselines?: Baselines) {
  return evaluate({
    region: 'Республика Тыва',
    roadmap: TYVA_2025,
    asOf,
    week: asOf,
    data,
    baselines: baselines ?? { region: {}, byMunicipality: {} },
    sort: 'indicator-1',
  });
}

describe('evaluate', () => {
  it('--sort indicator-1 orders distinct shares from the lowest up, whatever the input order', () => {
    const data = [
      staffOnly('А', 30),
      staffOnly('Б', 10),
      staffOnly('В', 20),
      staffOnly('Г', 40),
      staffOnly('Д', 5),
    ];
    const order = (rows: MunicipalityData[]) =>
      evaluated(rows, '2025-12-30').rows.map((r) => r.indicators['1'].share);
    expect(order(data)).toEqual([5, 10, 20, 30, 40, 21]);
    expect(order([...data].reverse())).toEqual([5, 10, 20, 30, 40, 21]);
  });

  it('does not warn of a missing baseline when the baselines are given', () => {
    const report = evaluated([staffOnly('А', 30)], '2025-10-05', {
      region: { '1': 25, '2': 10 },
      byMunicipality: {},
    });
    expect(report.warnings.filter((w) => w.code === 'baseline-missing')).toEqual([]);
    expect(report.rows.map((r) => r.indicators['1'].status)).toEqual(['pass', 'pass']);
    // Only one of the two given: the other is missing.
    const one = evaluated([staffOnly('А', 30)], '2025-10-05', {
      region: { '2': 10 },
      byMunicipality: {},
    });
    expect(one.warnings.filter((w) => w.code === 'baseline-missing')).toEqual([
      { code: 'baseline-missing', indicator: '1' },
    ]);
  });
});

/** Points of numerator / 100 on the given weeks. */
function series(points: [string, number][]): TrendPoint[] {
  return points.map(([week, numerator]) => ({
    week,
    numerator,
    denominator: 100,
    share: numerator,
  }));
}

const STAGE_2: Stage = { stage: 2, due: '2025-12-30', target: 75, conditional: true };

describe('project', () => {
  it('reaching the target on the due date itself is on track; a day later is not', () => {
    // 59, 63, 67: 4 points a week; 8 to go = exactly 14 days after 16.12 = 30.12, the due date.
    const onTheDay = series([
      ['2025-12-02', 59],
      ['2025-12-09', 63],
      ['2025-12-16', 67],
    ]);
    expect(project(onTheDay, STAGE_2, 75, 4)).toMatchObject({
      reachesOn: '2025-12-30',
      onTrack: true,
    });
    const dayLate = series([
      ['2025-12-03', 59],
      ['2025-12-10', 63],
      ['2025-12-17', 67],
    ]);
    expect(project(dayLate, STAGE_2, 75, 4)).toMatchObject({
      reachesOn: '2025-12-31',
      onTrack: false,
    });
  });
});

describe('buildTrend', () => {
  it('projects the total row to the region’s baseline, even beside a municipality named "null"', () => {
    const report = evaluated([staffOnly('null', 30)], '2025-09-21');
    const trend = buildTrend({
      reports: [report],
      roadmap: TYVA_2025,
      baselines: { region: { '1': 90 }, byMunicipality: { null: { '1': 10 } } },
      asOf: '2025-09-21',
      window: 4,
    });
    expect(trend.rows.map((r) => [r.municipality, r.indicators['1'].projection.target])).toEqual([
      ['null', 10],
      [null, 90],
    ]);
  });
});

describe('check', () => {
  it('a baseline that was not given is undecided, not n/a, and nothing passes or fails', () => {
    // 05.10.2025: stage 1 of I1 and I2 (the baseline) is in force; no baseline is given.
    const report = evaluate({
      region: 'Республика Тыва',
      roadmap: TYVA_2025,
      asOf: '2025-10-05',
      week: '2025-10-05',
      data: [
        schools(
          'Эрзинский кожуун',
          { staff: 100, students: 100 },
          { staffWriting: 40, studentsActive: 10, parentsActive: 10 },
        ),
      ],
      baselines: { region: {}, byMunicipality: {} },
    });
    const result = runCheck(report, TYVA_2025, {
      stage: 'in-force',
      scope: 'all',
      indicators: ['1', '2'],
      allowConditional: false,
    });
    expect(result.summary).toEqual({
      checked: 4,
      passed: 0,
      failed: 0,
      allowed: 0,
      na: 0,
      notChecked: 0,
    });
    expect(result.items.map((i) => i.reason)).toEqual([
      'no-baseline',
      'no-baseline',
      'no-baseline',
      'no-baseline',
    ]);
    expect(result.exitCode).toBe(2);
  });

  it('a conditional target that is met is a pass, not an allowed failure', () => {
    // 30.12.2025: I1 80 of 100 against 75 % (conditional) passes; I2 20 of 200 against 30 % fails.
    const report = evaluate({
      region: 'Республика Тыва',
      roadmap: TYVA_2025,
      asOf: '2025-12-30',
      week: '2025-12-28',
      data: [
        schools(
          'Эрзинский кожуун',
          { staff: 100, students: 100 },
          { staffWriting: 80, studentsActive: 10, parentsActive: 10 },
        ),
      ],
      baselines: { region: {}, byMunicipality: {} },
    });
    const result = runCheck(report, TYVA_2025, {
      stage: 'in-force',
      scope: 'region',
      indicators: ['1', '2'],
      allowConditional: true,
    });
    expect(result.items.map((i) => [i.indicator, i.status, i.conditional, i.allowed])).toEqual([
      ['1', 'pass', true, false],
      ['2', 'fail', true, true],
    ]);
    expect(result.summary).toMatchObject({ passed: 1, allowed: 1, failed: 0 });
    expect(result.exitCode).toBe(0);
  });
});
