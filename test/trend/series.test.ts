// A trend's points are kept as numbers (src/domain/trend.ts, Series) and read
// back as the TrendPoint objects a weekly report would give.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/domain/trend.js';

function seriesOf(points: [string, number, number][]): Series {
  const series = new Series();
  for (const [week, numerator, denominator] of points) series.push(week, numerator, denominator);
  return series;
}

const POINTS: [string, number, number][] = [
  ['2025-12-14', 1, 3],
  ['2025-12-21', 0, 0],
  ['2025-12-28', 2 ** 40, 2 ** 41],
  ['2026-01-11', 75, 100],
];

describe('a series', () => {
  it('reads back every point with the share the weekly report gives (null for no denominator)', () => {
    const series = seriesOf(POINTS);
    expect(series.length).toBe(4);
    expect([...series]).toEqual([
      { week: '2025-12-14', numerator: 1, denominator: 3, share: (1 / 3) * 100 },
      { week: '2025-12-21', numerator: 0, denominator: 0, share: null },
      { week: '2025-12-28', numerator: 2 ** 40, denominator: 2 ** 41, share: 50 },
      { week: '2026-01-11', numerator: 75, denominator: 100, share: 75 },
    ]);
  });

  it('finds a point from either end, and none past them', () => {
    const series = seriesOf(POINTS);
    expect(series.at(0)?.week).toBe('2025-12-14');
    expect(series.at(3)?.week).toBe('2026-01-11');
    expect(series.at(-1)?.week).toBe('2026-01-11');
    expect(series.at(-2)?.week).toBe('2025-12-28');
    expect(series.at(-4)?.week).toBe('2025-12-14');
    for (const index of [4, -5]) expect(series.at(index)).toBeUndefined();
    expect(new Series().at(0)).toBeUndefined();
    expect(new Series().at(-1)).toBeUndefined();
  });

  it('gives its last points oldest first, or all of a shorter series', () => {
    const series = seriesOf(POINTS);
    expect(series.last(2).map((p) => p.week)).toEqual(['2025-12-28', '2026-01-11']);
    expect(series.last(4)).toEqual([...series]);
    expect(series.last(26)).toEqual([...series]);
    expect(series.last(0)).toEqual([]);
  });

  it('is written to JSON as the array of its points', () => {
    const series = seriesOf(POINTS);
    expect(JSON.parse(JSON.stringify({ series }))).toEqual({ series: [...series] });
    expect(JSON.stringify(new Series())).toBe('[]');
  });
});
