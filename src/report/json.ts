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
