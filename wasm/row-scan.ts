// Rows of a chunk of CSV read from their bytes, in WebAssembly (compiled
// from this AssemblyScript by scripts/build.mjs): the rows a national export
// is made of, read as src/input/file-reader.ts would read them from their
// cells, at a speed JavaScript reaches only once the engine has compiled its
// loops. Which rows it takes and what it makes of them is set out in
// src/input/row-scan.ts, which gives it the chunks and answers its questions
// (what a new word means, as a number; which group a new combination of
// those numbers is).

// The chunk's bytes, copied here by the caller.
const CHUNK: usize = 0;
export const CHUNK_BYTES: usize = 1 << 21;

// Columns: what each cell is (0 not read, 1 a count, 2 a word), and where
// each cell of the current line starts and ends.
const MAX_COLUMNS: i32 = 1024;
const ROLE: usize = CHUNK + CHUNK_BYTES;
const CELL_START: usize = ROLE + <usize>MAX_COLUMNS;
const CELL_END: usize = CELL_START + 4 * <usize>MAX_COLUMNS;
// What each byte is to the split: 0 a cell's, 1 one that ends or breaks an unquoted cell.
const KIND: usize = CELL_END + 4 * <usize>MAX_COLUMNS;
const NOT_READ: u8 = 0;
const COUNT: u8 = 1;
const WORD: u8 = 2;

// Word columns: municipality, type, ownership, week, OKTMO. Each distinct
// cell is an entry, found by its bytes in an open-addressing table.
const WORDS: i32 = 5;
const WORD_SLOTS: u32 = 1 << 15;
const MAX_ENTRIES: i32 = 1 << 14;
const MAX_WORD_BYTES: i32 = 256;
const ARENA_BYTES: u32 = 1 << 20;
const WORD_TABLE: usize = KIND + 256;
const WORD_SLOTS_AT: usize = 0; // u32 per slot: entry + 1
const ENTRY_HASH: usize = WORD_SLOTS_AT + 4 * <usize>WORD_SLOTS;
const ENTRY_START: usize = ENTRY_HASH + 4 * <usize>MAX_ENTRIES;
const ENTRY_LENGTH: usize = ENTRY_START + 4 * <usize>MAX_ENTRIES;
const ENTRY_FLAGS: usize = ENTRY_LENGTH + 4 * <usize>MAX_ENTRIES;
const ARENA: usize = ENTRY_FLAGS + 4 * <usize>MAX_ENTRIES;
const WORD_TABLE_BYTES: usize = ARENA + <usize>ARENA_BYTES;

// Groups: four words' numbers (the caller's, the same for cells that mean
// the same; -2 for a column the file does not have) to the index of the
// caller's group, and the sums of each group's rows.
const GROUP_SLOTS: u32 = 1 << 16;
const GROUP_SLOT_BYTES: usize = 20;
export const MAX_GROUPS: i32 = 1 << 15;
export const SUMS_WIDTH: i32 = 6;
const GROUP_MAP: usize = WORD_TABLE + <usize>WORDS * WORD_TABLE_BYTES;
const SUMS: usize = GROUP_MAP + <usize>GROUP_SLOTS * GROUP_SLOT_BYTES;
/** Where this module's own data starts (asc's --memoryBase): the regions above end before it. */
const END: usize = SUMS + 8 * <usize>MAX_GROUPS * <usize>SUMS_WIDTH;
// @ts-ignore: a compile-time check
if (END > __heap_base - 65536) unreachable();

export function sumsAt(): usize {
  return SUMS;
}

/** An entry's word means a row is not this module's to read (an empty name, a total row, a private organisation…). */
const REFUSE: i32 = 1;
/** A group of kindergartens (the rows of students there are counted for a warning). */
const PRESCHOOL: i32 = 1;
const ABSENT: i32 = -2;

// Asks the caller what a new word means: REFUSE, or its number * 4.
@external("scan", "word")
declare function askWord(column: i32, start: usize, end: usize): i32;
// Asks the caller for the group of a row: its index * 2 + PRESCHOOL, or -1.
@external("scan", "group")
declare function askGroup(m: i32, t: i32, w: i32, o: i32, line: i32): i32;

let width: i32 = 0;
let delimiter: u32 = 0x2c;
let crlf: bool = false;
let maxLine: i32 = 0;
let counts: i32 = 0;
let countColumns = new StaticArray<i32>(8);
let wordColumn = new StaticArray<i32>(WORDS);
/** Per word column, the previous row's entry and its word's number: rows of one municipality follow each other. */
let lastEntry = new StaticArray<i32>(WORDS);
let lastNumber = new StaticArray<i32>(WORDS);
let entries = new StaticArray<i32>(WORDS);
let used = new StaticArray<u32>(WORDS);
let groups: i32 = 0;
let highestGroup: i32 = -1;
let rowCounts = new StaticArray<i32>(8);
let lastWords = new StaticArray<i32>(4);
let lastGroup: i32 = -1;

export let linesTaken: i32 = 0;
export let preschoolRows: i32 = 0;
export let preschoolStudents: f64 = 0;
export let firstPreschoolLine: i32 = 0;

/** A new file: its width, delimiter and longest line; forgets the words and groups of the last. */
export function reset(columns: i32, delimiterByte: u32, longestLine: i32): void {
  width = columns;
  delimiter = delimiterByte;
  memory.fill(KIND, 0, 256);
  store<u8>(KIND + <usize>delimiterByte, 1);
  store<u8>(KIND + 0x22, 1);
  store<u8>(KIND + 0x0d, 1);
  store<u8>(KIND + 0x0a, 1);
  maxLine = longestLine;
  counts = 0;
  memory.fill(ROLE, 0, <usize>MAX_COLUMNS);
  // Only what the last file used is cleared: untouched memory is zero, and
  // stays out of the process's resident memory.
  for (let k = 0; k < WORDS; k++) {
    unchecked(wordColumn[k] = -1);
    unchecked(lastEntry[k] = -1);
    if (unchecked(entries[k]) > 0) memory.fill(WORD_TABLE + <usize>k * WORD_TABLE_BYTES, 0, 4 * <usize>WORD_SLOTS);
    unchecked(entries[k] = 0);
    unchecked(used[k] = 0);
  }
  if (groups > 0) memory.fill(GROUP_MAP, 0, <usize>GROUP_SLOTS * GROUP_SLOT_BYTES);
  memory.fill(SUMS, 0, 8 * <usize>(highestGroup + 1) * <usize>SUMS_WIDTH);
  highestGroup = -1;
  groups = 0;
  lastGroup = -1;
  preschoolRows = 0;
  preschoolStudents = 0;
  firstPreschoolLine = 0;
}

/** Column `column` holds count number `slot` (in the order of the caller's sums). */
export function countColumn(column: i32, slot: i32): void {
  store<u8>(ROLE + <usize>column, COUNT);
  countColumns[slot] = column;
  if (slot + 1 > counts) counts = slot + 1;
}

/** Column `column` holds word number `slot` (municipality, type, ownership, week, OKTMO). */
export function wordColumnAt(column: i32, slot: i32): void {
  store<u8>(ROLE + <usize>column, WORD);
  wordColumn[slot] = column;
}

/** A count cell of plain digits, as parseCount reads it (at most nine digits after leading zeros); -1 otherwise. */
function countOf(start: usize, end: usize): i32 {
  if (start >= end) return -1;
  let at = start;
  while (at < end - 1 && load<u8>(at) == 0x30) at++;
  if (end - at > 9) return -1;
  let value: i32 = 0;
  for (let i = at; i < end; i++) {
    const digit = <i32>load<u8>(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether n bytes at a and at b are the same. */
@inline
function sameBytes(a: usize, b: usize, n: usize): bool {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + i) != load<u64>(b + i)) return false;
  for (; i < n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  return true;
}

/** A hash of n bytes at p, eight at a time. */
@inline
function hashBytes(p: usize, n: usize): u32 {
  let h: u64 = 0x9e3779b97f4a7c15 ^ <u64>n;
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) {
    h = (h ^ load<u64>(p + i)) * 0xff51afd7ed558ccd;
    h ^= h >> 32;
  }
  let tail: u64 = 0;
  for (; i < n; i++) tail = (tail << 8) | <u64>load<u8>(p + i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53;
  h ^= h >> 29;
  return <u32>h;
}

/** The number of a word cell: -1 when it is not remembered (too long, a table full) or refuses its row. */
@inline
function entryOf(slot: i32, start: usize, end: usize): i32 {
  // The previous row's word, most often the same.
  const last = unchecked(lastEntry[slot]);
  if (last >= 0) {
    const table = WORD_TABLE + <usize>slot * WORD_TABLE_BYTES;
    const e = <usize>last;
    const length = end - start;
    if (
      <usize>load<u32>(table + ENTRY_LENGTH + 4 * e) == length &&
      sameBytes(table + ARENA + <usize>load<u32>(table + ENTRY_START + 4 * e), start, length)
    )
      return unchecked(lastNumber[slot]);
  }
  return findEntry(slot, start, end);
}

/** entryOf for a word other than the previous row's. */
function findEntry(slot: i32, start: usize, end: usize): i32 {
  const length = <i32>(end - start);
  if (length > MAX_WORD_BYTES) return -1;
  const table = WORD_TABLE + <usize>slot * WORD_TABLE_BYTES;
  const hash = hashBytes(start, <usize>length);
  const mask = WORD_SLOTS - 1;
  let at = hash & mask;
  while (true) {
    const found = load<u32>(table + WORD_SLOTS_AT + 4 * <usize>at);
    if (found == 0) break;
    const e = <usize>(found - 1);
    if (load<u32>(table + ENTRY_HASH + 4 * e) == hash && load<u32>(table + ENTRY_LENGTH + 4 * e) == <u32>length) {
      const from = table + ARENA + <usize>load<u32>(table + ENTRY_START + 4 * e);
      if (sameBytes(from, start, <usize>length)) {
        const answer = load<i32>(table + ENTRY_FLAGS + 4 * e);
        if (answer & REFUSE) return -1;
        unchecked(lastEntry[slot] = <i32>e);
        unchecked(lastNumber[slot] = answer >> 2);
        return answer >> 2;
      }
    }
    at = (at + 1) & mask;
  }
  const e = unchecked(entries[slot]);
  if (e >= MAX_ENTRIES || unchecked(used[slot]) + <u32>length > ARENA_BYTES) return -1;
  const flags = askWord(slot, start, end);
  memory.copy(table + ARENA + <usize>unchecked(used[slot]), start, <usize>length);
  store<u32>(table + ENTRY_HASH + 4 * <usize>e, hash);
  store<u32>(table + ENTRY_START + 4 * <usize>e, unchecked(used[slot]));
  store<u32>(table + ENTRY_LENGTH + 4 * <usize>e, <u32>length);
  store<i32>(table + ENTRY_FLAGS + 4 * <usize>e, flags);
  store<u32>(table + WORD_SLOTS_AT + 4 * <usize>at, <u32>e + 1);
  unchecked(used[slot] += <u32>length);
  unchecked(entries[slot] = e + 1);
  if (flags & REFUSE) return -1;
  unchecked(lastEntry[slot] = e);
  unchecked(lastNumber[slot] = flags >> 2);
  return flags >> 2;
}

/**
 * The caller's group (index * 2 + PRESCHOOL) of four words' numbers, asking
 * for it the first time; -1 when there is no room for another. The caller
 * asks too, for a row it reads as cells.
 */
export function groupOf(m: i32, t: i32, w: i32, o: i32, line: i32): i32 {
  let hash = <u32>m * 0x9e3779b1 ^ (<u32>t + 0x7f4a7c15) * 0x85ebca77;
  hash ^= (<u32>w + 0x165667b1) * 0xc2b2ae3d ^ (<u32>o + 0x27d4eb2f) * 0x1b873593;
  hash ^= hash >> 15;
  const mask = GROUP_SLOTS - 1;
  let slot = hash & mask;
  while (true) {
    const p = GROUP_MAP + <usize>slot * GROUP_SLOT_BYTES;
    const value = load<i32>(p, 16);
    if (value == 0) break;
    if (load<i32>(p) == m && load<i32>(p, 4) == t && load<i32>(p, 8) == w && load<i32>(p, 12) == o)
      return value - 1;
    slot = (slot + 1) & mask;
  }
  if (2 * groups >= <i32>GROUP_SLOTS || groups >= MAX_GROUPS) return -1;
  const group = askGroup(m, t, w, o, line);
  if (group < 0 || (group >> 1) >= MAX_GROUPS) return -1;
  const p = GROUP_MAP + <usize>slot * GROUP_SLOT_BYTES;
  store<i32>(p, m);
  store<i32>(p, t, 4);
  store<i32>(p, w, 8);
  store<i32>(p, o, 12);
  store<i32>(p, group + 1, 16);
  groups++;
  return group;
}

/** The number of a row's word `slot`: ABSENT for a column the file does not have, -1 to refuse. */
@inline
function wordOf(slot: i32): i32 {
  const column = unchecked(wordColumn[slot]);
  if (column < 0) return ABSENT;
  return entryOf(
    slot,
    <usize>load<u32>(CELL_START + 4 * <usize>column),
    <usize>load<u32>(CELL_END + 4 * <usize>column),
  );
}

/** Reads the row whose cells were found: false to leave it to the caller. */
function take(line: i32): bool {
  for (let k = 0; k < counts; k++) {
    const column = <usize>unchecked(countColumns[k]);
    const value = countOf(
      <usize>load<u32>(CELL_START + 4 * column),
      <usize>load<u32>(CELL_END + 4 * column),
    );
    if (value < 0) return false;
    unchecked(rowCounts[k] = value);
  }
  // A monitoring row (five counts) with more VK users than users in all.
  if (counts == 5 && unchecked(rowCounts[3]) > unchecked(rowCounts[4])) return false;
  const m = wordOf(0);
  if (m == -1) return false;
  const t = wordOf(1);
  if (t == -1) return false;
  const p = wordOf(2);
  if (p == -1) return false;
  const w = wordOf(3);
  if (w == -1) return false;
  const o = wordOf(4);
  if (o == -1) return false;
  // The previous row's group, when its words are the same.
  let group = lastGroup;
  if (m != unchecked(lastWords[0]) || t != unchecked(lastWords[1]) || w != unchecked(lastWords[2]) || o != unchecked(lastWords[3]) || group < 0) {
    group = groupOf(m, t, w, o, line);
    if (group < 0) return false;
    unchecked(lastWords[0] = m);
    unchecked(lastWords[1] = t);
    unchecked(lastWords[2] = w);
    unchecked(lastWords[3] = o);
    lastGroup = group;
  }
  const index = group >> 1;
  if (index > highestGroup) highestGroup = index;
  const sums = SUMS + 8 * <usize>index * <usize>SUMS_WIDTH;
  for (let k = 0; k < counts; k++)
    store<f64>(sums + 8 * <usize>k, load<f64>(sums + 8 * <usize>k) + <f64>unchecked(rowCounts[k]));
  store<f64>(sums, load<f64>(sums, 40) + 1, 40);
  if (group & PRESCHOOL && unchecked(rowCounts[1]) > 0) {
    preschoolRows++;
    preschoolStudents += <f64>unchecked(rowCounts[1]);
    if (firstPreschoolLine == 0) firstPreschoolLine = line;
  }
  return true;
}

/**
 * Reads the lines of the chunk from `start` on, the first numbered `line`,
 * until a line it does not take (src/input/row-scan.ts says which) or one the
 * chunk does not finish: returns where that line starts, and sets linesTaken.
 */
export function scan(start: usize, end: usize, line: i32, carriageReturns: bool): usize {
  crlf = carriageReturns;
  linesTaken = 0;
  let lineStart = start;
  while (lineStart < end) {
    let at = lineStart;
    let column: i32 = 0;
    let stop: usize = 0;
    while (true) {
      if (at < end && load<u8>(at) == 0x22) {
        if (load<u8>(ROLE + <usize>column) != NOT_READ) return lineStart;
        // A cell quoted whole: its closing quote is the first quote not doubled.
        let i = at + 1;
        while (true) {
          let b: u32 = 0;
          while (i < end) {
            b = load<u8>(i);
            if (b == 0x22 || b == 0x0d || b == 0x0a) break;
            i++;
          }
          if (i >= end || b != 0x22) return lineStart;
          if (i + 1 < end && load<u8>(i + 1) == 0x22) i += 2;
          else break;
        }
        at = i + 1;
      } else {
        const from = at;
        while (at < end && load<u8>(KIND + <usize>load<u8>(at)) == 0) at++;
        store<u32>(CELL_START + 4 * <usize>column, <u32>from);
        store<u32>(CELL_END + 4 * <usize>column, <u32>at);
      }
      if (at >= end) return lineStart;
      const b = <u32>load<u8>(at);
      if (b == delimiter) {
        column++;
        if (column >= width) return lineStart;
        at++;
      } else if (b == 0x0a && !crlf) {
        stop = at;
        break;
      } else if (crlf && b == 0x0d && at + 1 < end && load<u8>(at + 1) == 0x0a) {
        stop = at;
        break;
      } else return lineStart;
    }
    if (column != width - 1 || stop == lineStart || <i32>(stop - lineStart) > maxLine) return lineStart;
    if (!take(line + linesTaken)) return lineStart;
    linesTaken++;
    lineStart = crlf ? stop + 2 : stop + 1;
  }
  return lineStart;
}
