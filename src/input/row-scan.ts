// Clean rows of a large file read from their bytes by WebAssembly
// (wasm/row-scan.ts, built into dist/row-scan.wasm): a chunk's lines are
// split, their counts read from their digits and their word cells found by
// their bytes in one loop that runs at full speed from the first row, where
// the same loop in JavaScript runs interpreted until the engine has compiled
// it (on a national export, most of the reading time and a good part of the
// compiling), and no string is made for a cell that is not used.
//
// The module takes a line only when it reads exactly as its cells do
// (file-reader.ts): a line ended by the file's line break, neither empty nor
// over the record limit, with as many cells as the header; the cells it
// reads unquoted, any other cell unquoted or quoted whole (RFC 4180, without
// a line break or carriage return inside), no other quote or carriage
// return (such a line lines.ts splits into the same cells); counts of plain
// digits, at most nine after leading zeros (parseCount's); in an export, no
// more VK users than users; and words that the cell reading accepts without
// a word to the user. Each distinct word is read here, by the cell reading's
// functions: a municipality that is empty or a total row's label, an unknown
// type or a week that is not one leaves its rows to the cell reading, and so
// does a private organisation (the cell reading names it in a warning).
// Each word's meaning gets a number, the same for every cell that means the
// same, and the module finds a row's group by its words' numbers. Each group
// is the file's own (file-reader.ts Groups), asked for on its first row,
// whichever way that row is read (a row read as cells finds its group
// through the module too), so that groups come in the order of their first
// rows and the file's reading looks nothing up by name; the module only
// keeps their sums until the file is read. Every other line is read as
// cells, as before: so every unusual cell still gets its message.
// test/input/byte-rows.test.ts holds the readings equal.
import { readFileSync } from 'node:fs';
import { ORG_TYPES, type OrgType } from '../domain/organisations.js';
import type { LineRun } from './table.js';

/** A global of the module (the project's TypeScript libraries do not describe WebAssembly). */
interface Global {
  value: number;
}

/** Node's WebAssembly, as far as it is used here. */
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: unknown };
  };
};

interface ScanExports {
  memory: { buffer: ArrayBuffer };
  CHUNK_BYTES: Global;
  MAX_GROUPS: Global;
  SUMS_WIDTH: Global;
  linesTaken: Global;
  preschoolRows: Global;
  preschoolStudents: Global;
  firstPreschoolLine: Global;
  sumsAt(): number;
  reset(columns: number, delimiter: number, longestLine: number): void;
  countColumn(column: number, slot: number): void;
  wordColumnAt(column: number, slot: number): void;
  scan(start: number, end: number, line: number, crlf: number): number;
  groupOf(m: number, t: number, w: number, o: number, line: number): number;
}

/** A word's column, in the module's order. */
export const WORD = { municipality: 0, orgType: 1, ownership: 2, week: 3, oktmo: 4 } as const;
/** The module's answer for a word that leaves its rows to the cell reading. */
const REFUSE = 1;
/** A column the file does not have, as the module numbers entries. */
const ABSENT = -2;

/** What the reading of a file answers the module: what words mean, which group a row is in. */
export interface ScanFile {
  /** Per word column, what a cell means; null leaves its rows to the cell reading. */
  word(column: number, text: string): unknown;
  /** A new group of these words' meanings: its index (file-reader.ts Groups), or -1. */
  group(
    municipality: string,
    orgType: OrgType,
    week: string,
    oktmo: string | undefined,
    isPrivate: boolean,
    line: number,
  ): number;
  /** Whether a group's rows are counted for the kindergarten-students warning. */
  preschool(orgType: OrgType): boolean;
}

/** What the module read of a file, once it is read. */
export interface ScanResult {
  rows: number;
  /** Sums per group index: `width` numbers each (the counts in the order given; rows last). */
  sums: Float64Array;
  width: number;
  preschoolRows: number;
  preschoolStudents: number;
  firstPreschoolLine: number | undefined;
}

const WASM_FILES = [
  // The bundles in dist/ sit beside it; src/input/ (tests) two levels below.
  new URL('./row-scan.wasm', import.meta.url),
  new URL('../../dist/row-scan.wasm', import.meta.url),
];

let module: ScanExports | null | undefined;

/** What the words of the file being read mean, by column: their numbers and the meaning of each number. */
interface Words {
  file: ScanFile;
  numbers: Map<unknown, number>[];
  meanings: unknown[][];
}

let current: Words | undefined;

/**
 * The number of a word's meaning in its column (a type's: its place in
 * ORG_TYPES, doubled, so that a private organisation's is the next one).
 */
function numberOf(words: Words, column: number, meaning: unknown): number {
  if (column === WORD.orgType) return 2 * ORG_TYPES.indexOf(meaning as OrgType);
  const key = meaning ?? null;
  const numbers = words.numbers[column] as Map<unknown, number>;
  let number = numbers.get(key);
  if (number === undefined) {
    const meanings = words.meanings[column] as unknown[];
    number = meanings.length;
    meanings.push(key);
    numbers.set(key, number);
  }
  return number;
}

/** The module, instantiated once per thread; null when it cannot be (no build, a damaged file). */
function scanner(): ScanExports | null {
  if (module !== undefined) return module;
  module = null;
  for (const url of WASM_FILES) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(url);
    } catch {
      continue;
    }
    try {
      const instance = new wasmApi.Instance(new wasmApi.Module(bytes), {
        env: {
          abort() {
            throw new Error('row-scan.wasm aborted');
          },
        },
        scan: { word: askWord, group: askGroup },
      });
      module = instance.exports as unknown as ScanExports;
    } catch {
      module = null;
    }
    break;
  }
  return module;
}

let text: Buffer | undefined;

/**
 * A new word of the module's: its meaning is kept, and it refuses its rows
 * when the byte reading would (file-reader.ts groupAt): a municipality, type
 * or week that means nothing (null), a private organisation's ownership.
 */
function askWord(column: number, start: number, end: number): number {
  if (!current || !module) return REFUSE;
  if (text?.buffer !== module.memory.buffer) text = Buffer.from(module.memory.buffer);
  const meaning = current.file.word(column, (text as Buffer).toString('utf8', start, end));
  // The ownership is not part of a group's words: a private organisation's rows are refused.
  if (column === WORD.ownership) return meaning === true ? REFUSE : 0;
  if (meaning === null && column !== WORD.oktmo) return REFUSE;
  return 4 * numberOf(current, column, meaning);
}

function askGroup(m: number, t: number, w: number, o: number, line: number): number {
  if (!current) return -1;
  const { meanings, file } = current;
  const orgType = ORG_TYPES[t >> 1] as OrgType;
  const index = file.group(
    meanings[WORD.municipality]?.[m] as string,
    orgType,
    w === ABSENT ? '' : (meanings[WORD.week]?.[w] as string),
    o === ABSENT ? undefined : ((meanings[WORD.oktmo]?.[o] as string | null) ?? undefined),
    (t & 1) === 1,
    line,
  );
  return index < 0 ? -1 : 2 * index + (file.preschool(orgType) ? 1 : 0);
}

/** The reading of one file's clean rows by the module: `lines` for readTable, `finish` once it is read. */
export interface FileScan {
  lines(
    bytes: Buffer,
    start: number,
    crlf: boolean,
    line: number,
    chunk: number,
  ): LineRun | undefined;
  /**
   * The group of a row read as cells, found (or made) by the module as the
   * rows it reads find theirs; -1 when it has no room for another group.
   */
  group(
    week: string,
    municipality: string,
    oktmo: string | undefined,
    orgType: OrgType,
    isPrivate: boolean,
    line: number,
  ): number;
  /** What was read, for the file's first `groups` groups. */
  finish(groups: number): ScanResult;
}

/**
 * The module's reading of a file of `width` columns, with count columns
 * `counts` (in the order of its sums) and word columns `words` (by WORD;
 * undefined for a column the file does not have); undefined when the module
 * cannot be loaded. Lines before `fromLine` are left to the cell reading.
 * `file` answers what words mean: an ownership meaning true (private), or a
 * null meaning, leaves the row to the cell reading.
 */
export function scanFile(
  width: number,
  delimiter: string,
  counts: number[],
  words: (number | undefined)[],
  fromLine: number,
  longestLine: number,
  file: ScanFile,
): FileScan | undefined {
  const wasm = scanner();
  if (!wasm || width > 1024) return undefined;
  wasm.reset(width, delimiter.charCodeAt(0), longestLine);
  counts.forEach((column, slot) => {
    wasm.countColumn(column, slot);
  });
  words.forEach((column, slot) => {
    if (column !== undefined) wasm.wordColumnAt(column, slot);
  });
  current = {
    file,
    numbers: [new Map(), new Map(), new Map(), new Map(), new Map()],
    meanings: [[], [], [], [], []],
  };
  const state = current;
  const hasWeek = words[WORD.week] !== undefined;
  const hasOktmo = words[WORD.oktmo] !== undefined;
  const chunkBytes = wasm.CHUNK_BYTES.value;
  let copied = -1;
  let rows = 0;
  return {
    lines(bytes, start, crlf, line, chunk) {
      if (line < fromLine || bytes.length > chunkBytes || current !== state) return undefined;
      if (chunk !== copied) {
        new Uint8Array(wasm.memory.buffer, 0, bytes.length).set(bytes);
        copied = chunk;
      }
      const next = wasm.scan(start, bytes.length, line, crlf ? 1 : 0);
      const lines = wasm.linesTaken.value;
      rows += lines;
      return { next, lines };
    },
    group(week, municipality, oktmo, orgType, isPrivate, line) {
      if (current !== state) return -1;
      const group = wasm.groupOf(
        numberOf(state, WORD.municipality, municipality),
        numberOf(state, WORD.orgType, orgType) + (isPrivate ? 1 : 0),
        hasWeek ? numberOf(state, WORD.week, week) : ABSENT,
        hasOktmo ? numberOf(state, WORD.oktmo, oktmo) : ABSENT,
        line,
      );
      return group < 0 ? -1 : group >> 1;
    },
    finish(groups) {
      const width = wasm.SUMS_WIDTH.value;
      const count = Math.min(groups, wasm.MAX_GROUPS.value);
      const sums = new Float64Array(wasm.memory.buffer, wasm.sumsAt(), count * width).slice();
      const first = wasm.firstPreschoolLine.value;
      const result: ScanResult = {
        rows,
        sums,
        width,
        preschoolRows: wasm.preschoolRows.value,
        preschoolStudents: wasm.preschoolStudents.value,
        firstPreschoolLine: first === 0 ? undefined : first,
      };
      if (current === state) current = undefined;
      return result;
    },
  };
}
