// The rules of SPEC 2 one by one, on municipalities built by hand. Every
// expected number is worked out in the comment above it.
import { describe, expect, it } from 'vitest';
import { evaluate, judge } from '../../src/domain/evaluate.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';
import { input, municipality, type OrgRow } from './build.js';

// One municipality with every type, a private school and a kindergarten that
// reports active "students".
const EVERY_TYPE: OrgRow[] = [
  {
    type: 'school',
    staff: 100,
    students: 800,
    staffWriting: 60,
    studentsActive: 300,
    parentsActive: 200,
    usersTotal: 700,
    usersVk: 100,
  },
  {
    type: 'preschool',
    staff: 40,
    students: 300,
    staffWriting: 30,
    studentsActive: 5,
    parentsActive: 120,
    usersTotal: 160,
    usersVk: 20,
  },
  {
    type: 'spo',
    staff: 20,
    students: 200,
    staffWriting: 10,
    studentsActive: 90,
    parentsActive: 40,
    usersTotal: 150,
    usersVk: 50,
  },
  {
    type: 'dod',
    staff: 10,
    students: 100,
    staffWriting: 5,
    studentsActive: 30,
    parentsActive: 10,
    usersTotal: 50,
    usersVk: 0,
  },
  { type: 'authority', staff: 12, staffWriting: 9, usersTotal: 12, usersVk: 3 },
  { type: 'subordinate', staff: 8, staffWriting: 8, usersTotal: 8, usersVk: 0 },
  {
    type: 'school',
    private: true,
    staff: 15,
    students: 100,
    staffWriting: 15,
    studentsActive: 80,
    parentsActive: 70,
    usersTotal: 170,
    usersVk: 30,
  },
  // A private education office (unusual, but it must stay out of indicator 4).
  { type: 'authority', private: true, staff: 5, staffWriting: 5, usersTotal: 5, usersVk: 5 },
];

function rowOf(report: ReturnType<typeof evaluate>, name: string | null) {
  const row = report.rows.find((r) => r.municipality === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe('the four indicators (SPEC 2)', () => {
  const report = evaluate(input([municipality('Тестовый кожуун', EVERY_TYPE)], '2025-12-30'));
  const { indicators } = rowOf(report, 'Тестовый кожуун');

  it('1: staff writing over EDU / staff over EDU, private left out', () => {
    // 60 + 30 + 10 + 5 = 105 of 100 + 40 + 20 + 10 = 170.
    expect(indicators['1']).toMatchObject({ numerator: 105, denominator: 170 });
  });

  it('2: students of STUD plus parents of EDU; the denominator is 2 × students(STUD) + children(preschool)', () => {
    // Students 300 + 90 + 30 = 420 (the kindergarten's 5 are ignored); parents
    // 200 + 120 + 40 + 10 = 370: 790. Denominator 2 × (800 + 200 + 100) + 300 = 2 500.
    expect(indicators['2']).toMatchObject({ numerator: 790, denominator: 2500 });
  });

  it('3: every user of the municipality, private included, minus those in VK Messenger', () => {
    // Users 700 + 160 + 150 + 50 + 12 + 8 + 170 + 5 = 1 255; in VK 100 + 20 + 50 + 3 + 30 + 5 = 208.
    expect(indicators['3']).toMatchObject({ numerator: 1255 - 208, denominator: 1255 });
  });

  it('4: staff writing over authorities and subordinates / their staff, private left out', () => {
    // 9 + 8 = 17 of 12 + 8 = 20.
    expect(indicators['4']).toMatchObject({ numerator: 17, denominator: 20 });
  });

  it('judges each against the stage in force on 30.12.2025', () => {
    // 105 / 170 = 61.76 % < 75 %: needs ceil(0.75 × 170 = 127.5) = 128, so 23 more.
    expect(indicators['1']).toMatchObject({
      stage: 2,
      inForce: true,
      target: 75,
      conditional: true,
      status: 'fail',
      gap: 23,
    });
    expect(indicators['1'].share).toBeCloseTo((105 / 170) * 100, 10);
    // 790 / 2 500 = 31.6 % ≥ 30 %.
    expect(indicators['2']).toMatchObject({ stage: 2, target: 30, status: 'pass', gap: 0 });
    expect(indicators['2'].share).toBeCloseTo(31.6, 10);
    // 1 047 of 1 255: 208 people short of 100 %.
    expect(indicators['3']).toMatchObject({
      stage: 1,
      target: 100,
      conditional: false,
      status: 'fail',
      gap: 208,
    });
    // 17 of 20: 3 short.
    expect(indicators['4']).toMatchObject({ stage: 1, target: 100, status: 'fail', gap: 3 });
  });
});

describe('preschool (the one-student-one-parent rule)', () => {
  it('ignores students of kindergartens and counts their parents', () => {
    const kindergarten = municipality('Сад', [
      { type: 'preschool', staff: 10, students: 50, studentsActive: 50, parentsActive: 20 },
    ]);
    const { indicators } = rowOf(evaluate(input([kindergarten], '2025-12-30')), 'Сад');
    // Only the 20 parents count, of 50 (one parent per child).
    expect(indicators['2']).toMatchObject({ numerator: 20, denominator: 50 });
    expect(indicators['2'].share).toBe(40);
  });

  it('counts a school pupil twice in the denominator: once as a student, once as a parent', () => {
    const school = municipality('Школа', [
      { type: 'school', students: 100, studentsActive: 15, parentsActive: 15 },
    ]);
    const { indicators } = rowOf(evaluate(input([school], '2025-12-30')), 'Школа');
    // 30 of 200 = 15 % < 30 %: needs 60, 30 more.
    expect(indicators['2']).toMatchObject({
      numerator: 30,
      denominator: 200,
      status: 'fail',
      gap: 30,
    });
  });
});

describe('private organisations', () => {
  const onlyPrivate = municipality('Частный', [
    {
      type: 'school',
      private: true,
      staff: 10,
      students: 100,
      staffWriting: 10,
      studentsActive: 50,
      parentsActive: 50,
      usersTotal: 110,
      usersVk: 10,
    },
    {
      type: 'subordinate',
      private: true,
      staff: 4,
      staffWriting: 4,
      usersTotal: 4,
      usersVk: 0,
    },
  ]);
  const { indicators } = rowOf(evaluate(input([onlyPrivate], '2025-12-30')), 'Частный');

  it('are left out of indicators 1, 2 and 4 (N/A: nothing state or municipal to count)', () => {
    for (const id of ['1', '2', '4'] as const) {
      expect(indicators[id]).toMatchObject({
        numerator: 0,
        denominator: 0,
        share: null,
        status: 'na',
        reason: 'no-denominator',
      });
    }
  });

  it('count in indicator 3', () => {
    // 114 users, 10 in VK Messenger: 104 of 114.
    expect(indicators['3']).toMatchObject({ numerator: 104, denominator: 114, gap: 10 });
  });
});

describe('N/A (SPEC 2.3)', () => {
  it('when the denominator is 0: no share, no gap, the reason given', () => {
    const noAuthority = municipality('Без ОУО', [{ type: 'school', staff: 10, staffWriting: 9 }]);
    const { indicators } = rowOf(evaluate(input([noAuthority], '2025-12-30')), 'Без ОУО');
    expect(indicators['4']).toEqual({
      numerator: 0,
      denominator: 0,
      share: null,
      stage: 1,
      inForce: true,
      target: 100,
      conditional: false,
      status: 'na',
      gap: 0,
      reason: 'no-denominator',
    });
  });

  it('when the denominator is 0 but somebody is counted (monitoring rows without headcounts)', () => {
    const orphan = municipality('Без статформ', [{ type: 'authority', staffWriting: 3 }]);
    const { indicators } = rowOf(evaluate(input([orphan], '2025-12-30')), 'Без статформ');
    expect(indicators['4']).toMatchObject({
      numerator: 3,
      denominator: 0,
      share: null,
      status: 'na',
      gap: 0,
      reason: 'no-denominator',
    });
  });

  it('when the target is a baseline that was not given: target null, share still shown', () => {
    const m = municipality('Без базы', [{ type: 'school', staff: 100, staffWriting: 40 }]);
    const report = evaluate(input([m], '2025-11-01'));
    expect(rowOf(report, 'Без базы').indicators['1']).toEqual({
      numerator: 40,
      denominator: 100,
      share: 40,
      stage: 1,
      inForce: true,
      target: null,
      conditional: false,
      status: 'na',
      gap: 0,
      reason: 'no-baseline',
    });
    expect(report.warnings).toContainEqual({ code: 'baseline-missing', indicator: '1' });
    expect(report.warnings).toContainEqual({ code: 'baseline-missing', indicator: '2' });
    expect(report.stages['1']).toEqual({
      stage: 1,
      due: '2025-10-01',
      inForce: true,
      target: 'baseline',
      conditional: false,
    });
  });

  it('no baseline warning once the baseline stages are over', () => {
    const m = municipality('М', [{ type: 'school', staff: 100, staffWriting: 40 }]);
    const report = evaluate(input([m], '2025-12-30'));
    expect(report.warnings.filter((w) => w.code === 'baseline-missing')).toEqual([]);
  });
});

describe('the stage in force decides the target', () => {
  const m = municipality('М', [
    { type: 'school', staff: 1000, students: 1000, staffWriting: 420, parentsActive: 370 },
  ]);
  const baselines = { region: { '1': 41.7, '2': 18.4 }, byMunicipality: {} };

  it('30.09.2025: upcoming stage 1, its status already computed', () => {
    const report = evaluate(input([m], '2025-09-30', baselines));
    const { indicators } = rowOf(report, 'М');
    // 420 of 1 000 = 42 % ≥ 41.7 %.
    expect(indicators['1']).toMatchObject({
      stage: 1,
      inForce: false,
      target: 41.7,
      status: 'pass',
    });
    // 370 of 2 000 = 18.5 % ≥ 18.4 %.
    expect(indicators['2']).toMatchObject({ stage: 1, inForce: false, target: 18.4 });
    expect(indicators['2'].status).toBe('pass');
    // Nobody in the monitoring: 0 of 0 users.
    expect(indicators['3']).toMatchObject({ stage: 1, inForce: false, status: 'na' });
    expect(report.stages['3']).toMatchObject({ stage: 1, inForce: false, due: '2025-12-30' });
  });

  it('30.09.2025 without baselines: upcoming, target null, N/A', () => {
    const { indicators } = rowOf(evaluate(input([m], '2025-09-30')), 'М');
    expect(indicators['1']).toMatchObject({
      stage: 1,
      inForce: false,
      target: null,
      status: 'na',
      reason: 'no-baseline',
      gap: 0,
    });
    expect(indicators['1'].share).toBe(42);
  });

  it('01.10.2025 and 29.12.2025: the baseline, in force', () => {
    for (const asOf of ['2025-10-01', '2025-12-29']) {
      const { indicators } = rowOf(evaluate(input([m], asOf, baselines)), 'М');
      expect(indicators['1']).toMatchObject({ stage: 1, inForce: true, target: 41.7 });
      expect(indicators['3'].inForce).toBe(false);
    }
  });

  it('30.12.2025: 75 % and 30 %, conditional; 42 % now fails by 330', () => {
    const { indicators } = rowOf(evaluate(input([m], '2025-12-30', baselines)), 'М');
    // 75 % of 1 000 = 750; 750 − 420 = 330.
    expect(indicators['1']).toMatchObject({
      stage: 2,
      inForce: true,
      target: 75,
      conditional: true,
      status: 'fail',
      gap: 330,
    });
    // 30 % of 2 000 = 600; 600 − 370 = 230.
    expect(indicators['2']).toMatchObject({ stage: 2, target: 30, status: 'fail', gap: 230 });
  });

  it('check --stage: a named stage, upcoming before its due date', () => {
    const report = evaluate(input([m], '2025-11-01', baselines, { stage: 2 }));
    expect(rowOf(report, 'М').indicators['1']).toMatchObject({
      stage: 2,
      inForce: false,
      target: 75,
    });
    expect(report.stages['1']).toMatchObject({ stage: 2, inForce: false, due: '2025-12-30' });
  });
});

describe('exact comparison in the report', () => {
  it('г. Кызыл, indicator 1, 28.12.2025: 3 746 / 4 996 = 74.98 % fails 75 % by 1', () => {
    const kyzyl = municipality('г. Кызыл', [{ type: 'school', staff: 4996, staffWriting: 3746 }]);
    const { indicators } = rowOf(evaluate(input([kyzyl], '2025-12-30')), 'г. Кызыл');
    expect(indicators['1']).toMatchObject({ status: 'fail', gap: 1 });
    expect(indicators['1'].share?.toFixed(1)).toBe('75.0');
  });

  it('a decimal baseline met exactly passes: 253 of 400 against 63.25 %', () => {
    const m = municipality('М', [{ type: 'school', staff: 400, staffWriting: 253 }]);
    const baselines = { region: { '1': 63.25 }, byMunicipality: {} };
    const { indicators } = rowOf(evaluate(input([m], '2025-10-01', baselines)), 'М');
    expect(indicators['1']).toMatchObject({ target: 63.25, status: 'pass', gap: 0 });
  });

  it('one short of a decimal baseline fails by 1: 416 of 1 000 against 41.7 %', () => {
    const m = municipality('М', [{ type: 'school', staff: 1000, staffWriting: 416 }]);
    const baselines = { region: { '1': 41.7 }, byMunicipality: {} };
    const { indicators } = rowOf(evaluate(input([m], '2025-10-01', baselines)), 'М');
    expect(indicators['1']).toMatchObject({ status: 'fail', gap: 1 });
  });
});

describe('a numerator above its denominator (stale statistical forms)', () => {
  it('is kept as is, passes, and is warned about', () => {
    const chaa = municipality('Чаа-Хольский кожуун', [
      { type: 'school', staff: 252, staffWriting: 259 },
    ]);
    const report = evaluate(input([chaa], '2025-12-30'));
    const r = rowOf(report, 'Чаа-Хольский кожуун').indicators['1'];
    expect(r).toMatchObject({ numerator: 259, denominator: 252, status: 'pass', gap: 0 });
    expect(r.share).toBeCloseTo(102.777777, 5);
    expect(report.warnings).toContainEqual({
      code: 'above-100',
      municipality: 'Чаа-Хольский кожуун',
      indicator: '1',
      numerator: 259,
      denominator: 252,
    });
  });

  it('is not warned about when the numerator equals the denominator', () => {
    const m = municipality('М', [{ type: 'school', staff: 10, staffWriting: 10 }]);
    const report = evaluate(input([m], '2025-12-30'));
    expect(report.warnings.filter((w) => w.code === 'above-100')).toEqual([]);
  });
});

describe('the regional level and the region total', () => {
  const a = municipality('Бай-Тайгинский кожуун', [
    { type: 'school', staff: 10, staffWriting: 9 },
    { type: 'authority', staff: 2, staffWriting: 1 },
  ]);
  const b = municipality('г. Кызыл', [
    { type: 'school', staff: 100, staffWriting: 50 },
    { type: 'authority', staff: 40, staffWriting: 30 },
  ]);
  const regional = municipality(
    'Республика Тыва',
    [
      { type: 'authority', staff: 20, staffWriting: 20 },
      { type: 'subordinate', staff: 10, staffWriting: 4 },
    ],
    'regional',
  );
  const report = evaluate(input([regional, b, a], '2025-12-30'));

  it('rows: municipalities by name, then the regional level, then the total', () => {
    expect(report.rows.map((r) => [r.municipality, r.level])).toEqual([
      ['Бай-Тайгинский кожуун', 'municipality'],
      ['г. Кызыл', 'municipality'],
      ['Республика Тыва', 'regional'],
      [null, 'total'],
    ]);
  });

  it('the regional level is its own row: N/A where it has no educational organisations', () => {
    const { indicators } = rowOf(report, 'Республика Тыва');
    expect(indicators['1']).toMatchObject({ status: 'na', reason: 'no-denominator' });
    // 24 of 30: 6 short.
    expect(indicators['4']).toMatchObject({ numerator: 24, denominator: 30, gap: 6 });
  });

  it('the total sums numerators and denominators, the regional level included', () => {
    const total = rowOf(report, null).indicators;
    // Indicator 4: 1 + 30 + 24 = 55 of 2 + 40 + 30 = 72 (76.39 %), not the
    // average of 50 %, 75 % and 80 % (68.3 %).
    expect(total['4']).toMatchObject({ numerator: 55, denominator: 72, status: 'fail', gap: 17 });
    expect(total['4'].share).toBeCloseTo((55 / 72) * 100, 10);
    // Indicator 1: 9 + 50 = 59 of 110; 75 % of 110 = 82.5 → 83, 24 short.
    expect(total['1']).toMatchObject({ numerator: 59, denominator: 110, gap: 24 });
  });
});

describe('per-municipality baselines', () => {
  const a = municipality('Свой', [{ type: 'school', staff: 100, staffWriting: 60 }]);
  const b = municipality('Общий', [{ type: 'school', staff: 100, staffWriting: 60 }]);
  const regional = municipality(
    'Республика Тыва',
    [{ type: 'preschool', staff: 100, staffWriting: 55 }],
    'regional',
  );
  const baselines = { region: { '1': 50 }, byMunicipality: { Свой: { '1': 70 } } };
  const report = evaluate(input([a, b, regional], '2025-11-01', baselines));

  it('hold a municipality to its own value', () => {
    // 60 % passes the region's 50 % but not its own 70 %: 10 short.
    expect(rowOf(report, 'Свой').indicators['1']).toMatchObject({
      target: 70,
      status: 'fail',
      gap: 10,
    });
  });

  it('leave the region-wide value for the others, the regional level and the total', () => {
    expect(rowOf(report, 'Общий').indicators['1']).toMatchObject({ target: 50, status: 'pass' });
    expect(rowOf(report, 'Республика Тыва').indicators['1']).toMatchObject({
      target: 50,
      status: 'pass',
    });
    // 175 of 300 = 58.3 % ≥ 50 %.
    expect(rowOf(report, null).indicators['1']).toMatchObject({
      numerator: 175,
      denominator: 300,
      target: 50,
      status: 'pass',
    });
  });

  it('an own value without a region-wide one: the others are N/A', () => {
    const own = { region: {}, byMunicipality: { Свой: { '1': 50 } } };
    const r = evaluate(input([a, b], '2025-11-01', own));
    expect(rowOf(r, 'Свой').indicators['1']).toMatchObject({ target: 50, status: 'pass' });
    expect(rowOf(r, 'Общий').indicators['1']).toMatchObject({ target: null, status: 'na' });
    expect(rowOf(r, null).indicators['1']).toMatchObject({ target: null, status: 'na' });
  });
});

describe('row order', () => {
  const shares = (share: number, name: string) =>
    municipality(name, [{ type: 'school', staff: 100, staffWriting: share }]);
  const data = [
    shares(80, 'Авто'),
    shares(50, 'Бета'),
    municipality('Гамма', [{ type: 'authority', staff: 5, staffWriting: 5 }]),
    shares(50, 'Альфа'),
    municipality('Республика Тыва', [{ type: 'school', staff: 10, staffWriting: 1 }], 'regional'),
  ];

  it('--sort indicator-1: lowest share first, ties by name, N/A last; regional and total stay at the end', () => {
    const report = evaluate(input(data, '2025-12-30', undefined, { sort: 'indicator-1' }));
    expect(report.rows.map((r) => r.municipality)).toEqual([
      'Альфа',
      'Бета',
      'Авто',
      'Гамма',
      'Республика Тыва',
      null,
    ]);
  });

  it('by name in Russian alphabetical order by default', () => {
    const report = evaluate(input(data, '2025-12-30'));
    expect(report.rows.map((r) => r.municipality)).toEqual([
      'Авто',
      'Альфа',
      'Бета',
      'Гамма',
      'Республика Тыва',
      null,
    ]);
  });

  it('--sort indicator-4 puts the municipalities without authorities last', () => {
    const report = evaluate(input(data, '2025-12-30', undefined, { sort: 'indicator-4' }));
    expect(report.rows.map((r) => r.municipality).slice(0, 4)).toEqual([
      'Гамма',
      'Авто',
      'Альфа',
      'Бета',
    ]);
  });
});

describe('the report', () => {
  it('names the region, the roadmap, the dates and the stage of each indicator', () => {
    const report = evaluate(input([], '2025-12-30'));
    expect(report).toMatchObject({
      region: 'Республика Тыва',
      roadmap: 'tyva-2025',
      asOf: '2025-12-30',
      week: '2025-12-28',
    });
    expect(report.stages['2']).toEqual({
      stage: 2,
      due: '2025-12-30',
      inForce: true,
      target: 30,
      conditional: true,
    });
    // Even with no municipality at all there is a total row, N/A everywhere.
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]?.indicators['3'].status).toBe('na');
  });
});

describe('judge', () => {
  const [stage1, stage2] = TYVA_2025.indicators['1'];
  if (!stage1 || !stage2) throw new Error('roadmap without stages');

  it('takes the baseline as the target of a baseline stage', () => {
    expect(judge(50, 100, stage1, true, 43.1)).toMatchObject({ target: 43.1, status: 'pass' });
    expect(judge(43, 100, stage1, true, 43.1)).toMatchObject({ status: 'fail', gap: 1 });
  });

  it('ignores a baseline for a fixed target', () => {
    expect(judge(50, 100, stage2, true, 10)).toMatchObject({
      target: 75,
      status: 'fail',
      gap: 25,
    });
  });

  it('puts a zero denominator before a missing baseline', () => {
    expect(judge(0, 0, stage1, true, undefined)).toMatchObject({
      status: 'na',
      reason: 'no-denominator',
      target: null,
      share: null,
    });
  });

  it('gives no reason unless N/A', () => {
    expect(judge(80, 100, stage2, true, undefined).reason).toBeUndefined();
    expect(judge(70, 100, stage2, false, undefined)).toMatchObject({
      inForce: false,
      status: 'fail',
      gap: 5,
    });
  });
});
