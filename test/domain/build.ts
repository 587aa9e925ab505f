// Municipality data built by hand for the domain tests: organisations are
// listed one by one and summed per type and ownership, as the loader does.
import type { Baselines, EvaluationInput } from '../../src/domain/evaluate.js';
import {
  type Cell,
  emptyHeadcountSums,
  emptyMonitoringSums,
  type HeadcountSums,
  type Level,
  type MonitoringSums,
  type MunicipalityData,
  type OrgType,
} from '../../src/domain/organisations.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';

export interface OrgRow {
  type: OrgType;
  private?: boolean;
  /** Headcounts (statistical forms). */
  staff?: number;
  students?: number;
  /** Monitoring of the week. */
  staffWriting?: number;
  studentsActive?: number;
  parentsActive?: number;
  usersVk?: number;
  usersTotal?: number;
}

function cellOf<S extends { rows: number }>(
  cells: Cell<S>[],
  row: OrgRow,
  empty: () => S,
): Cell<S> {
  const isPrivate = row.private === true;
  let cell = cells.find((c) => c.orgType === row.type && c.private === isPrivate);
  if (!cell) {
    cell = { orgType: row.type, private: isPrivate, sums: empty() };
    cells.push(cell);
  }
  return cell;
}

/** A municipality (or the regional level) from its organisations. */
export function municipality(
  name: string,
  orgs: OrgRow[],
  level: Level = 'municipality',
): MunicipalityData {
  const monitoring: Cell<MonitoringSums>[] = [];
  const headcounts: Cell<HeadcountSums>[] = [];
  for (const org of orgs) {
    const h = cellOf(headcounts, org, emptyHeadcountSums).sums;
    h.staff += org.staff ?? 0;
    h.students += org.students ?? 0;
    h.rows++;
    const m = cellOf(monitoring, org, emptyMonitoringSums).sums;
    m.staffWriting += org.staffWriting ?? 0;
    m.studentsActive += org.studentsActive ?? 0;
    m.parentsActive += org.parentsActive ?? 0;
    m.usersVk += org.usersVk ?? 0;
    m.usersTotal += org.usersTotal ?? 0;
    m.rows++;
  }
  return { municipality: { name, level }, monitoring, headcounts };
}

export function input(
  data: MunicipalityData[],
  asOf: string,
  baselines: Baselines = { region: {}, byMunicipality: {} },
  extra: Partial<EvaluationInput> = {},
): EvaluationInput {
  return {
    region: 'Республика Тыва',
    roadmap: TYVA_2025,
    asOf,
    week: '2025-12-28',
    data,
    baselines,
    ...extra,
  };
}
