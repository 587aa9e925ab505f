// How many cases each property tries. The defaults keep `npm test` fast;
// FC_RUNS=5000 runs thousands (properties that start a process per case run
// a twentieth of that).
export function runs(defaultRuns: number, perProcess = false): number {
  const asked = Number(process.env.FC_RUNS);
  if (!Number.isInteger(asked) || asked <= 0) return defaultRuns;
  return perProcess ? Math.max(1, Math.round(asked / 20)) : asked;
}

/** A test's time limit: the default one, or an hour when FC_RUNS asks for many cases. */
export const TIMEOUT = process.env.FC_RUNS ? 3_600_000 : 30_000;
