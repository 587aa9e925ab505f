// The wide CSV: one row per municipality, numerator / denominator / share /
// target / status / gap per indicator. Numbers stay numbers.
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../domain/evaluate.js';
import { INDICATOR_IDS } from '../domain/roadmap.js';
import type { Catalogue } from '../i18n/index.js';
import { safeCell } from './csv-safety.js';
import type { RenderOptions } from './options.js';

/** Cells as CSV text: numbers with the chosen decimal mark, text made safe. */
function csvText(
  rows: (string | number | null)[][],
  options: Pick<RenderOptions, 'excel'>,
): string {
  const decimal = options.excel ? ',' : '.';
  const cells = rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return String(cell).replace('.', decimal);
      return safeCell(cell);
    }),
  );
  return stringify(cells, {
    delimiter: options.excel ? ';' : ',',
    record_delimiter: options.excel ? '\r\n' : '\n',
  });
}

/**
 * Rows given in blocks, written as one CSV in parts: the text is the same as
 * for all rows at once (every record ends with its line break), but only one
 * block of rows exists as cells at a time, and the parts are made as they
 * are written — a long CSV (`trend`: a row per municipality, indicator and
 * week) is never held whole.
 */
export function* csvParts(
  blocks: Iterable<(string | number | null)[][]>,
  options: Pick<RenderOptions, 'excel'>,
): Generator<string> {
  let first = options.excel;
  for (const rows of blocks) {
    const text = csvText(rows, options);
    yield first ? `\ufeff${text}` : text;
    first = false;
  }
  if (first) yield '\ufeff';
}

/** Rows given in blocks, written as one CSV text (see csvParts). */
export function writeCsvBlocks(
  blocks: Iterable<(string | number | null)[][]>,
  options: Pick<RenderOptions, 'excel'>,
): string {
  return [...csvParts(blocks, options)].join('');
}

export function writeCsv(
  rows: (string | number | null)[][],
  options: Pick<RenderOptions, 'excel'>,
): string {
  return writeCsvBlocks([rows], options);
}

function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function reportCsv(report: Report, t: Catalogue, options: RenderOptions): string {
  const header: string[] = [t.csv.municipality, t.csv.level];
  for (const id of INDICATOR_IDS) {
    const short = t.indicator[id].short;
    for (const key of ['numerator', 'denominator', 'share', 'target', 'status', 'gap'] as const) {
      header.push(`${short} ${t.csv[key]}`);
    }
  }
  const rows: (string | number | null)[][] = [header];
  for (const row of report.rows) {
    const line: (string | number | null)[] = [
      row.municipality ?? t.report.regionTotal,
      t.csv.levels[row.level],
    ];
    for (const id of INDICATOR_IDS) {
      const r = row.indicators[id];
      line.push(
        r.numerator,
        r.denominator,
        round(r.share, options.decimals),
        r.target,
        t.status[r.status],
        r.gap,
      );
    }
    rows.push(line);
  }
  return writeCsv(rows, options);
}
