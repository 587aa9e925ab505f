// The four indicators of the roadmap, as sums of fields over organisation
// types. Each term says where its numbers come from, so the same definition
// computes the figure and explains it (`compute --explain`).

import {
  ALL,
  EDU,
  GOV,
  type HeadcountField,
  type MonitoringField,
  type MunicipalityData,
  type OrgType,
  STUD,
} from './organisations.js';
import type { IndicatorId } from './roadmap.js';

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
