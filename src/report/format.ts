// Numbers and dates as a reader expects them in the chosen language.
import { format, parseISO } from 'date-fns';
import type { Catalogue, Lang } from '../i18n/index.js';

export function formatShare(share: number, decimals: number, t: Catalogue): string {
  return share.toFixed(decimals).replace('.', t.decimalSeparator);
}

export function formatPercent(value: number, t: Catalogue): string {
  return `${String(value).replace('.', t.decimalSeparator)} %`;
}

/** 1 234 567 with a no-break thin space in Russian, 1,234,567 in English. */
export function formatCount(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
}

export function formatDate(iso: string, lang: Lang): string {
  if (!iso) return '';
  return lang === 'ru' ? format(parseISO(iso), 'dd.MM.yyyy') : iso;
}
