// `compute --explain`: each indicator's formula with the actual numbers, so
// an official can audit a figure by hand.
import type { IndicatorResult } from '../domain/evaluate.js';
import { evaluateTerm, INDICATORS, type Term } from '../domain/indicators.js';
import type { MunicipalityData } from '../domain/organisations.js';
import type { IndicatorId } from '../domain/roadmap.js';
import type { Catalogue, Lang } from '../i18n/index.js';
import { formatCount, formatPercent, formatShare } from './format.js';

function termLine(term: Term, data: MunicipalityData, t: Catalogue, lang: Lang): string {
  const { value, rows } = evaluateTerm(term, data);
  const sign = term.sign < 0 ? '−' : '+';
  const types = term.types.map((type) => t.explain.types[type]).join(', ');
  const owners = term.includePrivate ? t.explain.withPrivate : t.explain.publicOnly;
  const amount = formatCount(Math.abs(value), lang).padStart(10);
  return `    ${sign} ${amount}  ${t.explain.roles[term.role]}: ${t.explain.fields[term.field]}; ${types}; ${owners}; ${t.explain.rows(rows)}`;
}

export function explainText(
  data: MunicipalityData,
  where: string,
  results: Record<IndicatorId, IndicatorResult>,
  t: Catalogue,
  lang: Lang,
): string {
  const out: string[] = [];
  for (const indicator of INDICATORS) {
    const r = results[indicator.id];
    out.push(
      t.explain.title(t.indicator[indicator.id].short, t.indicator[indicator.id].name, where),
    );
    out.push(`  ${t.explain.numerator} = ${formatCount(r.numerator, lang)}`);
    for (const term of indicator.numerator) out.push(termLine(term, data, t, lang));
    out.push(`  ${t.explain.denominator} = ${formatCount(r.denominator, lang)}`);
    for (const term of indicator.denominator) out.push(termLine(term, data, t, lang));
    if (indicator.id === '2') out.push(`  ${t.explain.parentsRule}`);
    const share =
      r.share === null ? t.naReason['no-denominator'] : `${formatShare(r.share, 4, t)} %`;
    out.push(
      `  ${t.explain.share} = ${formatCount(r.numerator, lang)} / ${formatCount(r.denominator, lang)} = ${share}`,
    );
    const target = r.target === null ? t.naReason['no-baseline'] : formatPercent(r.target, t);
    out.push(
      `  ${t.explain.verdict(target, r.stage, t.status[r.status])}${r.status === 'fail' ? ` (${formatCount(r.gap, lang)})` : ''}`,
    );
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
