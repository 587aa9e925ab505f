// runCheck on reports evaluated from data built by hand.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/domain/check.js';
import { type Baselines, evaluate, NO_BASELINES } from '../../src/domain/evaluate.js';
import type { MunicipalityData, OrgType } from '../../src/domain/organisations.js';
import { TYVA_2025 } from '../../src/domain/roadmap.js';

/** One organisation of a type: its headcount and its week in the monitoring. */
function single(
  name: string,
  orgType: OrgType,
  staff: number,
  staffWriting: number,
  users = { vk: 0, total: 10 },
): MunicipalityData {
  return {
    municipality: { name, level: 'municipality' },
    headcounts: [{ orgType, private: false, sums: { staff, students: 0, rows: 1 } }],
    monitoring: [
      {
        orgType,
        private: false,
        sums: {
          staffWriting,
          studentsActive: 0,
          parentsActive: 0,
          usersVk: users.vk,
          usersTotal: users.total,
          rows: 1,
        },
      },
    ],
  };
}

function report(data: MunicipalityData[], asOf: string, baselines: Baselines, stage?: number) {
  return evaluate({ region: 'Р', roadmap: TYVA_2025, asOf, week: asOf, data, baselines, stage });
}

const ALL = ['1', '2', '3', '4'] as const;

describe('runCheck', () => {
  it('cannot decide a baseline target that was not given, even where the denominator is 0', () => {
    // Only an education authority: indicator 1 has no denominator anywhere.
    const data = [single('А', 'authority', 10, 10)];
    const r = report(data, '2025-10-05', NO_BASELINES);
    const result = runCheck(r, TYVA_2025, {
      stage: 'in-force',
      scope: 'region',
      indicators: ['1'],
      allowConditional: false,
    });
    expect(result.undecided).toEqual(['1']);
    expect(result.exitCode).toBe(2);
    // With the baseline given, the same row is n/a and passes the check.
    const given = runCheck(
      report(data, '2025-10-05', { region: { '1': 40 }, byMunicipality: {} }),
      TYVA_2025,
      { stage: 'in-force', scope: 'region', indicators: ['1'], allowConditional: false },
    );
    expect(given).toMatchObject({ exitCode: 0, summary: { checked: 1, na: 1 } });
  });

  it('an undecided stage wins over a failure', () => {
    // Indicator 3 fails (9 of 10 users in VK); indicator 1 has no baseline.
    const data = [single('А', 'school', 10, 5, { vk: 9, total: 10 })];
    const result = runCheck(report(data, '2025-12-15', NO_BASELINES, 1), TYVA_2025, {
      stage: 1,
      scope: 'region',
      indicators: [...ALL],
      allowConditional: false,
    });
    expect(result.failures.map((f) => f.indicator)).toContain('3');
    expect(result.exitCode).toBe(2);
  });

  it('holds a municipality to its own baseline under --scope all', () => {
    // А: 40 %, own baseline 45 → fails; Б: 50 %, region baseline 45 → passes; total 45 % passes.
    const data = [single('А', 'school', 100, 40), single('Б', 'school', 100, 50)];
    const baselines: Baselines = { region: { '1': 45 }, byMunicipality: { А: { '1': 45 } } };
    const options = {
      stage: 'in-force' as const,
      indicators: ['1' as const],
      allowConditional: false,
    };
    const r = report(data, '2025-10-05', baselines);
    expect(runCheck(r, TYVA_2025, { ...options, scope: 'region' }).exitCode).toBe(0);
    const all = runCheck(r, TYVA_2025, { ...options, scope: 'all' });
    expect(all.exitCode).toBe(1);
    expect(all.failures.map((f) => f.municipality)).toEqual(['А']);
  });

  it('does not excuse an unconditional target with allowConditional', () => {
    const data = [single('А', 'school', 100, 70, { vk: 1, total: 10 })];
    const r = report(data, '2026-01-11', NO_BASELINES);
    const result = runCheck(r, TYVA_2025, {
      stage: 'in-force',
      scope: 'region',
      indicators: ['1', '3'],
      allowConditional: true,
    });
    expect(result.items.find((i) => i.indicator === '1')).toMatchObject({
      status: 'fail',
      allowed: true,
    });
    expect(result.failures.map((f) => f.indicator)).toEqual(['3']);
    expect(result.summary).toMatchObject({ failed: 1, allowed: 1 });
    expect(result.exitCode).toBe(1);
  });
});
