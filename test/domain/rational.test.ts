// SPEC 2.3: shares are compared with targets exactly, and the gap is
// ceil(target / 100 × denominator) − numerator. The cases below are chosen so
// that a float formula gets them wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetsPercent, peopleNeeded, toDecimal } from '../../src/domain/rational.js';
import { runs } from '../property/runs.js';

describe('meetsPercent: numerator / denominator ≥ target / 100, exactly', () => {
  it('fails 74.96 % against 75 % although it prints as 75.0 %', () => {
    expect(meetsPercent(7496, 10000, 75)).toBe(false);
    // г. Кызыл, indicator 1, week 28.12.2025 (fixtures/README.md).
    expect(meetsPercent(3746, 4996, 75)).toBe(false);
  });

  it('passes a share exactly on the target', () => {
    expect(meetsPercent(3, 4, 75)).toBe(true);
    expect(meetsPercent(7500, 10000, 75)).toBe(true);
    expect(meetsPercent(3747, 4996, 75)).toBe(true);
  });

  it('passes 417/1000 against 41.7 % (417 / 1000 * 100 is 41.699999… in floating point)', () => {
    expect((417 / 1000) * 100 < 41.7).toBe(true); // the trap
    expect(meetsPercent(417, 1000, 41.7)).toBe(true);
    expect(meetsPercent(416, 1000, 41.7)).toBe(false);
  });

  it('passes 253/400 against 63.25 % (253 / 400 * 100 is 63.24999… in floating point)', () => {
    expect((253 / 400) * 100 < 63.25).toBe(true); // the trap
    expect(meetsPercent(253, 400, 63.25)).toBe(true);
    expect(meetsPercent(252, 400, 63.25)).toBe(false);
  });

  it('handles baselines with four decimals and 18.4 %', () => {
    // 17.7248 % of 62 500 is exactly 11 078.
    expect(meetsPercent(11078, 62500, 17.7248)).toBe(true);
    expect(meetsPercent(11077, 62500, 17.7248)).toBe(false);
    // 18.4 % of 1 000 is exactly 184.
    expect(meetsPercent(184, 1000, 18.4)).toBe(true);
    expect(meetsPercent(183, 1000, 18.4)).toBe(false);
    // 18.4 % of 7 is 1.288: 2 of 7 passes, 1 of 7 fails.
    expect(meetsPercent(2, 7, 18.4)).toBe(true);
    expect(meetsPercent(1, 7, 18.4)).toBe(false);
  });

  it('treats a numerator above the denominator as a share over 100 %', () => {
    expect(meetsPercent(259, 252, 100)).toBe(true);
    expect(meetsPercent(259, 252, 75)).toBe(true);
  });

  it('passes anything against a target of 0 %', () => {
    expect(meetsPercent(0, 10, 0)).toBe(true);
  });
});

describe('peopleNeeded: ceil(target / 100 × denominator)', () => {
  it('rounds a fraction of a person up', () => {
    // 75 % of 4 996 = 3 747 exactly; of 4 997 = 3 747.75 → 3 748.
    expect(peopleNeeded(4996, 75)).toBe(3747);
    expect(peopleNeeded(4997, 75)).toBe(3748);
    // 30 % of 1 005 = 301.5 → 302.
    expect(peopleNeeded(1005, 30)).toBe(302);
    // 100 % of anything is all of it.
    expect(peopleNeeded(154, 100)).toBe(154);
  });

  it('does not round an exact decimal product up (41.7 % of 1 000 is 417, not 418)', () => {
    expect(Math.ceil((41.7 / 100) * 1000)).toBe(418); // the trap
    expect(peopleNeeded(1000, 41.7)).toBe(417);
    expect(peopleNeeded(400, 63.25)).toBe(253);
    expect(peopleNeeded(1000, 18.4)).toBe(184);
    expect(peopleNeeded(62500, 17.7248)).toBe(11078);
  });

  it('rounds decimal targets up when the product is not whole', () => {
    // 18.4 % of 7 = 1.288 → 2; 63.25 % of 401 = 253.6325 → 254; 43.1444 % of 12 683 = 5 472.004252 → 5 473.
    expect(peopleNeeded(7, 18.4)).toBe(2);
    expect(peopleNeeded(401, 63.25)).toBe(254);
    expect(peopleNeeded(12683, 43.1444)).toBe(5473);
  });

  it('needs nobody for an empty denominator or a zero target', () => {
    expect(peopleNeeded(0, 75)).toBe(0);
    expect(peopleNeeded(100, 0)).toBe(0);
  });
});

describe('toDecimal', () => {
  it('keeps the digits of the value as written', () => {
    expect(toDecimal(18.4)).toEqual({ units: 184n, scale: 1 });
    expect(toDecimal(75)).toEqual({ units: 75n, scale: 0 });
    expect(toDecimal(17.7248)).toEqual({ units: 177248n, scale: 4 });
    expect(toDecimal(1e-7)).toEqual({ units: 1n, scale: 7 });
  });

  it('refuses what is not a finite number', () => {
    expect(() => toDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('the Number path agrees with exact integer arithmetic', () => {
  /** The definitions, in BigInt only. */
  const reference = {
    meets(numerator: number, denominator: number, percent: number): boolean {
      const { units, scale } = toDecimal(percent);
      return BigInt(numerator) * 100n * 10n ** BigInt(scale) >= units * BigInt(denominator);
    },
    needed(denominator: number, percent: number): number {
      const { units, scale } = toDecimal(percent);
      const product = units * BigInt(denominator);
      const divisor = 100n * 10n ** BigInt(scale);
      const quotient = product / divisor;
      return Number(product % divisor > 0n ? quotient + 1n : quotient);
    },
  };
  // Counts from 0 to far past 2^53 (where the BigInt path takes over), and
  // targets with up to eight decimals, some of them shares of one count in another.
  const count = fc.oneof(
    fc.integer({ min: 0, max: 20_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  );
  const percent = fc.oneof(
    fc.constantFrom(0, 30, 75, 100, 41.7, 63.25, 18.4, 17.7248, 43.1444, 0.00000001),
    fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 8 }))
      .map(([units, scale]) => Number((units / 10 ** scale).toFixed(scale))),
    fc
      .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .map(([a, b]) => (a / b) * 100),
  );

  it('meetsPercent', () => {
    fc.assert(
      fc.property(count, count, percent, (numerator, denominator, target) => {
        expect(meetsPercent(numerator, denominator, target)).toBe(
          reference.meets(numerator, denominator, target),
        );
      }),
      { numRuns: runs(5000) },
    );
  });

  it('peopleNeeded', () => {
    fc.assert(
      fc.property(count, percent, (denominator, target) => {
        expect(peopleNeeded(denominator, target)).toBe(reference.needed(denominator, target));
      }),
      { numRuns: runs(5000) },
    );
  });

  it('past 2^53, where Numbers round, the answer is still exact', () => {
    const big = Number.MAX_SAFE_INTEGER; // 2^53 − 1
    const [numerator, denominator] = [big - 2, big - 1];
    // 100 × (2^53 − 3) and 100 × (2^53 − 2) are the same Number.
    expect(numerator * 100 === denominator * 100).toBe(true); // the trap
    expect(meetsPercent(numerator, denominator, 100)).toBe(false);
    expect(meetsPercent(denominator, denominator, 100)).toBe(true);
    // 75 % of 2^53 − 1 is 6 755 399 441 055 743.25: 6 755 399 441 055 744 people.
    expect(peopleNeeded(big, 75)).toBe(6_755_399_441_055_744);
    expect(peopleNeeded(big, 100)).toBe(big);
  });

  it('a share on the target passes, one person fewer fails, at every size', () => {
    for (const denominator of [4, 4996, 2 ** 40, Number.MAX_SAFE_INTEGER - 3]) {
      const needed = peopleNeeded(denominator, 75);
      expect(meetsPercent(needed, denominator, 75)).toBe(true);
      expect(meetsPercent(needed - 1, denominator, 75)).toBe(false);
    }
  });
});
