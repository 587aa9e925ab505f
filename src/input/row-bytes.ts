// Data rows read from their bytes, before any text is made of them. On a
// national export most of the cost of a row was turning its bytes into a
// string and the string into cells, though only a few cells count: the
// municipality, the week, type and ownership, and the numbers. Here a line's
// cells are found by their delimiters in the bytes; numbers are read from
// their digits; the cells that hold words are looked up by their bytes, so a
// municipality's name is decoded once per thread, not once per row, and each
// distinct cell gets a number (its entry) by which a row finds its group
// (EntryMap), without a string.
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
  /** What each byte is to splitBytes (BYTE_*), for the delimiter it was made for. */
  kinds: Uint8Array;
  delimiter: number;
}

/** A byte inside a cell. */
const BYTE_PLAIN = 0;
/** The delimiter. */
const BYTE_DELIMITER = 1;
/** A quote or a carriage return. */
const BYTE_QUOTE_CR = 2;

function byteKinds(delimiter: number): Uint8Array {
  const kinds = new Uint8Array(256);
  kinds[delimiter] = BYTE_DELIMITER;
  kinds[QUOTE] = BYTE_QUOTE_CR;
  kinds[CR] = BYTE_QUOTE_CR;
  return kinds;
}

export function cellBounds(width: number, wanted: readonly (number | undefined)[]): CellBounds {
  const flags = new Uint8Array(width);
  for (const index of wanted) if (index !== undefined && index < width) flags[index] = 1;
  return {
    wanted: flags,
    starts: new Int32Array(width),
    ends: new Int32Array(width),
    kinds: byteKinds(0x2c),
    delimiter: 0x2c,
  };
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
  if (bounds.delimiter !== delimiter) {
    bounds.kinds = byteKinds(delimiter);
    bounds.delimiter = delimiter;
  }
  const { wanted, starts, ends, kinds } = bounds;
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
        while (i < end && kinds[bytes[i] as number] !== BYTE_QUOTE_CR) i++;
        if (i >= end || bytes[i] === CR) return false;
        if (i + 1 < end && bytes[i + 1] === QUOTE) {
          i += 2;
          continue;
        }
        break;
      }
      stop = i + 1;
      if (stop < end && bytes[stop] !== delimiter) return false;
    } else {
      while (stop < end && kinds[bytes[stop] as number] === BYTE_PLAIN) stop++;
      if (stop < end && bytes[stop] !== delimiter) return false;
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

/**
 * Distinct cells remembered per column: a national export has a few
 * thousand. A row with a cell past them goes to the cell reading.
 */
const TEXTS_LIMIT = 10_000;
/** Longer cells are not remembered: their rows go to the cell reading. */
const TEXT_BYTES_LIMIT = 256;

/**
 * What a column's cells mean, by their bytes: each distinct cell is decoded
 * as UTF-8 and read once, then found again by its bytes in a hash table of
 * its own (FNV-1a), with no string made for it.
 */
export class CellTexts<T extends string | boolean | null> {
  /** Entry index + 1 per slot; 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];
  /** The bytes of the cells remembered, one after another. */
  private arena = new Uint8Array(16_384);
  private used = 0;

  constructor(private readonly read: (text: string) => T) {}

  /**
   * The number of the cell's entry, the same for the same bytes (0, 1, 2…, in
   * the order first seen); -1 for a cell that is not remembered (too long, or
   * the table full).
   */
  entryAt(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    // FNV-1a of the first and the last 8 bytes (all of a shorter cell) and the
    // length: cells that differ elsewhere only share a slot's probe sequence,
    // and the bytes are compared in full.
    let hash = 0x811c9dc5 ^ length;
    const head = Math.min(end, start + 8);
    for (let i = start; i < head; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    for (let i = Math.max(head, end - 8); i < end; i++)
      hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot] ?? 0; entry !== 0; entry = this.slots[slot] ?? 0) {
      const e = entry - 1;
      if (this.hashes[e] === hash && this.lengths[e] === length && this.holds(e, bytes, start))
        return e;
      slot = (slot + 1) & mask;
    }
    if (this.values.length >= TEXTS_LIMIT || length > TEXT_BYTES_LIMIT) return -1;
    const value = this.read(
      Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('utf8'),
    );
    this.remember(slot, hash, bytes, start, length, value);
    return this.values.length - 1;
  }

  /** What the cell of an entry means. */
  valueOf(entry: number): T {
    return this.values[entry] as T;
  }

  private holds(entry: number, bytes: Uint8Array, start: number): boolean {
    const { arena } = this;
    const from = this.starts[entry] as number;
    const length = this.lengths[entry] as number;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private remember(
    slot: number,
    hash: number,
    bytes: Uint8Array,
    start: number,
    length: number,
    value: T,
  ) {
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(2 * this.arena.length, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, start + length), this.used);
    this.hashes.push(hash);
    this.starts.push(this.used);
    this.lengths.push(length);
    this.values.push(value);
    this.used += length;
    this.slots[slot] = this.values.length;
    // At most half full: probes stay short.
    if (2 * this.values.length > this.slots.length) this.grow();
  }

  private grow() {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, e) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    });
    this.slots = slots;
  }
}

/**
 * Values found by four whole numbers (entries of CellTexts): the groups of a
 * file by the entries of their municipality, type, week and OKTMO cells, so
 * that a row read from its bytes finds its group without a string. Open
 * addressing in typed arrays, kept at most half full.
 */
export class EntryMap<T> {
  /** Four numbers per slot. */
  private keys = new Int32Array(4 * 256);
  /** Value index + 1 per slot; 0 for an empty slot. */
  private slots = new Int32Array(256);
  private readonly values: T[] = [];

  get(a: number, b: number, c: number, d: number): T | undefined {
    const slot = this.slotOf(a, b, c, d);
    const index = this.slots[slot] as number;
    return index === 0 ? undefined : this.values[index - 1];
  }

  set(a: number, b: number, c: number, d: number, value: T) {
    const slot = this.slotOf(a, b, c, d);
    if (this.slots[slot] !== 0) {
      this.values[(this.slots[slot] as number) - 1] = value;
      return;
    }
    const at = 4 * slot;
    this.keys[at] = a;
    this.keys[at + 1] = b;
    this.keys[at + 2] = c;
    this.keys[at + 3] = d;
    this.values.push(value);
    this.slots[slot] = this.values.length;
    if (2 * this.values.length > this.slots.length) this.grow();
  }

  /** The slot holding these numbers, or the empty slot where they would go. */
  private slotOf(a: number, b: number, c: number, d: number): number {
    const { keys, slots } = this;
    const mask = slots.length - 1;
    let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    hash ^= Math.imul(c + 0x165667b1, 0xc2b2ae3d) ^ Math.imul(d + 0x27d4eb2f, 0x1b873593);
    hash ^= hash >>> 15;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (slots[slot] === 0) return slot;
      const at = 4 * slot;
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c && keys[at + 3] === d)
        return slot;
    }
  }

  private grow() {
    const { keys, slots } = this;
    this.keys = new Int32Array(2 * keys.length);
    this.slots = new Int32Array(2 * slots.length);
    for (let slot = 0; slot < slots.length; slot++) {
      const index = slots[slot] as number;
      if (index === 0) continue;
      const at = 4 * slot;
      const a = keys[at] as number;
      const b = keys[at + 1] as number;
      const c = keys[at + 2] as number;
      const d = keys[at + 3] as number;
      const to = this.slotOf(a, b, c, d);
      const into = 4 * to;
      this.keys[into] = a;
      this.keys[into + 1] = b;
      this.keys[into + 2] = c;
      this.keys[into + 3] = d;
      this.slots[to] = index;
    }
  }
}
