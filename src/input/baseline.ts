// Baseline percentages (SPEC 4.4): JSON as `baseline` writes it, or a CSV
// with columns indicator, value and optional municipality.
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import type { Baselines } from '../domain/evaluate.js';
import type { IndicatorId } from '../domain/roadmap.js';
import { type Problem, ProblemList, UserError } from '../errors.js';
import type { DialectOptions } from './dialect.js';
import { decode, detectDelimiter } from './dialect.js';
import type { MunicipalityIndex } from './municipalities.js';
import { readBytes } from './table.js';
import { parsePercent } from './values.js';
import { normalizeHeader } from './vocabulary.js';

/** The schemas of a baseline file, built on first use (most runs read none). */
function buildSchemas() {
  const percent = z.unknown().transform((raw, ctx) => {
    const value = typeof raw === 'number' || typeof raw === 'string' ? parsePercent(raw) : null;
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: 'bad-percent', params: { value: raw } });
      return z.NEVER;
    }
    return value;
  });
  // A value is a percentage, or an object holding one under `value` (as `baseline --out` writes).
  const value = z.preprocess(
    (v) => (typeof v === 'object' && v !== null && 'value' in v ? v.value : v),
    percent,
  );
  const perIndicator = z.object({ '1': value.optional(), '2': value.optional() }).loose();

  /** The file `baseline --out` writes; a plain `{ "1": 41.7, "2": 18.4 }` is read by perIndicator. */
  const json = z
    .object({
      indicators: perIndicator,
      byMunicipality: z.record(z.string(), perIndicator).optional(),
    })
    .loose();
  return { perIndicator, json };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** Header names of a baseline CSV, English as SPEC 4.4 names them, or Russian. */
const CSV_COLUMNS = {
  indicator: ['indicator', 'индикатор', 'показатель'],
  value: ['value', 'значение', 'базовое значение'],
  municipality: ['municipality', 'муниципалитет', 'муниципальное образование', 'мо'],
};

export type BaselineValues = {
  region: Partial<Record<IndicatorId, number>>;
  byName: Record<string, Partial<Record<IndicatorId, number>>>;
};

function pickIndicators(values: Record<string, unknown>): Partial<Record<IndicatorId, number>> {
  const out: Partial<Record<IndicatorId, number>> = {};
  for (const id of ['1', '2'] as const)
    if (typeof values[id] === 'number') out[id] = values[id] as number;
  return out;
}

function fromJson(text: string, file: string): BaselineValues {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // "… in JSON at position 37": the line is what a person can find.
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? Number.NaN);
    const line = Number.isNaN(position) ? undefined : text.slice(0, position).split('\n').length;
    throw new UserError({ code: 'bad-baseline-file', file, line, reason: 'json-syntax' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UserError({ code: 'bad-baseline-file', file, reason: 'json-shape' });
  }
  schemas ??= buildSchemas();
  const parsed = ('indicators' in json ? schemas.json : schemas.perIndicator).safeParse(json);
  if (!parsed.success) {
    const problems = new ProblemList();
    for (const issue of parsed.error.issues) {
      const column = issue.path.join('.');
      const raw = (issue as { params?: { value?: unknown } }).params?.value;
      problems.add(
        issue.message === 'bad-percent'
          ? {
              code: 'bad-percent',
              file,
              column,
              value: typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? ''),
            }
          : { code: 'bad-baseline-file', file, column, reason: 'json-shape' },
      );
    }
    problems.throwIfAny();
  }
  const data = parsed.data as Record<string, unknown>;
  if ('indicators' in data) {
    const byName: BaselineValues['byName'] = {};
    for (const [name, values] of Object.entries(
      (data.byMunicipality ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      byName[name] = pickIndicators(values);
    }
    return { region: pickIndicators(data.indicators as Record<string, unknown>), byName };
  }
  return { region: pickIndicators(data), byName: {} };
}

function fromCsv(text: string, file: string): BaselineValues {
  const problems = new ProblemList();
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError({ code: 'bad-baseline-file', file, line, reason: 'csv-syntax' });
  }
  const [header = [], ...rows] = records;
  const at = (names: string[]) => header.findIndex((h) => names.includes(normalizeHeader(h)));
  const [iIndicator, iValue, iMunicipality] = [
    at(CSV_COLUMNS.indicator),
    at(CSV_COLUMNS.value),
    at(CSV_COLUMNS.municipality),
  ];
  if (iIndicator < 0 || iValue < 0) {
    throw new UserError({ code: 'bad-baseline-file', file, line: 1, reason: 'csv-columns' });
  }
  const out: BaselineValues = { region: {}, byName: {} };
  rows.forEach((row, i) => {
    const line = i + 2;
    const id = row[iIndicator]?.trim();
    const raw = row[iValue] ?? '';
    const pct = parsePercent(raw);
    if (id !== '1' && id !== '2') {
      problems.add({
        code: 'bad-option',
        file,
        line,
        column: header[iIndicator],
        option: 'indicator',
        value: id ?? '',
        expected: '1, 2',
      } as Problem);
      return;
    }
    if (pct === null) {
      problems.add({ code: 'bad-percent', file, line, column: header[iValue], value: raw });
      return;
    }
    const name = iMunicipality >= 0 ? row[iMunicipality]?.trim() : '';
    if (name) out.byName[name] = { ...out.byName[name], [id]: pct };
    else out.region[id] = pct;
  });
  problems.throwIfAny();
  return out;
}

export function readBaselineFile(file: string, dialect: DialectOptions): BaselineValues {
  const { text } = decode(readBytes(file), dialect.encoding, file);
  const values =
    extname(file).toLowerCase() === '.json' || text.trimStart().startsWith('{')
      ? fromJson(text, file)
      : fromCsv(text, file);
  // A file that gives nothing is a mistake, not "no baseline".
  if (Object.keys(values.region).length === 0 && Object.keys(values.byName).length === 0)
    throw new UserError({ code: 'bad-baseline-file', file, reason: 'no-values' });
  return values;
}

/** Per-municipality baselines under the canonical names of the headcount file. */
export function resolveBaselines(
  values: BaselineValues,
  index: MunicipalityIndex,
  file: string,
): Baselines {
  const problems = new ProblemList();
  const byMunicipality: Baselines['byMunicipality'] = {};
  for (const [name, perIndicator] of Object.entries(values.byName)) {
    const municipality = index.byName(name);
    if (!municipality) {
      problems.add({
        code: 'unknown-baseline-municipality',
        file,
        value: name,
        suggestions: index.closest(name),
      });
      continue;
    }
    byMunicipality[municipality.name] = { ...byMunicipality[municipality.name], ...perIndicator };
  }
  problems.throwIfAny();
  return { region: values.region, byMunicipality };
}
