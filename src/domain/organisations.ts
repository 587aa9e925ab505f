// Organisation types of the roadmap and the sets the indicators are built on.

export const ORG_TYPES = ['school', 'preschool', 'spo', 'dod', 'authority', 'subordinate'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Educational organisations: schools, kindergartens, colleges, additional education. */
export const EDU: readonly OrgType[] = ['school', 'preschool', 'spo', 'dod'];
/** Organisations whose pupils count as students (preschool children do not). */
export const STUD: readonly OrgType[] = ['school', 'spo', 'dod'];
/** Education authorities and their subordinate organisations. */
export const GOV: readonly OrgType[] = ['authority', 'subordinate'];
/** Every organisation type (indicator 3 counts every user of the region). */
export const ALL: readonly OrgType[] = ORG_TYPES;

export const MONITORING_FIELDS = [
  'staffWriting',
  'studentsActive',
  'parentsActive',
  'usersVk',
  'usersTotal',
] as const;
export type MonitoringField = (typeof MONITORING_FIELDS)[number];

export const HEADCOUNT_FIELDS = ['staff', 'students'] as const;
export type HeadcountField = (typeof HEADCOUNT_FIELDS)[number];

export type Level = 'municipality' | 'regional';

/** A municipality as the headcount file defines it, or the regional level. */
export interface Municipality {
  name: string;
  level: Level;
}

/** Monitoring counts summed over the rows of one municipality, type and ownership. */
export type MonitoringSums = Record<MonitoringField, number> & { rows: number };
/** Headcounts summed over the rows of one municipality, type and ownership. */
export type HeadcountSums = Record<HeadcountField, number> & { rows: number };

/** What one municipality (or the regional level) holds, per type and ownership. */
export interface MunicipalityData {
  municipality: Municipality;
  monitoring: Cell<MonitoringSums>[];
  headcounts: Cell<HeadcountSums>[];
}

export interface Cell<S> {
  orgType: OrgType;
  private: boolean;
  sums: S;
}

export function emptyMonitoringSums(): MonitoringSums {
  return {
    staffWriting: 0,
    studentsActive: 0,
    parentsActive: 0,
    usersVk: 0,
    usersTotal: 0,
    rows: 0,
  };
}

export function emptyHeadcountSums(): HeadcountSums {
  return { staff: 0, students: 0, rows: 0 };
}
