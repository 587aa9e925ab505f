// Both inputs read into sums per municipality, organisation type and
// ownership (and per week for the monitoring export). Each file is read into
// sums on its own (file-reader.ts), several at once when they are large
// (parallel.ts); here they are merged in the order the files were given, so
// the result, warnings and problems do not depend on how they were read.
// `loadInputs` keeps every week's sums per type (`compute --explain`,
// validate, which show them); `loadWeeklyNumbers` folds each week into the
// indicators' numerators and denominators as its files are merged (compute,
// check, trend, baseline), so that what is kept per week is a few numbers
// per municipality.
import type { IndicatorNumbers, MunicipalityNumbers } from '../domain/evaluate.js';
import { addParts, HEADCOUNT_PLAN, MONITORING_PLAN, PARTS, slotOf } from '../domain/indicators.js';
import {
  type Cell,
  type HeadcountSums,
  MONITORING_FIELDS,
  type MonitoringSums,
  type Municipality,
  type MunicipalityData,
  ORG_TYPES,
  type OrgType,
} from '../domain/organisations.js';
import { INDICATOR_IDS } from '../domain/roadmap.js';
import { ProblemList, UserError } from '../errors.js';
import type { Warning } from '../warnings.js';
import type { DialectOptions } from './dialect.js';
import {
  addPrivateRowsWarning,
  type FileSummary,
  type GroupTable,
  ROWS_AT,
  SUMS_WIDTH,
} from './file-reader.js';
import { MunicipalityIndex } from './municipalities.js';
import { type ReadHeadcounts, type ReadMonitoring, readFiles } from './parallel.js';
import type { FileKind, Vocabulary } from './vocabulary.js';

export type { FileSummary } from './file-reader.js';

export interface ReadOptions extends DialectOptions {
  monitoring: string[];
  headcounts: string;
  allowUnmatched?: boolean;
  vocabulary: Vocabulary;
}

/** What both ways of loading give. */
interface LoadedFiles {
  region: string;
  /** Finds a municipality by any spelling (for baselines given per municipality). */
  index: MunicipalityIndex;
  files: FileSummary[];
  municipalities: Municipality[];
  /** Weeks found, oldest first; empty when the export has no week column. */
  weeks: string[];
  warnings: Warning[];
}

export interface Inputs extends LoadedFiles {
  headcounts: Map<Municipality, Map<string, Cell<HeadcountSums>>>;
  /** Week (ISO date, or '' when the export has no week column) → municipality → cells. */
  monitoring: Map<string, Map<Municipality, Map<string, Cell<MonitoringSums>>>>;
}

/** One week's monitoring side of the indicators, per municipality of `municipalities`. */
interface WeekParts {
  /** PARTS numbers a municipality: each indicator's numerator and denominator. */
  parts: Float64Array;
  /** 1 where the municipality has monitoring rows in the week. */
  has: Uint8Array;
}

/** The inputs as trend and baseline need them: each week's indicator numbers. */
export interface WeeklyInputs extends LoadedFiles {
  /** The headcount side of the indicators, PARTS numbers per municipality. */
  headcountParts: Float64Array;
  /** Week (ISO date, or '' when the export has no week column) → its monitoring side. */
  monitoring: Map<string, WeekParts>;
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

function addHeadcounts(
  file: ReadHeadcounts,
  index: MunicipalityIndex,
): Map<Municipality, Map<string, Cell<HeadcountSums>>> {
  const byMunicipality = new Map<Municipality, Map<string, Cell<HeadcountSums>>>();
  // A municipality's groups usually follow each other: the previous group's
  // cells are tried first.
  let last: { name: string; oktmo: string | undefined; cells: Map<string, Cell<HeadcountSums>> } = {
    name: '',
    oktmo: undefined,
    cells: new Map(),
  };
  // Groups come in the order of their first rows, so the first spelling of a
  // municipality still names it.
  const groups = file.groups;
  for (let g = 0; g < groups.length; g++) {
    const name = groups.name[g] as string;
    const oktmo = groups.oktmo[g];
    if (name !== last.name || oktmo !== last.oktmo || last.name === '') {
      const municipality = index.add(name, oktmo);
      let cells = byMunicipality.get(municipality);
      if (cells === undefined) {
        cells = new Map();
        byMunicipality.set(municipality, cells);
      }
      last = { name, oktmo, cells };
    }
    const orgType = groups.orgType[g] as OrgType;
    const isPrivate = groups.private[g] === true;
    const key = cellKey(orgType, isPrivate);
    const cell = last.cells.get(key);
    const at = g * SUMS_WIDTH;
    const staff = groups.sums[at] as number;
    const students = groups.sums[at + 1] as number;
    const rows = groups.sums[at + ROWS_AT] as number;
    if (cell === undefined) {
      last.cells.set(key, { orgType, private: isPrivate, sums: { staff, students, rows } });
    } else {
      cell.sums.staff += staff;
      cell.sums.students += students;
      cell.sums.rows += rows;
    }
  }
  throwIfUnusable(file, byMunicipality.size);
  return byMunicipality;
}

/** A headcount file's problems, or none of its rows read, as the error to stop at. */
function throwIfUnusable(file: ReadHeadcounts, municipalities: number): void {
  if (file.problems.length + file.more > 0) throw new UserError(file.problems, file.more);
  if (municipalities === 0) throw new UserError({ code: 'no-rows', file: file.file });
}

/**
 * The headcount side of the indicators, PARTS numbers per municipality
 * (loadWeeklyNumbers): each group's part added as it comes, without the
 * cells per type (addHeadcounts), which only `--explain` and validate show.
 */
function addHeadcountParts(
  file: ReadHeadcounts,
  index: MunicipalityIndex,
): Map<Municipality, Float64Array> {
  const byMunicipality = new Map<Municipality, Float64Array>();
  const groups = file.groups;
  let name = '';
  let oktmo: string | undefined;
  let parts: Float64Array | undefined;
  for (let g = 0; g < groups.length; g++) {
    // A municipality's groups usually follow each other.
    if (parts === undefined || groups.name[g] !== name || groups.oktmo[g] !== oktmo) {
      name = groups.name[g] as string;
      oktmo = groups.oktmo[g];
      const municipality = index.add(name, oktmo);
      parts = byMunicipality.get(municipality);
      if (parts === undefined) {
        parts = new Float64Array(PARTS);
        byMunicipality.set(municipality, parts);
      }
    }
    const slot = slotOf(groups.orgType[g] as OrgType, groups.private[g] === true);
    addParts(HEADCOUNT_PLAN[slot] as Int32Array, groups.sums, g * SUMS_WIDTH, parts, 0);
  }
  throwIfUnusable(file, byMunicipality.size);
  return byMunicipality;
}

/**
 * A municipality as the monitoring export writes it. Which municipality of
 * the headcount file it is can be settled only once every file is read
 * (matching is by OKTMO only when every row of every file has one).
 */
interface Spelling {
  /** 0, 1, 2… in the order of first appearance. */
  id: number;
  name: string;
  oktmo: string | undefined;
  /** Where it first appears. */
  file: string;
  line: number;
  rows: number;
}

type Unmatched = Map<string, { spelling: Spelling; rows: number }>;

/** The spellings of the monitoring files, in the order of their first rows. */
class Spellings {
  /** In the order of their first rows. */
  private readonly list: Spelling[] = [];
  /** By name, then OKTMO ('' for none): no key string is built per group. */
  private readonly byName = new Map<string, Map<string, Spelling>>();
  /** The previous group's: a municipality's groups usually follow each other. */
  private last: Spelling | undefined;

  /** The spelling of group `g` of a file's groups. */
  of(groups: GroupTable, g: number, file: string): Spelling {
    const last = this.last;
    const rows = groups.sums[g * SUMS_WIDTH + ROWS_AT] as number;
    if (last !== undefined && last.name === groups.name[g] && last.oktmo === groups.oktmo[g]) {
      last.rows += rows;
      return last;
    }
    const spelling = this.find(groups, g, file);
    spelling.rows += rows;
    this.last = spelling;
    return spelling;
  }

  private find(groups: GroupTable, g: number, file: string): Spelling {
    const name = groups.name[g] as string;
    let byOktmo = this.byName.get(name);
    if (!byOktmo) {
      byOktmo = new Map();
      this.byName.set(name, byOktmo);
    }
    const oktmo = groups.oktmo[g];
    let spelling = byOktmo.get(oktmo ?? '');
    if (!spelling) {
      spelling = { id: this.list.length, name, oktmo, file, line: groups.line[g] ?? 0, rows: 0 };
      byOktmo.set(oktmo ?? '', spelling);
      this.list.push(spelling);
    }
    return spelling;
  }

  /** The municipality of each spelling that resolves; the rest in `unmatched` order. */
  resolve(find: (spelling: Spelling) => Municipality | undefined): {
    resolved: Map<Spelling, Municipality>;
    unmatched: Unmatched;
  } {
    const resolved = new Map<Spelling, Municipality>();
    const unmatched: Unmatched = new Map();
    for (const spelling of this.list) {
      const municipality = find(spelling);
      if (municipality) resolved.set(spelling, municipality);
      else {
        const seen = unmatched.get(spelling.name);
        if (seen) seen.rows += spelling.rows;
        else unmatched.set(spelling.name, { spelling, rows: spelling.rows });
      }
    }
    return { resolved, unmatched };
  }
}

/** What is kept of each monitoring group until the spellings are resolved. */
interface MonitoringStore {
  /** Group `g` of a file's groups, under its spelling. */
  add(groups: GroupTable, g: number, spelling: Spelling): void;
}

type MonitoringCells = Map<string, Cell<MonitoringSums>>;

/** Monitoring sums per week, spelling, type and ownership (loadInputs). */
class CellStore implements MonitoringStore {
  private readonly byWeek = new Map<string, Map<Spelling, MonitoringCells>>();
  /** The previous group's week, spelling and cells: a municipality's groups usually follow each other. */
  private last: { week: string; spelling: Spelling | undefined; cells: MonitoringCells } = {
    week: '',
    spelling: undefined,
    cells: new Map(),
  };

  add(groups: GroupTable, g: number, spelling: Spelling): void {
    const week = groups.week[g] as string;
    if (spelling !== this.last.spelling || week !== this.last.week) {
      let bySpelling = this.byWeek.get(week);
      if (bySpelling === undefined) {
        bySpelling = new Map();
        this.byWeek.set(week, bySpelling);
      }
      let cells = bySpelling.get(spelling);
      if (cells === undefined) {
        cells = new Map();
        bySpelling.set(spelling, cells);
      }
      this.last = { week, spelling, cells };
    }
    const orgType = groups.orgType[g] as OrgType;
    const isPrivate = groups.private[g] === true;
    const key = cellKey(orgType, isPrivate);
    const s = groups.sums;
    const at = g * SUMS_WIDTH;
    const cell = this.last.cells.get(key);
    if (cell === undefined) {
      this.last.cells.set(key, {
        orgType,
        private: isPrivate,
        sums: {
          staffWriting: s[at] as number,
          studentsActive: s[at + 1] as number,
          parentsActive: s[at + 2] as number,
          usersVk: s[at + 3] as number,
          usersTotal: s[at + 4] as number,
          rows: s[at + ROWS_AT] as number,
        },
      });
      return;
    }
    // Field by field: a loop over the field names costs the first (unoptimised)
    // merge of a national export about 10 ms more.
    const into = cell.sums;
    into.staffWriting += s[at] as number;
    into.studentsActive += s[at + 1] as number;
    into.parentsActive += s[at + 2] as number;
    into.usersVk += s[at + 3] as number;
    into.usersTotal += s[at + 4] as number;
    into.rows += s[at + ROWS_AT] as number;
  }

  /** Week → municipality → cells, for the spellings that resolve. */
  byMunicipality(resolved: Map<Spelling, Municipality>): Inputs['monitoring'] {
    const monitoring: Inputs['monitoring'] = new Map();
    for (const [week, bySpelling] of this.byWeek) {
      for (const [spelling, cells] of bySpelling) {
        const municipality = resolved.get(spelling);
        if (!municipality) continue;
        const byMunicipality = entry(monitoring, week, () => new Map());
        const into = byMunicipality.get(municipality);
        // One spelling (the usual case): its cells become the municipality's as they are.
        if (!into) {
          byMunicipality.set(municipality, cells);
          continue;
        }
        for (const [key, cell] of cells) {
          const sums = into.get(key)?.sums;
          if (!sums) {
            into.set(key, cell);
            continue;
          }
          for (const field of MONITORING_FIELDS) sums[field] += cell.sums[field];
          sums.rows += cell.sums.rows;
        }
      }
    }
    return monitoring;
  }
}

/**
 * A sum read back from a Float64Array as a small integer when it is one: V8
 * keeps small integers unboxed in the objects built from them (a point of a
 * trend series costs 81 bytes instead of 113).
 */
function unboxed(value: number): number {
  const small = value | 0;
  return small === value ? small : value;
}

/** An array of PARTS numbers per spelling that grows as spellings are found. */
interface SpellingParts {
  parts: Float64Array;
  has: Uint8Array;
}

function grown(week: SpellingParts, id: number): SpellingParts {
  if (id < week.has.length) return week;
  const size = Math.max(2 * week.has.length, id + 1, 64);
  const parts = new Float64Array(size * PARTS);
  parts.set(week.parts);
  const has = new Uint8Array(size);
  has.set(week.has);
  return { parts, has };
}

/** The monitoring side of the indicators per week and spelling (loadWeeklyNumbers). */
class NumberStore implements MonitoringStore {
  private readonly byWeek = new Map<string, SpellingParts>();

  add(groups: GroupTable, g: number, spelling: Spelling): void {
    const key = groups.week[g] as string;
    let week = this.byWeek.get(key) ?? {
      parts: new Float64Array(0),
      has: new Uint8Array(0),
    };
    week = grown(week, spelling.id);
    this.byWeek.set(key, week);
    week.has[spelling.id] = 1;
    // The indicators are linear in the cells' fields: a group's part is
    // added to its spelling's, whatever else the spelling has.
    const plan = MONITORING_PLAN[slotOf(groups.orgType[g] as OrgType, groups.private[g] === true)];
    addParts(plan as Int32Array, groups.sums, g * SUMS_WIDTH, week.parts, spelling.id * PARTS);
  }

  /** Week → the parts of each municipality, for the spellings that resolve. */
  byMunicipality(
    resolved: Map<Spelling, Municipality>,
    municipalities: readonly Municipality[],
  ): Map<string, WeekParts> {
    const position = new Map(municipalities.map((m, i) => [m, i]));
    const spellings = [...resolved].map(([s, m]) => ({ id: s.id, at: position.get(m) ?? 0 }));
    const out = new Map<string, WeekParts>();
    for (const [week, bySpelling] of this.byWeek) {
      const parts = new Float64Array(municipalities.length * PARTS);
      const has = new Uint8Array(municipalities.length);
      let any = false;
      for (const { id, at } of spellings) {
        if (bySpelling.has[id] !== 1) continue;
        any = true;
        has[at] = 1;
        for (let p = 0; p < PARTS; p++)
          parts[at * PARTS + p] =
            (parts[at * PARTS + p] ?? 0) + (bySpelling.parts[id * PARTS + p] ?? 0);
      }
      // A week of unmatched rows only is not a week of the inputs.
      if (any) out.set(week, { parts, has });
      // The spellings' numbers are not needed any more.
      this.byWeek.delete(week);
    }
    return out;
  }
}

interface Merged<H> {
  files: Pick<LoadedFiles, 'region' | 'index' | 'files' | 'warnings'>;
  /** What `mergeHeadcounts` made of the headcount file. */
  headcounts: H;
  /** The municipality of every monitoring spelling that has one. */
  resolved: Map<Spelling, Municipality>;
}

/**
 * Every file read and merged in the order given: the headcounts, then each
 * monitoring file's groups into `store` under their spelling. Problems of any
 * file, duplicate files and unmatched municipalities throw, as one list.
 */
function readAndMerge<H>(
  options: ReadOptions,
  mergeHeadcounts: (file: ReadHeadcounts, index: MunicipalityIndex) => H,
  store: MonitoringStore,
): Merged<H> {
  const index = new MunicipalityIndex(options.vocabulary);
  const files = readFiles(options);
  try {
    const first = files.next();
    if (first.done) throw new Error('no headcount file was read');
    const headcountFile = first.value as ReadHeadcounts;
    const headcounts = mergeHeadcounts(headcountFile, index);
    const warnings: Warning[] = [...headcountFile.warnings];
    addPrivateRowsWarning(warnings, headcountFile, headcountFile.file);

    const problems = new ProblemList();
    const summaries: FileSummary[] = [];
    const privateWarning: Warning[] = [];
    const spellings = new Spellings();
    let everyMonitoringRowHasOktmo = true;
    const contents = new Map<string, string>();
    for (const result of files) {
      const file = result as ReadMonitoring;
      // The same export given twice (a second download, "… (1).csv") would count every row twice.
      if (file.digest !== undefined) {
        const content = file.digest;
        const same = file.groups.length > 0 ? contents.get(content) : undefined;
        if (same !== undefined) problems.add({ code: 'duplicate-file', file: file.file, same });
        else contents.set(content, file.file);
      }
      for (const p of file.problems) problems.add(p);
      problems.more += file.more;
      summaries.push(file.summary);
      warnings.push(...file.warnings);
      addPrivateRowsWarning(privateWarning, file);
      if (!file.everyRowHasOktmo) everyMonitoringRowHasOktmo = false;
      // With problems nothing is reported: the sums are not needed.
      if (problems.size === 0) {
        const groups = file.groups;
        for (let g = 0; g < groups.length; g++)
          store.add(groups, g, spellings.of(groups, g, file.file));
      }
    }
    problems.throwIfAny();
    warnings.push(...privateWarning);

    const byOktmo = headcountFile.everyRowHasOktmo && everyMonitoringRowHasOktmo;
    // The regional level is the region's own rows (SPEC 3): a monitoring export
    // may carry them although the headcount file has none (its denominators are 0 then).
    const { resolved, unmatched } = spellings.resolve(
      (spelling) =>
        (byOktmo && spelling.oktmo ? index.byCode(spelling.oktmo) : index.byName(spelling.name)) ??
        (index.isRegional(spelling.name) ? index.add(spelling.name, undefined) : undefined),
    );
    for (const [name, { spelling, rows }] of unmatched) {
      if (options.allowUnmatched) {
        warnings.push({
          code: 'unmatched-skipped',
          file: spelling.file,
          line: spelling.line,
          value: name,
          rows,
        });
      } else {
        problems.add({
          code: 'unmatched-municipality',
          file: spelling.file,
          line: spelling.line,
          value: byOktmo && spelling.oktmo ? `${name} (${spelling.oktmo})` : name,
          suggestions: index.closest(name),
        });
      }
    }
    problems.throwIfAny();
    return {
      files: {
        region: options.vocabulary.region,
        index,
        files: [headcountFile.summary, ...summaries],
        warnings,
      },
      headcounts,
      resolved,
    };
  } finally {
    files.return(undefined);
  }
}

/** The weeks of a map keyed by week, oldest first, without the '' of an export with no week column. */
function weeksOf(byWeek: Map<string, unknown>): string[] {
  return [...byWeek.keys()].filter((w) => w !== '').sort();
}

export function loadInputs(options: ReadOptions): Inputs {
  const store = new CellStore();
  const { files, headcounts, resolved } = readAndMerge(options, addHeadcounts, store);
  const monitoring = store.byMunicipality(resolved);
  return {
    ...files,
    municipalities: files.index.all(),
    headcounts,
    monitoring,
    weeks: weeksOf(monitoring),
  };
}

/**
 * The inputs folded into the indicators' numbers per week and municipality
 * as they are read: what trend and baseline need, without the sums per type.
 */
export function loadWeeklyNumbers(options: ReadOptions): WeeklyInputs {
  const store = new NumberStore();
  const { files, headcounts, resolved } = readAndMerge(options, addHeadcountParts, store);
  const municipalities = files.index.all();
  const headcountParts = new Float64Array(municipalities.length * PARTS);
  municipalities.forEach((municipality, i) => {
    const parts = headcounts.get(municipality);
    if (parts) headcountParts.set(parts, i * PARTS);
  });
  const monitoring = store.byMunicipality(resolved, municipalities);
  return {
    ...files,
    municipalities,
    headcountParts,
    monitoring,
    weeks: weeksOf(monitoring),
  };
}

/** The latest week, or the one asked for; '' when the export has no week column. */
export function chooseWeek(
  inputs: Pick<Inputs, 'weeks'> & { monitoring: Map<string, unknown> },
  asked: string | undefined,
): string {
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

/**
 * Every municipality with its indicators' numbers in one week (as
 * `dataForWeek` and `evaluate` would sum them), and the municipalities
 * without monitoring rows in it.
 */
export function numbersForWeek(
  inputs: WeeklyInputs,
  week: string,
): { rows: MunicipalityNumbers[]; warnings: Warning[] } {
  const monitoring = inputs.monitoring.get(week);
  const warnings: Warning[] = [];
  const rows = inputs.municipalities.map((municipality, i) => {
    if (monitoring?.has[i] !== 1)
      warnings.push({ code: 'no-monitoring', municipality: municipality.name });
    const at = i * PARTS;
    const numbers = {} as IndicatorNumbers;
    INDICATOR_IDS.forEach((id, k) => {
      const p = at + 2 * k;
      const head = inputs.headcountParts;
      numbers[id] = {
        numerator: unboxed((monitoring?.parts[p] ?? 0) + (head[p] ?? 0)),
        denominator: unboxed((monitoring?.parts[p + 1] ?? 0) + (head[p + 1] ?? 0)),
      };
    });
    return { municipality, numbers };
  });
  return { rows, warnings };
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
