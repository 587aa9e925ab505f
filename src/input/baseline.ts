// Baseline percentages (SPEC 4.4): JSON as `baseline` writes it, or a CSV
// with columns indicator, value and optional municipality.
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Baselines } from '../domain/evaluate.js';
import type { IndicatorId } from '../domain/roadmap.js';
import { type Problem, ProblemList, UserError } from '../errors.js';
import type { DialectOptions } from './dialect.js';
import { decode, detectDelimiter } from './dialect.js';
import type { MunicipalityIndex } from './municipalities.js';
import { readBytes } from './table.js';
import { parsePercent } from './values.js';
import { normalizeHeader } from './vocabulary.js';

const percent = z.union([z.number().nonnegative(), z.string()]).transform((raw, ctx) => {
  const value = parsePercent(raw);
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: `not a percentage: ${JSON.stringify(raw)}` });
    return z.NEVER;
  }
  return value;
});
const value = z.union([
  percent,
  z
    .object({ value: percent })
    .loose()
    .transform((v) => v.value),
]);
const perIndicator = z.object({ '1': value.optional(), '2': value.optional() }).loose();

/** The file `baseline --out` writes, or a plain `{ "1": 41.7, "2": 18.4 }`. */
const BaselineJson = z.union([
  z
    .object({
      indicators: perIndicator,
      byMunicipality: z.record(z.string(), perIndicator).optional(),
    })
    .loose(),
  perIndicator,
]);

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
    throw new UserError({ code: 'bad-baseline-file', file, reason: (error as Error).message });
  }
  const parsed = BaselineJson.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError({
      code: 'bad-baseline-file',
      file,
      reason: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`,
    });
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
  const records: string[][] = parse(text, {
    delimiter: detectDelimiter(text),
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const [header = [], ...rows] = records;
  const at = (name: string) => header.findIndex((h) => normalizeHeader(h) === name);
  const [iIndicator, iValue, iMunicipality] = [at('indicator'), at('value'), at('municipality')];
  if (iIndicator < 0 || iValue < 0) {
    throw new UserError({
      code: 'bad-baseline-file',
      file,
      reason: 'columns indicator, value [, municipality]',
    });
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
  return extname(file).toLowerCase() === '.json' || text.trimStart().startsWith('{')
    ? fromJson(text, file)
    : fromCsv(text, file);
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
