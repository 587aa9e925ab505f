// SPEC 4.1–4.4: counts, percentages, weeks and dates as the exports write them.
import { describe, expect, it } from 'vitest';
import {
  normalizeText,
  parseCount,
  parseDate,
  parsePercent,
  parseWeek,
} from '../../src/input/values.js';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['1234', 1234],
    ['  42 ', 42],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ['12 345 678', 12345678],
    ['1\u00a0234\u00a0567', 1234567],
  ])('%j is %d', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each(['', ' ', '-', '–', '—', ' - '])('%j is an empty cell (read as 0)', (raw) => {
    expect(parseCount(raw)).toBe('empty');
  });

  it.each([
    ['12 34', 'a separator that does not group by three'],
    ['1 2345', 'a group of four after a separator'],
    ['1234 567', 'a first group of four'],
    ['-5', 'a negative number'],
    ['12.5', 'a decimal with a point'],
    ['12,5', 'a decimal with a comma'],
    ['1,234', 'a comma as a thousands separator'],
    ['abc', 'text'],
    ['н/д', '"no data"'],
    ['5 чел.', 'a unit'],
    ['+5', 'a sign'],
    ['1e3', 'an exponent'],
    ['--', 'two dashes'],
    ['１２', 'full-width digits'],
  ])('%j is rejected (%s)', (raw) => {
    expect(parseCount(raw)).toBeNull();
  });
});

describe('parsePercent', () => {
  it.each([
    ['41,7', 41.7],
    ['41.7', 41.7],
    ['41,7%', 41.7],
    ['41.7 %', 41.7],
    [' 75 ', 75],
    ['0', 0],
    [41.7, 41.7],
  ])('%j is %d', (raw, expected) => {
    expect(parsePercent(raw)).toBe(expected);
  });

  it.each(['', 'abc', '-5', '41,7,1', '%', 'сорок', Number.NaN, -1])('%j is rejected', (raw) => {
    expect(parsePercent(raw)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-12-28', '2025-12-28'],
    ['28.12.2025', '2025-12-28'],
    ['1.2.2026', '2026-02-01'],
    ['29.02.2024', '2024-02-29'],
  ])('%s is %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each([
    '31.02.2025',
    '2025-02-31',
    '29.02.2025',
    '32.12.2025',
    '28.13.2025',
    '28.12.25',
    '2025/12/28',
  ])('%s is not a date', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('parseWeek', () => {
  it.each([
    ['28.12.2025', '2025-12-28'],
    ['2025-12-28', '2025-12-28'],
    [' 28.12.2025 ', '2025-12-28'],
    ['22.12.2025–28.12.2025', '2025-12-28'],
    ['22.12.2025 — 28.12.2025', '2025-12-28'],
    ['22.12.2025-28.12.2025', '2025-12-28'],
    ['22.12.2025 - 28.12.2025', '2025-12-28'],
    ['2025-12-22/2025-12-28', '2025-12-28'],
    ['2025-12-22 / 2025-12-28', '2025-12-28'],
    ['с 22.12.2025 по 28.12.2025', '2025-12-28'],
    ['29.12.2025–04.01.2026', '2026-01-04'],
  ])('%j ends on %s', (raw, expected) => {
    expect(parseWeek(raw)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['31.02.2025', 'no such day'],
    ['22.12.2025–31.02.2026', 'a range ending on no such day'],
    ['28.12.2025–22.12.2025', 'a range that ends before it starts'],
    ['неделя 52', 'no date'],
    ['28.12.2025 12:00', 'a time'],
    ['21.12.2025–28.12.2025–04.01.2026', 'three dates'],
    ['28.12.25', 'a two-digit year'],
  ])('%j is not a week (%s)', (raw) => {
    expect(parseWeek(raw)).toBeNull();
  });
});

describe('normalizeText', () => {
  it('folds case, ё, quotes, dashes and spaces', () => {
    expect(normalizeText('  «Ёлочка»  Каа\u2011Хемский\u00a0 КОЖУУН ')).toBe(
      'елочка каа-хемский кожуун',
    );
    expect(normalizeText('Каа–Хемский')).toBe(normalizeText('Каа-Хемский'));
    expect(normalizeText('Каа—Хемский')).toBe(normalizeText('Каа-Хемский'));
    expect(normalizeText('"Развитие"')).toBe('развитие');
  });
});
