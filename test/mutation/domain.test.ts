// The domain where the other tests leave gaps: a stage the roadmap does not
// have, name order, the total row's baseline, warnings of the report, exact
// decimals, stage order, term rows and the verdict of `check`.
import { describe, expect, it } from 'vitest';
import { indicatorChecks, rowsInScope, runCheck } from '../../src/domain/check.js';
import { type Baselines, evaluate } from '../../src/domain/evaluate.js';
import { evaluateTerm, INDICATORS, sumTerms } from '../../src/domain/indicators.js';
import type { MunicipalityData, OrgType } from '../../src/domain/organisations.js';
import { toDecimal } from '../../src/domain/rational.js';
import { type Stage, stageAt, TYVA_2025 } from '../../src/domain/roadmap.js';

const NO_BASELINES: Baselines = { region: {}, byMunicipality: {} };

/** One municipality with one public row of a type in each file. */
function municipality(
  name: string,
  orgType: OrgType,
  headcount: { staff: number; students: number },
  monitoring: {
    staffWriting: number;
    studentsActive: number;
    parentsActive: number;
    usersVk: number;
    usersTotal: number;
  },
  level: 'municipality' | 'regional' = 'municipality',
): MunicipalityData {
  return {
    municipality: { name, level },
    headcounts: [{ orgType, private: false, sums: { ...headcount, rows: 1 } }],
    monitoring: [{ orgType, private: false, sums: { ...monitoring, rows: 1 } }],
  };
}

// I1 80/100 pass (75 %); I2 20/200 fail (30 %, conditional); I3 5/10 fail (100 %); I4 0/0 n/a.
const SCHOOL = municipality(
  'Эрзинский кожуун',
  'school',
  { staff: 100, students: 100 },
  { staffWriting: 80, studentsActive: 10, parentsActive: 10, usersVk: 5, usersTotal: 10 },
);

function report(
  data: MunicipalityData[],
  asOf = '2025-12-30',
  options: { stage?: number; baselines?: Baselines; sort?: 'name' | 'indicator-1' } = {},
) {
  return evaluate({
    region: 'Республика Тыва',
    roadmap: TYVA_2025,
    asOf,
    week: '2025-12-28',
    data,
    baselines: options.baselines ?? NO_BASELINES,
    sort: options.sort,
    stage: options.stage,
  });
}

describe('evaluate', () => {
  it('a stage number the roadmap lacks gives n/a with the numbers, and says so in the stages', () => {
    const r = report([SCHOOL], '2025-12-30', { stage: 5 });
    expect(r.rows[0]?.indicators['1']).toEqual({
      numerator: 80,
      denominator: 100,
      share: 80,
      stage: 5,
      inForce: false,
      target: null,
      conditional: false,
      status: 'na',
      gap: 0,
      reason: 'no-baseline',
    });
    expect(r.rows[0]?.indicators['4'].share).toBeNull();
    expect(r.stages['3']).toEqual({
      stage: 5,
      due: '',
      inForce: false,
      target: 'baseline',
      conditional: false,
    });
  });

  it('the stages of the report on a due date', () => {
    expect(report([SCHOOL]).stages).toEqual({
      '1': { stage: 2, due: '2025-12-30', inForce: true, target: 75, conditional: true },
      '2': { stage: 2, due: '2025-12-30', inForce: true, target: 30, conditional: true },
      '3': { stage: 1, due: '2025-12-30', inForce: true, target: 100, conditional: false },
      '4': { stage: 1, due: '2025-12-30', inForce: true, target: 100, conditional: false },
    });
  });

  it('names the collator ranks equal come out in one order, whatever the input order', () => {
    const a = { ...SCHOOL, municipality: { name: 'Кызыл', level: 'municipality' as const } };
    const b = { ...SCHOOL, municipality: { name: 'Кы\u00adзыл', level: 'municipality' as const } };
    const names = (data: MunicipalityData[]) => report(data).rows.map((r) => r.municipality);
    expect(names([a, b])).toEqual(['Кы\u00adзыл', 'Кызыл', null]);
    expect(names([b, a])).toEqual(['Кы\u00adзыл', 'Кызыл', null]);
  });

  it('--sort indicator-1 puts the lowest share first and n/a last, ties by name', () => {
    const row = (name: string, staffWriting: number, staff: number) =>
      municipality(
        name,
        'school',
        { staff, students: 1 },
        {
          staffWriting,
          studentsActive: 0,
          parentsActive: 0,
          usersVk: 0,
          usersTotal: 1,
        },
      );
    const data = [
      row('Б', 0, 0),
      row('В', 50, 100),
      row('А', 0, 0),
      row('Г', 10, 100),
      row('Д', 5, 50),
    ];
    expect(
      report(data, '2025-12-30', { sort: 'indicator-1' }).rows.map((r) => r.municipality),
    ).toEqual(['Г', 'Д', 'В', 'А', 'Б', null]);
  });

  it('the total row takes the region-wide baseline, even beside a municipality named "null"', () => {
    const data = [{ ...SCHOOL, municipality: { name: 'null', level: 'municipality' as const } }];
    const r = report(data, '2025-10-05', {
      baselines: { region: { '1': 90 }, byMunicipality: { null: { '1': 10 } } },
    });
    expect(r.rows.map((row) => row.indicators['1'].target)).toEqual([10, 90]);
    expect(r.rows.map((row) => row.indicators['1'].status)).toEqual(['pass', 'fail']);
  });

  it('warns of a numerator above its denominator, never of one over a denominator of 0', () => {
    const stale = municipality(
      'Чаа-Хольский кожуун',
      'authority',
      { staff: 0, students: 0 },
      { staffWriting: 7, studentsActive: 0, parentsActive: 0, usersVk: 0, usersTotal: 7 },
    );
    const over = municipality(
      'Тоджинский кожуун',
      'school',
      { staff: 10, students: 10 },
      { staffWriting: 11, studentsActive: 0, parentsActive: 0, usersVk: 0, usersTotal: 11 },
    );
    const warnings = report([stale, over]).warnings.filter((w) => w.code === 'above-100');
    expect(warnings).toEqual([
      {
        code: 'above-100',
        municipality: 'Тоджинский кожуун',
        indicator: '1',
        numerator: 11,
        denominator: 10,
      },
      { code: 'above-100', municipality: null, indicator: '1', numerator: 11, denominator: 10 },
    ]);
  });

  it('warns of a missing baseline only where the stage in force has one as its target', () => {
    const codes = (asOf: string) =>
      report([SCHOOL], asOf)
        .warnings.filter((w) => w.code === 'baseline-missing')
        .map((w) => (w as { indicator: string }).indicator);
    expect(codes('2025-10-05')).toEqual(['1', '2']);
    expect(codes('2025-12-30')).toEqual([]);
  });
});

describe('toDecimal', () => {
  it.each([
    [41.7, 417n, 1],
    [-2.5, -25n, 1],
    [75, 75n, 0],
    [1e-7, 1n, 7],
    [-1e-7, -1n, 7],
    [1e21, 10n ** 21n, 0],
  ])('%d is %d / 10^%i', (value, units, scale) => {
    expect(toDecimal(value)).toEqual({ units, scale });
  });

  it('refuses a value that is not finite', () => {
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow('not a finite number: Infinity');
    expect(() => toDecimal(Number.NaN)).toThrow('not a finite number: NaN');
  });
});

describe('stageAt', () => {
  const stages: Stage[] = [
    { stage: 3, due: '2026-06-01', target: 90 },
    { stage: 2, due: '2025-12-30', target: 80 },
    { stage: 1, due: '2025-12-30', target: 70 },
    { stage: 0, due: '2025-10-01', target: 60 },
  ];

  it('is the last stage due on or before the date, by due date and then number', () => {
    expect(stageAt(stages, '2025-09-30')).toEqual({ stage: stages[3], inForce: false });
    expect(stageAt(stages, '2025-10-01').stage.stage).toBe(0);
    expect(stageAt(stages, '2025-12-29').stage.stage).toBe(0);
    expect(stageAt(stages, '2025-12-30').stage.stage).toBe(2);
    expect(stageAt(stages, '2026-06-01')).toEqual({ stage: stages[0], inForce: true });
  });

  it('refuses an indicator without stages', () => {
    expect(() => stageAt([], '2025-10-01')).toThrow('an indicator without stages');
  });
});

describe('evaluateTerm', () => {
  it('counts the rows of the cells it adds up, and only those', () => {
    const data: MunicipalityData = {
      municipality: { name: 'x', level: 'municipality' },
      headcounts: [],
      monitoring: [
        {
          orgType: 'school',
          private: false,
          sums: {
            staffWriting: 3,
            studentsActive: 0,
            parentsActive: 0,
            usersVk: 0,
            usersTotal: 0,
            rows: 4,
          },
        },
        {
          orgType: 'preschool',
          private: false,
          sums: {
            staffWriting: 5,
            studentsActive: 0,
            parentsActive: 0,
            usersVk: 0,
            usersTotal: 0,
            rows: 2,
          },
        },
        {
          orgType: 'school',
          private: true,
          sums: {
            staffWriting: 7,
            studentsActive: 0,
            parentsActive: 0,
            usersVk: 0,
            usersTotal: 0,
            rows: 1,
          },
        },
        {
          orgType: 'authority',
          private: false,
          sums: {
            staffWriting: 11,
            studentsActive: 0,
            parentsActive: 0,
            usersVk: 0,
            usersTotal: 0,
            rows: 8,
          },
        },
      ],
    };
    const term = INDICATORS[0]?.numerator[0];
    if (!term) throw new Error('no term');
    expect(evaluateTerm(term, data)).toEqual({ term, value: 8, rows: 6 });
  });

  it('gives the terms sumTerms adds up: what --explain shows is what compute counts', () => {
    const types = ['school', 'preschool', 'spo', 'dod', 'authority', 'subordinate'] as const;
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 97;
    };
    for (let round = 0; round < 50; round++) {
      const data: MunicipalityData = {
        municipality: { name: 'x', level: 'municipality' },
        monitoring: types.flatMap((orgType) =>
          [false, true].map((isPrivate) => ({
            orgType,
            private: isPrivate,
            sums: {
              staffWriting: next(),
              studentsActive: next(),
              parentsActive: next(),
              usersVk: next(),
              usersTotal: next() + 97,
              rows: 1,
            },
          })),
        ),
        headcounts: types.map((orgType) => ({
          orgType,
          private: next() % 3 === 0,
          sums: { staff: next(), students: next(), rows: 1 },
        })),
      };
      for (const indicator of INDICATORS) {
        for (const terms of [indicator.numerator, indicator.denominator]) {
          const explained = terms.reduce((sum, term) => sum + evaluateTerm(term, data).value, 0);
          expect(sumTerms(terms, data)).toBe(explained);
        }
      }
    }
  });
});

describe('check', () => {
  const decided = report([SCHOOL]);

  it('counts every item of every row in scope, and fails on the failures that are not allowed', () => {
    const result = runCheck(decided, TYVA_2025, {
      stage: 'in-force',
      scope: 'all',
      indicators: ['1', '2', '3', '4'],
      allowConditional: false,
    });
    expect(result.summary).toEqual({
      checked: 8,
      passed: 2,
      failed: 4,
      allowed: 0,
      na: 2,
      notChecked: 0,
    });
    expect(result.items).toHaveLength(8);
    expect(result.failures.map((f) => [f.indicator, f.municipality])).toEqual([
      ['2', 'Эрзинский кожуун'],
      ['2', null],
      ['3', 'Эрзинский кожуун'],
      ['3', null],
    ]);
    expect(result.exitCode).toBe(1);
  });

  it('allows a failed conditional target when asked, and passes when only those fail', () => {
    const options = {
      stage: 'in-force' as const,
      scope: 'region' as const,
      allowConditional: true,
    };
    const result = runCheck(decided, TYVA_2025, { ...options, indicators: ['1', '2', '3', '4'] });
    expect(result.summary).toEqual({
      checked: 4,
      passed: 1,
      failed: 1,
      allowed: 1,
      na: 1,
      notChecked: 0,
    });
    expect(result.items.find((i) => i.indicator === '2')).toMatchObject({
      allowed: true,
      checked: true,
    });
    expect(runCheck(decided, TYVA_2025, { ...options, indicators: ['1', '2'] }).exitCode).toBe(0);
  });

  it('before the first due date nothing is checked unless a stage is named', () => {
    const early = report([SCHOOL], '2025-09-01', {
      baselines: { region: { '1': 10, '2': 1 }, byMunicipality: {} },
    });
    const upcoming = runCheck(early, TYVA_2025, {
      stage: 'in-force',
      scope: 'all',
      indicators: ['1', '3'],
      allowConditional: false,
    });
    expect(upcoming.summary).toEqual({
      checked: 0,
      passed: 0,
      failed: 0,
      allowed: 0,
      na: 0,
      notChecked: 4,
    });
    expect(upcoming.items.every((i) => !i.checked)).toBe(true);
    expect(upcoming.exitCode).toBe(0);
    expect(upcoming.indicators).toEqual([
      {
        indicator: '1',
        stage: 1,
        due: '2025-10-01',
        inForce: false,
        conditional: false,
        checked: false,
        reason: 'upcoming',
      },
      {
        indicator: '3',
        stage: 1,
        due: '2025-12-30',
        inForce: false,
        conditional: false,
        checked: false,
        reason: 'upcoming',
      },
    ]);
  });

  it('a named stage is checked even before it is due; indicators without it are left out', () => {
    expect(indicatorChecks(TYVA_2025, '2025-09-01', { stage: 2, indicators: ['1', '3'] })).toEqual([
      {
        indicator: '1',
        stage: 2,
        due: '2025-12-30',
        inForce: false,
        conditional: true,
        checked: true,
      },
      {
        indicator: '3',
        stage: null,
        due: null,
        inForce: false,
        conditional: false,
        checked: false,
        reason: 'no-stage',
      },
    ]);
    const named = runCheck(report([SCHOOL], '2025-09-01', { stage: 2 }), TYVA_2025, {
      stage: 2,
      scope: 'all',
      indicators: ['1', '3'],
      allowConditional: false,
    });
    expect(named.items.map((i) => i.indicator)).toEqual(['1', '1']);
    expect(named.summary).toMatchObject({ checked: 2, passed: 2 });
  });

  it('a baseline target that was not given leaves the check undecided (exit 2)', () => {
    const result = runCheck(report([SCHOOL], '2025-10-05'), TYVA_2025, {
      stage: 'in-force',
      scope: 'region',
      indicators: ['1', '2'],
      allowConditional: false,
    });
    expect(result.undecided).toEqual(['1', '2']);
    expect(result.exitCode).toBe(2);
  });

  it('the region scope is the total row only', () => {
    expect(rowsInScope(decided.rows, 'region').map((r) => r.level)).toEqual(['total']);
    expect(rowsInScope(decided.rows, 'all')).toHaveLength(2);
  });
});
