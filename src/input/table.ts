// One CSV file as a header and data rows with their line numbers. The
// dialect is detected here, in one place for every command; rows that do not
// fit the header are problems with their line.
import { readFileSync } from 'node:fs';
import { Parser } from 'csv-parse';
import { type Problem, type ProblemList, UserError } from '../errors.js';
import { type Decoded, type Delimiter, type DialectOptions, detectDelimiter } from './dialect.js';
import { splitPlainLine } from './lines.js';
import { NotUtf8, openSource } from './source.js';
import {
  FIELD_KEYS,
  type FileKind,
  normalizeHeader,
  REQUIRED_COLUMNS,
  type Vocabulary,
} from './vocabulary.js';

/** Limits that keep a hostile file from taking unbounded time or memory. */
export const LIMITS = {
  /** Characters in one record (a row, quoted line breaks included). */
  recordChars: 1_000_000,
  /** Columns in the header. */
  columns: 1_000,
};

export interface TableInfo {
  file: string;
  kind: FileKind;
  encoding: Decoded['encoding'];
  bom: boolean;
  delimiter: Delimiter;
  headers: string[];
  /** Data rows passed to the row callback. */
  rows: number;
  blankLines: number;
}

/** Column index of each field the header has. */
export type ColumnMap = Partial<Record<string, number>>;

export type RowCallback = (cells: string[], line: number) => void;

/** Where a run of lines read from their bytes stopped, and how many lines it took. */
export interface LineRun {
  /** The start of the first line not taken (or of the unfinished last line). */
  next: number;
  lines: number;
}

/**
 * Data rows read from their bytes a run of lines at a time, from bytes[start]
 * of the file's chunk number `chunk` on (row-scan.ts), given the file's line
 * break and the number of the first line; undefined when none is to be read
 * so. The first line it does not take is offered to the other readers.
 */
export type BytesLines = (
  bytes: Buffer,
  start: number,
  crlf: boolean,
  line: number,
  chunk: number,
) => LineRun | undefined;

/** How a file's data rows are read: as cells, and first from their bytes when `lines` is given. */
export interface RowReaders {
  cells: RowCallback;
  lines?: BytesLines;
}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ code: 'file-not-found', file });
    if (code === 'EISDIR') throw new UserError({ code: 'file-unreadable', file, reason: 'EISDIR' });
    throw new UserError({ code: 'file-unreadable', file, reason: code ?? String(error) });
  }
}

/** Finds each known field among the headers; the first header of a field wins. */
export function mapColumns(
  headers: string[],
  kind: FileKind,
  vocabulary: Vocabulary,
  file: string,
  line = 1,
): ColumnMap {
  const lookup = new Map<string, string>();
  for (const [field, names] of Object.entries(vocabulary.columns[kind])) {
    for (const name of names)
      if (!lookup.has(normalizeHeader(name))) lookup.set(normalizeHeader(name), field);
  }
  const columns: ColumnMap = {};
  const problems: Problem[] = [];
  headers.forEach((header, index) => {
    const field = lookup.get(normalizeHeader(header));
    if (!field) return;
    if (columns[field] === undefined) columns[field] = index;
    else if ((REQUIRED_COLUMNS[kind] as string[]).includes(field)) {
      const first = headers[columns[field] ?? 0] ?? '';
      problems.push({
        code: 'duplicate-column',
        file,
        line,
        column: header,
        field: FIELD_KEYS[field as 'staff'],
        headers: [first, header],
      });
    }
  });
  const missing: Problem[] = [];
  for (const field of REQUIRED_COLUMNS[kind]) {
    if (columns[field] !== undefined) continue;
    const key = FIELD_KEYS[field];
    missing.push({
      code: 'missing-column',
      file,
      line,
      field: key,
      found: headers,
      accepted: vocabulary.columns[kind][field] ?? [],
      configKey: `columns.${kind}.${key}`,
    });
  }
  const other: FileKind = kind === 'monitoring' ? 'headcounts' : 'monitoring';
  const [first] = missing;
  if (first && holdsEveryColumn(headers, other, vocabulary)) {
    // The other input: one message saying so, not one per column.
    throw new UserError({ ...first, looksLike: other } as Problem);
  }
  problems.push(...missing);
  if (problems.length > 0) throw new UserError(problems);
  return columns;
}

/** Whether the headers name every required column of a kind of file. */
function holdsEveryColumn(headers: string[], kind: FileKind, vocabulary: Vocabulary): boolean {
  const names = new Set(headers.map(normalizeHeader));
  return REQUIRED_COLUMNS[kind].every((field) =>
    (vocabulary.columns[kind][field] ?? []).some((name) => names.has(normalizeHeader(name))),
  );
}

/**
 * With relaxed quotes, a cell that opens a quote and never closes it before a
 * delimiter keeps the quote as text and runs on into the next line until some
 * later quote: whole rows vanish into one cell. A quoted line break inside an
 * organisation's name is stripped of its opening quote and holds no delimiter
 * after the break.
 */
function swallowsLine(cell: string, delimiter: string): boolean {
  if (!cell.startsWith('"')) return false;
  const lineBreak = cell.search(/[\r\n]/);
  return lineBreak >= 0 && cell.includes(delimiter, lineBreak);
}

interface ChunkParser {
  /** Running counts: `lines` (where the last record ended) and `empty_lines`. */
  info: { lines: number; empty_lines: number };
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): Error | undefined;
}

const ignore = () => {};

/**
 * csv-parse fed one chunk at a time, synchronously: the stream parser's own
 * engine (`api`), which the stream calls the same way from _transform and
 * _flush. Records reach `push` without csv-parse building an info object per
 * record, as it does for `on_record`.
 */
function chunkParser(options: ConstructorParameters<typeof Parser>[0]): ChunkParser {
  const parser = new Parser(options) as Parser & { api?: Omit<ChunkParser, 'info'> };
  const api = parser.api;
  if (typeof api?.parse !== 'function')
    throw new Error('csv-parse has no chunk API (parser.api.parse): check its version');
  return {
    info: parser.info as unknown as ChunkParser['info'],
    parse: (chunk, end, push, close) => api.parse(chunk, end, push, close),
  };
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
  empty_lines?: number;
  /** Cells of the record read before the error. */
  column?: number;
}

/** Bytes of a line break and of a carriage return. */
const LF = 0x0a;
const CR = 0x0d;

/** Where plain reading stopped: the bytes csv-parse reads from, and the lines before them. */
interface Handover {
  /** The bytes from the start of the first line that is not plain to the end of its chunk. */
  bytes: Buffer;
  /** Lines of the file before it. */
  linesBefore: number;
  /** The file's line break, once seen; csv-parse finds it itself when plain reading saw none. */
  recordDelimiter: '\n' | '\r\n' | undefined;
  /** Empty lines since the last record, counted only if a record follows (as csv-parse counts). */
  emptyLines: number;
}

/**
 * Reads the plain lines of a file (lines.ts) from its chunks, handing each
 * record to `onRecord` with its line number, until the end of the file or
 * the first line that is not plain; then returns where csv-parse takes over.
 */
function readPlainLines(
  chunks: Iterator<Buffer>,
  delimiter: Delimiter,
  onRecord: (cells: string[], line: number) => void,
  onEmptyLines: (count: number) => void,
  onLines: BytesLines,
): Handover | undefined {
  let line = 0;
  let emptyLines = 0;
  let crlf: boolean | undefined;
  let carry: Buffer | undefined;
  const handover = (bytes: Buffer): Handover => ({
    bytes,
    linesBefore: line,
    recordDelimiter: crlf === undefined ? undefined : crlf ? '\r\n' : '\n',
    emptyLines,
  });
  /** Reads bytes[start, end) as one line; false when it is not plain. */
  const plain = (bytes: Buffer, start: number, end: number, ended: boolean): boolean => {
    let stop = end;
    // The first line break settles the file's, as csv-parse settles it: a
    // plain line holds no other line break or carriage return.
    const crlfHere = crlf ?? (stop > start && bytes[stop - 1] === CR);
    if (ended && crlfHere) {
      if (stop === start || bytes[stop - 1] !== CR) return false;
      stop--;
    }
    if (stop - start > LIMITS.recordChars) return false;
    if (stop === start) {
      line++;
      if (ended) crlf = crlfHere;
      emptyLines++;
      return true;
    }
    const text = bytes.toString('utf8', start, stop);
    if (text.indexOf('\r') >= 0) return false;
    const cells = splitPlainLine(text, delimiter);
    if (!cells) return false;
    line++;
    if (ended) crlf = crlfHere;
    if (emptyLines > 0) {
      onEmptyLines(emptyLines);
      emptyLines = 0;
    }
    onRecord(cells, line);
    return true;
  };
  let chunkNumber = 0;
  for (let step = chunks.next(); !step.done; step = chunks.next(), chunkNumber++) {
    const chunk = step.value;
    let start = 0;
    if (carry) {
      const end = chunk.indexOf(LF);
      if (end < 0) {
        carry = Buffer.concat([carry, chunk]);
        // A line longer than any record: csv-parse names the limit it runs over.
        if (carry.length > LIMITS.recordChars + 2) return handover(carry);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, end)]);
      if (!plain(joined, 0, joined.length, true)) return handover(Buffer.concat([carry, chunk]));
      carry = undefined;
      start = end + 1;
    }
    for (;;) {
      // Once the file's line break is known, runs of lines may be read from their bytes at once.
      if (crlf !== undefined && emptyLines === 0) {
        const run = onLines(chunk, start, crlf, line + 1, chunkNumber);
        if (run) {
          line += run.lines;
          start = run.next;
        }
      }
      const end = chunk.indexOf(LF, start);
      if (end < 0) break;
      if (!plain(chunk, start, end, true)) return handover(chunk.subarray(start));
      start = end + 1;
    }
    // The chunk's bytes are reused two chunks on: keep a copy of the unfinished line.
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
  }
  if (carry && !plain(carry, 0, carry.length, false)) return handover(carry);
  return undefined;
}

/**
 * Reads one file: decodes it, splits it by the dialect, maps the header and
 * hands each data row to the readers `onHeader` returns as it is parsed (rows
 * are not kept). Plain lines are split by readPlainLines, and offered first
 * to the bytes reader; from the first line that is not plain to the end of
 * the file, csv-parse reads (`plainLines: false`: csv-parse reads the whole
 * file).
 */
export function readTable(
  file: string,
  kind: FileKind,
  dialect: DialectOptions,
  vocabulary: Vocabulary,
  onHeader: (
    columns: ColumnMap,
    headers: string[],
    delimiter: Delimiter,
    size: number,
  ) => RowCallback | RowReaders,
  problems: ProblemList,
  plainLines = true,
): TableInfo {
  const source = openSource(file, dialect.encoding);
  if (source.head.search(/\S/) < 0) throw new UserError({ code: 'file-empty', file });
  const delimiter = dialect.delimiter ?? detectDelimiter(source.head);
  let headers: string[] | undefined;
  let onRow: RowCallback | undefined;
  let onLines: BytesLines | undefined;
  let rows = 0;
  let blankRows = 0;
  let emptyLines = 0;

  /** One record, wherever it was read; `swallowed` when a quote ran on over a line break. */
  const onRecord = (cells: string[], line: number, swallowed = false): void => {
    if (!headers) {
      if (cells.length > LIMITS.columns) {
        throw new UserError({ code: 'too-many-columns', file, line, limit: LIMITS.columns });
      }
      headers = cells.map((h) => h.trim());
      const readers = onHeader(
        mapColumns(headers, kind, vocabulary, file, line),
        headers,
        delimiter,
        source.size,
      );
      if (typeof readers === 'function') onRow = readers;
      else {
        onRow = readers.cells;
        onLines = readers.lines;
      }
      return;
    }
    if (swallowed) {
      problems.add({ code: 'csv-syntax', file, line, reason: 'QUOTE_SWALLOWS_LINE' });
      return;
    }
    if (cells.length !== headers.length) {
      // A row of only empty cells is a blank line an export wrote with delimiters.
      if (cells.every((c) => c.trim() === '')) {
        blankRows++;
        return;
      }
      problems.add({
        code: 'field-count',
        file,
        line,
        expected: headers.length,
        got: cells.length,
      });
      return;
    }
    if (cells.every((c) => c.trim() === '')) {
      blankRows++;
      return;
    }
    rows++;
    onRow?.(cells, line);
  };

  const chunks = source.chunks()[Symbol.iterator]();
  const handover = plainLines
    ? readPlainLines(
        chunks,
        delimiter,
        onRecord,
        (count) => {
          emptyLines += count;
        },
        (bytes, start, crlf, line, chunk) => {
          const run = onLines?.(bytes, start, crlf, line, chunk);
          if (run) rows += run.lines;
          return run;
        },
      )
    : { bytes: undefined, linesBefore: 0, recordDelimiter: undefined, emptyLines: 0 };
  if (handover) {
    emptyLines += readWithCsvParse(file, delimiter, handover, chunks, onRecord, () => headers);
  }
  if (!headers) throw new UserError({ code: 'file-empty', file });
  return {
    file,
    kind,
    encoding: source.encoding,
    bom: source.bom,
    delimiter,
    headers,
    rows,
    blankLines: emptyLines + blankRows,
  };
}

/**
 * csv-parse reads the rest of a file, from `handover.bytes` on, then every
 * remaining chunk; records reach `onRecord` with their line in the file.
 * Returns the empty lines it skipped.
 */
function readWithCsvParse(
  file: string,
  delimiter: Delimiter,
  handover: Omit<Handover, 'bytes'> & { bytes: Buffer | undefined },
  chunks: Iterator<Buffer>,
  onRecord: (cells: string[], line: number, swallowed: boolean) => void,
  headers: () => string[] | undefined,
): number {
  const before = handover.linesBefore;
  let lastLine = 0;
  let lastEmpty = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; this is how many it overcounted.
  let crlfDrift = 0;
  try {
    const parser = chunkParser({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: LIMITS.recordChars,
      ...(handover.recordDelimiter ? { record_delimiter: handover.recordDelimiter } : {}),
    });
    // The parser's running counts, read as each record arrives (no object per record).
    const context = parser.info;
    const push = (cells: string[]): undefined => {
      // context.lines is the line the record ends on; count forward from the
      // previous record so a record with quoted line breaks gets its first line.
      const line = lastLine + 1 + (context.empty_lines - lastEmpty);
      let swallowed = false;
      if (context.lines - crlfDrift - lastLine > 1) {
        for (const cell of cells) {
          crlfDrift += cell.split('\r\n').length - 1;
          swallowed ||= swallowsLine(cell, delimiter);
        }
      }
      lastLine = context.lines - crlfDrift;
      lastEmpty = context.empty_lines;
      onRecord(cells, before + line, swallowed);
      return undefined;
    };
    if (handover.bytes) {
      const error = parser.parse(handover.bytes, false, push, ignore);
      if (error) throw error;
    }
    for (let step = chunks.next(); !step.done; step = chunks.next()) {
      const error = parser.parse(step.value, false, push, ignore);
      if (error) throw error;
    }
    const error = parser.parse(undefined, true, push, ignore);
    if (error) throw error;
    // Empty lines count only before a record: those at the end of the file do not.
    return lastLine > 0 ? handover.emptyLines + lastEmpty : 0;
  } catch (error) {
    if (error instanceof UserError || error instanceof NotUtf8) throw error;
    const csv = error as CsvError;
    // The line the broken record starts on: an unclosed quote is found only at the end of the file.
    const recordLine = before + lastLine + 1 + ((csv.empty_lines ?? lastEmpty) - lastEmpty);
    // Millions of columns run over the record size first: name the columns, not a quote.
    if (csv.code === 'CSV_MAX_RECORD_SIZE' && (csv.column ?? 0) > LIMITS.columns) {
      const header = headers();
      throw new UserError(
        header
          ? {
              code: 'field-count',
              file,
              line: recordLine,
              expected: header.length,
              got: csv.column ?? 0,
            }
          : { code: 'too-many-columns', file, line: recordLine, limit: LIMITS.columns },
      );
    }
    if (csv.code === 'CSV_MAX_RECORD_SIZE') {
      throw new UserError({
        code: 'cell-too-long',
        file,
        line: recordLine,
        limit: LIMITS.recordChars,
      });
    }
    throw new UserError({
      code: 'csv-syntax',
      file,
      line: recordLine,
      reason: csv.code ?? csv.message,
    });
  }
}
