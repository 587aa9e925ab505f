// Both inputs read into sums per municipality, organisation type and
// ownership (and per week for the monitoring export). Rows are aggregated as
// they are parsed, so memory does not grow with the number of rows.
import {
  type Cell,
  emptyHeadcountSums,
  emptyMonitoringSums,
  type HeadcountSums,
  MONITORING_FIELDS,
  type MonitoringSums,
  type Municipality,
  type MunicipalityData,
  ORG_TYPES,
  type OrgType,
} from '../domain/organisations.js';
import { type Problem, ProblemList, UserError } from '../errors.js';
import type { Warning } from '../warnings.js';
import type { DialectOptions } from './dialect.js';
import { MunicipalityIndex } from './municipalities.js';
import { type HeadcountRow, type MonitoringRow, type RowIssue, rowSchemas } from './schema.js';
import { type ColumnMap, readTable, type TableInfo } from './table.js';
import { normalizeText, parseCount, parseWeek } from './values.js';
import { type FileKind, TOTAL_ROW_START, type Vocabulary } from './vocabulary.js';

export interface ReadOptions extends DialectOptions {
  monitoring: string[];
  headcounts: string;
  allowUnmatched?: boolean;
  vocabulary: Vocabulary;
}

export interface FileSummary extends TableInfo {
  totalRows: number;
  weeks: string[];
  emptyCells: number;
  organisations: Partial<Record<OrgType, number>>;
}

export interface Inputs {
  region: string;
  /** Finds a municipality by any spelling (for baselines given per municipality). */
  index: MunicipalityIndex;
  files: FileSummary[];
  municipalities: Municipality[];
  headcounts: Map<Municipality, Map<string, Cell<HeadcountSums>>>;
  /** Week (ISO date, or '' when the export has no week column) → municipality → cells. */
  monitoring: Map<string, Map<Municipality, Map<string, Cell<MonitoringSums>>>>;
  /** Weeks found, oldest first; empty when the export has no week column. */
  weeks: string[];
  warnings: Warning[];
}

type Fields = Record<string, number>;
type Row = Readonly<Record<string, unknown>>;

interface TotalRow {
  line: number;
  week: string;
  values: Fields;
}

/** What one file's rows add up to, per week, to check a total row against. */
class FileTotals {
  private readonly byWeek = new Map<string, Fields>();
  readonly totalRows: TotalRow[] = [];

  add(week: string, row: Row, fields: readonly string[]) {
    const sums = entry(this.byWeek, week, () => ({}) as Fields);
    for (const field of fields) sums[field] = (sums[field] ?? 0) + (row[field] as number);
  }

  mismatches(
    file: string,
    fields: readonly string[],
    headers: string[],
    columns: ColumnMap,
  ): Warning[] {
    const warnings: Warning[] = [];
    for (const total of this.totalRows) {
      const computed: Fields = {};
      for (const [week, sums] of this.byWeek) {
        if (total.week !== '' && week !== total.week) continue;
        for (const field of fields) computed[field] = (computed[field] ?? 0) + (sums[field] ?? 0);
      }
      for (const field of fields) {
        const given = total.values[field];
        if (given === undefined || given === (computed[field] ?? 0)) continue;
        const column = headers[columns[field] ?? 0] ?? field;
        warnings.push({
          code: 'total-mismatch',
          file,
          line: total.line,
          column,
          given,
          computed: computed[field] ?? 0,
        });
      }
    }
    return warnings;
  }
}

/** The value under a key, created on first use. */
function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function cellKey(orgType: OrgType, isPrivate: boolean): string {
  return isPrivate ? `${orgType}:private` : orgType;
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

function rowProblems(
  error: {
    issues: readonly { path: PropertyKey[]; message: string; params?: Record<string, unknown> }[];
  },
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

/** Per-file bookkeeping shared by both kinds of file. */
class FileRead {
  readonly problems = new ProblemList();
  readonly totals = new FileTotals();
  readonly emptyColumns = new Set<string>();
  readonly weeks = new Set<string>();
  readonly organisations: Partial<Record<OrgType, number>> = {};
  readonly privateOrganisations: string[] = [];
  privateRows = 0;
  emptyCells = 0;
  columns: ColumnMap = {};
  headers: string[] = [];

  constructor(readonly file: string) {}

  onEmpty = (field: string) => {
    this.emptyCells++;
    this.emptyColumns.add(field);
  };

  isTotalRow(raw: Record<string, string | undefined>, vocabulary: Vocabulary): boolean {
    const isLabel = (cell: string | undefined) => {
      if (cell === undefined) return false;
      const label = normalizeText(cell).replace(/:$/, '');
      return vocabulary.totalRowLabels.has(label) || TOTAL_ROW_START.test(label);
    };
    if (raw.municipality?.trim()) return isLabel(raw.municipality);
    // A spreadsheet may write "Итого" in its first column and leave the municipality empty.
    return isLabel(raw.orgName) || isLabel(raw.orgId) || isLabel(raw.orgType);
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
    this.totals.totalRows.push({ line, week, values });
  }

  countOrganisation(orgType: OrgType, isPrivate: boolean, name: string | undefined, line: number) {
    this.organisations[orgType] = (this.organisations[orgType] ?? 0) + 1;
    if (!isPrivate) return;
    this.privateRows++;
    if (this.privateOrganisations.length < 10) this.privateOrganisations.push(name ?? `#${line}`);
  }

  warnings(fields: readonly string[]): Warning[] {
    const file = this.file;
    const warnings: Warning[] = [];
    if (this.emptyCells > 0) {
      const columns = [...this.emptyColumns].map((f) => this.headers[this.columns[f] ?? -1] ?? f);
      warnings.push({ code: 'empty-cells', file, count: this.emptyCells, columns });
    }
    warnings.push(...this.totals.mismatches(file, fields, this.headers, this.columns));
    return warnings;
  }

  /** Private rows are listed once per kind of file, not once per weekly file. */
  privateRowsWarning(into: Warning[], file?: string): void {
    if (this.privateRows === 0) return;
    const seen = into.find((w) => w.code === 'private-rows');
    if (seen?.code === 'private-rows') {
      for (const name of this.privateOrganisations)
        if (!seen.organisations.includes(name)) seen.organisations.push(name);
      // Never fewer rows than the organisations the warning names.
      seen.rows = Math.max(seen.rows, this.privateRows, seen.organisations.length);
      return;
    }
    into.push({
      code: 'private-rows',
      file,
      rows: this.privateRows,
      organisations: [...this.privateOrganisations],
    });
  }

  summary(info: TableInfo): FileSummary {
    return {
      ...info,
      totalRows: this.totals.totalRows.length,
      weeks: [...this.weeks].sort(),
      emptyCells: this.emptyCells,
      organisations: this.organisations,
    };
  }
}

const HEADCOUNT_FIELDS = ['staff', 'students'] as const;

function readHeadcounts(options: ReadOptions, index: MunicipalityIndex) {
  const { vocabulary } = options;
  const file = options.headcounts;
  const read = new FileRead(file);
  const schema = rowSchemas(vocabulary, read.onEmpty).headcounts;
  const byMunicipality = new Map<Municipality, Map<string, Cell<HeadcountSums>>>();
  let everyRowHasOktmo = true;
  const info = readTable(
    file,
    'headcounts',
    options,
    vocabulary,
    (columns, headers) => {
      read.columns = columns;
      read.headers = headers;
      return (cells, line) => {
        const raw = pick(cells, columns);
        if (read.isTotalRow(raw, vocabulary)) {
          read.keepTotalRow(raw, line, HEADCOUNT_FIELDS, '');
          return;
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          for (const p of rowProblems(parsed.error, file, line, headers, columns, vocabulary))
            read.problems.add(p);
          return;
        }
        const row: HeadcountRow = parsed.data;
        if (!row.oktmo) everyRowHasOktmo = false;
        const municipality = index.add(row.municipality, row.oktmo);
        const byType = entry(byMunicipality, municipality, () => new Map());
        const cell = entry(byType, cellKey(row.orgType, row.ownership), () => ({
          orgType: row.orgType,
          private: row.ownership,
          sums: emptyHeadcountSums(),
        }));
        cell.sums.staff += row.staff;
        cell.sums.students += row.students;
        cell.sums.rows++;
        read.totals.add('', row, HEADCOUNT_FIELDS);
        read.countOrganisation(row.orgType, row.ownership, row.orgName ?? row.orgId, line);
      };
    },
    read.problems,
  );
  read.problems.throwIfAny();
  if (byMunicipality.size === 0) throw new UserError({ code: 'no-rows', file });
  return {
    byMunicipality,
    everyRowHasOktmo: everyRowHasOktmo && read.columns.oktmo !== undefined,
    summary: read.summary(info),
    warnings: (() => {
      const warnings = read.warnings(HEADCOUNT_FIELDS);
      read.privateRowsWarning(warnings, file);
      return warnings;
    })(),
  };
}

/** Monitoring sums under the municipality name as written (resolved once all files are read). */
interface Group {
  week: string;
  name: string;
  oktmo: string | undefined;
  orgType: OrgType;
  private: boolean;
  sums: MonitoringSums;
  file: string;
  line: number;
}

function readMonitoring(options: ReadOptions) {
  const { vocabulary } = options;
  const groups = new Map<string, Group>();
  const summaries: FileSummary[] = [];
  const warnings: Warning[] = [];
  const problems = new ProblemList();
  const privateWarning: Warning[] = [];
  let everyRowHasOktmo = true;
  for (const file of options.monitoring) {
    const read = new FileRead(file);
    const schema = rowSchemas(vocabulary, read.onEmpty).monitoring;
    let filePreschoolRows = 0;
    let filePreschoolStudents = 0;
    let firstPreschoolLine: number | undefined;
    const info = readTable(
      file,
      'monitoring',
      options,
      vocabulary,
      (columns, headers) => {
        read.columns = columns;
        read.headers = headers;
        if (columns.oktmo === undefined) everyRowHasOktmo = false;
        return (cells, line) => {
          const raw = pick(cells, columns);
          if (read.isTotalRow(raw, vocabulary)) {
            read.keepTotalRow(
              raw,
              line,
              MONITORING_FIELDS,
              raw.week?.trim() ? (parseWeek(raw.week) ?? '') : '',
            );
            return;
          }
          const parsed = schema.safeParse(raw);
          if (!parsed.success) {
            for (const p of rowProblems(parsed.error, file, line, headers, columns, vocabulary))
              read.problems.add(p);
            return;
          }
          const row: MonitoringRow = parsed.data;
          const week = row.week ?? '';
          if (week) read.weeks.add(week);
          if (!row.oktmo) everyRowHasOktmo = false;
          if (row.orgType === 'preschool' && row.studentsActive > 0) {
            filePreschoolRows++;
            filePreschoolStudents += row.studentsActive;
            firstPreschoolLine ??= line;
          }
          const key = `${week}\u0000${row.municipality}\u0000${row.oktmo ?? ''}\u0000${row.orgType}\u0000${row.ownership}`;
          let group = groups.get(key);
          if (!group) {
            group = {
              week,
              name: row.municipality,
              oktmo: row.oktmo,
              orgType: row.orgType,
              private: row.ownership,
              sums: emptyMonitoringSums(),
              file,
              line,
            };
            groups.set(key, group);
          }
          const sums = group.sums;
          sums.staffWriting += row.staffWriting;
          sums.studentsActive += row.studentsActive;
          sums.parentsActive += row.parentsActive;
          sums.usersVk += row.usersVk;
          sums.usersTotal += row.usersTotal;
          sums.rows++;
          read.totals.add(week, row, MONITORING_FIELDS);
          read.countOrganisation(row.orgType, row.ownership, row.orgName ?? row.orgId, line);
        };
      },
      read.problems,
    );
    // An export of only a header (or a total row) is a failed download, not a week of zeros.
    if (info.rows === read.totals.totalRows.length && read.problems.size === 0)
      read.problems.add({ code: 'no-rows', file });
    for (const p of read.problems.problems) problems.add(p);
    problems.more += read.problems.more;
    summaries.push(read.summary(info));
    warnings.push(...read.warnings(MONITORING_FIELDS));
    read.privateRowsWarning(privateWarning);
    if (filePreschoolRows > 0) {
      warnings.push({
        code: 'preschool-students',
        file,
        line: firstPreschoolLine,
        count: filePreschoolStudents,
        rows: filePreschoolRows,
      });
    }
  }
  problems.throwIfAny();
  warnings.push(...privateWarning);
  return { groups, summaries, warnings, everyRowHasOktmo };
}

export function loadInputs(options: ReadOptions): Inputs {
  const index = new MunicipalityIndex(options.vocabulary);
  const headcounts = readHeadcounts(options, index);
  const monitoring = readMonitoring(options);
  const byOktmo = headcounts.everyRowHasOktmo && monitoring.everyRowHasOktmo;

  const problems = new ProblemList();
  const warnings: Warning[] = [...headcounts.warnings, ...monitoring.warnings];
  const byWeek: Inputs['monitoring'] = new Map();
  const unmatched = new Map<string, { group: Group; rows: number }>();
  for (const group of monitoring.groups.values()) {
    const municipality =
      byOktmo && group.oktmo ? index.byCode(group.oktmo) : index.byName(group.name);
    if (!municipality) {
      const seen = unmatched.get(group.name);
      if (seen) seen.rows += group.sums.rows;
      else unmatched.set(group.name, { group, rows: group.sums.rows });
      continue;
    }
    const cells = entry(
      entry(byWeek, group.week, () => new Map()),
      municipality,
      () => new Map(),
    );
    const cell = entry(cells, cellKey(group.orgType, group.private), () => ({
      orgType: group.orgType,
      private: group.private,
      sums: emptyMonitoringSums(),
    }));
    for (const field of MONITORING_FIELDS) cell.sums[field] += group.sums[field];
    cell.sums.rows += group.sums.rows;
  }
  for (const [name, { group, rows }] of unmatched) {
    if (options.allowUnmatched) {
      warnings.push({
        code: 'unmatched-skipped',
        file: group.file,
        line: group.line,
        value: name,
        rows,
      });
    } else {
      problems.add({
        code: 'unmatched-municipality',
        file: group.file,
        line: group.line,
        value: byOktmo && group.oktmo ? `${name} (${group.oktmo})` : name,
        suggestions: index.closest(name),
      });
    }
  }
  problems.throwIfAny();

  const weeks = [...byWeek.keys()].filter((w) => w !== '').sort();
  return {
    region: options.vocabulary.region,
    index,
    files: [headcounts.summary, ...monitoring.summaries],
    municipalities: index.all(),
    headcounts: headcounts.byMunicipality,
    monitoring: byWeek,
    weeks,
    warnings,
  };
}

/** The latest week, or the one asked for; '' when the export has no week column. */
export function chooseWeek(inputs: Inputs, asked: string | undefined): string {
  if (asked !== undefined) {
    if (!inputs.monitoring.has(asked)) {
      throw new UserError({ code: 'week-not-found', week: asked, available: inputs.weeks });
    }
    return asked;
  }
  return inputs.weeks[inputs.weeks.length - 1] ?? '';
}

/** Every municipality with its headcounts and the monitoring sums of one week. */
export function dataForWeek(
  inputs: Inputs,
  week: string,
): { data: MunicipalityData[]; warnings: Warning[] } {
  const monitoring = inputs.monitoring.get(week) ?? new Map();
  const warnings: Warning[] = [];
  const data = inputs.municipalities.map((municipality) => {
    const cells = monitoring.get(municipality);
    if (!cells) warnings.push({ code: 'no-monitoring', municipality: municipality.name });
    return {
      municipality,
      monitoring: cells ? [...cells.values()] : [],
      headcounts: [...(inputs.headcounts.get(municipality)?.values() ?? [])],
    };
  });
  return { data, warnings };
}

/** Organisation rows per type over all files of a kind (for `validate`). */
export function organisationsByType(files: FileSummary[], kind: FileKind): Record<OrgType, number> {
  const out = Object.fromEntries(ORG_TYPES.map((t) => [t, 0])) as Record<OrgType, number>;
  for (const file of files) {
    if (file.kind !== kind) continue;
    for (const t of ORG_TYPES) out[t] += file.organisations[t] ?? 0;
  }
  return out;
}
