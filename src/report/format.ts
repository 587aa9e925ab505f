// Numbers and dates as a reader expects them in the chosen language.
import { format, parseISO } from 'date-fns';
import type { Catalogue, Lang } from '../i18n/index.js';

export function formatShare(share: number, decimals: number, t: Catalogue): string {
  return share.toFixed(decimals).replace('.', t.decimalSeparator);
}

export function formatPercent(value: number, t: Catalogue): string {
  return `${String(value).replace('.', t.decimalSeparator)} %`;
}

/** The group separator of each language: a no-break space in Russian, a comma in English. */
const GROUP_SEPARATOR: Record<Lang, string> = { ru: '\u00a0', en: ',' };

// Intl's formatter, for what is not a whole number (made on first use: the
// locale data costs more to load than a whole run on a small export).
const intlFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/**
 * 1 234 567 with a no-break space in Russian, 1,234,567 in English: the
 * grouping of Intl.NumberFormat for ru-RU and en-GB, written out for whole
 * numbers, so that the output does not depend on the ICU data of the Node
 * it runs on.
 */
export function formatCount(value: number, lang: Lang): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) {
    let formatter = intlFormats[lang];
    if (!formatter) {
      formatter = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB');
      intlFormats[lang] = formatter;
    }
    return formatter.format(value);
  }
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3)
    grouped += GROUP_SEPARATOR[lang] + digits.slice(at, at + 3);
  return value < 0 ? `-${grouped}` : grouped;
}

export function formatDate(iso: string, lang: Lang): string {
  if (!iso) return '';
  return lang === 'ru' ? format(parseISO(iso), 'dd.MM.yyyy') : iso;
}
