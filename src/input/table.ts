// One CSV file as a header and data rows with their line numbers. The
// dialect is detected here, in one place for every command; rows that do not
// fit the header are problems with their line.
import { readFileSync } from 'node:fs';
import { Parser } from 'csv-parse';
import { type Problem, type ProblemList, UserError } from '../errors.js';
import { type Decoded, type Delimiter, type DialectOptions, detectDelimiter } from './dialect.js';
import { openSource } from './source.js';
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

/**
 * Reads one file: decodes it, splits it by the dialect, maps the header and
 * hands each data row to `onRow` as it is parsed (rows are not kept).
 */
export function readTable(
  file: string,
  kind: FileKind,
  dialect: DialectOptions,
  vocabulary: Vocabulary,
  onHeader: (columns: ColumnMap, headers: string[]) => RowCallback,
  problems: ProblemList,
): TableInfo {
  const source = openSource(file, dialect.encoding);
  if (source.head.search(/\S/) < 0) throw new UserError({ code: 'file-empty', file });
  const delimiter = dialect.delimiter ?? detectDelimiter(source.head);
  let headers: string[] | undefined;
  let onRow: RowCallback | undefined;
  let rows = 0;
  let lastLine = 0;
  let lastEmpty = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; this is how many it overcounted.
  let crlfDrift = 0;
  let blankRows = 0;
  try {
    const parser = chunkParser({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: LIMITS.recordChars,
    });
    // The parser's running counts, read as each record arrives (no object per record).
    const context = parser.info;
    const onRecord = (cells: string[]): undefined => {
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
      if (!headers) {
        if (cells.length > LIMITS.columns) {
          throw new UserError({ code: 'too-many-columns', file, line, limit: LIMITS.columns });
        }
        headers = cells.map((h) => h.trim());
        onRow = onHeader(mapColumns(headers, kind, vocabulary, file, line), headers);
        return undefined;
      }
      if (swallowed) {
        problems.add({ code: 'csv-syntax', file, line, reason: 'QUOTE_SWALLOWS_LINE' });
        return undefined;
      }
      if (cells.length !== headers.length) {
        // A row of only empty cells is a blank line an export wrote with delimiters.
        if (cells.every((c) => c.trim() === '')) {
          blankRows++;
          return undefined;
        }
        problems.add({
          code: 'field-count',
          file,
          line,
          expected: headers.length,
          got: cells.length,
        });
        return undefined;
      }
      if (cells.every((c) => c.trim() === '')) {
        blankRows++;
        return undefined;
      }
      rows++;
      onRow?.(cells, line);
      return undefined;
    };
    for (const chunk of source.chunks()) {
      const error = parser.parse(chunk, false, onRecord, ignore);
      if (error) throw error;
    }
    const error = parser.parse(undefined, true, onRecord, ignore);
    if (error) throw error;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const csv = error as CsvError;
    // The line the broken record starts on: an unclosed quote is found only at the end of the file.
    const recordLine = lastLine + 1 + ((csv.empty_lines ?? lastEmpty) - lastEmpty);
    // Millions of columns run over the record size first: name the columns, not a quote.
    if (csv.code === 'CSV_MAX_RECORD_SIZE' && (csv.column ?? 0) > LIMITS.columns) {
      throw new UserError(
        headers
          ? {
              code: 'field-count',
              file,
              line: recordLine,
              expected: headers.length,
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
  if (!headers) throw new UserError({ code: 'file-empty', file });
  return {
    file,
    kind,
    encoding: source.encoding,
    bom: source.bom,
    delimiter,
    headers,
    rows,
    blankLines: lastEmpty + blankRows,
  };
}
