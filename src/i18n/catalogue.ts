// The words of the tool's output. Every problem and warning code has a
// message in every language: the compiler refuses a catalogue that lacks one.
import type { TermRole } from '../domain/indicators.js';
import type { OrgType } from '../domain/organisations.js';
import type { IndicatorId } from '../domain/roadmap.js';
import type { Problem, ProblemCode } from '../errors.js';
import type { Warning, WarningCode } from '../warnings.js';

export type Lang = 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'en'];

export interface Catalogue {
  decimalSeparator: string;
  error: string;
  warning: string;
  andMore: (count: number) => string;
  line: string;
  column: string;
  problems: { [K in ProblemCode]: (p: Extract<Problem, { code: K }>) => string };
  warnings: { [K in WarningCode]: (w: Extract<Warning, { code: K }>) => string };
  status: { pass: string; fail: string; na: string };
  naReason: { 'no-denominator': string; 'no-baseline': string };
  indicator: Record<IndicatorId, { short: string; name: string }>;
  report: {
    title: (region: string, roadmap: string) => string;
    asOf: (date: string, week: string | null) => string;
    stage: (stage: number, target: string, due: string, inForce: boolean) => string;
    baselineTarget: string;
    municipality: string;
    regionTotal: string;
    conditionalFootnote: string;
    gapFootnote: string;
    baselineFootnote: string;
    ownBaselineFootnote: string;
    upcomingFootnote: string;
    /** Column head of a baseline target that was not given. */
    baselineColumn: string;
    noDenominatorFootnote: string;
    countsFootnote: string;
    abbreviations: (list: string) => string;
  };
  explain: {
    title: (indicator: string, name: string, where: string) => string;
    numerator: string;
    denominator: string;
    share: string;
    rows: (n: number) => string;
    publicOnly: string;
    withPrivate: string;
    fields: Record<string, string>;
    types: Record<OrgType, string>;
    roles: Record<TermRole, string>;
    parentsRule: string;
    verdict: (target: string, stage: number, status: string) => string;
    gap: string;
    ownBaseline: string;
    upcoming: (due: string) => string;
  };
  csv: {
    municipality: string;
    level: string;
    levels: { municipality: string; regional: string; total: string };
    numerator: string;
    denominator: string;
    share: string;
    target: string;
    status: string;
    gap: string;
  };
}
