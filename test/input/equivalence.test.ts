// SPEC 4.1 as a whole: the same data written in every dialect — encoding,
// delimiter, header language, line ending, thousands separator, quoting —
// loads to the same aggregates, and those are the sums worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  aggregates,
  DATASET_AGGREGATES,
  EN_HEADCOUNT_HEADER,
  EN_MONITORING_HEADER,
  type FileEncoding,
  HEADCOUNT_ROWS,
  inputDir,
  load,
  MONITORING_ROWS,
  RU_HEADCOUNT_HEADER,
  RU_MONITORING_HEADER,
} from './files.js';

const ENCODINGS: FileEncoding[] = ['utf-8', 'utf-8-bom', 'windows-1251'];
const DELIMITERS = [',', ';', '\t'];
const HEADERS = {
  ru: { headcounts: RU_HEADCOUNT_HEADER, monitoring: RU_MONITORING_HEADER },
  en: { headcounts: EN_HEADCOUNT_HEADER, monitoring: EN_MONITORING_HEADER },
};
const EOLS = { LF: '\n', CRLF: '\r\n' };
const THOUSANDS = { space: ' ', nbsp: '\u00a0', 'narrow nbsp': '\u202f', none: '' };

function write(
  rows: readonly (readonly string[])[],
  delimiter: string,
  eol: string,
  quoteAll: boolean,
) {
  const quote = (cell: string) =>
    quoteAll || cell.includes(delimiter) || /["\r\n]/.test(cell)
      ? `"${cell.replace(/"/g, '""')}"`
      : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
}

const dialects = ENCODINGS.flatMap((encoding) =>
  DELIMITERS.flatMap((delimiter) =>
    (['ru', 'en'] as const).flatMap((header) =>
      (Object.keys(EOLS) as (keyof typeof EOLS)[]).flatMap((eol) =>
        (Object.keys(THOUSANDS) as (keyof typeof THOUSANDS)[])
          // U+202F has no Windows-1251 byte: no such export exists.
          .filter((t) => !(encoding === 'windows-1251' && t === 'narrow nbsp'))
          .flatMap((thousands) =>
            [false, true].map((quoteAll) => ({
              encoding,
              delimiter,
              header,
              eol,
              thousands,
              quoteAll,
            })),
          ),
      ),
    ),
  ),
);

describe('every dialect loads to the same aggregates', () => {
  it('covers the product of the dialect dimensions', () => {
    expect(dialects.length).toBe((3 * 3 * 2 * 2 * 4 - 3 * 2 * 2) * 2);
  });

  it.each(dialects)('%o', ({ encoding, delimiter, header, eol, thousands, quoteAll }) => {
    const dir = inputDir();
    const separate = (cell: string) => cell.replace(/(\d) (\d{3})/g, `$1${THOUSANDS[thousands]}$2`);
    const headcounts = dir.write(
      'headcounts.csv',
      write(
        [HEADERS[header].headcounts, ...HEADCOUNT_ROWS.map((r) => r.map(separate))],
        delimiter,
        EOLS[eol],
        quoteAll,
      ),
      encoding,
    );
    const monitoring = dir.write(
      'monitoring.csv',
      write(
        [HEADERS[header].monitoring, ...MONITORING_ROWS.map((r) => r.map(separate))],
        delimiter,
        EOLS[eol],
        quoteAll,
      ),
      encoding,
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(aggregates(inputs)).toEqual(DATASET_AGGREGATES);
    expect(inputs.files.map((f) => [f.encoding, f.bom, f.delimiter])).toEqual(
      Array(2).fill([
        encoding === 'windows-1251' ? 'windows-1251' : 'utf-8',
        encoding === 'utf-8-bom',
        delimiter,
      ]),
    );
    expect(inputs.warnings.map((w) => w.code)).toEqual(['private-rows', 'private-rows']);
  });
});
