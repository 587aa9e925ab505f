import { describe, expect, it } from 'vitest';
import { indicatorNumbers } from '../../src/domain/evaluate.js';
import {
  HEADCOUNT_PLAN,
  INDICATORS,
  MONITORING_PLAN,
  partsOf,
  sumTerms,
} from '../../src/domain/indicators.js';
import {
  type Cell,
  type HeadcountSums,
  type MonitoringSums,
  type MunicipalityData,
  ORG_TYPES,
} from '../../src/domain/organisations.js';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function municipality(next: () => number): MunicipalityData {
  const count = () => Math.floor(next() * (next() < 0.1 ? 1e12 : 5000));
  const monitoring: Cell<MonitoringSums>[] = [];
  const headcounts: Cell<HeadcountSums>[] = [];
  for (const orgType of ORG_TYPES) {
    for (const isPrivate of [false, true]) {
      if (next() < 0.7)
        monitoring.push({
          orgType,
          private: isPrivate,
          sums: {
            staffWriting: count(),
            studentsActive: count(),
            parentsActive: count(),
            usersVk: count(),
            usersTotal: count(),
            rows: 1,
          },
        });
      if (next() < 0.7)
        headcounts.push({
          orgType,
          private: isPrivate,
          sums: { staff: count(), students: count(), rows: 1 },
        });
    }
  }
  return { municipality: { name: 'М', level: 'municipality' }, monitoring, headcounts };
}

describe('the indicators as sums of cells', () => {
  it('gives every numerator and denominator its terms give, for any cells', () => {
    const next = random(7);
    for (let n = 0; n < 500; n++) {
      const data = municipality(next);
      const numbers = indicatorNumbers(data);
      for (const indicator of INDICATORS) {
        expect(numbers[indicator.id]).toEqual({
          numerator: sumTerms(indicator.numerator, data),
          denominator: sumTerms(indicator.denominator, data),
        });
      }
    }
  });

  it('counts private organisations only in indicator 3', () => {
    const data: MunicipalityData = {
      municipality: { name: 'М', level: 'municipality' },
      monitoring: [
        {
          orgType: 'school',
          private: true,
          sums: {
            staffWriting: 5,
            studentsActive: 7,
            parentsActive: 11,
            usersVk: 2,
            usersTotal: 20,
            rows: 1,
          },
        },
      ],
      headcounts: [{ orgType: 'school', private: true, sums: { staff: 9, students: 30, rows: 1 } }],
    };
    expect(partsOf(data)).toEqual([0, 0, 0, 0, 18, 20, 0, 0]);
  });

  it('has a plan for each type and ownership', () => {
    expect(MONITORING_PLAN).toHaveLength(ORG_TYPES.length * 2);
    expect(HEADCOUNT_PLAN).toHaveLength(ORG_TYPES.length * 2);
  });
});
