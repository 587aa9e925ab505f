// Warnings: the input was usable, but the analyst should know something.
// Like problems, a warning is data; its words live in the i18n catalogues.

export type Warning = { file?: string; line?: number } & (
  | { code: 'empty-cells'; count: number; columns: string[] }
  | { code: 'total-mismatch'; column: string; given: number; computed: number }
  | { code: 'preschool-students'; count: number; rows: number }
  | { code: 'private-rows'; rows: number; organisations: string[] }
  | {
      code: 'above-100';
      municipality: string | null;
      indicator: string;
      numerator: number;
      denominator: number;
    }
  /** `weeks`: when several weeks are read (trend, baseline), the weeks without rows. */
  | { code: 'no-monitoring'; municipality: string; weeks?: string[] }
  | { code: 'unmatched-skipped'; value: string; rows: number }
  | { code: 'conditional-target'; indicator: string }
  | { code: 'baseline-missing'; indicator: string }
  | { code: 'baseline-not-computed'; indicator: string }
);

export type WarningCode = Warning['code'];
