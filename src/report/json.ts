// The JSON document: a stable interface with English keys whatever --lang says.
import type { Report } from '../domain/evaluate.js';
import { type Catalogue, warningText } from '../i18n/index.js';

export function reportJson(report: Report, t: Catalogue): string {
  const document = {
    region: report.region,
    roadmap: report.roadmap,
    asOf: report.asOf,
    week: report.week,
    stages: report.stages,
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
