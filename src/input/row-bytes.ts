// Data rows read from their bytes, before any text is made of them. On a
// national export most of the cost of a row was turning its bytes into a
// string and the string into cells, though only a few cells count: the
// municipality, the week, type and ownership, and the numbers. Here a line's
// cells are found by their delimiters in the bytes; numbers are read from
// their digits; the cells that hold words are looked up by their bytes, so a
// municipality's name is decoded once per file, not once per row.
//
// The byte reading takes only what it reads exactly as the cell reading
// does (file-reader.ts): a line of unquoted cells (an unused cell may be
// quoted whole), with as many cells as the header, whose numbers are plain
// digits and whose words are known. Any other line goes the way of every
// line: decoded, split (lines.ts) and read by the schema's rules.
// test/input/byte-rows.test.ts holds the two readings equal.

const QUOTE = 0x22;
const CR = 0x0d;
const ZERO = 0x30;

/** Where each cell of a line starts and ends, for the cells that are read. */
export interface CellBounds {
  /** 1 for each column whose cell is read; its length is the header's. */
  readonly wanted: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export function cellBounds(width: number, wanted: readonly (number | undefined)[]): CellBounds {
  const flags = new Uint8Array(width);
  for (const index of wanted) if (index !== undefined && index < width) flags[index] = 1;
  return { wanted: flags, starts: new Int32Array(width), ends: new Int32Array(width) };
}

/**
 * Finds the cells of bytes[start, end) (a line without its line break) split
 * by `delimiter`, a one-byte character. False when the line is not one the
 * byte reading takes: a carriage return, a quote anywhere but around a whole
 * cell that is not read, or a number of cells other than the header's.
 */
export function splitBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  delimiter: number,
  bounds: CellBounds,
): boolean {
  const { wanted, starts, ends } = bounds;
  const width = wanted.length;
  let column = 0;
  let at = start;
  for (;;) {
    let stop = at;
    if (at < end && bytes[at] === QUOTE) {
      if (wanted[column] === 1) return false;
      // A cell quoted whole: its closing quote is the first quote not doubled.
      let i = at + 1;
      for (;;) {
        while (i < end && bytes[i] !== QUOTE) {
          if (bytes[i] === CR) return false;
          i++;
        }
        if (i >= end) return false;
        if (i + 1 < end && bytes[i + 1] === QUOTE) {
          i += 2;
          continue;
        }
        break;
      }
      stop = i + 1;
      if (stop < end && bytes[stop] !== delimiter) return false;
    } else {
      while (stop < end) {
        const byte = bytes[stop];
        if (byte === delimiter) break;
        if (byte === QUOTE || byte === CR) return false;
        stop++;
      }
      starts[column] = at;
      ends[column] = stop;
    }
    if (stop >= end) return column === width - 1;
    column++;
    if (column >= width) return false;
    at = stop + 1;
  }
}

/**
 * A count cell of plain digits, as `parseCount` reads it (at most nine
 * digits after leading zeros); -1 for anything else, which the cell reading
 * decides (spaces, separators, dashes, an empty cell, a bad value).
 */
export function countOf(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let at = start;
  while (at < end - 1 && bytes[at] === ZERO) at++;
  if (end - at > 9) return -1;
  let value = 0;
  for (let i = at; i < end; i++) {
    const digit = (bytes[i] as number) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Distinct cells remembered per column: a national export has a few thousand. */
const TEXTS_LIMIT = 10_000;

/**
 * What a column's cells mean, by their bytes: each distinct cell is decoded
 * as UTF-8 and read once, then found by its bytes (as a Latin-1 string, one
 * character per byte, which is cheap to make and to hash). A meaning is
 * never `undefined`: null stands for "none".
 */
export class CellTexts<T extends string | boolean | null> {
  private readonly known = new Map<string, T>();

  constructor(private readonly read: (text: string) => T) {}

  at(bytes: Buffer, start: number, end: number): T {
    const key = bytes.toString('latin1', start, end);
    let value = this.known.get(key);
    if (value === undefined) {
      value = this.read(bytes.toString('utf8', start, end));
      if (this.known.size < TEXTS_LIMIT) this.known.set(key, value);
    }
    return value;
  }
}
