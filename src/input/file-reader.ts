// One input file read into sums: per week (monitoring), municipality as
// written, OKTMO, organisation type and ownership. Rows are summed as they
// are parsed and never kept, so memory does not grow with the rows. A file is
// read on its own, with nothing shared but the words of the vocabulary, so
// that files can be read side by side (parallel.ts) and merged in order
// (load.ts).

import { lazyCrypto } from '../builtins.js';
import {
  HEADCOUNT_FIELDS,
  MONITORING_FIELDS,
  type MonitoringSums,
  type OrgType,
} from '../domain/organisations.js';
import { type Problem, ProblemList } from '../errors.js';
import type { Warning } from '../warnings.js';
import type { Delimiter, DialectOptions } from './dialect.js';
import { type FileScan, type ScanResult, scanFile, WORD } from './row-scan.js';
import { cleanRowReaders, type RowIssue, rowSchemas } from './schema.js';
import { NotUtf8 } from './source.js';
import { type ColumnMap, LIMITS, type RowCallback, readTable, type TableInfo } from './table.js';
import { normalizeText, parseCount, parseWeek } from './values.js';
import { type FileKind, TOTAL_ROW_START, type Vocabulary } from './vocabulary.js';

export interface FileSummary extends TableInfo {
  totalRows: number;
  weeks: string[];
  emptyCells: number;
  organisations: Partial<Record<OrgType, number>>;
}

/**
 * Numbers per group in a GroupTable's sums: the kind's fields in order
 * (HEADCOUNT_FIELDS or MONITORING_FIELDS), then rows.
 */
export const SUMS_WIDTH = 6;
/** Where a group's rows are among its SUMS_WIDTH numbers. */
export const ROWS_AT = 5;

/**
 * A file's groups, column by column, in the order of their first rows: a
 * group is the rows of one file that share a week, a municipality as
 * written, an OKTMO, a type and an ownership. A national file has about
 * 20,000 groups; an object or two made for each, then copied into the
 * merged sums, cost more than the columns do.
 */
export interface GroupTable {
  length: number;
  /** ISO date; '' for headcounts or an export without a week column. */
  week: string[];
  name: string[];
  oktmo: (string | undefined)[];
  orgType: OrgType[];
  private: boolean[];
  /** The group's first row. */
  line: number[];
  /** SUMS_WIDTH numbers per group. */
  sums: Float64Array;
}

/** The numbers of one monitoring row. */
type MonitoringCounts = Pick<
  MonitoringSums,
  'staffWriting' | 'studentsActive' | 'parentsActive' | 'usersVk' | 'usersTotal'
>;

/** What one file holds, as plain data (it crosses from a worker thread). */
export interface FileResult {
  file: string;
  summary: FileSummary;
  /** Problems of the rows, as a ProblemList keeps them. */
  problems: Problem[];
  more: number;
  /** Empty cells, total rows that differ from the sums, kindergartens with students. */
  warnings: Warning[];
  privateRows: number;
  /** The first private organisations, for the warning that lists them. */
  privateOrganisations: string[];
  everyRowHasOktmo: boolean;
  groups: GroupTable;
  /**
   * What a monitoring file adds up to, equal for two copies of one export
   * (a second download would count every row twice); only when asked for.
   */
  digest?: string;
}

export type HeadcountFile = FileResult;
export type MonitoringFile = FileResult;

type Fields = Record<string, number>;

interface TotalRow {
  line: number;
  week: string;
  values: Fields;
}

/** How the rows of a run are read: the vocabulary and what it has already looked up. */
export interface RowReading {
  vocabulary: Vocabulary;
  clean: ReturnType<typeof cleanRowReaders>;
  isTotalLabel: (cell: string) => boolean;
  /**
   * The size from which a file's clean rows are read from their bytes by
   * WebAssembly (row-scan.ts); a smaller file is read as cells (Infinity:
   * every file, as tests compare).
   */
  scanFromBytes: number;
  /** Rows read from their bytes so far (the others were read as cells). */
  rowsFromBytes: number;
}

const LABEL_CACHE_LIMIT = 10_000;

/**
 * Files from this size on (about 1,400 rows) have their clean rows read by
 * WebAssembly: compiling and starting the module takes about 5 ms, more than
 * the rows of a smaller file take as cells (the bundled fixtures, 60 KB:
 * 7 ms more).
 */
export const SCAN_FROM_BYTES = 256 << 10;

export function rowReading(
  vocabulary: Vocabulary,
  { scanFromBytes = SCAN_FROM_BYTES } = {},
): RowReading {
  const labels = new Map<string, boolean>();
  return {
    vocabulary,
    scanFromBytes,
    rowsFromBytes: 0,
    clean: cleanRowReaders(vocabulary),
    isTotalLabel: (cell) => {
      let isLabel = labels.get(cell);
      if (isLabel === undefined) {
        const label = normalizeText(cell).replace(/:$/, '');
        isLabel = vocabulary.totalRowLabels.has(label) || TOTAL_ROW_START.test(label);
        if (labels.size < LABEL_CACHE_LIMIT) labels.set(cell, isLabel);
      }
      return isLabel;
    },
  };
}

function cellAt(cells: string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : cells[index];
}

/** A row of cells as the schema's input: each known field's text, by column. */
function pick(cells: string[], columns: ColumnMap): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const field in columns) {
    const index = columns[field];
    if (index !== undefined) out[field] = cells[index];
  }
  return out;
}

interface SchemaError {
  issues: readonly { path: PropertyKey[]; message: string; params?: Record<string, unknown> }[];
}

/** A row schema as far as reading needs it. */
interface RowSchema<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: SchemaError };
}

function rowProblems(
  error: SchemaError,
  file: string,
  line: number,
  headers: string[],
  columns: ColumnMap,
  vocabulary: Vocabulary,
): Problem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const column = headers[columns[field] ?? -1] ?? field;
    const value = String(issue.params?.value ?? '');
    const place = { file, line, column };
    switch (issue.message as RowIssue) {
      case 'bad-count':
        return { code: 'bad-count', value, ...place };
      case 'bad-org-type':
        return { code: 'bad-org-type', value, accepted: vocabulary.orgTypeSpellings, ...place };
      case 'bad-week':
        return { code: 'bad-week', value, ...place };
      case 'empty-municipality':
        return { code: 'empty-municipality', ...place };
      case 'vk-above-total':
        return {
          code: 'vk-above-total',
          usersVk: Number(value),
          usersTotal: Number(issue.params?.usersTotal),
          ...place,
        };
      default:
        return { code: 'bad-count', value, ...place };
    }
  });
}

const SLOT: Record<OrgType, number> = {
  school: 0,
  preschool: 2,
  spo: 4,
  dod: 6,
  authority: 8,
  subordinate: 10,
};

/** The groups of one week, municipality as written and OKTMO, by type and ownership (SLOT). */
interface Place {
  week: string;
  oktmo: string | undefined;
  /** Each slot's group index in the list; -1 for none yet. */
  slots: number[];
}

/**
 * A file's groups, found by name, then by week and OKTMO, then by type and
 * ownership. Rows of one municipality often follow each other, so the
 * previous row's place is tried first; otherwise the name is looked up as it
 * stands (no key is built per row: on a national export in no particular
 * order, that cost more than the rest of the lookup).
 */
class Groups {
  length = 0;
  readonly week: string[] = [];
  readonly name: string[] = [];
  readonly oktmo: (string | undefined)[] = [];
  readonly orgType: OrgType[] = [];
  readonly private: boolean[] = [];
  readonly line: number[] = [];
  /** SUMS_WIDTH numbers per group, room for more. */
  sums = new Float64Array(SUMS_WIDTH * 1024);
  private readonly byName = new Map<string, Place[]>();
  private lastName = '';
  private last: Place | undefined;

  /**
   * A new group's index, for the WebAssembly reading, which finds the groups
   * of the rows it reads (and of the rows read as cells) by their words.
   */
  append(
    week: string,
    name: string,
    oktmo: string | undefined,
    orgType: OrgType,
    isPrivate: boolean,
    line: number,
  ): number {
    const index = this.length++;
    this.week.push(week);
    this.name.push(name);
    this.oktmo.push(oktmo);
    this.orgType.push(orgType);
    this.private.push(isPrivate);
    this.line.push(line);
    if (this.length * SUMS_WIDTH > this.sums.length) {
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
    }
    return index;
  }

  /**
   * The group's index, the group made on its first row, when the groups are
   * found here: a file read as cells, or once the WebAssembly reading has no
   * room for another group (a group is then found either there or here,
   * never both).
   */
  indexOf(
    week: string,
    name: string,
    oktmo: string | undefined,
    orgType: OrgType,
    isPrivate: boolean,
    line: number,
  ): number {
    let place = this.last;
    if (!place || name !== this.lastName || week !== place.week || oktmo !== place.oktmo) {
      let places = this.byName.get(name);
      if (!places) {
        places = [];
        this.byName.set(name, places);
      }
      place = undefined;
      for (const p of places) {
        if (p.week === week && p.oktmo === oktmo) {
          place = p;
          break;
        }
      }
      if (!place) {
        place = { week, oktmo, slots: [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1] };
        places.push(place);
      }
      this.last = place;
      this.lastName = name;
    }
    const slot = SLOT[orgType] + (isPrivate ? 1 : 0);
    let index = place.slots[slot] ?? -1;
    if (index < 0) {
      index = this.append(week, name, oktmo, orgType, isPrivate, line);
      place.slots[slot] = index;
    }
    return index;
  }

  /** The groups read, as a table of their own. */
  table(): GroupTable {
    const { length, week, name, oktmo, orgType, line } = this;
    const sums = this.sums.slice(0, length * SUMS_WIDTH);
    return { length, week, name, oktmo, orgType, private: this.private, line, sums };
  }
}

/** The group of a row read as cells: through the WebAssembly reading when it reads the file. */
function groupOfRow(
  groups: Groups,
  scan: FileScan | undefined,
  week: string,
  name: string,
  oktmo: string | undefined,
  orgType: OrgType,
  isPrivate: boolean,
  line: number,
): number {
  const index = scan ? scan.group(week, name, oktmo, orgType, isPrivate, line) : -1;
  return index >= 0 ? index : groups.indexOf(week, name, oktmo, orgType, isPrivate, line);
}

/** Per-file bookkeeping shared by both kinds of file. */
class FileRead {
  readonly problems = new ProblemList();
  readonly totalRows: TotalRow[] = [];
  readonly emptyColumns = new Set<string>();
  readonly privateOrganisations: string[] = [];
  privateRows = 0;
  emptyCells = 0;
  columns: ColumnMap = {};
  headers: string[] = [];

  constructor(
    readonly file: string,
    readonly reading: RowReading,
  ) {}

  onEmpty = (field: string) => {
    this.emptyCells++;
    this.emptyColumns.add(field);
  };

  isTotalRow(cells: string[]): boolean {
    const { columns, reading } = this;
    const municipality = cellAt(cells, columns.municipality);
    if (municipality?.trim()) return reading.isTotalLabel(municipality);
    // A spreadsheet may write "Итого" in its first column and leave the municipality empty.
    for (const index of [columns.orgName, columns.orgId, columns.orgType]) {
      const cell = cellAt(cells, index);
      if (cell !== undefined && reading.isTotalLabel(cell)) return true;
    }
    return false;
  }

  /** Keeps a total row's numbers to compare with the sums of the other rows. */
  keepTotalRow(
    raw: Record<string, string | undefined>,
    line: number,
    fields: readonly string[],
    week: string,
  ) {
    const values: Fields = {};
    for (const field of fields) {
      const value = parseCount(raw[field] ?? '');
      if (typeof value === 'number') values[field] = value;
    }
    this.totalRows.push({ line, week, values });
  }

  /** A row the clean reading refused: the schema reads it, or its problems are kept. */
  parseWithSchema<T>(schema: RowSchema<T>, cells: string[], line: number): T | undefined {
    const parsed = schema.safeParse(pick(cells, this.columns));
    if (parsed.success) return parsed.data;
    for (const problem of rowProblems(
      parsed.error,
      this.file,
      line,
      this.headers,
      this.columns,
      this.reading.vocabulary,
    ))
      this.problems.add(problem);
    return undefined;
  }

  /** A private organisation's row, for the warning that names the first ones. */
  countPrivate(name: string | undefined, line: number) {
    this.privateRows++;
    if (this.privateOrganisations.length < 10) this.privateOrganisations.push(name ?? `#${line}`);
  }

  /** Total rows whose numbers differ from the sums of the file's other rows (of their week). */
  private totalMismatches(fields: readonly string[], groups: GroupTable): Warning[] {
    const warnings: Warning[] = [];
    if (this.totalRows.length === 0) return warnings;
    const byWeek = new Map<string, Fields>();
    for (let i = 0; i < groups.length; i++) {
      const week = groups.week[i] ?? '';
      let sums = byWeek.get(week);
      if (!sums) {
        sums = {};
        byWeek.set(week, sums);
      }
      fields.forEach((field, f) => {
        (sums as Fields)[field] =
          ((sums as Fields)[field] ?? 0) + (groups.sums[i * SUMS_WIDTH + f] ?? 0);
      });
    }
    for (const total of this.totalRows) {
      const computed: Fields = {};
      for (const [week, sums] of byWeek) {
        if (total.week !== '' && week !== total.week) continue;
        for (const field of fields) computed[field] = (computed[field] ?? 0) + (sums[field] ?? 0);
      }
      for (const field of fields) {
        const given = total.values[field];
        if (given === undefined || given === (computed[field] ?? 0)) continue;
        const column = this.headers[this.columns[field] ?? 0] ?? field;
        warnings.push({
          code: 'total-mismatch',
          file: this.file,
          line: total.line,
          column,
          given,
          computed: computed[field] ?? 0,
        });
      }
    }
    return warnings;
  }

  result(info: TableInfo, fields: readonly string[], groups: GroupTable): FileResult {
    const warnings: Warning[] = [];
    if (this.emptyCells > 0) {
      const columns = [...this.emptyColumns].map((f) => this.headers[this.columns[f] ?? -1] ?? f);
      warnings.push({ code: 'empty-cells', file: this.file, count: this.emptyCells, columns });
    }
    warnings.push(...this.totalMismatches(fields, groups));
    const weeks = new Set<string>();
    // Each row is one organisation, and every row read is in a group.
    const organisations: Partial<Record<OrgType, number>> = {};
    let everyRowHasOktmo = this.columns.oktmo !== undefined;
    for (let i = 0; i < groups.length; i++) {
      const week = groups.week[i];
      if (week) weeks.add(week);
      const orgType = groups.orgType[i] as OrgType;
      organisations[orgType] =
        (organisations[orgType] ?? 0) + (groups.sums[i * SUMS_WIDTH + ROWS_AT] ?? 0);
      if (!groups.oktmo[i]) everyRowHasOktmo = false;
    }
    return {
      file: this.file,
      summary: {
        ...info,
        totalRows: this.totalRows.length,
        weeks: [...weeks].sort(),
        emptyCells: this.emptyCells,
        organisations,
      },
      problems: this.problems.problems,
      more: this.problems.more,
      warnings,
      privateRows: this.privateRows,
      privateOrganisations: this.privateOrganisations,
      // Every row read is in a group: each group's OKTMO is its rows'.
      everyRowHasOktmo,
      groups,
    };
  }
}

/** Private rows are listed once per kind of file, not once per weekly file. */
export function addPrivateRowsWarning(
  into: Warning[],
  read: Pick<FileResult, 'privateRows' | 'privateOrganisations'>,
  file?: string,
): void {
  if (read.privateRows === 0) return;
  const seen = into.find((w) => w.code === 'private-rows');
  if (seen?.code === 'private-rows') {
    for (const name of read.privateOrganisations)
      if (!seen.organisations.includes(name)) seen.organisations.push(name);
    // Never fewer rows than the organisations the warning names.
    seen.rows = Math.max(seen.rows, read.privateRows, seen.organisations.length);
    return;
  }
  into.push({
    code: 'private-rows',
    file,
    rows: read.privateRows,
    organisations: [...read.privateOrganisations],
  });
}

/**
 * Adds what the WebAssembly reading of a file kept for each group (its
 * counts in its fields' order, and its rows last, as a GroupTable keeps
 * them) to the file's groups.
 */
function addScanned(scan: FileScan, groups: Groups, reading: RowReading): ScanResult {
  const scanned = scan.finish(groups.length);
  const { sums, width } = scanned;
  if (width !== SUMS_WIDTH) throw new Error(`row-scan.wasm keeps ${width} numbers a group`);
  const into = groups.sums;
  for (let j = 0; j < sums.length; j++) into[j] = (into[j] as number) + (sums[j] as number);
  reading.rowsFromBytes += scanned.rows;
  return scanned;
}

/**
 * The WebAssembly reading of a file's clean rows (row-scan.ts), when the file
 * is large enough, has the columns it reads and the module loads: each
 * distinct word is read with the cell reading's functions, and each row goes
 * into the file's own groups.
 */
function scanReader(
  reading: RowReading,
  width: number,
  delimiter: Delimiter,
  fields: readonly string[],
  c: ColumnMap,
  weekColumn: number | undefined,
  size: number,
  groups: Groups,
  kind: FileKind,
): FileScan | undefined {
  const counts = fields.map((field) => c[field]);
  if (size < reading.scanFromBytes || counts.includes(undefined)) return undefined;
  if (c.municipality === undefined || c.orgType === undefined) return undefined;
  const { cells } = reading.clean;
  const meanings: ((text: string) => unknown)[] = [];
  meanings[WORD.municipality] = (text) => {
    const name = text.trim();
    return name === '' || reading.isTotalLabel(text) ? null : name;
  };
  meanings[WORD.orgType] = cells.orgType;
  meanings[WORD.ownership] = cells.isPrivate;
  meanings[WORD.week] = parseWeek;
  meanings[WORD.oktmo] = cells.text;
  const words: (number | undefined)[] = [];
  words[WORD.municipality] = c.municipality;
  words[WORD.orgType] = c.orgType;
  words[WORD.ownership] = c.ownership;
  words[WORD.week] = weekColumn;
  words[WORD.oktmo] = c.oktmo;
  return scanFile(
    width,
    delimiter,
    counts as number[],
    words,
    // The module runs at full speed from the first line: it needs no warming up.
    0,
    LIMITS.recordChars,
    {
      word: (column, text) => meanings[column]?.(text) ?? null,
      group: (municipality, orgType, week, oktmo, isPrivate, line) =>
        groups.append(week, municipality, oktmo, orgType, isPrivate, line),
      preschool: (orgType) => kind === 'monitoring' && orgType === 'preschool',
    },
  );
}

/**
 * A file read; read again as Windows-1251 when it was taken for UTF-8 from
 * its first megabyte and a later byte is not (source.ts): nothing of the
 * first reading is kept.
 */
function readAgainIfNotUtf8<T>(dialect: DialectOptions, read: (dialect: DialectOptions) => T): T {
  try {
    return read(dialect);
  } catch (error) {
    if (error instanceof NotUtf8) return read({ ...dialect, encoding: 'windows-1251' });
    throw error;
  }
}

export function readHeadcountFile(
  file: string,
  dialect: DialectOptions,
  reading: RowReading,
): HeadcountFile {
  return readAgainIfNotUtf8(dialect, (d) => readHeadcountsAs(file, d, reading));
}

function readHeadcountsAs(
  file: string,
  dialect: DialectOptions,
  reading: RowReading,
): HeadcountFile {
  const { vocabulary, clean } = reading;
  const read = new FileRead(file, reading);
  const groups = new Groups();
  let schema: ReturnType<typeof rowSchemas>['headcounts'] | undefined;

  /** One organisation's row, read as cells, added to its group. */
  const add = (index: number, staff: number, students: number) => {
    const sums = groups.sums;
    const at = index * SUMS_WIDTH;
    sums[at] = (sums[at] as number) + staff;
    sums[at + 1] = (sums[at + 1] as number) + students;
    sums[at + ROWS_AT] = (sums[at + ROWS_AT] as number) + 1;
  };
  let scan: FileScan | undefined;

  const info = readTable(
    file,
    'headcounts',
    dialect,
    vocabulary,
    (columns, headers, delimiter, size) => {
      read.columns = columns;
      read.headers = headers;
      const cells: RowCallback = (cells, line) => {
        if (read.isTotalRow(cells)) {
          read.keepTotalRow(pick(cells, columns), line, HEADCOUNT_FIELDS, '');
          return;
        }
        let row = clean.headcounts(cells, columns);
        if (!row) {
          schema ??= rowSchemas(vocabulary, read.onEmpty).headcounts;
          row = read.parseWithSchema(schema, cells, line);
          if (!row) return;
        }
        const { municipality, oktmo, orgType, ownership } = row;
        add(
          groupOfRow(groups, scan, '', municipality, oktmo, orgType, ownership, line),
          row.staff,
          row.students,
        );
        if (ownership) read.countPrivate(row.orgName ?? row.orgId, line);
      };
      const c = columns;
      scan = scanReader(
        reading,
        headers.length,
        delimiter,
        HEADCOUNT_FIELDS,
        c,
        undefined,
        size,
        groups,
        'headcounts',
      );
      return scan ? { cells, lines: scan.lines } : cells;
    },
    read.problems,
  );
  if (scan) addScanned(scan, groups, reading);
  return read.result(info, HEADCOUNT_FIELDS, groups.table());
}

export function readMonitoringFile(
  file: string,
  dialect: DialectOptions,
  reading: RowReading,
): MonitoringFile {
  return readAgainIfNotUtf8(dialect, (d) => readMonitoringAs(file, d, reading));
}

function readMonitoringAs(
  file: string,
  dialect: DialectOptions,
  reading: RowReading,
): MonitoringFile {
  const { vocabulary, clean } = reading;
  const read = new FileRead(file, reading);
  const groups = new Groups();
  let schema: ReturnType<typeof rowSchemas>['monitoring'] | undefined;
  let preschoolRows = 0;
  let preschoolStudents = 0;
  let firstPreschoolLine: number | undefined;

  /** One organisation's week, read as cells, added to its group. */
  const add = (index: number, counts: MonitoringCounts, line: number) => {
    if (groups.orgType[index] === 'preschool' && counts.studentsActive > 0) {
      preschoolRows++;
      preschoolStudents += counts.studentsActive;
      firstPreschoolLine ??= line;
    }
    const sums = groups.sums;
    const at = index * SUMS_WIDTH;
    sums[at] = (sums[at] as number) + counts.staffWriting;
    sums[at + 1] = (sums[at + 1] as number) + counts.studentsActive;
    sums[at + 2] = (sums[at + 2] as number) + counts.parentsActive;
    sums[at + 3] = (sums[at + 3] as number) + counts.usersVk;
    sums[at + 4] = (sums[at + 4] as number) + counts.usersTotal;
    sums[at + ROWS_AT] = (sums[at + ROWS_AT] as number) + 1;
  };
  let scan: FileScan | undefined;

  const info = readTable(
    file,
    'monitoring',
    dialect,
    vocabulary,
    (columns, headers, delimiter, size) => {
      read.columns = columns;
      read.headers = headers;
      const cells: RowCallback = (cells, line) => {
        if (read.isTotalRow(cells)) {
          const raw = pick(cells, columns);
          const week = raw.week?.trim() ? (parseWeek(raw.week) ?? '') : '';
          read.keepTotalRow(raw, line, MONITORING_FIELDS, week);
          return;
        }
        let row = clean.monitoring(cells, columns);
        if (!row) {
          schema ??= rowSchemas(vocabulary, read.onEmpty).monitoring;
          row = read.parseWithSchema(schema, cells, line);
          if (!row) return;
        }
        const { municipality, oktmo, orgType, ownership } = row;
        add(
          groupOfRow(groups, scan, row.week ?? '', municipality, oktmo, orgType, ownership, line),
          row,
          line,
        );
        if (ownership) read.countPrivate(row.orgName ?? row.orgId, line);
      };
      const c = columns;
      scan = scanReader(
        reading,
        headers.length,
        delimiter,
        MONITORING_FIELDS,
        c,
        c.week,
        size,
        groups,
        'monitoring',
      );
      return scan ? { cells, lines: scan.lines } : cells;
    },
    read.problems,
  );
  if (scan) {
    const scanned = addScanned(scan, groups, reading);
    if (scanned.preschoolRows > 0) {
      preschoolRows += scanned.preschoolRows;
      preschoolStudents += scanned.preschoolStudents;
      const first = scanned.firstPreschoolLine ?? Number.POSITIVE_INFINITY;
      firstPreschoolLine = Math.min(firstPreschoolLine ?? Number.POSITIVE_INFINITY, first);
    }
  }
  // An export of only a header (or a total row) is a failed download, not a week of zeros.
  if (info.rows === read.totalRows.length && read.problems.size === 0)
    read.problems.add({ code: 'no-rows', file });
  const result = read.result(info, MONITORING_FIELDS, groups.table());
  if (preschoolRows > 0) {
    result.warnings.push({
      code: 'preschool-students',
      file,
      line: firstPreschoolLine,
      count: preschoolStudents,
      rows: preschoolRows,
    });
  }
  return result;
}

/** A digest of a monitoring file's groups: their week, place, type, ownership and sums. */
export function groupsDigest(groups: GroupTable): string {
  const hash = lazyCrypto().createHash('sha256');
  for (let i = 0; i < groups.length; i++) {
    const at = i * SUMS_WIDTH;
    const s = groups.sums;
    hash.update(
      `${groups.week[i]}\u0000${groups.name[i]}\u0000${groups.oktmo[i] ?? ''}\u0000` +
        `${groups.orgType[i]}\u0000${groups.private[i]}\u0000` +
        `${s[at]},${s[at + 1]},${s[at + 2]},${s[at + 3]},${s[at + 4]},${s[at + ROWS_AT]}\n`,
    );
  }
  return hash.digest('hex');
}

/** One file read; a monitoring file's digest with it when `digest` is set (on the thread that read it). */
export function readFile(
  kind: FileKind,
  file: string,
  dialect: DialectOptions,
  reading: RowReading,
  digest = false,
): HeadcountFile | MonitoringFile {
  if (kind === 'headcounts') return readHeadcountFile(file, dialect, reading);
  const read = readMonitoringFile(file, dialect, reading);
  if (digest) read.digest = groupsDigest(read.groups);
  return read;
}
