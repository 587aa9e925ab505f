import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

describe('sferum-kpi on the bundled fixtures', () => {
  it('computes the latest week and prints the table', () => {
    const result = runCli([
      'compute',
      '--monitoring',
      'fixtures/monitoring-2026-01-11.csv',
      '--headcounts',
      'fixtures/headcounts.csv',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Республика Тыва — дорожная карта tyva-2025');
    expect(result.stdout).toMatch(/Итого по региону\s+│\s+82,5 ✓/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
