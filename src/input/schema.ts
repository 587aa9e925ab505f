// Row schemas: the cells of a row become a typed record here, or a problem
// naming the column and the value. The domain never sees a string where a
// count belongs.
import * as z from 'zod';
import type { OrgType } from '../domain/organisations.js';
import type { ColumnMap } from './table.js';
import { normalizeText, parseCount, parseWeek } from './values.js';
import type { Vocabulary } from './vocabulary.js';

export type RowIssue =
  | 'bad-count'
  | 'bad-org-type'
  | 'bad-week'
  | 'empty-municipality'
  | 'vk-above-total';

function issue(ctx: z.RefinementCtx, code: RowIssue, value: string) {
  ctx.addIssue({ code: 'custom', message: code, params: { value } });
  return z.NEVER;
}

/** Schemas for one file: `onEmpty` counts the blank or dash cells read as 0. */
export function rowSchemas(vocabulary: Vocabulary, onEmpty: (field: string) => void) {
  const count = (field: string) =>
    z.string().transform((raw, ctx) => {
      const value = parseCount(raw);
      if (value === null) return issue(ctx, 'bad-count', raw);
      if (value === 'empty') {
        onEmpty(field);
        return 0;
      }
      return value;
    });
  const text = z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? undefined : raw.trim() || undefined));
  const municipality = z
    .string()
    .transform((raw, ctx) => raw.trim() || issue(ctx, 'empty-municipality', raw));
  const orgType = z.string().transform((raw, ctx): OrgType => {
    const code = vocabulary.orgTypes.get(normalizeText(raw));
    return code ?? issue(ctx, 'bad-org-type', raw);
  });
  const isPrivate = z
    .string()
    .optional()
    .transform((raw) => raw !== undefined && vocabulary.privateOwnership.has(normalizeText(raw)));
  const week = z
    .string()
    .optional()
    .transform((raw, ctx) =>
      raw === undefined ? null : (parseWeek(raw) ?? issue(ctx, 'bad-week', raw)),
    );

  const organisation = {
    municipality,
    oktmo: text,
    orgId: text,
    orgName: text,
    orgType,
    // `ownership` is read as "is this a private organisation?" (SPEC 4.3).
    ownership: isPrivate,
  };

  const monitoring = z
    .object({
      ...organisation,
      week,
      staffWriting: count('staffWriting'),
      studentsActive: count('studentsActive'),
      parentsActive: count('parentsActive'),
      usersVk: count('usersVk'),
      usersTotal: count('usersTotal'),
    })
    .superRefine((row, ctx) => {
      if (row.usersVk > row.usersTotal) {
        ctx.addIssue({
          code: 'custom',
          path: ['usersVk'],
          message: 'vk-above-total',
          params: { value: String(row.usersVk), usersTotal: row.usersTotal },
        });
      }
    });

  const headcounts = z.object({
    ...organisation,
    staff: count('staff'),
    students: count('students'),
  });

  return { monitoring, headcounts };
}

export type MonitoringRow = z.output<ReturnType<typeof rowSchemas>['monitoring']>;
export type HeadcountRow = z.output<ReturnType<typeof rowSchemas>['headcounts']>;

/** Distinct spellings remembered per file kind; a hostile file cannot grow the caches past it. */
const CACHE_LIMIT = 10_000;

function remembered<T>(read: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      value = read(raw);
      if (cache.size < CACHE_LIMIT) cache.set(raw, value);
    }
    return value as T;
  };
}

/**
 * What the schemas above make of a clean row, read with the same functions
 * cell by cell, without zod's per-row machinery (most of the cost of reading
 * a national export). A row with anything the schemas treat specially — a bad
 * value of any kind, or an empty or dash count that reads as 0 with a warning —
 * gets `undefined`, and the caller hands it to the schema, which reads it or
 * names the problem. So every row becomes the record the schema defines;
 * test/input/clean-rows.test.ts holds the two readings equal.
 */
export function cleanRowReaders(vocabulary: Vocabulary) {
  const orgTypeOf = remembered((raw) => vocabulary.orgTypes.get(normalizeText(raw)) ?? null);
  const isPrivate = remembered((raw) => vocabulary.privateOwnership.has(normalizeText(raw)));

  const at = (cells: readonly string[], index: number | undefined) =>
    index === undefined ? undefined : cells[index];
  const text = (raw: string | undefined) =>
    raw === undefined ? undefined : raw.trim() || undefined;
  /** A count, or -1 where the schema would do more than read a number. */
  const count = (raw: string | undefined) => {
    if (raw === undefined) return -1;
    const value = parseCount(raw);
    return typeof value === 'number' ? value : -1;
  };

  /** The organisation's type, or null when the schema would refuse it. */
  function orgTypeAt(cells: readonly string[], columns: ColumnMap): OrgType | null {
    const cell = at(cells, columns.orgType);
    return cell === undefined ? null : orgTypeOf(cell);
  }
  function ownershipAt(cells: readonly string[], columns: ColumnMap): boolean {
    const cell = at(cells, columns.ownership);
    return cell !== undefined && isPrivate(cell);
  }

  // Records are written out field by field: an object spread here costs more
  // than everything else the row needs.
  function monitoring(cells: readonly string[], columns: ColumnMap): MonitoringRow | undefined {
    const staffWriting = count(at(cells, columns.staffWriting));
    const studentsActive = count(at(cells, columns.studentsActive));
    const parentsActive = count(at(cells, columns.parentsActive));
    const usersVk = count(at(cells, columns.usersVk));
    const usersTotal = count(at(cells, columns.usersTotal));
    if (staffWriting < 0 || studentsActive < 0 || parentsActive < 0 || usersVk < 0)
      return undefined;
    if (usersTotal < 0 || usersVk > usersTotal) return undefined;
    const weekCell = at(cells, columns.week);
    const week = weekCell === undefined ? null : parseWeek(weekCell);
    if (week === null && weekCell !== undefined) return undefined;
    const municipality = at(cells, columns.municipality)?.trim();
    const orgType = orgTypeAt(cells, columns);
    if (!municipality || orgType === null) return undefined;
    return {
      municipality,
      oktmo: text(at(cells, columns.oktmo)),
      orgId: text(at(cells, columns.orgId)),
      orgName: text(at(cells, columns.orgName)),
      orgType,
      ownership: ownershipAt(cells, columns),
      week,
      staffWriting,
      studentsActive,
      parentsActive,
      usersVk,
      usersTotal,
    };
  }

  function headcounts(cells: readonly string[], columns: ColumnMap): HeadcountRow | undefined {
    const staff = count(at(cells, columns.staff));
    const students = count(at(cells, columns.students));
    if (staff < 0 || students < 0) return undefined;
    const municipality = at(cells, columns.municipality)?.trim();
    const orgType = orgTypeAt(cells, columns);
    if (!municipality || orgType === null) return undefined;
    return {
      municipality,
      oktmo: text(at(cells, columns.oktmo)),
      orgId: text(at(cells, columns.orgId)),
      orgName: text(at(cells, columns.orgName)),
      orgType,
      ownership: ownershipAt(cells, columns),
      staff,
      students,
    };
  }

  /** The readers of single cells, for rows read from their bytes (row-scan.ts). */
  const cells = {
    orgType: orgTypeOf,
    isPrivate,
    text: (raw: string) => text(raw) ?? null,
  };

  return { monitoring, headcounts, cells };
}
