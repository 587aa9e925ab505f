// The alphabetical order of municipality names: ranked here where the
// collator's first level decides, by the collator otherwise. Both must give
// what Intl.Collator('ru') gives, ties broken by code unit.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareNames, PRIMARY_ORDER, sortByName } from '../../src/domain/names.js';

const collator = new Intl.Collator('ru');
const primary = new Intl.Collator('ru', { sensitivity: 'base' });
const byCollator = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

describe('PRIMARY_ORDER', () => {
  const chars = PRIMARY_ORDER.flatMap((group, rank) => [...group].map((char) => ({ char, rank })));

  it('ranks every pair of its characters as the collator does at its first level', () => {
    for (const x of chars)
      for (const y of chars)
        expect(Math.sign(x.rank - y.rank), `${x.char} ${y.char}`).toBe(
          Math.sign(primary.compare(x.char, y.char)),
        );
  });

  it('holds single characters only, each once', () => {
    expect(chars.every(({ char }) => char.length === 1)).toBe(true);
    expect(new Set(chars.map(({ char }) => char)).size).toBe(chars.length);
  });
});

describe('compareNames', () => {
  const sign = (a: string, b: string) => Math.sign(compareNames(a, b));
  const expected = (a: string, b: string) => Math.sign(byCollator(a, b));

  it.each([
    ['Кызыл', 'Кызыл'],
    ['Кызыл', 'г. Кызыл'],
    ['Бай-Тайгинский кожуун', 'Барун-Хемчикский кожуун'],
    ['Ак-Довурак', 'Ак Довурак'],
    ['Аб', 'аа'],
    ['еж', 'ёа'],
    ['Ёлкино', 'Елкино'],
    ['елкино', 'Елкино'],
    ['Иваново', 'Йошкар-Ола'],
    ['Овюрский кожуун', 'Өвүрский кожуун'],
    ['Өвүр', 'Пий-Хем'],
    ['Тес-Хем', 'Тес-Хемский кожуун'],
    ['Кызыл', 'Кызыл '],
    ['а  б', 'а б'],
    ['Школа № 1', 'Школа № 2'],
    ['Kyzyl', 'Кызыл'],
    ['Кы\u00adзыл', 'Кызыл'],
    ['Кызыл\u0306', 'Кызыл'],
    ['\u0500', 'а'],
    ['а\u04ff', 'аа'],
    ['Республика Тыва', 'Республика Тыва (региональный уровень)'],
  ])('%s / %s as the collator', (a, b) => {
    expect(sign(a, b)).toBe(expected(a, b));
    expect(sign(b, a)).toBe(expected(b, a));
  });

  it('orders names of ranked characters without a collator, made only when one is needed', async () => {
    vi.resetModules();
    const Real = Intl.Collator;
    let made = 0;
    Intl.Collator = class extends Real {
      constructor(...args: ConstructorParameters<typeof Intl.Collator>) {
        super(...args);
        made++;
      }
    } as typeof Intl.Collator;
    try {
      const fresh = await import('../../src/domain/names.js');
      const names = ['Эрзинский кожуун', 'г. Кызыл', 'Бай-Тайгинский кожуун', 'Өвүрский кожуун'];
      expect(fresh.sortByName(names, (n) => n)).toEqual([...names].sort(byCollator));
      expect(fresh.compareNames('Кызыл', 'Кызыл-Мажалык')).toBeLessThan(0);
      expect(made).toBe(0);
      // Equal at the first level: case decides, and the collator is made.
      expect(fresh.compareNames('кызыл', 'Кызыл')).toBeLessThan(0);
      expect(made).toBe(1);
    } finally {
      Intl.Collator = Real;
    }
  });

  it('is 0 for the same name only', () => {
    expect(compareNames('Кызыл', 'Кызыл')).toBe(0);
    expect(compareNames('Кызыл', 'кызыл')).not.toBe(0);
    expect(compareNames('Кы\u00adзыл', 'Кызыл')).not.toBe(0);
  });

  const ranked = PRIMARY_ORDER.join('');
  const name = fc.oneof(
    fc.string({ unit: fc.constantFrom(...ranked), maxLength: 8 }),
    fc.string({
      unit: fc.constantFrom(...'аеёЕЁйи -Ө', '\u00ad', '№', 'z', '\u0306'),
      maxLength: 6,
    }),
    fc.string({ maxLength: 6 }),
  );

  it('sortByName orders any list as sorting with the collator does, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        const rows = names.map((n, i) => ({ n, i }));
        const sorted = sortByName(rows, (row) => row.n).map((row) => row.n);
        expect(sorted).toEqual([...names].sort(byCollator));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders any two names as the collator does', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(a, b)).toBe(expected(a, b));
      }),
      { numRuns: 20_000 },
    );
  });
});
