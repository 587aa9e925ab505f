// The JSON document: a stable interface with English keys whatever --lang
// says, numbers as numbers, shares at full precision.
import type { Report } from '../domain/evaluate.js';
import { INDICATOR_IDS, type IndicatorId } from '../domain/roadmap.js';
import { type Catalogue, warningText } from '../i18n/index.js';

interface StageJson {
  stage: number;
  due: string;
  inForce: boolean;
  /** The region-wide target in percent; null when it is a baseline that was not given. */
  target: number | null;
  /** Whether the target is the 2024/25 baseline. */
  baseline: boolean;
  conditional: boolean;
}

function stagesOf(report: Report): Record<IndicatorId, StageJson> {
  const total = report.rows[report.rows.length - 1];
  const out = {} as Record<IndicatorId, StageJson>;
  for (const id of INDICATOR_IDS) {
    const info = report.stages[id];
    const isBaseline = info.target === 'baseline';
    out[id] = {
      stage: info.stage,
      due: info.due,
      inForce: info.inForce,
      target: isBaseline ? (total?.indicators[id].target ?? null) : (info.target as number),
      baseline: isBaseline,
      conditional: info.conditional,
    };
  }
  return out;
}

export function reportJson(report: Report, t: Catalogue): string {
  const document = {
    region: report.region,
    roadmap: report.roadmap,
    asOf: report.asOf,
    week: report.week,
    stages: stagesOf(report),
    rows: report.rows.map((row) => ({
      municipality: row.municipality,
      level: row.level,
      indicators: row.indicators,
    })),
    warnings: report.warnings.map((w) => ({
      ...w,
      message: warningText(t, { ...w, file: undefined, line: undefined }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Whether JSON.stringify writes an object's key with this value. */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * `JSON.stringify(document, null, 2)` and a line break, in parts: the array
 * under `streamed` is written an element at a time, so the whole text (80 MB
 * for `trend` over 40 national weeks) is never one string. The text is the
 * same, byte for byte.
 */
export function* jsonParts(document: Record<string, unknown>, streamed: string): Generator<string> {
  const keys = Object.keys(document).filter((key) => written(document[key]));
  if (keys.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [index, key] of keys.entries()) {
    const value = document[key];
    const lead = `${index > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (key === streamed && Array.isArray(value) && value.length > 0) {
      yield `${lead}[`;
      for (const [i, item] of value.entries()) {
        const text = written(item) ? JSON.stringify(item, null, 2) : 'null';
        yield `${i > 0 ? ',' : ''}\n    ${text.replace(/\n/g, '\n    ')}`;
      }
      yield '\n  ]';
    } else {
      yield lead + JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    }
  }
  yield '\n}\n';
}
