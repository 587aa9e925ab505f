// SPEC 2.1–2.2: the stage in force on a report date is the last one whose due
// date is on or before it; before the first due date the first stage is shown
// as upcoming.
import { describe, expect, it } from 'vitest';
import { chooseStage } from '../../src/domain/evaluate.js';
import { type Stage, stageAt, stageNumbered, TYVA_2025 } from '../../src/domain/roadmap.js';

const { indicators } = TYVA_2025;

function at(id: '1' | '2' | '3' | '4', asOf: string) {
  const { stage, inForce } = stageAt(indicators[id], asOf);
  return { stage: stage.stage, target: stage.target, inForce };
}

describe('tyva-2025 as the roadmap signed on 14.11.2025 sets it', () => {
  it('has two stages for indicators 1 and 2, the second conditional', () => {
    expect(indicators['1']).toEqual([
      { stage: 1, due: '2025-10-01', target: 'baseline' },
      { stage: 2, due: '2025-12-30', target: 75, conditional: true },
    ]);
    expect(indicators['2']).toEqual([
      { stage: 1, due: '2025-10-01', target: 'baseline' },
      { stage: 2, due: '2025-12-30', target: 30, conditional: true },
    ]);
  });

  it('has one stage of 100 % due 30.12.2025 for indicators 3 and 4', () => {
    expect(indicators['3']).toEqual([{ stage: 1, due: '2025-12-30', target: 100 }]);
    expect(indicators['4']).toEqual([{ stage: 1, due: '2025-12-30', target: 100 }]);
  });
});

describe('the stage in force on each boundary date', () => {
  it('2025-09-30: nothing is in force yet; the first stages are upcoming', () => {
    expect(at('1', '2025-09-30')).toEqual({ stage: 1, target: 'baseline', inForce: false });
    expect(at('2', '2025-09-30')).toEqual({ stage: 1, target: 'baseline', inForce: false });
    expect(at('3', '2025-09-30')).toEqual({ stage: 1, target: 100, inForce: false });
    expect(at('4', '2025-09-30')).toEqual({ stage: 1, target: 100, inForce: false });
  });

  it('2025-10-01: stage 1 of indicators 1 and 2 is in force on its due date', () => {
    expect(at('1', '2025-10-01')).toEqual({ stage: 1, target: 'baseline', inForce: true });
    expect(at('2', '2025-10-01')).toEqual({ stage: 1, target: 'baseline', inForce: true });
    expect(at('3', '2025-10-01')).toEqual({ stage: 1, target: 100, inForce: false });
    expect(at('4', '2025-10-01')).toEqual({ stage: 1, target: 100, inForce: false });
  });

  it('2025-12-29: still stage 1 for indicators 1 and 2; 3 and 4 still upcoming', () => {
    expect(at('1', '2025-12-29')).toEqual({ stage: 1, target: 'baseline', inForce: true });
    expect(at('2', '2025-12-29')).toEqual({ stage: 1, target: 'baseline', inForce: true });
    expect(at('3', '2025-12-29')).toEqual({ stage: 1, target: 100, inForce: false });
    expect(at('4', '2025-12-29')).toEqual({ stage: 1, target: 100, inForce: false });
  });

  it('2025-12-30: stage 2 (75 %, 30 %) and the 100 % targets are in force', () => {
    expect(at('1', '2025-12-30')).toEqual({ stage: 2, target: 75, inForce: true });
    expect(at('2', '2025-12-30')).toEqual({ stage: 2, target: 30, inForce: true });
    expect(at('3', '2025-12-30')).toEqual({ stage: 1, target: 100, inForce: true });
    expect(at('4', '2025-12-30')).toEqual({ stage: 1, target: 100, inForce: true });
  });

  it('2026-01-01: the last stages stay in force', () => {
    expect(at('1', '2026-01-01')).toEqual({ stage: 2, target: 75, inForce: true });
    expect(at('2', '2026-01-01')).toEqual({ stage: 2, target: 30, inForce: true });
    expect(at('3', '2026-01-01')).toEqual({ stage: 1, target: 100, inForce: true });
  });
});

describe('stages given out of order', () => {
  const stages: Stage[] = [
    { stage: 2, due: '2025-12-30', target: 75 },
    { stage: 1, due: '2025-10-01', target: 40 },
  ];

  it('are ordered by due date', () => {
    expect(stageAt(stages, '2025-11-01').stage.stage).toBe(1);
    expect(stageAt(stages, '2025-12-30').stage.stage).toBe(2);
    expect(stageAt(stages, '2025-01-01')).toEqual({ stage: stages[1], inForce: false });
  });

  it('an indicator without stages is a programming error', () => {
    expect(() => stageAt([], '2025-10-01')).toThrow(RangeError);
  });
});

describe('a stage named by number (check --stage)', () => {
  it('is in force only from its due date', () => {
    expect(chooseStage(indicators['1'], '2025-12-29', 2)).toEqual({
      stage: indicators['1'][1],
      inForce: false,
    });
    expect(chooseStage(indicators['1'], '2025-12-30', 2)?.inForce).toBe(true);
    expect(chooseStage(indicators['1'], '2025-12-30', 1)?.stage.stage).toBe(1);
  });

  it('is absent when the indicator has no such stage', () => {
    expect(chooseStage(indicators['3'], '2025-12-30', 2)).toBeUndefined();
    expect(stageNumbered(indicators['3'], 2)).toBeUndefined();
    expect(stageNumbered(indicators['2'], 2)?.target).toBe(30);
  });
});
