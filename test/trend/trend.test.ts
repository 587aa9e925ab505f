// `sferum-kpi trend` run from outside: its series are what `compute --week W`
// reports for every week W, its projection on fixtures/trend is the one worked
// out by hand in fixtures/trend/README.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

const MONITORING = [
  '2025-09-21',
  '2025-09-28',
  '2025-10-05',
  '2025-10-12',
  '2025-11-30',
  '2025-12-07',
  '2025-12-14',
  '2025-12-21',
  '2025-12-28',
  '2026-01-11',
].map((week) => `fixtures/monitoring-${week}.csv`);
const INPUTS = ['--monitoring', ...MONITORING, '--headcounts', 'fixtures/headcounts.csv'];
const SMALL = [
  '--monitoring',
  ...['2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22'].map(
    (week) => `fixtures/trend/monitoring-${week}.csv`,
  ),
  '--headcounts',
  'fixtures/trend/headcounts.csv',
];

interface Point {
  week: string;
  numerator: number;
  denominator: number;
  share: number | null;
}
interface TrendDocument {
  weeks: string[];
  rows: {
    municipality: string | null;
    level: string;
    indicators: Record<
      string,
      {
        series: Point[];
        projection: {
          target: number | null;
          due: string;
          slopePerWeek: number | null;
          reachesOn: string | null;
          onTrack: boolean | null;
        };
      }
    >;
  }[];
}

function trend(args: string[], env: Record<string, string> = {}) {
  const result = runCli(['trend', ...args], { env });
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result;
}

function trendJson(args: string[]): TrendDocument {
  const result = trend([...args, '--format', 'json']);
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe('trend series', () => {
  let document: TrendDocument;
  beforeAll(() => {
    document = trendJson(INPUTS);
  });

  it('has every week of the exports, oldest first', () => {
    expect(document.weeks).toEqual(MONITORING.map((f) => f.slice(-14, -4)));
  });

  it.each(MONITORING.map((f) => f.slice(-14, -4)))(
    'the week %s equals compute --week of that week',
    (week) => {
      const result = runCli(['compute', ...INPUTS, '--week', week, '--format', 'json']);
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as {
        rows: {
          municipality: string | null;
          level: string;
          indicators: Record<
            string,
            { numerator: number; denominator: number; share: number | null }
          >;
        }[];
      };
      expect(document.rows.map((r) => [r.level, r.municipality])).toEqual(
        report.rows.map((r) => [r.level, r.municipality]),
      );
      report.rows.forEach((row, index) => {
        for (const id of ['1', '2', '3', '4']) {
          const point = document.rows[index]?.indicators[id]?.series.find((p) => p.week === week);
          const expected = row.indicators[id];
          expect(point, `${row.municipality} I${id}`).toEqual({
            week,
            numerator: expected?.numerator,
            denominator: expected?.denominator,
            share: expected?.share,
          });
        }
      });
    },
  );
});

describe('trend projection on the hand-made series (fixtures/trend)', () => {
  let document: TrendDocument;
  beforeAll(() => {
    document = trendJson(SMALL);
  });
  const row = (name: string | null) => document.rows.find((r) => r.municipality === name);

  it('dates indicator 1 as worked out by hand', () => {
    expect(row('Тестовый кожуун')?.indicators['1']?.projection).toMatchObject({
      target: 75,
      due: '2025-12-30',
      slopePerWeek: 2,
      reachesOn: '2026-04-03',
      onTrack: false,
    });
    expect(row('Второй кожуун')?.indicators['1']?.projection).toMatchObject({
      slopePerWeek: 0,
      reachesOn: null,
      onTrack: false,
    });
    const region = row(null)?.indicators['1']?.projection;
    expect(region?.slopePerWeek).toBeCloseTo(4 / 3, 10);
    expect(region).toMatchObject({ reachesOn: '2026-04-29', onTrack: false });
  });

  it('has no slope where the denominator is 0 (no education authority)', () => {
    expect(row(null)?.indicators['4']?.series.every((p) => p.share === null)).toBe(true);
    expect(row(null)?.indicators['4']?.projection).toMatchObject({
      slopePerWeek: null,
      reachesOn: null,
      onTrack: null,
    });
  });

  it('--window 2 measures the pace over the last two weeks', () => {
    const windowed = trendJson([...SMALL, '--window', '2']);
    const region = windowed.rows.find((r) => r.level === 'total')?.indicators['1']?.projection;
    expect(region?.slopePerWeek).toBeCloseTo(4 / 3, 10);
  });

  it('projects to the stage-1 baseline before 01.10 and says when it is missing', () => {
    const result = trend([...SMALL, '--as-of', '2025-09-01', '--format', 'json']);
    const doc: TrendDocument = JSON.parse(result.stdout);
    const region = doc.rows.find((r) => r.level === 'total')?.indicators['1']?.projection;
    expect(region).toMatchObject({
      target: null,
      due: '2025-10-01',
      reachesOn: null,
      onTrack: null,
    });
    expect(result.stderr).toMatch(/индикатор 1: базовое значение не задано/);
    // With a baseline the region (already at 50.67 %) meets 45 %.
    const withBaseline = trendJson([...SMALL, '--as-of', '2025-09-01', '--baseline-1', '45']);
    expect(
      withBaseline.rows.find((r) => r.level === 'total')?.indicators['1']?.projection,
    ).toMatchObject({
      target: 45,
      reachesOn: '2025-12-22',
      onTrack: true,
    });
  });
});

describe('trend output', () => {
  it('CSV is long: one row per municipality × indicator × week', () => {
    const result = trend([...SMALL, '--format', 'csv', '--lang', 'en']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // 2 municipalities and the total, 4 indicators, 4 weeks.
    expect(lines).toHaveLength(1 + 3 * 4 * 4);
    expect(lines[0]).toBe('municipality,level,indicator,week,numerator,denominator,share');
    expect(lines).toContain('Тестовый кожуун,municipality,1,2025-12-22,46,100,46');
    expect(lines).toContain('Region total,total,1,2025-12-08,72,150,48');
    expect(lines).toContain('Region total,total,4,2025-12-08,0,0,');
  });

  it('--indicator chooses one indicator in every format', () => {
    const csv = trend([...SMALL, '--format', 'csv', '--indicator', '3']);
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(1 + 3 * 4);
    const json = trendJson([...SMALL, '--indicator', '3']);
    expect(Object.keys(json.rows[0]?.indicators ?? {})).toEqual(['3']);
  });

  it('the table fits 100 columns with a sparkline per row', () => {
    const result = trend([...INPUTS, '--indicator', '1'], { COLUMNS: '100' });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    for (const line of lines.filter((l) => l.startsWith('│') || l.startsWith('┌')))
      expect(line.length).toBeLessThanOrEqual(100);
    // Тоджинский: 63.7 % on 28.12, 66.8 % on 11.01 (+3.1), below 75 %.
    const todzha = lines.find((l) => l.includes('Тоджинский'));
    expect(todzha).toMatch(/[▁▂▃▄▅▆▇█]{10}/);
    expect(todzha).toMatch(/66,8 │\s+\+3,1 │/);
    expect(todzha).toContain('✗');
    expect(result.stdout).toContain(
      'И1 Работники ОО, пишущие сообщения еженедельно — цель этапа 2: 75 %* к 30.12.2025',
    );
  });

  it('shows "already met" for the region and the date for a laggard', () => {
    const result = trend([...SMALL, '--lang', 'en', '--indicator', '1'], { COLUMNS: '100' });
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => l.includes('Тестовый'))).toContain('2026-04-03');
    expect(lines.find((l) => l.includes('Второй'))).toContain('not rising');
  });
});

describe('trend: bad input', () => {
  it('exits 2 when the exports have no week column', () => {
    const result = trend([
      '--monitoring',
      'fixtures/errors/no-week-column.csv',
      '--headcounts',
      'fixtures/trend/headcounts.csv',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fixtures/errors/no-week-column.csv');
    expect(result.stderr).toContain('нет столбца недели');
  });

  it.each([
    [['--window', '1'], '--window «1»'],
    [['--indicator', '5'], '--indicator «5»'],
  ])('%j', (extra, message) => {
    const result = trend([...SMALL, ...extra]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
