// `check`: the CI gate. Which indicators and rows are looked at, and the
// verdict: 0 every checked item passes, 1 something fails, 2 a checked
// target is a baseline that was not given. Records in, data out.
import { chooseStage, type IndicatorResult, type Report, type ReportRow } from './evaluate.js';
import type { IndicatorId, Roadmap } from './roadmap.js';

/** `--stage`: the stage in force on the report date, or a stage named by number. */
export type StageChoice = 'in-force' | number;
/** `--scope`: the region total only, or every municipality, the regional level and the total. */
export type Scope = 'region' | 'all';

export interface CheckOptions {
  stage: StageChoice;
  scope: Scope;
  indicators: readonly IndicatorId[];
  /** A failed conditional target ("in force once the acts are approved") is reported but does not fail. */
  allowConditional: boolean;
}

/**
 * Why an indicator is not checked: its stage is not yet due and was not
 * named (`upcoming`), or the roadmap has no stage of that number for it
 * (`no-stage`: `--stage 2` for indicators 3 and 4).
 */
export type NotCheckedReason = 'upcoming' | 'no-stage';

export interface IndicatorCheck {
  indicator: IndicatorId;
  /** Null when the roadmap has no such stage for the indicator. */
  stage: number | null;
  due: string | null;
  inForce: boolean;
  conditional: boolean;
  checked: boolean;
  reason?: NotCheckedReason;
}

export interface CheckItem extends IndicatorResult {
  indicator: IndicatorId;
  municipality: string | null;
  level: ReportRow['level'];
  checked: boolean;
  /** A failure that does not fail the check (a conditional target, allowed). */
  allowed: boolean;
}

export interface CheckSummary {
  /** Items checked (the stage is in force or named). */
  checked: number;
  passed: number;
  /** Failures that fail the check. */
  failed: number;
  /** Failures of a conditional target that were allowed. */
  allowed: number;
  /** Checked items with denominator 0: reported, never failed. */
  na: number;
  /** Items of a stage not yet due (shown, not checked). */
  notChecked: number;
}

export interface CheckResult {
  indicators: IndicatorCheck[];
  items: CheckItem[];
  failures: CheckItem[];
  /** Checked indicators whose target is a baseline that was not given: the check cannot decide. */
  undecided: IndicatorId[];
  summary: CheckSummary;
  exitCode: 0 | 1 | 2;
}

/** Which stage each indicator is checked against, and whether it is checked at all. */
export function indicatorChecks(
  roadmap: Roadmap,
  asOf: string,
  options: Pick<CheckOptions, 'stage' | 'indicators'>,
): IndicatorCheck[] {
  return options.indicators.map((indicator) => {
    const named = options.stage === 'in-force' ? undefined : options.stage;
    const chosen = chooseStage(roadmap.indicators[indicator], asOf, named);
    if (!chosen) {
      return {
        indicator,
        stage: null,
        due: null,
        inForce: false,
        conditional: false,
        checked: false,
        reason: 'no-stage',
      };
    }
    // An upcoming stage never fails unless it is named with --stage.
    const checked = named !== undefined || chosen.inForce;
    return {
      indicator,
      stage: chosen.stage.stage,
      due: chosen.stage.due,
      inForce: chosen.inForce,
      conditional: chosen.stage.conditional === true,
      checked,
      ...(checked ? {} : { reason: 'upcoming' as const }),
    };
  });
}

/** The rows a scope looks at: the region total, or every row. */
export function rowsInScope(rows: readonly ReportRow[], scope: Scope): ReportRow[] {
  return scope === 'region' ? rows.filter((row) => row.level === 'total') : [...rows];
}

/**
 * The verdict over a report evaluated against the chosen stage (the stage in
 * force, or the one named by `--stage`).
 */
export function runCheck(report: Report, roadmap: Roadmap, options: CheckOptions): CheckResult {
  const indicators = indicatorChecks(roadmap, report.asOf, options);
  const rows = rowsInScope(report.rows, options.scope);
  const items: CheckItem[] = [];
  const undecided = new Set<IndicatorId>();
  const summary: CheckSummary = {
    checked: 0,
    passed: 0,
    failed: 0,
    allowed: 0,
    na: 0,
    notChecked: 0,
  };
  for (const check of indicators) {
    if (check.stage === null) continue;
    for (const row of rows) {
      const result = row.indicators[check.indicator];
      const allowed = result.status === 'fail' && result.conditional && options.allowConditional;
      items.push({
        indicator: check.indicator,
        municipality: row.municipality,
        level: row.level,
        ...result,
        checked: check.checked,
        allowed,
      });
      if (!check.checked) {
        summary.notChecked++;
        continue;
      }
      summary.checked++;
      // A baseline target that was not given leaves the stage undecided, even
      // where the denominator is 0 and the row would be n/a anyway.
      if (result.target === null) undecided.add(check.indicator);
      if (result.status === 'pass') summary.passed++;
      else if (result.status === 'fail') allowed ? summary.allowed++ : summary.failed++;
      else if (result.reason === 'no-denominator') summary.na++;
    }
  }
  const failures = items.filter((item) => item.checked && item.status === 'fail' && !item.allowed);
  const exitCode = undecided.size > 0 ? 2 : failures.length > 0 ? 1 : 0;
  return { indicators, items, failures, undecided: [...undecided], summary, exitCode };
}
