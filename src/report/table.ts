// The on-screen report: a header naming the region, the dates and the stage
// of each indicator, one row per municipality, footnotes. Failing cells are
// red on a TTY and carry ✗ and the gap in people everywhere. The table is
// laid out to fit the terminal: names are abbreviated ("к." for "кожуун")
// before they are cut, and `--wide` puts numerator/denominator on a second
// line of each cell when one line does not fit.
import { Chalk, type ChalkInstance } from 'chalk';
import type { IndicatorResult, Report } from '../domain/evaluate.js';
import { INDICATOR_IDS, type IndicatorId } from '../domain/roadmap.js';
import type { Catalogue } from '../i18n/index.js';
import { drawTable } from './cli-table.js';
import { formatCount, formatDate, formatPercent, formatShare } from './format.js';
import type { RenderOptions } from './options.js';

/** Marks a cell can carry; each used one gets its footnote. */
const MARK = {
  conditional: '*',
  noBaseline: '†',
  noDenominator: '⁰',
  ownBaseline: '°',
  upcoming: '»',
} as const;

/** Generic words of municipality names and their abbreviations. */
const GENERIC_WORDS: { pattern: RegExp; short: string; word: string }[] = [
  { pattern: /(^|\s)муниципальный район(?=\s|$)/iu, short: 'м. р-н', word: 'муниципальный район' },
  { pattern: /(^|\s)муниципальный округ(?=\s|$)/iu, short: 'м. о.', word: 'муниципальный округ' },
  { pattern: /(^|\s)городской округ(?=\s|$)/iu, short: 'г. о.', word: 'городской округ' },
  { pattern: /(^|\s)кожуун(?=\s|$)/iu, short: 'к.', word: 'кожуун' },
  { pattern: /(^|\s)район(?=\s|$)/iu, short: 'р-н', word: 'район' },
  { pattern: /(^|\s)город(?=\s|$)/iu, short: 'г.', word: 'город' },
];

const SURROGATE = /[\uD800-\uDFFF]/;

/** Columns a text takes on a terminal (every character the report uses is one column wide). */
function width(text: string): number {
  if (!text.includes('\n')) return SURROGATE.test(text) ? [...text].length : text.length;
  let widest = 0;
  for (const line of text.split('\n')) {
    // Characters, not UTF-16 units: a character beyond the BMP is two units.
    widest = Math.max(widest, SURROGATE.test(line) ? [...line].length : line.length);
  }
  return widest;
}

function cut(text: string, room: number): string {
  const chars = [...text];
  return chars.length <= room ? text : `${chars.slice(0, Math.max(1, room - 1)).join('')}…`;
}

/** Words wrapped to a width, continuation lines indented. */
function wrap(text: string, room: number, indent = '   '): string[] {
  const lines: string[] = [];
  let line = '';
  // "75 %" stays on one line.
  for (const word of text.split(/ (?!%)/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (width(candidate) <= room || line.trim() === '') line = candidate;
    else {
      lines.push(line);
      line = `${indent}${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

type NameStyle = 'full' | 'abbreviated' | 'short';

/** A municipality name in a style; "г." stays, since it tells a city from a kozhuun. */
function styleName(name: string, style: NameStyle, used: Set<string>): string {
  if (style === 'full') return name;
  let out = name;
  for (const { pattern, short, word } of GENERIC_WORDS) {
    if (!pattern.test(out)) continue;
    const keep = style === 'abbreviated' || short === 'г.';
    out = out.replace(pattern, keep ? `$1${short}` : '$1');
    if (keep && short !== 'г.') used.add(`${short} — ${word}`);
  }
  return out.replace(/\s+/g, ' ').trim() || name;
}

interface Layout {
  names: string[];
  cells: string[][];
  head: string[];
  abbreviations: Set<string>;
}

/** Columns the table takes besides the names: each column has a space either side, plus borders. */
function widthBesideNames(layout: Layout): number {
  let sum = width(layout.head[0] ?? '') > 0 ? 2 : 0;
  for (let i = 1; i < layout.head.length; i++) {
    let widest = width(layout.head[i] ?? '');
    for (const cells of layout.cells) widest = Math.max(widest, width(cells[i - 1] ?? ''));
    sum += widest + 2;
  }
  return sum + layout.head.length + 1;
}

/** A name over two lines, broken at a space or after a hyphen, if both lines fit. */
function twoLines(name: string, room: number): string | undefined {
  if (width(name) <= room) return name;
  let best: string | undefined;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let i = 1; i < name.length; i++) {
    const breakAfter = name[i - 1] === '-' ? i : name[i] === ' ' ? i : -1;
    if (breakAfter < 0) continue;
    const first = name.slice(0, breakAfter).trimEnd();
    const second = name.slice(breakAfter).trimStart();
    const widest = Math.max(width(first), width(second));
    if (widest <= room && widest < bestWidth) {
      best = `${first}\n${second}`;
      bestWidth = widest;
    }
  }
  return best;
}

function targetText(report: Report, id: IndicatorId, t: Catalogue, forColumn: boolean): string {
  const info = report.stages[id];
  const total = report.rows[report.rows.length - 1]?.indicators[id];
  let text: string;
  if (info.target === 'baseline') {
    const value = total?.target;
    if (value === null || value === undefined) {
      text = `${forColumn ? t.report.baselineColumn : t.report.baselineTarget}${MARK.noBaseline}`;
    } else {
      text = forColumn
        ? formatPercent(value, t)
        : `${formatPercent(value, t)} (${t.report.baselineTarget})`;
    }
  } else {
    text = formatPercent(info.target, t);
  }
  if (info.conditional) text += MARK.conditional;
  return text;
}

/** The share and verdict of a cell. */
function verdictText(
  r: IndicatorResult,
  own: boolean,
  options: RenderOptions,
  t: Catalogue,
): string {
  const share = r.share === null ? '' : formatShare(r.share, options.decimals, t);
  let verdict: string;
  if (r.status === 'na') {
    const mark = r.reason === 'no-denominator' ? MARK.noDenominator : MARK.noBaseline;
    verdict = `${share} ${t.status.na}${mark}`.trim();
  } else {
    const ownMark = own ? MARK.ownBaseline : '';
    verdict =
      r.status === 'pass'
        ? `${share}${ownMark} ✓`
        : `${share}${ownMark} ✗ ${formatCount(r.gap, options.lang)}`;
  }
  return verdict;
}

/** The numerator and denominator of a cell, for --wide. */
function countsText(r: IndicatorResult, options: RenderOptions): string {
  return `${formatCount(r.numerator, options.lang)}/${formatCount(r.denominator, options.lang)}`;
}

type CountsPlace = 'none' | 'inline' | 'below';

/** The indicator cells of every row, with the counts where `counts` puts them. */
function cellsOf(
  report: Report,
  t: Catalogue,
  options: RenderOptions,
  counts: CountsPlace,
): string[][] {
  const total = report.rows[report.rows.length - 1];
  return report.rows.map((row) =>
    INDICATOR_IDS.map((id) => {
      const r = row.indicators[id];
      // Held to its own baseline: a baseline target other than the region-wide one.
      const own =
        report.stages[id].target === 'baseline' &&
        r.target !== null &&
        r.target !== (total?.indicators[id].target ?? null);
      const verdict = verdictText(r, own, options, t);
      if (counts === 'inline') return `${countsText(r, options)} ${verdict}`;
      if (counts === 'below') return `${verdict}\n${countsText(r, options)}`;
      return verdict;
    }),
  );
}

function layoutOf(
  report: Report,
  t: Catalogue,
  style: NameStyle,
  cells: string[][],
): Layout | undefined {
  const abbreviations = new Set<string>();
  const names = report.rows.map((row) =>
    row.level === 'total'
      ? t.report.regionTotal
      : styleName(row.municipality ?? '', style, abbreviations),
  );
  // Two municipalities must never look alike after abbreviation.
  if (new Set(names).size !== names.length) return undefined;
  const head = [
    t.report.municipality,
    ...INDICATOR_IDS.map((id) => {
      const upcoming = report.stages[id].inForce ? '' : MARK.upcoming;
      return `${t.indicator[id].short} ≥${targetText(report, id, t, true)}${upcoming}`;
    }),
  ];
  return { names, cells, head, abbreviations };
}

/**
 * The first layout that fits the width, by preference: full names, then
 * abbreviated, then without the generic words; with --wide the counts on the
 * share's line, then below it (where a name may take two lines too). When
 * nothing fits, names are cut.
 */
function chooseLayout(report: Report, t: Catalogue, options: RenderOptions): Layout {
  const styles = ['full', 'abbreviated', 'short'] as const;
  const attempts: { counts: CountsPlace; wrapNames: boolean }[] = options.wide
    ? [
        { counts: 'inline', wrapNames: false },
        { counts: 'below', wrapNames: false },
        { counts: 'below', wrapNames: true },
      ]
    : [{ counts: 'none', wrapNames: false }];
  let last: Layout | undefined;
  for (const { counts, wrapNames } of attempts) {
    // The cells do not depend on how names are written.
    const cells = cellsOf(report, t, options, counts);
    for (const style of styles) {
      const layout = layoutOf(report, t, style, cells);
      if (!layout) continue;
      last = layout;
      const room = options.width - widthBesideNames(layout);
      const names = wrapNames ? layout.names.map((n) => twoLines(n, room)) : layout.names;
      const head = layout.head[0] ?? '';
      if (width(head) <= room && names.every((n) => n !== undefined && width(n) <= room)) {
        return { ...layout, names: names as string[] };
      }
    }
  }
  if (!last) throw new Error('no table layout');
  const room = Math.max(10, options.width - widthBesideNames(last));
  return {
    ...last,
    names: last.names.map((n) => cut(n, room)),
    head: [cut(last.head[0] ?? '', room), ...last.head.slice(1)],
  };
}

function paint(chalk: ChalkInstance, r: IndicatorResult, text: string): string {
  if (r.status === 'fail') return chalk.red(text);
  if (r.status === 'pass') return chalk.green(text);
  return chalk.dim(text);
}

export function reportTable(report: Report, t: Catalogue, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const room = options.width;
  const lines: string[] = [];
  lines.push(chalk.bold(t.report.title(report.region, report.roadmap)));
  lines.push(
    ...wrap(
      t.report.asOf(
        formatDate(report.asOf, options.lang),
        report.week ? formatDate(report.week, options.lang) : null,
      ),
      room,
    ),
  );
  for (const id of INDICATOR_IDS) {
    const info = report.stages[id];
    const stage = t.report.stage(
      info.stage,
      targetText(report, id, t, false),
      formatDate(info.due, options.lang),
      info.inForce,
    );
    const name = `${t.indicator[id].short} ${t.indicator[id].name}`;
    // One line when it fits, else the stage on a line of its own under the name.
    const text =
      width(`${name}: ${stage}`) <= room
        ? wrap(`${name}: ${stage}`, room)
        : [...wrap(name, room), ...wrap(stage, room - 3).map((l) => `   ${l}`)];
    for (const line of text) lines.push(info.inForce ? line : chalk.dim(line));
  }
  lines.push('');

  const layout = chooseLayout(report, t, options);
  const rows = report.rows.map((row, index) => {
    const cells = layout.cells[index] ?? [];
    const name = layout.names[index] ?? '';
    return [
      row.level === 'municipality' ? name : chalk.bold(name),
      ...INDICATOR_IDS.map((id, i) => paint(chalk, row.indicators[id], cells[i] ?? '')),
    ];
  });
  lines.push(
    drawTable({
      head: layout.head.map((h) => chalk.bold(h)),
      rows,
      colAligns: ['left', 'right', 'right', 'right', 'right'],
    }),
  );

  const results = report.rows.flatMap((row) => INDICATOR_IDS.map((id) => row.indicators[id]));
  const shown = (mark: string) => layout.cells.some((cells) => cells.some((c) => c.includes(mark)));
  const footnotes: string[] = [t.report.gapFootnote];
  if (INDICATOR_IDS.some((id) => report.stages[id].conditional))
    footnotes.push(t.report.conditionalFootnote);
  if (results.some((r) => r.status === 'na' && r.reason === 'no-baseline'))
    footnotes.push(t.report.baselineFootnote);
  if (results.some((r) => r.status === 'na' && r.reason === 'no-denominator'))
    footnotes.push(t.report.noDenominatorFootnote);
  if (shown(MARK.ownBaseline)) footnotes.push(t.report.ownBaselineFootnote);
  if (INDICATOR_IDS.some((id) => !report.stages[id].inForce))
    footnotes.push(t.report.upcomingFootnote);
  if (options.wide) footnotes.push(t.report.countsFootnote);
  if (layout.abbreviations.size > 0)
    footnotes.push(t.report.abbreviations([...layout.abbreviations].join(', ')));
  for (const footnote of footnotes)
    lines.push(...wrap(footnote, room, '  ').map((l) => chalk.dim(l)));
  return `${lines.join('\n')}\n`;
}
