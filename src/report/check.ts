// What `check` prints: one line per failure and a one-line summary (all a CI
// log needs); on a terminal, or with --verbose, also the stages checked and
// the n/a items. JSON for scripts.
import { Chalk } from 'chalk';
import type { CheckItem, CheckOptions, CheckResult, IndicatorCheck } from '../domain/check.js';
import type { Report } from '../domain/evaluate.js';
import type { Catalogue, Lang } from '../i18n/index.js';
import { warningText } from '../i18n/index.js';
import { formatCount, formatDate, formatPercent, formatShare } from './format.js';

const WORDS = {
  ru: {
    below: 'не хватает',
    people: 'чел.',
    stage: (n: number) => `этап ${n}`,
    allowed: '(условная цель: допускается)',
    checked: 'проверяется',
    upcoming: 'не проверяется, пока этап не наступил (или назовите его: --stage)',
    noStage: (stage: number) => `этапа ${stage} нет в дорожной карте — не проверяется`,
    scope: { region: 'итого по региону', all: 'все муниципалитеты, региональный уровень и итого' },
    stageChoice: (stage: CheckOptions['stage']) =>
      stage === 'in-force' ? 'этапы в силе' : `этап ${stage}`,
    passed: 'Проверка пройдена',
    failed: 'Проверка не пройдена',
    nothing: 'проверять нечего',
    counts: {
      failed: (n: number, of: number) => `не выполнено ${n} из ${of}`,
      passed: (n: number, of: number) => `выполнено ${n} из ${of}`,
      na: (n: number) => `н/д: ${n}`,
      allowed: (n: number) => `не выполнены условные цели: ${n}, допускается`,
      notChecked: (n: number) => `этап не наступил: ${n}`,
      noStage: (ids: string, stage: number) => `нет этапа ${stage}: ${ids}`,
    },
    context: (stage: string, scope: string, ids: string) => `Проверено: ${stage}, ${scope}, ${ids}`,
  },
  en: {
    below: '',
    people: 'more needed',
    stage: (n: number) => `stage ${n}`,
    allowed: '(conditional target: allowed)',
    checked: 'checked',
    upcoming: 'not checked until it is due (or name it: --stage)',
    noStage: (stage: number) => `the roadmap has no stage ${stage}, not checked`,
    scope: { region: 'region total', all: 'every municipality, the regional level and the total' },
    stageChoice: (stage: CheckOptions['stage']) =>
      stage === 'in-force' ? 'stages in force' : `stage ${stage}`,
    passed: 'Check passed',
    failed: 'Check failed',
    nothing: 'nothing to check',
    counts: {
      failed: (n: number, of: number) => `${n} of ${of} fail`,
      passed: (n: number, of: number) => `${n} of ${of} pass`,
      na: (n: number) => `${n} n/a`,
      allowed: (n: number) => `${n} conditional failures allowed`,
      notChecked: (n: number) => `${n} not yet due`,
      noStage: (ids: string, stage: number) => `no stage ${stage}: ${ids}`,
    },
    context: (stage: string, scope: string, ids: string) => `Checked: ${stage}, ${scope}, ${ids}`,
  },
} satisfies Record<Lang, unknown>;

/**
 * The share with enough decimals that a failure never reads as reaching its
 * target (74.98 % against 75 % prints as 74.98, not 75.0).
 */
export function shareText(share: number, target: number, decimals: number, t: Catalogue): string {
  let digits = decimals;
  while (digits < 6 && Number(share.toFixed(digits)) >= target && share < target) digits++;
  return formatShare(share, digits, t);
}

/** A baseline target keeps 4 decimals on screen (the JSON has it in full). */
function targetText(item: Pick<CheckItem, 'target' | 'conditional'>, t: Catalogue): string {
  return item.target === null
    ? '—'
    : `${formatPercent(Number(item.target.toFixed(4)), t)}${item.conditional ? '*' : ''}`;
}

function where(item: CheckItem, t: Catalogue): string {
  return item.municipality ?? t.report.regionTotal;
}

export function failureLine(item: CheckItem, t: Catalogue, lang: Lang): string {
  const w = WORDS[lang];
  const share =
    item.share === null ? t.status.na : `${shareText(item.share, item.target ?? 0, 1, t)} %`;
  const gap =
    lang === 'ru'
      ? `${w.below} ${formatCount(item.gap, lang)} ${w.people}`
      : `${formatCount(item.gap, lang)} ${w.people}`;
  const line = `${t.indicator[item.indicator].short} ${where(item, t)}: ${share} < ${targetText(item, t)} (${w.stage(item.stage)}), ${gap}`;
  return item.allowed ? `${line} ${w.allowed}` : line;
}

function naLine(item: CheckItem, t: Catalogue): string {
  const reason = item.reason ? t.naReason[item.reason] : '';
  return `${t.indicator[item.indicator].short} ${where(item, t)}: ${t.status.na} — ${reason}`;
}

export function summaryLine(
  result: CheckResult,
  options: CheckOptions,
  t: Catalogue,
  lang: Lang,
): string {
  const w = WORDS[lang];
  const s = result.summary;
  const parts: string[] = [];
  if (s.checked === 0) parts.push(w.nothing);
  if (s.failed > 0) parts.push(w.counts.failed(s.failed, s.checked));
  if (s.passed > 0 || (s.checked > 0 && s.failed === 0))
    parts.push(w.counts.passed(s.passed, s.checked));
  if (s.na > 0) parts.push(w.counts.na(s.na));
  if (s.allowed > 0) parts.push(w.counts.allowed(s.allowed));
  if (s.notChecked > 0) parts.push(w.counts.notChecked(s.notChecked));
  const short = (ids: readonly string[]) =>
    ids.map((id) => t.indicator[id as keyof Catalogue['indicator']].short).join(', ');
  const withoutStage = result.indicators.filter((c) => c.reason === 'no-stage');
  if (withoutStage.length > 0)
    parts.push(
      w.counts.noStage(short(withoutStage.map((c) => c.indicator)), Number(options.stage)),
    );
  const context = w.context(
    w.stageChoice(options.stage),
    w.scope[options.scope],
    short(options.indicators),
  );
  return `${result.exitCode === 0 ? w.passed : w.failed}: ${parts.join('; ')}. ${context}.`;
}

function stageLine(
  check: IndicatorCheck,
  item: CheckItem | undefined,
  stage: CheckOptions['stage'],
  t: Catalogue,
  lang: Lang,
): string {
  const w = WORDS[lang];
  const head = `${t.indicator[check.indicator].short} ${t.indicator[check.indicator].name}`;
  if (check.stage === null || check.due === null) return `${head}: ${w.noStage(Number(stage))}`;
  const target = item ? targetText(item, t) : '—';
  const text = t.report.stage(check.stage, target, formatDate(check.due, lang), check.inForce);
  return `${head}: ${text} — ${check.checked ? w.checked : w.upcoming}`;
}

export interface CheckTextOptions {
  lang: Lang;
  color: boolean;
  /** On a terminal or with --verbose: the stages checked and the n/a items too. */
  verbose: boolean;
}

export function checkText(
  report: Report,
  result: CheckResult,
  options: CheckOptions,
  t: Catalogue,
  text: CheckTextOptions,
): string {
  const chalk = new Chalk({ level: text.color ? 1 : 0 });
  const lines: string[] = [];
  if (text.verbose) {
    lines.push(chalk.bold(t.report.title(report.region, report.roadmap)));
    lines.push(
      t.report.asOf(
        formatDate(report.asOf, text.lang),
        report.week ? formatDate(report.week, text.lang) : null,
      ),
    );
    for (const check of result.indicators) {
      const total = result.items.find(
        (item) => item.indicator === check.indicator && item.level === 'total',
      );
      const line = stageLine(check, total, options.stage, t, text.lang);
      lines.push(check.checked ? line : chalk.dim(line));
    }
    lines.push('');
  }
  for (const item of result.items) {
    if (!item.checked || item.status !== 'fail') continue;
    const line = failureLine(item, t, text.lang);
    lines.push(item.allowed ? chalk.yellow(line) : chalk.red(line));
  }
  if (text.verbose) {
    for (const item of result.items)
      if (item.checked && item.status === 'na') lines.push(chalk.dim(naLine(item, t)));
    if (result.items.some((item) => item.checked && item.conditional))
      lines.push(chalk.dim(t.report.conditionalFootnote));
  }
  const summary = summaryLine(result, options, t, text.lang);
  lines.push(chalk.bold(result.exitCode === 0 ? chalk.green(summary) : chalk.red(summary)));
  return `${lines.join('\n')}\n`;
}

/** The JSON document: English keys, numbers as numbers, full precision. */
export function checkJson(
  report: Report,
  result: CheckResult,
  options: CheckOptions,
  t: Catalogue,
): string {
  const document = {
    region: report.region,
    roadmap: report.roadmap,
    asOf: report.asOf,
    week: report.week,
    options: {
      stage: options.stage,
      scope: options.scope,
      indicators: options.indicators,
      allowConditional: options.allowConditional,
    },
    indicators: Object.fromEntries(
      result.indicators.map(({ indicator, ...check }) => [indicator, check]),
    ),
    items: result.items,
    failures: result.failures,
    summary: result.summary,
    exitCode: result.exitCode,
    warnings: report.warnings.map((w) => ({
      ...w,
      message: warningText(t, { ...w, file: undefined, line: undefined }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
