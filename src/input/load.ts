// Both inputs read into sums per municipality, organisation type and
// ownership (and per week for the monitoring export). Each file is read into
// sums on its own (file-reader.ts), several at once when they are large
// (parallel.ts); here they are merged in the order the files were given, so
// the result, warnings and problems do not depend on how they were read.
import { createHash } from 'node:crypto';
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
import { ProblemList, UserError } from '../errors.js';
import type { Warning } from '../warnings.js';
import type { DialectOptions } from './dialect.js';
import {
  addPrivateRowsWarning,
  type FileSummary,
  type HeadcountFile,
  type MonitoringFile,
} from './file-reader.js';
import { MunicipalityIndex } from './municipalities.js';
import { readFiles } from './parallel.js';
import type { FileKind, Vocabulary } from './vocabulary.js';

export type { FileSummary } from './file-reader.js';

export interface ReadOptions extends DialectOptions {
  monitoring: string[];
  headcounts: string;
  allowUnmatched?: boolean;
  vocabulary: Vocabulary;
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
  file: HeadcountFile,
  index: MunicipalityIndex,
): Map<Municipality, Map<string, Cell<HeadcountSums>>> {
  const byMunicipality = new Map<Municipality, Map<string, Cell<HeadcountSums>>>();
  // Groups come in the order of their first rows, so the first spelling of a
  // municipality still names it.
  for (const group of file.groups) {
    const municipality = index.add(group.name, group.oktmo);
    const byType = entry(byMunicipality, municipality, () => new Map());
    const cell = entry(byType, cellKey(group.orgType, group.private), () => ({
      orgType: group.orgType,
      private: group.private,
      sums: emptyHeadcountSums(),
    }));
    cell.sums.staff += group.sums.staff;
    cell.sums.students += group.sums.students;
    cell.sums.rows += group.sums.rows;
  }
  if (file.problems.length + file.more > 0) throw new UserError(file.problems, file.more);
  if (byMunicipality.size === 0) throw new UserError({ code: 'no-rows', file: file.file });
  return byMunicipality;
}

/**
 * A municipality as the monitoring export writes it. Which municipality of
 * the headcount file it is can be settled only once every file is read
 * (matching is by OKTMO only when every row of every file has one).
 */
interface Spelling {
  name: string;
  oktmo: string | undefined;
  /** Where it first appears. */
  file: string;
  line: number;
  rows: number;
}

type MonitoringCells = Map<string, Cell<MonitoringSums>>;

/** Monitoring sums per week and spelling, kept until the spellings are resolved. */
class MonitoringSpellings {
  readonly spellings = new Map<string, Spelling>();
  readonly byWeek = new Map<string, Map<Spelling, MonitoringCells>>();

  add(file: MonitoringFile): void {
    for (const group of file.groups) {
      const spelling = entry(this.spellings, `${group.name}\u0000${group.oktmo ?? ''}`, () => ({
        name: group.name,
        oktmo: group.oktmo,
        file: file.file,
        line: group.line,
        rows: 0,
      }));
      spelling.rows += group.sums.rows;
      const cells = entry(
        entry(this.byWeek, group.week, () => new Map()),
        spelling,
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
  }

  /** Week → municipality → cells, for the spellings that resolve; the rest in `unmatched` order. */
  resolve(find: (spelling: Spelling) => Municipality | undefined): {
    monitoring: Inputs['monitoring'];
    unmatched: Map<string, { spelling: Spelling; rows: number }>;
  } {
    const resolved = new Map<Spelling, Municipality>();
    const unmatched = new Map<string, { spelling: Spelling; rows: number }>();
    for (const spelling of this.spellings.values()) {
      const municipality = find(spelling);
      if (municipality) resolved.set(spelling, municipality);
      else {
        const seen = unmatched.get(spelling.name);
        if (seen) seen.rows += spelling.rows;
        else unmatched.set(spelling.name, { spelling, rows: spelling.rows });
      }
    }
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
    return { monitoring, unmatched };
  }
}

/** A digest of what a monitoring file adds up to: equal for two copies of one export. */
function groupsDigest(file: MonitoringFile): string {
  const hash = createHash('sha256');
  for (const g of file.groups) {
    const s = g.sums;
    hash.update(
      `${g.week}\u0000${g.name}\u0000${g.oktmo ?? ''}\u0000${g.orgType}\u0000${g.private}\u0000` +
        `${s.staffWriting},${s.studentsActive},${s.parentsActive},${s.usersVk},${s.usersTotal},${s.rows}\n`,
    );
  }
  return hash.digest('hex');
}

export function loadInputs(options: ReadOptions): Inputs {
  const index = new MunicipalityIndex(options.vocabulary);
  const files = readFiles(options);
  try {
    const first = files.next();
    if (first.done) throw new Error('no headcount file was read');
    const headcountFile = first.value as HeadcountFile;
    const headcounts = addHeadcounts(headcountFile, index);
    const warnings: Warning[] = [...headcountFile.warnings];
    addPrivateRowsWarning(warnings, headcountFile, headcountFile.file);

    const problems = new ProblemList();
    const summaries: FileSummary[] = [];
    const privateWarning: Warning[] = [];
    const spellings = new MonitoringSpellings();
    let everyMonitoringRowHasOktmo = true;
    const contents = new Map<string, string>();
    for (const result of files) {
      const file = result as MonitoringFile;
      // The same export given twice (a second download, "… (1).csv") would count every row twice.
      const content = groupsDigest(file);
      const same = file.groups.length > 0 ? contents.get(content) : undefined;
      if (same !== undefined) problems.add({ code: 'duplicate-file', file: file.file, same });
      else contents.set(content, file.file);
      for (const p of file.problems) problems.add(p);
      problems.more += file.more;
      summaries.push(file.summary);
      warnings.push(...file.warnings);
      addPrivateRowsWarning(privateWarning, file);
      if (!file.everyRowHasOktmo) everyMonitoringRowHasOktmo = false;
      // With problems nothing is reported: the sums are not needed.
      if (problems.size === 0) spellings.add(file);
    }
    problems.throwIfAny();
    warnings.push(...privateWarning);

    const byOktmo = headcountFile.everyRowHasOktmo && everyMonitoringRowHasOktmo;
    // The regional level is the region's own rows (SPEC 3): a monitoring export
    // may carry them although the headcount file has none (its denominators are 0 then).
    const { monitoring, unmatched } = spellings.resolve(
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

    const weeks = [...monitoring.keys()].filter((w) => w !== '').sort();
    return {
      region: options.vocabulary.region,
      index,
      files: [headcountFile.summary, ...summaries],
      municipalities: index.all(),
      headcounts,
      monitoring,
      weeks,
      warnings,
    };
  } finally {
    files.return(undefined);
  }
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
