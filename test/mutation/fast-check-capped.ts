// fast-check as the mutation run sees it (aliased in test/mutation/vitest.config.ts):
// the same library, but no property runs more than FC_MAX_RUNS cases. Some
// properties ask for thousands; run for each of hundreds of mutants they
// would take hours, and a few dozen cases from a fixed seed kill as well.
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

type Library = typeof import('fast-check');
const library = real as unknown as Library;
const cap = Number(process.env.FC_MAX_RUNS ?? 100);

function capped<P extends { numRuns?: number } | undefined>(params: P): P {
  return { ...params, numRuns: Math.min(params?.numRuns ?? 100, cap) } as P;
}

export const assert: Library['assert'] = ((property: never, params?: { numRuns?: number }) =>
  library.assert(property, capped(params))) as Library['assert'];

export const check: Library['check'] = ((property: never, params?: { numRuns?: number }) =>
  library.check(property, capped(params))) as Library['check'];

export default { ...library.default, assert, check };
