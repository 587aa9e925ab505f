// `compute --explain`: each indicator's formula with the actual numbers, so
// an official can audit a figure by hand.
import type { IndicatorResult, Report } from '../domain/evaluate.js';
import { evaluateTerm, INDICATORS, type Term } from '../domain/indicators.js';
import type { MunicipalityData } from '../domain/organisations.js';
import type { IndicatorId } from '../domain/roadmap.js';
import type { Catalogue, Lang } from '../i18n/index.js';
import { formatCount, formatDate, formatPercent, formatShare } from './format.js';

function termLine(term: Term, data: MunicipalityData, t: Catalogue, lang: Lang): string {
  const { value, rows } = evaluateTerm(term, data);
  const sign = term.sign < 0 ? '−' : '+';
  const types = term.types.map((type) => t.explain.types[type]).join(', ');
  const owners = term.includePrivate ? t.explain.withPrivate : t.explain.publicOnly;
  const amount = formatCount(Math.abs(value), lang).padStart(10);
  return `    ${sign} ${amount}  ${t.explain.roles[term.role]}: ${t.explain.fields[term.field]}; ${types}; ${owners}; ${t.explain.rows(rows)}`;
}

/** The target as applied to this row: own baseline, conditional, or not given. */
function targetLine(r: IndicatorResult, id: IndicatorId, report: Report, t: Catalogue): string {
  if (r.target === null) return `${t.report.baselineTarget} — ${t.naReason['no-baseline']}`;
  const regionTarget = report.rows[report.rows.length - 1]?.indicators[id].target ?? null;
  const own = report.stages[id].target === 'baseline' && r.target !== regionTarget;
  return `${formatPercent(r.target, t)}${r.conditional ? '*' : ''}${own ? ` (${t.explain.ownBaseline})` : ''}`;
}

export function explainText(
  data: MunicipalityData,
  where: string,
  results: Record<IndicatorId, IndicatorResult>,
  t: Catalogue,
  lang: Lang,
  report: Report,
): string {
  const out: string[] = [];
  const count = (n: number) => formatCount(n, lang);
  for (const indicator of INDICATORS) {
    const r = results[indicator.id];
    out.push(
      t.explain.title(t.indicator[indicator.id].short, t.indicator[indicator.id].name, where),
    );
    out.push(`  ${t.explain.numerator} = ${count(r.numerator)}`);
    for (const term of indicator.numerator) out.push(termLine(term, data, t, lang));
    out.push(`  ${t.explain.denominator} = ${count(r.denominator)}`);
    for (const term of indicator.denominator) out.push(termLine(term, data, t, lang));
    if (indicator.id === '2') out.push(`  ${t.explain.parentsRule}`);
    const share =
      r.share === null ? t.naReason['no-denominator'] : `${formatShare(r.share, 4, t)} %`;
    out.push(`  ${t.explain.share} = ${count(r.numerator)} / ${count(r.denominator)} = ${share}`);
    const status =
      r.status === 'na' && r.reason
        ? `${t.status.na}: ${t.naReason[r.reason]}`
        : t.status[r.status];
    const upcoming = r.inForce
      ? ''
      : ` (${t.explain.upcoming(formatDate(report.stages[indicator.id].due, lang))})`;
    out.push(
      `  ${t.explain.verdict(targetLine(r, indicator.id, report, t), r.stage, status)}${upcoming}`,
    );
    if (r.status === 'fail' && r.target !== null) {
      // The gap as SPEC 2.3 defines it: ceil(target / 100 × denominator) − numerator.
      const needed = r.numerator + r.gap;
      out.push(
        `  ${t.explain.gap} = ⌈${formatPercent(r.target, t)} × ${count(r.denominator)}⌉ − ${count(r.numerator)} = ${count(needed)} − ${count(r.numerator)} = ${count(r.gap)}`,
      );
    }
    if (r.conditional) out.push(`  ${t.report.conditionalFootnote}`);
    out.push('');
  }
  return out.join('\n');
}

/** The whole region as one municipality: every cell of every municipality. */
export function mergeData(all: MunicipalityData[], name: string): MunicipalityData {
  return {
    municipality: { name, level: 'regional' },
    monitoring: all.flatMap((d) => d.monitoring),
    headcounts: all.flatMap((d) => d.headcounts),
  };
}
