// Numbers and dates as a reader expects them in the chosen language.
import { format, parseISO } from 'date-fns';
import type { Catalogue, Lang } from '../i18n/index.js';

export function formatShare(share: number, decimals: number, t: Catalogue): string {
  return share.toFixed(decimals).replace('.', t.decimalSeparator);
}

export function formatPercent(value: number, t: Catalogue): string {
  return `${String(value).replace('.', t.decimalSeparator)} %`;
}

// One formatter per language, made on first use: toLocaleString builds a new
// one on every call.
const countFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1 234 567 with a no-break thin space in Russian, 1,234,567 in English. */
export function formatCount(value: number, lang: Lang): string {
  let formatter = countFormats[lang];
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB');
    countFormats[lang] = formatter;
  }
  return formatter.format(value);
}

export function formatDate(iso: string, lang: Lang): string {
  if (!iso) return '';
  return lang === 'ru' ? format(parseISO(iso), 'dd.MM.yyyy') : iso;
}
