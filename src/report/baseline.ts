// What `baseline` prints and writes: the maxima with their weeks, the weekly
// region-wide values they were taken from, and the file `compute --baseline`
// and `check --baseline` read.
import { Chalk } from 'chalk';
import {
  BASELINE_INDICATORS,
  type BaselineMaxima,
  type BaselineMaximum,
  type BaselineResult,
} from '../domain/baseline.js';
import { compareNames } from '../domain/names.js';
import type { Catalogue, Lang } from '../i18n/index.js';
import { drawTable } from './cli-table.js';
import { formatCount, formatDate, formatShare } from './format.js';

const WORDS = {
  ru: {
    title: (from: string, to: string, weeks: number) =>
      `Базовые значения: максимум по региону за ${from} – ${to} (недель: ${weeks})`,
    maximum: (share: string, fraction: string, week: string) =>
      `${share} % (${fraction}), неделя по ${week}`,
    none: 'нет недели со знаменателем больше 0',
    week: 'Неделя',
    marker: '▲ — максимум за период.',
    outside: (weeks: string) => `Вне периода, не учтены: ${weeks}.`,
    byMunicipality: 'Собственные максимумы муниципалитетов',
    weekOf: 'неделя',
    written: (file: string) => `Записано в ${file}.`,
  },
  en: {
    title: (from: string, to: string, weeks: number) =>
      `Baselines: the region's maximum over ${from} – ${to} (${weeks} weeks)`,
    maximum: (share: string, fraction: string, week: string) =>
      `${share} % (${fraction}), week ending ${week}`,
    none: 'no week with a denominator above 0',
    week: 'Week',
    marker: '▲ the maximum of the period.',
    outside: (weeks: string) => `Outside the period, left out: ${weeks}.`,
    byMunicipality: "Municipalities' own maxima",
    weekOf: 'week',
    written: (file: string) => `Written to ${file}.`,
  },
} satisfies Record<Lang, unknown>;

/** The file `compute --baseline` reads (src/input/baseline.ts): numbers as numbers, full precision. */
export function baselineFile(result: BaselineResult): Record<string, unknown> {
  return {
    from: result.from,
    to: result.to,
    indicators: result.indicators,
    ...(result.byMunicipality ? { byMunicipality: result.byMunicipality } : {}),
  };
}

/** The file, plus the weekly region-wide values and the weeks left out. */
export function baselineJson(result: BaselineResult): string {
  const document = {
    ...baselineFile(result),
    weeks: result.weeks.map(({ week, indicators }) => ({ week, ...indicators })),
    outside: result.outside,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function maximumText(max: BaselineMaximum | undefined, t: Catalogue, lang: Lang): string {
  const w = WORDS[lang];
  if (!max) return w.none;
  const fraction = `${formatCount(max.numerator, lang)} / ${formatCount(max.denominator, lang)}`;
  return w.maximum(formatShare(max.value, 4, t), fraction, formatDate(max.week, lang));
}

export function baselineTable(
  result: BaselineResult,
  t: Catalogue,
  options: { lang: Lang; color: boolean },
): string {
  const { lang } = options;
  const w = WORDS[lang];
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(
    chalk.bold(
      w.title(formatDate(result.from, lang), formatDate(result.to, lang), result.weeks.length),
    ),
  );
  for (const id of BASELINE_INDICATORS) {
    lines.push(
      `${t.indicator[id].short} ${t.indicator[id].name}: ${maximumText(result.indicators[id], t, lang)}`,
    );
  }
  lines.push('');

  lines.push(
    drawTable({
      head: [w.week, ...BASELINE_INDICATORS.map((id) => `${t.indicator[id].short}, %`)].map((h) =>
        chalk.bold(h),
      ),
      rows: result.weeks.map(({ week, indicators }) => [
        formatDate(week, lang),
        ...BASELINE_INDICATORS.map((id) => {
          const share = indicators[id].share;
          if (share === null) return t.status.na;
          const isMax = result.indicators[id]?.week === week;
          const text = formatShare(share, 2, t);
          return isMax ? chalk.bold(`${text} ▲`) : text;
        }),
      ]),
      colAligns: ['left', 'right', 'right'],
    }),
  );
  lines.push(chalk.dim(w.marker));
  if (result.outside.length > 0)
    lines.push(w.outside(result.outside.map((week) => formatDate(week, lang)).join(', ')));

  if (result.byMunicipality) {
    lines.push('', chalk.bold(w.byMunicipality));
    const names = Object.keys(result.byMunicipality).sort((a, b) => {
      const regional = (name: string) => (result.levels?.[name] === 'regional' ? 1 : 0);
      return regional(a) - regional(b) || compareNames(a, b);
    });
    const byMunicipality = result.byMunicipality;
    lines.push(
      drawTable({
        head: [
          t.report.municipality,
          ...BASELINE_INDICATORS.flatMap((id) => [`${t.indicator[id].short}, %`, w.weekOf]),
        ].map((h) => chalk.bold(h)),
        rows: names.map((name) => {
          const maxima: BaselineMaxima = byMunicipality[name] ?? {};
          return [
            name,
            ...BASELINE_INDICATORS.flatMap((id) => {
              const max = maxima[id];
              return max
                ? [formatShare(max.value, 4, t), formatDate(max.week, lang)]
                : [t.status.na, ''];
            }),
          ];
        }),
        colAligns: ['left', 'right', 'left', 'right', 'left'],
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writtenLine(file: string, lang: Lang): string {
  return WORDS[lang].written(file);
}
