// Errors a user can meet. A problem is data (a code and the facts of the
// case); its words live in the i18n catalogues, so every message exists in
// Russian and English and names the file, line, column, value and the fix.

export interface Place {
  file?: string;
  line?: number;
  column?: string;
}

export type Problem = Place &
  (
    | { code: 'file-not-found' }
    | { code: 'file-unreadable'; reason: string }
    | { code: 'file-empty' }
    | { code: 'bad-encoding'; encoding: string }
    | { code: 'not-csv'; format: NotCsv }
    | {
        code: 'missing-column';
        field: string;
        found: string[];
        accepted: string[];
        configKey: string;
        /** The header has every required column of the other input: the two files are swapped. */
        looksLike?: 'monitoring' | 'headcounts';
      }
    | { code: 'duplicate-column'; field: string; headers: string[] }
    | { code: 'csv-syntax'; reason: string }
    | { code: 'field-count'; expected: number; got: number }
    | { code: 'cell-too-long'; limit: number }
    | { code: 'too-many-columns'; limit: number }
    | { code: 'bad-count'; value: string }
    | { code: 'bad-org-type'; value: string; accepted: string[] }
    | { code: 'bad-week'; value: string }
    | { code: 'empty-municipality' }
    | { code: 'vk-above-total'; usersVk: number; usersTotal: number }
    | { code: 'unmatched-municipality'; value: string; suggestions: string[] }
    | { code: 'no-rows' }
    | { code: 'duplicate-file'; same: string }
    | { code: 'week-not-found'; week: string; available: string[] }
    | { code: 'no-week-in-range'; from: string; to: string; available: string[] }
    | { code: 'no-weeks' }
    | { code: 'bad-option'; option: string; value: string; expected: string }
    | { code: 'bad-percent'; value: string }
    | { code: 'bad-baseline-file'; reason: string }
    | { code: 'unknown-baseline-municipality'; value: string; suggestions: string[] }
    | { code: 'output-is-input' }
    | { code: 'output-failed'; reason: string }
    | {
        code: 'bad-config';
        /** The JSON path, as `roadmap.indicators.3[0].due`. */
        path: string;
        /** The value as JSON; undefined when the key is missing. */
        value: string | undefined;
        expected: ConfigExpected;
        /** For `unused-name`: the key that already has this name. */
        usedBy?: string;
      }
    | {
        code: 'unknown-config-key';
        path: string;
        key: string;
        accepted: string[];
        suggestion: string | undefined;
      }
    | {
        code: 'config-syntax';
        at: { line: number; column: number };
        /** The character found there; null at the end of the file. */
        found: string | null;
        expected: JsonExpected;
      }
    | { code: 'baseline-missing'; indicator: string }
    | { code: 'file-exists' }
    | { code: 'limit-exceeded'; what: string; limit: number }
    /** A command line commander refused: `usage` is commander's error code, `subject` what it quoted. */
    | { code: 'usage'; usage: string; subject: string; values: string[]; message: string }
  );

export type ProblemCode = Problem['code'];

/** Files given by mistake for a CSV export: a spreadsheet workbook, or Excel's "Unicode text". */
export type NotCsv = 'xlsx' | 'xls' | 'utf-16';

/** What a config value should have been (the catalogues put it in words). */
export type ConfigExpected =
  | 'object'
  | 'text'
  | 'texts'
  | 'boolean'
  | 'percent-or-null'
  | 'target'
  | 'target-percent'
  | 'date'
  | 'stage'
  | 'stages'
  | 'unique-stage'
  | 'unused-name';

/** What the JSON syntax wanted where it broke. */
export type JsonExpected =
  | 'value'
  | 'key'
  | 'colon'
  | 'comma-or-brace'
  | 'comma-or-bracket'
  | 'string-end'
  | 'escape'
  | 'digit'
  | 'end';

/** Bad input or usage: exit code 2, a message per problem, no stack trace. */
export class UserError extends Error {
  readonly problems: Problem[];
  /** Problems of the same kind found but not listed (past the listing limit). */
  readonly more: number;

  constructor(problems: Problem | Problem[], more = 0) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.code).join(', '));
    this.name = 'UserError';
    this.problems = list;
    this.more = more;
  }
}

/** How many problems of one file are listed before "and N more". */
export const PROBLEM_LIST_LIMIT = 20;

/** Collects the problems of one read, so a file with many bad cells reports them all. */
export class ProblemList {
  readonly problems: Problem[] = [];
  more = 0;

  add(problem: Problem): void {
    if (this.problems.length < PROBLEM_LIST_LIMIT) this.problems.push(problem);
    else this.more++;
  }

  get size(): number {
    return this.problems.length + this.more;
  }

  throwIfAny(): void {
    if (this.size > 0) throw new UserError(this.problems, this.more);
  }
}
