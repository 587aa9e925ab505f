// Under StrykerJS every property runs from one fixed seed, so a mutant is
// killed or survives the same way in every run of `npm run mutation`.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20251114 });
