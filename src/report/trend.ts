// What `trend` prints: per indicator a table of municipalities with a
// sparkline of the weekly shares, the latest share and its change, the pace
// and when the target is reached; a long CSV (one row per municipality ×
// indicator × week) for spreadsheets and charts; JSON for scripts.
import { Chalk } from 'chalk';
import type { IndicatorId } from '../domain/roadmap.js';
import type { Projection, Trend, TrendIndicator, TrendRow } from '../domain/trend.js';
import { type Catalogue, type Lang, warningText } from '../i18n/index.js';
import type { Warning } from '../warnings.js';
import { drawTable } from './cli-table.js';
import { csvParts } from './csv.js';
import { formatCount, formatDate, formatPercent, formatShare } from './format.js';
import { jsonParts } from './json.js';
import type { RenderOptions } from './options.js';

const WORDS = {
  ru: {
    target: (stage: number, target: string, due: string) =>
      `цель этапа ${stage}: ${target} к ${due}`,
    noTarget: (stage: number, due: string) =>
      `цель этапа ${stage} к ${due} — базовое значение 2024/25 не задано, прогноза нет`,
    trend: 'Динамика',
    share: 'Доля, %',
    change: 'Изм.',
    pace: 'Темп/нед.',
    reaches: 'Цель будет',
    onTrack: 'В срок',
    met: 'достигнута',
    notRising: 'не растёт',
    week: 'Неделя',
    indicator: 'Индикатор',
    footnote: (from: string, to: string, weeks: number, window: number) =>
      `Динамика — доли за недели с ${from} по ${to} (недель: ${weeks}), столбики от наименьшей до наибольшей доли таблицы. ` +
      `Изм. — изменение доли за последнюю неделю, п.п.; темп — наклон прямой по последним ${window} неделям, п.п. в неделю; ` +
      '«Цель будет» — когда доля достигнет цели при этом темпе; «В срок» — не позже срока этапа.',
    ownTarget: '° Муниципалитет сравнивается со своим базовым значением.',
  },
  en: {
    target: (stage: number, target: string, due: string) =>
      `stage ${stage} target: ${target} by ${due}`,
    noTarget: (stage: number, due: string) =>
      `stage ${stage} target by ${due} — no 2024/25 baseline given, no projection`,
    trend: 'Trend',
    share: 'Share, %',
    change: 'Change',
    pace: 'Pace/wk',
    reaches: 'Target met',
    onTrack: 'On time',
    met: 'met',
    notRising: 'not rising',
    week: 'week',
    indicator: 'indicator',
    footnote: (from: string, to: string, weeks: number, window: number) =>
      `Trend: the shares of the weeks ${from} to ${to} (${weeks} weeks), bars from the lowest to the highest share of the table. ` +
      `Change: since the previous week, percentage points; pace: the slope of a straight line over the last ${window} weeks, points per week; ` +
      '"Target met": when the share gets there at that pace; "On time": by the due date of the stage.',
    ownTarget: '° The municipality is held to its own baseline.',
  },
} satisfies Record<Lang, unknown>;

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per week, scaled between the table's lowest and highest share; a gap for no share. */
export function sparkline(shares: readonly (number | null)[], low: number, high: number): string {
  return shares
    .map((share) => {
      if (share === null) return ' ';
      if (high <= low) return BARS[3];
      const level = Math.round(((share - low) / (high - low)) * (BARS.length - 1));
      return BARS[Math.max(0, Math.min(BARS.length - 1, level))];
    })
    .join('');
}

function signed(value: number, decimals: number, t: Catalogue): string {
  const text = formatShare(Math.abs(value), decimals, t);
  if (Number(text.replace(',', '.')) === 0) return formatShare(0, decimals, t);
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** Already met, the projected date, "not rising", or a dash when it cannot be told. */
function reachesText(p: Projection, latestWeek: string | undefined, lang: Lang): string {
  const w = WORDS[lang];
  if (p.target === null) return '—';
  if (p.onTrack === true && p.reachesOn === latestWeek) return w.met;
  if (p.reachesOn !== null) return formatDate(p.reachesOn, lang);
  return p.onTrack === false ? w.notRising : '—';
}

function rowName(row: TrendRow, t: Catalogue): string {
  return row.municipality ?? t.report.regionTotal;
}

function indicatorTable(
  trend: Trend,
  id: IndicatorId,
  t: Catalogue,
  options: RenderOptions,
): string[] {
  const w = WORDS[options.lang];
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const total = trend.rows.find((row) => row.level === 'total');
  const reference = total?.indicators[id].projection;
  const lines: string[] = [];
  const title = `${t.indicator[id].short} ${t.indicator[id].name}`;
  if (reference) {
    const due = formatDate(reference.due, options.lang);
    const target =
      reference.target === null
        ? w.noTarget(reference.stage, due)
        : w.target(
            reference.stage,
            `${formatPercent(Number(reference.target.toFixed(4)), t)}${reference.conditional ? '*' : ''}`,
            due,
          );
    lines.push(chalk.bold(`${title} — ${target}`));
  } else {
    lines.push(chalk.bold(title));
  }

  // The lowest and highest share of the table (0 and 0 when none is known).
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of trend.rows) {
    for (const { share } of row.indicators[id].series) {
      if (share === null) continue;
      low = Math.min(low, share);
      high = Math.max(high, share);
    }
  }
  if (low > high) {
    low = 0;
    high = 0;
  }

  const names = trend.rows.map((row) => rowName(row, t));
  const cells = trend.rows.map((row) => rowCells(row.indicators[id], reference, t, options));
  const head = [t.report.municipality, w.trend, w.share, w.change, w.pace, w.reaches, w.onTrack];
  const fixed = [2, 3, 4, 5, 6].map(
    (i) => Math.max(head[i]?.length ?? 0, ...cells.map((c) => c[i - 2]?.length ?? 0)) + 2,
  );
  const fixedWidth = fixed.reduce((a, b) => a + b, 0) + head.length + 1;
  const nameWidth = Math.max(12, ...names.map((n) => n.length + 2));
  // The sparkline takes the room a name column of up to 26 leaves (at most 26
  // weeks, the latest); a longer name column takes what is left after that.
  const sparkRoom = options.width - fixedWidth - Math.min(nameWidth, 26) - 2;
  const sparkWeeks = Math.max(1, Math.min(trend.weeks.length, 26, sparkRoom));
  const sparkWidth = Math.max(sparkWeeks, w.trend.length) + 2;
  const nameColumn = Math.max(12, Math.min(nameWidth, options.width - fixedWidth - sparkWidth));

  const rows = trend.rows.map((row, index) => {
    const indicator = row.indicators[id];
    const spark = sparkline(
      indicator.series.last(sparkWeeks).map((p) => p.share),
      low,
      high,
    );
    const [share = '', change = '', pace = '', reaches = '', onTrack = ''] = cells[index] ?? [];
    const p = indicator.projection;
    const mark =
      p.onTrack === true
        ? chalk.green(onTrack)
        : p.onTrack === false
          ? chalk.red(onTrack)
          : onTrack;
    const name = names[index] ?? '';
    return [
      row.level === 'municipality' ? name : chalk.bold(name),
      spark,
      share,
      change,
      pace,
      reaches,
      mark,
    ];
  });
  lines.push(
    drawTable({
      head: head.map((h) => chalk.bold(h)),
      rows,
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'center'],
      colWidths: [nameColumn, sparkWidth, ...fixed],
    }),
  );
  return lines;
}

function rowCells(
  indicator: TrendIndicator,
  reference: Projection | undefined,
  t: Catalogue,
  options: RenderOptions,
): string[] {
  const { series, projection: p } = indicator;
  const latest = series.at(-1);
  const previous = series.at(-2);
  let share = latest?.share == null ? t.status.na : formatShare(latest.share, options.decimals, t);
  if (options.wide && latest)
    share = `${formatCount(latest.numerator, options.lang)}/${formatCount(latest.denominator, options.lang)} ${share}`;
  const change =
    latest?.share == null || previous?.share == null
      ? ''
      : signed(latest.share - previous.share, options.decimals, t);
  const pace = p.slopePerWeek === null ? '' : signed(p.slopePerWeek, options.decimals, t);
  const own = p.target !== null && reference?.target !== null && p.target !== reference?.target;
  const reaches = `${reachesText(p, latest?.week, options.lang)}${own ? '°' : ''}`;
  const onTrack = p.onTrack === true ? '✓' : p.onTrack === false ? '✗' : '';
  return [share, change, pace, reaches, onTrack];
}

export function trendTable(
  trend: Trend,
  indicators: readonly IndicatorId[],
  region: string,
  roadmap: string,
  t: Catalogue,
  options: RenderOptions,
): string {
  const w = WORDS[options.lang];
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [chalk.bold(t.report.title(region, roadmap))];
  lines.push(t.report.asOf(formatDate(trend.asOf, options.lang), null), '');
  for (const id of indicators) lines.push(...indicatorTable(trend, id, t, options), '');
  const first = trend.weeks[0] ?? '';
  const last = trend.weeks[trend.weeks.length - 1] ?? '';
  const footnotes = [
    w.footnote(
      formatDate(first, options.lang),
      formatDate(last, options.lang),
      trend.weeks.length,
      trend.window,
    ),
  ];
  if (lines.some((line) => line.includes('°'))) footnotes.push(w.ownTarget);
  if (indicators.some((id) => trend.rows.some((row) => row.indicators[id].projection.conditional)))
    footnotes.push(t.report.conditionalFootnote);
  lines.push(...footnotes.map((f) => chalk.dim(f)));
  return `${lines.join('\n')}\n`;
}

/** Long CSV: one row per municipality × indicator × week, written a municipality at a time. */
export function trendCsv(
  trend: Trend,
  indicators: readonly IndicatorId[],
  t: Catalogue,
  options: Pick<RenderOptions, 'excel' | 'decimals' | 'lang'>,
): Iterable<string> {
  const w = WORDS[options.lang];
  const header = [
    t.csv.municipality,
    t.csv.level,
    w.indicator,
    w.week,
    t.csv.numerator,
    t.csv.denominator,
    t.csv.share,
  ];
  const factor = 10 ** options.decimals;
  function* blocks(): Generator<(string | number | null)[][]> {
    yield [header];
    for (const row of trend.rows) {
      const rows: (string | number | null)[][] = [];
      for (const id of indicators) {
        for (const point of row.indicators[id].series) {
          rows.push([
            rowName(row, t),
            t.csv.levels[row.level],
            Number(id),
            point.week,
            point.numerator,
            point.denominator,
            point.share === null ? null : Math.round(point.share * factor) / factor,
          ]);
        }
      }
      yield rows;
    }
  }
  return csvParts(blocks(), options);
}

export function trendJson(
  trend: Trend,
  indicators: readonly IndicatorId[],
  meta: { region: string; roadmap: string; warnings: readonly Warning[] },
  t: Catalogue,
): Iterable<string> {
  const document = {
    region: meta.region,
    roadmap: meta.roadmap,
    asOf: trend.asOf,
    window: trend.window,
    weeks: trend.weeks,
    rows: trend.rows.map((row) => ({
      municipality: row.municipality,
      level: row.level,
      indicators: Object.fromEntries(indicators.map((id) => [id, row.indicators[id]])),
    })),
    warnings: meta.warnings.map((w) => ({
      ...w,
      message: warningText(t, { ...w, file: undefined, line: undefined }),
    })),
  };
  return jsonParts(document, 'rows');
}
