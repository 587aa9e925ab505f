// Whole numbers are grouped without Intl (its locale data is slow to load);
// the result must be Intl's, byte for byte, in both languages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/report/format.js';
import { runs } from '../property/runs.js';

const intl = {
  ru: new Intl.NumberFormat('ru-RU'),
  en: new Intl.NumberFormat('en-GB'),
} as const;

describe('formatCount', () => {
  it('groups thousands with a no-break space in Russian and a comma in English', () => {
    expect(formatCount(10177, 'ru')).toBe('10\u00a0177');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(999, 'ru')).toBe('999');
    expect(formatCount(-1234, 'ru')).toBe('-1\u00a0234');
  });

  it('writes every number as Intl.NumberFormat does for ru-RU and en-GB', () => {
    const edges = [0, -0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, 999999];
    const values = [
      ...edges,
      ...edges.map((v) => -v),
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 53,
      1e21,
      12.5,
      0.1234,
    ];
    for (const lang of ['ru', 'en'] as const)
      for (const v of values) expect(formatCount(v, lang)).toBe(intl[lang].format(v));
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (v) => {
        expect(formatCount(v, 'ru')).toBe(intl.ru.format(v));
        expect(formatCount(v, 'en')).toBe(intl.en.format(v));
      }),
      { numRuns: runs(2000) },
    );
  });
});
