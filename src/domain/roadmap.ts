// The roadmap: which indicator is due when, at what target. The built-in one
// is the Republic of Tyva's of 14.11.2025; a config may replace it whole.

export const INDICATOR_IDS = ['1', '2', '3', '4'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface Stage {
  stage: number;
  /** "по состоянию на": the date the target must be met by (ISO yyyy-mm-dd). */
  due: string;
  /** A percentage, or the region's 2024/25 maximum in VK Messenger. */
  target: number | 'baseline';
  /** "* in force when the normative legal acts are approved". */
  conditional?: boolean;
}

export interface Roadmap {
  name: string;
  indicators: Record<IndicatorId, Stage[]>;
}

export const TYVA_2025: Roadmap = {
  name: 'tyva-2025',
  indicators: {
    '1': [
      { stage: 1, due: '2025-10-01', target: 'baseline' },
      { stage: 2, due: '2025-12-30', target: 75, conditional: true },
    ],
    '2': [
      { stage: 1, due: '2025-10-01', target: 'baseline' },
      { stage: 2, due: '2025-12-30', target: 30, conditional: true },
    ],
    '3': [{ stage: 1, due: '2025-12-30', target: 100 }],
    '4': [{ stage: 1, due: '2025-12-30', target: 100 }],
  },
};

export interface StageAtDate {
  stage: Stage;
  /** False before the first due date: the next stage is shown as upcoming. */
  inForce: boolean;
}

/**
 * The stage in force on a report date: the last one whose due date is on or
 * before it; before the first due date, the first stage, upcoming.
 */
export function stageAt(stages: readonly Stage[], asOf: string): StageAtDate {
  const sorted = [...stages].sort((a, b) =>
    a.due < b.due ? -1 : a.due > b.due ? 1 : a.stage - b.stage,
  );
  const first = sorted[0];
  if (!first) throw new RangeError('an indicator without stages');
  let current: Stage | undefined;
  for (const stage of sorted) if (stage.due <= asOf) current = stage;
  return current ? { stage: current, inForce: true } : { stage: first, inForce: false };
}

/** A named stage of an indicator (for `check --stage N`), if the roadmap has it. */
export function stageNumbered(stages: readonly Stage[], stage: number): Stage | undefined {
  return stages.find((s) => s.stage === stage);
}
