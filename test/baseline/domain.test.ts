// computeBaseline and baselineValue on data built by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineValue, computeBaseline, type WeekData } from '../../src/domain/baseline.js';
import type { MunicipalityData } from '../../src/domain/organisations.js';
import { meetsPercent } from '../../src/domain/rational.js';

/** One municipality with one school: staff, and staff writing in the week. */
function school(name: string, staff: number, staffWriting: number): MunicipalityData {
  return {
    municipality: { name, level: 'municipality' },
    headcounts: [{ orgType: 'school', private: false, sums: { staff, students: 10, rows: 1 } }],
    monitoring: [
      {
        orgType: 'school',
        private: false,
        sums: {
          staffWriting,
          studentsActive: 1,
          parentsActive: 1,
          usersVk: 0,
          usersTotal: 0,
          rows: 1,
        },
      },
    ],
  };
}

const PERIOD = { from: '2024-09-01', to: '2025-08-31' };

describe('computeBaseline', () => {
  it('sums the region before comparing, and keeps the earliest of equal maxima', () => {
    const weeks: WeekData[] = [
      // 2025-03-02 and 2024-10-06 are both 30 / 80 region-wide; the earlier wins.
      { week: '2025-03-02', data: [school('А', 40, 20), school('Б', 40, 10)] },
      { week: '2024-10-06', data: [school('А', 40, 10), school('Б', 40, 20)] },
      { week: '2024-11-10', data: [school('А', 40, 14), school('Б', 40, 14)] },
    ];
    const result = computeBaseline(weeks, PERIOD, { byMunicipality: true });
    expect(result.indicators['1']).toMatchObject({
      week: '2024-10-06',
      numerator: 30,
      denominator: 80,
    });
    expect(result.indicators['1']?.value).toBe(37.5);
    // Each municipality's own maximum: А in March, Б in October.
    expect(result.byMunicipality?.А?.['1']).toMatchObject({ week: '2025-03-02', numerator: 20 });
    expect(result.byMunicipality?.Б?.['1']).toMatchObject({ week: '2024-10-06', numerator: 20 });
  });

  it('skips weeks outside the period, both ends included', () => {
    const weeks: WeekData[] = [
      { week: '2024-08-31', data: [school('А', 10, 9)] },
      { week: '2024-09-01', data: [school('А', 10, 3)] },
      { week: '2025-08-31', data: [school('А', 10, 4)] },
      { week: '2025-09-01', data: [school('А', 10, 8)] },
    ];
    const result = computeBaseline(weeks, PERIOD);
    expect(result.indicators['1']).toMatchObject({ week: '2025-08-31', numerator: 4 });
    expect(result.outside).toEqual(['2024-08-31', '2025-09-01']);
  });

  it('has no maximum where every denominator is 0', () => {
    const result = computeBaseline([{ week: '2024-10-06', data: [school('А', 0, 0)] }], PERIOD, {
      byMunicipality: true,
    });
    expect(result.indicators['1']).toBeUndefined();
    expect(result.byMunicipality).toEqual({ А: { '2': expect.anything() } });
  });
});

describe('baselineValue', () => {
  it('never exceeds the exact share, so the week that set it passes against it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (denominator, n) => {
        const numerator = n % (denominator + 1);
        const value = baselineValue(numerator, denominator);
        // What compute reads back from the JSON file.
        const read = JSON.parse(JSON.stringify(value)) as number;
        expect(meetsPercent(numerator, denominator, read)).toBe(true);
        expect(Math.abs(read - (numerator / denominator) * 100)).toBeLessThan(1e-9);
      }),
      { numRuns: 5000 },
    );
  });

  it('steps below a float that rounds up', () => {
    // 5/6 × 100 is 83.33333333333334 as a float, above the exact 83.3…
    expect((5 / 6) * 100).toBe(83.33333333333334);
    expect(meetsPercent(5, 6, 83.33333333333334)).toBe(false);
    const value = baselineValue(5, 6);
    expect(value).toBeLessThan(83.33333333333334);
    expect(value).toBeGreaterThan(83.3333333333333);
    expect(meetsPercent(5, 6, value)).toBe(true);
  });
});
