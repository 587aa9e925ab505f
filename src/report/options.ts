import type { Lang } from '../i18n/index.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** How a report is to be written, whatever the format. */
export interface RenderOptions {
  lang: Lang;
  color: boolean;
  /** Decimals of shares in the table and CSV. */
  decimals: number;
  /** Table: add numerators and denominators. */
  wide: boolean;
  /** CSV: `;`, decimal comma, UTF-8 BOM — what Russian Excel opens as is. */
  excel: boolean;
  /** Table width to fit, in columns. */
  width: number;
}
