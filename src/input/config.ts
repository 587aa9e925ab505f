// The config file (`sferum-kpi.config.json` or --config): words the exports
// use that the built-in aliases do not know, the region, the baselines and a
// roadmap that replaces the built-in one. Read and validated here; a mistake
// names the JSON path, the value and what is accepted.
import { existsSync } from 'node:fs';
import * as z from 'zod';
import { ORG_TYPES, type OrgType } from '../domain/organisations.js';
import { INDICATOR_IDS, type IndicatorId, type Roadmap, type Stage } from '../domain/roadmap.js';
import {
  type ConfigExpected,
  type JsonExpected,
  type Problem,
  ProblemList,
  UserError,
} from '../errors.js';
import type { BaselineValues } from './baseline.js';
import { decode } from './dialect.js';
import { editDistance, municipalityKey } from './municipalities.js';
import { readBytes } from './table.js';
import { normalizeText, parseDate, parsePercent } from './values.js';
import {
  FIELD_KEYS,
  HEADCOUNT_COLUMNS,
  MONITORING_COLUMNS,
  normalizeHeader,
  ORG_TYPE_NAMES,
  type VocabularyAdditions,
} from './vocabulary.js';

/** The file looked for in the current directory when --config is not given. */
export const CONFIG_FILE = 'sferum-kpi.config.json';

/** Field names of the config's `columns.<kind>`, as SPEC 4.2 / 4.3 write them. */
export const CONFIG_FIELDS = {
  monitoring: Object.keys(MONITORING_COLUMNS).map((f) => FIELD_KEYS[f as 'staff']),
  headcounts: Object.keys(HEADCOUNT_COLUMNS).map((f) => FIELD_KEYS[f as 'staff']),
};

/** The top-level keys, in the order `init` writes them. */
export const CONFIG_KEYS = [
  'region',
  'columns',
  'orgTypes',
  'privateOwnership',
  'municipalities',
  'totalRowLabels',
  'baselines',
  'stage2Conditional',
  'roadmap',
] as const;

// A schema's error message is the code of what it expects (ConfigExpected);
// the catalogues turn it into words.
const expect = (code: ConfigExpected) => ({ error: code });

/** An object whose keys are these and no others (comments are stripped before). */
function known<S extends z.ZodRawShape>(shape: S) {
  const accepted = Object.keys(shape);
  return z.looseObject(shape, expect('object')).superRefine(
    (value, ctx) => {
      for (const key of Object.keys(value)) {
        if (accepted.includes(key)) continue;
        ctx.addIssue({ code: 'custom', path: [key], message: 'key', params: { accepted } });
      }
    },
    // Report a misspelt key even when another value is wrong too.
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !Array.isArray(payload.value),
    },
  );
}

/**
 * The schema of a config file, built on first use: most runs read no config,
 * and building zod schemas is a noticeable part of a short run's start-up.
 */
function buildConfigSchema() {
  const text = z.string(expect('text')).trim().min(1, expect('text'));
  const texts = z.array(text, expect('texts'));

  function percentOf(code: ConfigExpected) {
    return z.unknown().transform((raw, ctx) => {
      const value = typeof raw === 'number' || typeof raw === 'string' ? parsePercent(raw) : null;
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: code });
        return z.NEVER;
      }
      return value;
    });
  }

  const baselinePair = known({
    '1': percentOf('percent-or-null').nullable().optional(),
    '2': percentOf('percent-or-null').nullable().optional(),
  });

  const isoDate = z
    .string(expect('date'))
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDate(s) === s, expect('date'));

  function stagesOf(target: z.ZodType<number | 'baseline'>) {
    return z
      .array(
        known({
          stage: z.number(expect('stage')).int(expect('stage')).positive(expect('stage')),
          due: isoDate,
          target,
          conditional: z.boolean(expect('boolean')).optional(),
        }),
        expect('stages'),
      )
      .min(1, expect('stages'))
      .superRefine((stages, ctx) => {
        const seen = new Set<number>();
        stages.forEach((s, i) => {
          if (seen.has(s.stage)) {
            ctx.addIssue({ code: 'custom', path: [i, 'stage'], message: 'unique-stage' });
          }
          seen.add(s.stage);
        });
      });
  }

  /** A stage's target: a percentage, or "baseline" where the indicator has one. */
  function targetOf(baseline: boolean) {
    return z.unknown().transform((raw, ctx): number | 'baseline' => {
      if (baseline && raw === 'baseline') return 'baseline';
      const value = typeof raw === 'number' ? parsePercent(raw) : null;
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: baseline ? 'target' : 'target-percent' });
        return z.NEVER;
      }
      return value;
    });
  }

  // A baseline exists only for indicators 1 and 2 (the 2024/25 VK Messenger maximum).
  const stagesWithBaseline = stagesOf(targetOf(true));
  const stagesPercent = stagesOf(targetOf(false));

  const columnsOf = (fields: string[]) =>
    known(
      Object.fromEntries(fields.map((f) => [f, texts.optional()])) as Record<
        string,
        z.ZodOptional<typeof texts>
      >,
    );

  return known({
    region: text.optional(),
    columns: known({
      monitoring: columnsOf(CONFIG_FIELDS.monitoring).optional(),
      headcounts: columnsOf(CONFIG_FIELDS.headcounts).optional(),
    }).optional(),
    orgTypes: known(
      Object.fromEntries(ORG_TYPES.map((code) => [code, texts.optional()])) as Record<
        OrgType,
        z.ZodOptional<typeof texts>
      >,
    ).optional(),
    privateOwnership: texts.optional(),
    municipalities: z.record(z.string(), texts, expect('object')).optional(),
    totalRowLabels: texts.optional(),
    baselines: known({
      '1': percentOf('percent-or-null').nullable().optional(),
      '2': percentOf('percent-or-null').nullable().optional(),
      byMunicipality: z.record(z.string(), baselinePair, expect('object')).optional(),
    }).optional(),
    stage2Conditional: z.boolean(expect('boolean')).optional(),
    roadmap: known({
      name: text,
      indicators: known({
        '1': stagesWithBaseline,
        '2': stagesWithBaseline,
        '3': stagesPercent,
        '4': stagesPercent,
      }),
    }).optional(),
  });
}

type ConfigSchema = ReturnType<typeof buildConfigSchema>;
let configSchema: ConfigSchema | undefined;

/** A config as the rest of the tool uses it. */
export interface Config {
  file: string;
  vocabulary: VocabularyAdditions;
  baselines: BaselineValues;
  stage2Conditional?: boolean;
  roadmap?: Roadmap;
}

/** Drops every key that starts with `$` ("$comment"), at any depth. */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('$'))
      .map(([key, inner]) => [key, stripComments(inner)]),
  );
}

/** `roadmap.indicators.3[0].due`, `municipalities["г. Кызыл"][1]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][\w]*$|^\d+$/.test(String(part))) out += `${out ? '.' : ''}${String(part)}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(root)';
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The value as JSON, shortened so a message stays one line. */
function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

function closestKey(key: string, accepted: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const [best] = accepted
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  // A short key ("3") is not a typo of another short key ("1").
  if (!best || key.length < 3) return undefined;
  return best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.name : undefined;
}

const CONFIG_EXPECTED = new Set<string>([
  'object',
  'text',
  'texts',
  'boolean',
  'percent-or-null',
  'target',
  'target-percent',
  'date',
  'stage',
  'stages',
  'unique-stage',
]);

function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  json: unknown,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const where = jsonPath(path);
    if (issue.message === 'key') {
      const key = String(path[path.length - 1]);
      const accepted = (issue as { params?: { accepted?: string[] } }).params?.accepted ?? [];
      problems.push({
        code: 'unknown-config-key',
        file,
        path: where,
        key,
        accepted,
        suggestion: closestKey(key, accepted),
      });
      continue;
    }
    const expected = (
      CONFIG_EXPECTED.has(issue.message) ? issue.message : 'object'
    ) as ConfigExpected;
    problems.push({
      code: 'bad-config',
      file,
      path: where,
      value: shown(valueAt(json, path)),
      expected,
    });
  }
  return problems;
}

/** Where JSON.parse stopped: a strict JSON reader that only finds the first error. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** The character found there, or null at the end of the file. */
  found: string | null;
  expected: JsonExpected;
}

export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const fail = (expected: JsonExpected): never => {
    throw { at, expected };
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const digits = () => {
    if (!/[0-9]/.test(text[at] ?? '')) fail('digit');
    while (/[0-9]/.test(text[at] ?? '')) at++;
  };
  const string = () => {
    at++; // the opening quote
    for (;;) {
      const c = text[at];
      if (c === undefined || c < ' ') fail('string-end');
      if (c === '"') {
        at++;
        return;
      }
      if (c === '\\') {
        at++;
        const e = text[at] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('escape');
          at += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') at++;
        else fail('escape');
      } else at++;
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('key');
        string();
        space();
        if (text[at] !== ':') fail('colon');
        at++;
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return;
        } else fail('comma-or-brace');
      }
    }
    if (c === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return;
        } else fail('comma-or-bracket');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    if (c === '-' || /[0-9]/.test(c ?? '')) {
      if (c === '-') at++;
      if (text[at] === '0') at++;
      else digits();
      if (text[at] === '.') {
        at++;
        digits();
      }
      if (text[at] === 'e' || text[at] === 'E') {
        at++;
        if (text[at] === '+' || text[at] === '-') at++;
        digits();
      }
      return;
    }
    fail('value');
  };
  try {
    value();
    space();
    if (at < text.length) fail('end');
    return null;
  } catch (error) {
    const { at: offset, expected } = error as { at: number; expected: JsonExpected };
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, found: text[offset] ?? null, expected };
  }
}

/** Names a config adds that another field, type or municipality already has. */
function clashes(config: z.output<ConfigSchema>, file: string): Problem[] {
  const problems: Problem[] = [];
  const clash = (path: (string | number)[], value: string, usedBy: string) =>
    problems.push({
      code: 'bad-config',
      file,
      path: jsonPath(path),
      value: JSON.stringify(value),
      expected: 'unused-name',
      usedBy,
    });
  for (const [kind, builtIn] of [
    ['monitoring', MONITORING_COLUMNS],
    ['headcounts', HEADCOUNT_COLUMNS],
  ] as const) {
    const owner = new Map<string, string>();
    for (const [field, names] of Object.entries(builtIn))
      for (const name of names) owner.set(normalizeHeader(name), FIELD_KEYS[field as 'staff']);
    for (const [field, names] of Object.entries(config.columns?.[kind] ?? {})) {
      (names ?? []).forEach((name, i) => {
        const taken = owner.get(normalizeHeader(name));
        if (taken !== undefined && taken !== field)
          clash(['columns', kind, field, i], name, `columns.${kind}.${taken}`);
        else owner.set(normalizeHeader(name), field);
      });
    }
  }
  const typeOwner = new Map<string, string>();
  for (const [code, names] of Object.entries(ORG_TYPE_NAMES))
    for (const name of names) typeOwner.set(normalizeText(name), code);
  for (const [code, names] of Object.entries(config.orgTypes ?? {}) as [string, string[]?][]) {
    (names ?? []).forEach((name, i) => {
      const taken = typeOwner.get(normalizeText(name));
      if (taken !== undefined && taken !== code)
        clash(['orgTypes', code, i], name, `orgTypes.${taken}`);
      else typeOwner.set(normalizeText(name), code);
    });
  }
  const municipalityOwner = new Map<string, string>();
  for (const [canonical, names] of Object.entries(config.municipalities ?? {})) {
    names.forEach((name, i) => {
      const taken = municipalityOwner.get(normalizeText(name));
      if (taken !== undefined && municipalityKey(taken) !== municipalityKey(canonical))
        clash(['municipalities', canonical, i], name, `municipalities[${JSON.stringify(taken)}]`);
      else municipalityOwner.set(normalizeText(name), canonical);
    });
  }
  return problems;
}

function indicatorsOf(values: { '1'?: number | null; '2'?: number | null }) {
  const out: Partial<Record<IndicatorId, number>> = {};
  for (const id of ['1', '2'] as const) {
    const value = values[id];
    if (typeof value === 'number') out[id] = value;
  }
  return out;
}

/** Reads and validates a config file; every mistake in it is reported at once. */
export function readConfig(file: string): Config {
  const { text } = decode(readBytes(file), undefined, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const at = jsonSyntaxError(text) ?? { line: 1, column: 1, found: null, expected: 'value' };
    throw new UserError({
      code: 'config-syntax',
      file,
      at: { line: at.line, column: at.column },
      found: at.found,
      expected: at.expected,
    });
  }
  const data = stripComments(json);
  configSchema ??= buildConfigSchema();
  const parsed = configSchema.safeParse(data);
  const problems = new ProblemList();
  if (!parsed.success) {
    for (const p of issueProblems(parsed.error.issues, data, file)) problems.add(p);
    problems.throwIfAny();
  }
  const config = parsed.data as z.output<ConfigSchema>;
  for (const p of clashes(config, file)) problems.add(p);
  problems.throwIfAny();

  const byName: BaselineValues['byName'] = {};
  for (const [name, values] of Object.entries(config.baselines?.byMunicipality ?? {}))
    byName[name] = indicatorsOf(values);
  let roadmap: Roadmap | undefined;
  if (config.roadmap) {
    const indicators = {} as Record<IndicatorId, Stage[]>;
    for (const id of INDICATOR_IDS) {
      indicators[id] = config.roadmap.indicators[id].map((s) => ({
        stage: s.stage,
        due: s.due,
        target: s.target,
        ...(s.conditional === undefined ? {} : { conditional: s.conditional }),
      }));
    }
    roadmap = { name: config.roadmap.name, indicators };
  }
  return {
    file,
    vocabulary: {
      region: config.region,
      columns: {
        monitoring: config.columns?.monitoring as Record<string, string[]> | undefined,
        headcounts: config.columns?.headcounts as Record<string, string[]> | undefined,
      },
      orgTypes: config.orgTypes,
      privateOwnership: config.privateOwnership,
      municipalities: config.municipalities,
      totalRowLabels: config.totalRowLabels,
    },
    baselines: { region: indicatorsOf(config.baselines ?? {}), byName },
    stage2Conditional: config.stage2Conditional,
    roadmap,
  };
}

/** The config named by --config, else `sferum-kpi.config.json` here when present. */
export function findConfig(asked: string | undefined): Config | undefined {
  if (asked !== undefined) return readConfig(asked);
  return existsSync(CONFIG_FILE) ? readConfig(CONFIG_FILE) : undefined;
}
