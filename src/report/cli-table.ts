// The box tables of the reports, drawn by cli-table3 a block of rows at a
// time. cli-table3 lays a table out by checking every cell against every cell
// of the rows above it (`conflictExists` in its layout manager), which grows
// with the square of the rows: 2,400 municipalities cost about a second in
// that check alone. Blocks of a fixed size keep the check small, and since
// the tables are compact (no line between rows), the blocks join into the very
// text one table draws: the first block without its bottom border, the next
// ones without their top border, all with the same column widths. Cells are
// plain strings, so no cell spans rows or columns across a block's edge.
import Table from 'cli-table3';
import { oneColumnWidth } from './one-column.js';

export type Align = 'left' | 'center' | 'right';

export interface TableSpec {
  /** Column heads, drawn once at the top. */
  head: string[];
  /** One string per cell; a cell may hold several lines and colour codes. */
  rows: string[][];
  colAligns: Align[];
  /** Widths with padding; measured as cli-table3 would when not given. */
  colWidths?: number[];
}

/**
 * Rows per cli-table3 table. Its layout costs rows² within a block, its
 * drawing a fixed amount per cell and per table; on 2,400 rows, blocks of 16
 * drew the table about 13 ms sooner than blocks of 64 (of about 110 ms).
 */
export const ROWS_PER_BLOCK = 16;

/** Compact rows; no colours of cli-table3's own (the reports paint cells with chalk). */
const style = () => ({ head: [], border: [], compact: true });

/** Colour codes, as cli-table3 strips them before measuring. */
const ESC = String.fromCharCode(0x1b);
const COLOUR = new RegExp(`${ESC}\\[(?:\\d*;){0,5}\\d*m`, 'g');

/** The width cli-table3 wants for a cell: its widest line plus a space either side. */
function cellWidth(cell: string, measured: Map<string, number>): number {
  // Most cells: one line, no colour.
  if (!cell.includes('\n') && !cell.includes(ESC)) {
    const width = oneColumnWidth(cell);
    if (width !== undefined) return width + 2;
  }
  let widest = 0;
  for (const line of cell.replace(COLOUR, '').split('\n')) {
    const width = oneColumnWidth(line);
    if (width === undefined) {
      widest = -1;
      break;
    }
    widest = Math.max(widest, width);
  }
  if (widest >= 0) return widest + 2;
  // Wide, combining, control characters, emoji…: a table of its own, whose
  // top border is `┌`, the width of `─`, `┐`.
  let width = measured.get(cell);
  if (width === undefined) {
    const probe = new Table({ style: style() });
    probe.push([cell]);
    width = (probe.toString().split('\n', 1)[0]?.length ?? 2) - 2;
    measured.set(cell, width);
  }
  return width;
}

/** The column widths cli-table3 gives a table of these heads and rows: its widest cell each. */
function measure(head: string[], rows: string[][]): number[] {
  const measured = new Map<string, number>();
  const widths = head.map((cell) => cellWidth(cell, measured));
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 1, cellWidth(cell, measured));
    });
  }
  return widths;
}

export function drawTable(spec: TableSpec, rowsPerBlock = ROWS_PER_BLOCK): string {
  const { head, rows, colAligns } = spec;
  const colWidths = spec.colWidths ?? measure(head, rows);
  const blocks: string[] = [];
  // At least one block: a table without rows is its head between two borders.
  for (let start = 0; start === 0 || start < rows.length; start += rowsPerBlock) {
    const first = start === 0;
    const last = start + rowsPerBlock >= rows.length;
    // cli-table3 writes into the widths it is given; each block gets its own copy.
    const table = new Table({
      ...(first ? { head } : {}),
      colAligns,
      colWidths: [...colWidths],
      style: style(),
    });
    table.push(...rows.slice(start, start + rowsPerBlock));
    let text = table.toString();
    if (!first) text = text.slice(text.indexOf('\n') + 1);
    if (!last) text = text.slice(0, text.lastIndexOf('\n'));
    blocks.push(text);
  }
  return blocks.join('\n');
}
