// Node modules that only some runs need, loaded on first use: a short run
// (one week of one region) spends a noticeable part of its time loading
// crypto, worker_threads, tty and os when they are imported at the top.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const lazyCrypto = (): typeof import('node:crypto') => require('node:crypto');
export const lazyWorkerThreads = (): typeof import('node:worker_threads') =>
  require('node:worker_threads');
export const lazyTty = (): typeof import('node:tty') => require('node:tty');
export const lazyOs = (): typeof import('node:os') => require('node:os');
