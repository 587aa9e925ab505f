// The on-screen report: a header naming the region, the dates and the stage
// of each indicator, one row per municipality, footnotes. Failing cells are
// red on a TTY and carry ✗ and the gap in people everywhere.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { IndicatorResult, Report, ReportRow } from '../domain/evaluate.js';
import { INDICATOR_IDS, type IndicatorId } from '../domain/roadmap.js';
import type { Catalogue } from '../i18n/index.js';
import { formatCount, formatDate, formatPercent, formatShare } from './format.js';
import type { RenderOptions } from './options.js';

function stageTarget(report: Report, id: IndicatorId, t: Catalogue): string {
  const info = report.stages[id];
  if (info.target === 'baseline') {
    const region = report.rows[report.rows.length - 1]?.indicators[id].target;
    return region === null || region === undefined
      ? `${t.report.baselineTarget}†`
      : formatPercent(region, t);
  }
  return `${formatPercent(info.target, t)}${info.conditional ? '*' : ''}`;
}

function cellText(
  r: IndicatorResult,
  headerTarget: number | null,
  options: RenderOptions,
  t: Catalogue,
): string {
  const mark = r.status === 'pass' ? '✓' : r.status === 'fail' ? '✗' : '';
  const ownTarget =
    r.target !== null && headerTarget !== null && r.target !== headerTarget ? '°' : '';
  let text =
    r.share === null
      ? t.status.na
      : `${formatShare(r.share, options.decimals, t)}${ownTarget} ${mark}`;
  if (r.status === 'na' && r.share !== null)
    text = `${formatShare(r.share, options.decimals, t)} ${t.status.na}`;
  if (r.status === 'fail') text += ` ${formatCount(r.gap, options.lang)}`;
  if (options.wide)
    text = `${formatCount(r.numerator, options.lang)}/${formatCount(r.denominator, options.lang)} ${text}`;
  return text.trim();
}

export function reportTable(report: Report, t: Catalogue, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(chalk.bold(t.report.title(report.region, report.roadmap)));
  lines.push(
    t.report.asOf(
      formatDate(report.asOf, options.lang),
      report.week ? formatDate(report.week, options.lang) : null,
    ),
  );
  const total = report.rows[report.rows.length - 1];
  for (const id of INDICATOR_IDS) {
    const info = report.stages[id];
    const stage = t.report.stage(
      info.stage,
      stageTarget(report, id, t),
      formatDate(info.due, options.lang),
      info.inForce,
    );
    lines.push(
      `${t.indicator[id].short} ${t.indicator[id].name}: ${info.inForce ? stage : chalk.dim(stage)}`,
    );
  }
  lines.push('');

  const head = [
    t.report.municipality,
    ...INDICATOR_IDS.map((id) => `${t.indicator[id].short} ≥${stageTarget(report, id, t)}`),
  ];
  const name = (row: ReportRow) => row.municipality ?? t.report.regionTotal;
  const body = report.rows.map((row) =>
    INDICATOR_IDS.map((id) =>
      cellText(row.indicators[id], total?.indicators[id].target ?? null, options, t),
    ),
  );
  // Fit the terminal: the name column gives way first, shortened with "…".
  const cellWidths = INDICATOR_IDS.map(
    (_, i) => Math.max(head[i + 1]?.length ?? 0, ...body.map((cells) => cells[i]?.length ?? 0)) + 2,
  );
  const nameWidth =
    Math.max(...report.rows.map((r) => name(r).length), t.report.municipality.length) + 2;
  const room = options.width - cellWidths.reduce((a, b) => a + b, 0) - INDICATOR_IDS.length - 2;
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    colWidths: [Math.max(12, Math.min(nameWidth, room)), ...cellWidths],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  report.rows.forEach((row, index) => {
    const cells = body[index] ?? [];
    const styled = INDICATOR_IDS.map((id, i) => {
      const text = cells[i] ?? '';
      const status = row.indicators[id].status;
      return status === 'fail'
        ? chalk.red(text)
        : status === 'pass'
          ? chalk.green(text)
          : chalk.dim(text);
    });
    const label = row.level === 'municipality' ? name(row) : chalk.bold(name(row));
    table.push([label, ...styled]);
  });
  lines.push(table.toString());

  const footnotes: string[] = [t.report.gapFootnote];
  if (INDICATOR_IDS.some((id) => report.stages[id].conditional))
    footnotes.push(t.report.conditionalFootnote);
  if (
    INDICATOR_IDS.some(
      (id) => report.stages[id].target === 'baseline' && total?.indicators[id].target === null,
    )
  ) {
    footnotes.push(t.report.baselineFootnote);
  }
  if (body.some((cells) => cells.some((c) => c.includes('°'))))
    footnotes.push(t.report.ownBaselineFootnote);
  if (INDICATOR_IDS.some((id) => !report.stages[id].inForce))
    footnotes.push(t.report.upcomingFootnote);
  lines.push(...footnotes.map((f) => chalk.dim(f)));
  return `${lines.join('\n')}\n`;
}
