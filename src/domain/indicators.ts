// The four indicators of the roadmap, as sums of fields over organisation
// types. Each term says where its numbers come from, so the same definition
// computes the figure and explains it (`compute --explain`).

import {
  ALL,
  type Cell,
  EDU,
  emptyHeadcountSums,
  emptyMonitoringSums,
  GOV,
  HEADCOUNT_FIELDS,
  type HeadcountField,
  type HeadcountSums,
  MONITORING_FIELDS,
  type MonitoringField,
  type MonitoringSums,
  type MunicipalityData,
  ORG_TYPES,
  type OrgType,
  STUD,
} from './organisations.js';
import { INDICATOR_IDS, type IndicatorId } from './roadmap.js';

export type Term =
  | {
      from: 'monitoring';
      field: MonitoringField;
      types: readonly OrgType[];
      sign: 1 | -1;
      includePrivate: boolean;
      role: TermRole;
    }
  | {
      from: 'headcounts';
      field: HeadcountField;
      types: readonly OrgType[];
      sign: 1 | -1;
      includePrivate: boolean;
      role: TermRole;
    };

/** What a term counts, for the explanation: e.g. the parents counted as one per student. */
export type TermRole = 'staff' | 'students' | 'parents' | 'users' | 'vkUsers' | 'officials';

export interface Indicator {
  id: IndicatorId;
  numerator: Term[];
  denominator: Term[];
}

const publicOnly = { sign: 1, includePrivate: false } as const;

export const INDICATORS: readonly Indicator[] = [
  {
    // Staff of educational organisations who write messages weekly.
    id: '1',
    numerator: [
      { from: 'monitoring', field: 'staffWriting', types: EDU, role: 'staff', ...publicOnly },
    ],
    denominator: [{ from: 'headcounts', field: 'staff', types: EDU, role: 'staff', ...publicOnly }],
  },
  {
    // Students and parents who use Sferum weekly. "The number of parents
    // equals the number of students": parents for every educational type
    // (preschool included), students for STUD only.
    id: '2',
    numerator: [
      { from: 'monitoring', field: 'studentsActive', types: STUD, role: 'students', ...publicOnly },
      { from: 'monitoring', field: 'parentsActive', types: EDU, role: 'parents', ...publicOnly },
    ],
    denominator: [
      { from: 'headcounts', field: 'students', types: STUD, role: 'students', ...publicOnly },
      { from: 'headcounts', field: 'students', types: EDU, role: 'parents', ...publicOnly },
    ],
  },
  {
    // Users who use Sferum only in the national messenger: every user of the
    // region, private organisations included.
    id: '3',
    numerator: [
      {
        from: 'monitoring',
        field: 'usersTotal',
        types: ALL,
        role: 'users',
        sign: 1,
        includePrivate: true,
      },
      {
        from: 'monitoring',
        field: 'usersVk',
        types: ALL,
        role: 'vkUsers',
        sign: -1,
        includePrivate: true,
      },
    ],
    denominator: [
      {
        from: 'monitoring',
        field: 'usersTotal',
        types: ALL,
        role: 'users',
        sign: 1,
        includePrivate: true,
      },
    ],
  },
  {
    // Civil servants of education authorities and staff of their subordinate
    // organisations who write messages weekly (actual headcount).
    id: '4',
    numerator: [
      { from: 'monitoring', field: 'staffWriting', types: GOV, role: 'officials', ...publicOnly },
    ],
    denominator: [
      { from: 'headcounts', field: 'staff', types: GOV, role: 'officials', ...publicOnly },
    ],
  },
];

export interface TermValue {
  term: Term;
  value: number;
  /** Input rows that contributed to the value. */
  rows: number;
}

export function evaluateTerm(term: Term, data: MunicipalityData): TermValue {
  let value = 0;
  let rows = 0;
  const cells = term.from === 'monitoring' ? data.monitoring : data.headcounts;
  for (const cell of cells) {
    if (!term.types.includes(cell.orgType)) continue;
    if (cell.private && !term.includePrivate) continue;
    value += (cell.sums as unknown as Record<string, number>)[term.field] ?? 0;
    rows += cell.sums.rows;
  }
  return { term, value: term.sign * value, rows };
}

/** The terms' values added up (as evaluateTerm gives each, without counting rows). */
export function sumTerms(terms: readonly Term[], data: MunicipalityData): number {
  let total = 0;
  for (const term of terms) {
    let value = 0;
    const cells = term.from === 'monitoring' ? data.monitoring : data.headcounts;
    for (const cell of cells) {
      if (cell.private && !term.includePrivate) continue;
      if (term.types.includes(cell.orgType))
        value += (cell.sums as unknown as Record<string, number>)[term.field] ?? 0;
    }
    total += term.sign * value;
  }
  return total;
}

/** Each indicator's numerator and denominator side by side, in INDICATOR_IDS order. */
export const PARTS = INDICATOR_IDS.length * 2;

const TYPE_INDEX = Object.fromEntries(ORG_TYPES.map((t, i) => [t, i])) as Record<OrgType, number>;

/** A cell's slot among a municipality's twelve: its type, then its ownership. */
export function slotOf(orgType: OrgType, isPrivate: boolean): number {
  return (TYPE_INDEX[orgType] ?? 0) * 2 + (isPrivate ? 1 : 0);
}

/**
 * Every indicator's numerator and denominator is a sum of fields over cells,
 * so each is linear in the cells' fields: one unit of a field of a cell of a
 * slot adds a fixed amount to each part. Per slot, the non-zero amounts as
 * (field, part, amount) triples, fields in MONITORING_FIELDS or
 * HEADCOUNT_FIELDS order; found by sumTerms on a cell of one unit, so the
 * terms above stay the only place the indicators are written. Applied to a
 * municipality's cells, they give what sumTerms gives, with a few additions
 * a cell instead of a pass over the cells per term.
 */
export type PartsPlan = Int32Array[];

function partsPlan<S>(
  fields: readonly string[],
  empty: () => S,
  data: (cell: Cell<S>) => MunicipalityData,
): PartsPlan {
  const plan: PartsPlan = [];
  for (const orgType of ORG_TYPES) {
    for (const isPrivate of [false, true]) {
      const triples: number[] = [];
      fields.forEach((field, f) => {
        const sums = { ...empty(), [field]: 1 };
        const unit = data({ orgType, private: isPrivate, sums });
        for (const indicator of INDICATORS) {
          const i = INDICATOR_IDS.indexOf(indicator.id);
          const numerator = sumTerms(indicator.numerator, unit);
          const denominator = sumTerms(indicator.denominator, unit);
          if (numerator !== 0) triples.push(f, 2 * i, numerator);
          if (denominator !== 0) triples.push(f, 2 * i + 1, denominator);
        }
      });
      plan[slotOf(orgType, isPrivate)] = Int32Array.from(triples);
    }
  }
  return plan;
}

const UNIT = { name: '', level: 'municipality' } as const;

export const MONITORING_PLAN: PartsPlan = partsPlan(
  MONITORING_FIELDS,
  emptyMonitoringSums,
  (cell) => ({ municipality: UNIT, monitoring: [cell], headcounts: [] }),
);

export const HEADCOUNT_PLAN: PartsPlan = partsPlan(
  HEADCOUNT_FIELDS,
  emptyHeadcountSums,
  (cell) => ({ municipality: UNIT, monitoring: [], headcounts: [cell] }),
);

/**
 * Adds a cell's part of every indicator to `parts` (from `at` on): its
 * fields, in its plan's order, from `from` on in `fields`.
 */
export function addParts(
  plan: Int32Array,
  fields: ArrayLike<number>,
  from: number,
  parts: { [part: number]: number },
  at: number,
): void {
  for (let k = 0; k < plan.length; k += 3) {
    const part = at + (plan[k + 1] as number);
    const field = fields[from + (plan[k] as number)] as number;
    parts[part] = (parts[part] as number) + (plan[k + 2] as number) * field;
  }
}

/** A monitoring cell's fields in MONITORING_FIELDS order (named: one shape of object, no key per field). */
function monitoringFields(s: MonitoringSums): number[] {
  return [s.staffWriting, s.studentsActive, s.parentsActive, s.usersVk, s.usersTotal];
}

/** A headcount cell's fields in HEADCOUNT_FIELDS order. */
function headcountFields(s: HeadcountSums): number[] {
  return [s.staff, s.students];
}

/**
 * Every indicator's numerator and denominator for one municipality's data,
 * PARTS numbers: each is sumTerms of its terms (the plans above).
 */
export function partsOf(data: MunicipalityData): number[] {
  const parts = new Array<number>(PARTS).fill(0);
  for (const cell of data.monitoring)
    addParts(
      MONITORING_PLAN[slotOf(cell.orgType, cell.private)] as Int32Array,
      monitoringFields(cell.sums),
      0,
      parts,
      0,
    );
  for (const cell of data.headcounts)
    addParts(
      HEADCOUNT_PLAN[slotOf(cell.orgType, cell.private)] as Int32Array,
      headcountFields(cell.sums),
      0,
      parts,
      0,
    );
  return parts;
}
