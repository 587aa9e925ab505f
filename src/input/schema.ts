// Row schemas: the cells of a row become a typed record here, or a problem
// naming the column and the value. The domain never sees a string where a
// count belongs.
import * as z from 'zod';
import type { OrgType } from '../domain/organisations.js';
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
