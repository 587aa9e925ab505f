// Text whose width on a terminal is its length: the characters of the
// reports' words, numbers, marks and sparklines. cli-table3 measures every
// cell with string-width, which tries a regular expression of every emoji on
// each text; the bundle gives it these widths first (scripts/build.mjs), and
// the table module measures its cells by them (cli-table.ts).

/**
 * Characters string-width (and so cli-table3) counts one column each.
 * test/report/cli-table.test.ts checks every one of them against cli-table3.
 */
export const ONE_COLUMN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1: no-break space, « » ° ² × …
  [0x400, 0x4ff], // Cyrillic
  [0x2010, 0x2027], // dashes, quotes, † ‡ • …
  [0x2070, 0x207f], // superscripts: ⁰
  [0x2116, 0x2116], // №
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2264, 0x2265], // ≤ ≥
  [0x2500, 0x259f], // box drawing, sparkline bars
  [0x25b2, 0x25b2], // ▲
  [0x25bc, 0x25bc], // ▼
  [0x2713, 0x2713], // ✓
  [0x2717, 0x2717], // ✗
];

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const ONE_COLUMN_TEXT = new RegExp(
  `^[${ONE_COLUMN.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`,
);

/** The width of a line of one-column characters (its length); undefined for any other text. */
export function oneColumnWidth(text: string): number | undefined {
  return ONE_COLUMN_TEXT.test(text) ? text.length : undefined;
}
