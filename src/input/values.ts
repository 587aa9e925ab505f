// Cell values as the exports write them: counts with thousands separators,
// dashes for "nothing", percentages with a decimal comma, weeks as dates or
// date ranges.
import { format, isValid, parse } from 'date-fns';

/** Lower case, ё = е, quotes dropped, dashes unified, spaces collapsed. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'„“”]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const EMPTY_MARKS = new Set(['', '-', '–', '—']);
// Spaces, no-break spaces, narrow no-break spaces and thin spaces group thousands.
const THOUSANDS = /[ \u00a0\u202f\u2009]/g;
// At most nine significant digits (999 999 999 people): sums of larger counts
// could pass 2^53 and lose units silently.
const DIGITS = /^0*\d{1,9}$/;

/** A count cell: a non-negative integer, 'empty' for a blank or dash cell, or null when it is not a count. */
export function parseCount(raw: string): number | 'empty' | null {
  if (DIGITS.test(raw)) return Number(raw);
  const trimmed = raw.trim();
  if (EMPTY_MARKS.has(trimmed)) return 'empty';
  const compact = trimmed.replace(THOUSANDS, '');
  // A thousands separator must separate groups of three digits: "1 234", not "12 34".
  if (compact !== trimmed && !/^\d{1,3}([ \u00a0\u202f\u2009]\d{3})+$/.test(trimmed)) return null;
  return DIGITS.test(compact) ? Number(compact) : null;
}

/** A percentage: "41,7", "41.7", "41,7 %". Null when it is not one. */
export function parsePercent(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : null;
  const text = raw.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

const DATE_TOKEN = /(\d{4}-\d{2}-\d{2})|(\d{1,2}\.\d{1,2}\.\d{4})/g;

/** A calendar date written as yyyy-mm-dd or dd.mm.yyyy, as ISO; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (!iso && !/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text)) return null;
  const date = parse(text, iso ? 'yyyy-MM-dd' : 'd.M.yyyy', new Date(2000, 0, 1));
  return isValid(date) ? format(date, 'yyyy-MM-dd') : null;
}

const weekCache = new Map<string, string | null>();

/**
 * The week a row belongs to, as the ISO date of its last day: "28.12.2025",
 * "2025-12-28", or a range "22.12.2025–28.12.2025" whose end counts.
 */
export function parseWeek(raw: string): string | null {
  const cached = weekCache.get(raw);
  if (cached !== undefined) return cached;
  const text = raw.trim();
  const tokens = text.match(DATE_TOKEN) ?? [];
  let week: string | null = null;
  const rest = text.replace(DATE_TOKEN, '').replace(/[\s\u2010-\u2015/-]|по|с/g, '');
  if ((tokens.length === 1 || tokens.length === 2) && rest === '') {
    const dates = tokens.map(parseDate);
    const [first, last] = [dates[0], dates[dates.length - 1]];
    if (first && last && first <= last) week = last;
  }
  if (weekCache.size < 10_000) weekCache.set(raw, week);
  return week;
}
