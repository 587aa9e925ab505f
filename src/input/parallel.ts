// Reads the input files in the order given — the headcount file, then each
// monitoring export — one after another, or, when there is enough to read,
// several at once on worker threads (parsing is nearly all of the cost of a
// national export, and it is CPU work). Either way the results come back in
// the same order and the same shape, synchronously: the caller cannot tell.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { type Problem, UserError } from '../errors.js';
import type { DialectOptions } from './dialect.js';
import { type HeadcountFile, type MonitoringFile, readFile, rowReading } from './file-reader.js';
import type { ReadOptions } from './load.js';
import type { FileKind, Vocabulary } from './vocabulary.js';

/** Below this many bytes in all, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 << 20;

/** Told after each file is read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** Where the command line listens for progress (the input layer knows nothing of terminals). */
export const readProgress: { listener: ReadProgress | undefined } = { listener: undefined };

export interface ReadTask {
  index: number;
  kind: FileKind;
  file: string;
}

export interface WorkerSetup {
  port: MessagePort;
  /** Counts results posted, so the main thread can sleep until there is one. */
  signal: Int32Array;
  dialect: DialectOptions;
  vocabulary: Vocabulary;
}

export type TaskOutcome =
  | { index: number; result: HeadcountFile | MonitoringFile }
  | { index: number; problems: Problem[]; more: number }
  | { index: number; internal: string; stack: string | undefined };

const WORKER = new URL('./read-worker.js', import.meta.url);

/**
 * Threads to read on: SFERUM_KPI_THREADS when set (1 reads on the main
 * thread; more reads on workers whatever the size), else one per core for
 * inputs of PARALLEL_MIN_BYTES or more.
 */
function threadsFor(tasks: ReadTask[]): number {
  const asked = Number.parseInt(process.env.SFERUM_KPI_THREADS ?? '', 10);
  // Standard input can be read once only, and the worker bundle exists only in dist/.
  if (tasks.some((t) => t.file === '-') || !existsSync(fileURLToPath(WORKER))) return 1;
  if (Number.isInteger(asked) && asked > 0) return Math.min(asked, tasks.length);
  let bytes = 0;
  for (const task of tasks) {
    try {
      bytes += statSync(task.file).size;
    } catch {
      // Reading it reports the problem.
    }
  }
  if (bytes < PARALLEL_MIN_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), tasks.length));
}

function tasksOf(options: ReadOptions): ReadTask[] {
  return [
    { index: 0, kind: 'headcounts', file: options.headcounts },
    ...options.monitoring.map((file, i) => ({ index: i + 1, kind: 'monitoring' as const, file })),
  ];
}

/** The headcount file's result first, then each monitoring export's, in order. */
export function* readFiles(options: ReadOptions): Generator<HeadcountFile | MonitoringFile> {
  const tasks = tasksOf(options);
  const dialect = { encoding: options.encoding, delimiter: options.delimiter };
  const threads = threadsFor(tasks);
  const progress = readProgress.listener;
  progress?.(0, tasks.length);
  if (threads <= 1) {
    const reading = rowReading(options.vocabulary);
    for (const task of tasks) {
      yield readFile(task.kind, task.file, dialect, reading);
      progress?.(task.index + 1, tasks.length);
    }
    return;
  }
  yield* readOnWorkers(tasks, threads, dialect, options.vocabulary, progress);
}

/**
 * The worker's first code: loads the reading worker, and if it cannot be
 * loaded, answers every task with that error. The main thread, asleep in
 * Atomics.wait, would otherwise never hear of a worker that failed to start.
 */
function boot(worker: URL): string {
  return `
const { workerData } = require('node:worker_threads');
import(${JSON.stringify(worker.href)}).catch((error) => {
  const { port, signal } = workerData;
  port.on('message', (task) => {
    port.postMessage({
      index: task.index,
      internal: 'a reading thread did not start: ' + (error && error.message),
      stack: error && error.stack,
    });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});`;
}

function outcomeValue(outcome: TaskOutcome): HeadcountFile | MonitoringFile {
  if ('result' in outcome) return outcome.result;
  if ('problems' in outcome) throw new UserError(outcome.problems, outcome.more);
  const error = new Error(outcome.internal);
  if (outcome.stack) error.stack = outcome.stack;
  throw error;
}

function* readOnWorkers(
  tasks: ReadTask[],
  threads: number,
  dialect: DialectOptions,
  vocabulary: Vocabulary,
  progress: ReadProgress | undefined,
): Generator<HeadcountFile | MonitoringFile> {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: threads }, () => {
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { port: port2, signal, dialect, vocabulary };
    const worker = new Worker(boot(WORKER), {
      eval: true,
      workerData: setup,
      transferList: [port2],
      // A small young generation: parsing makes short-lived strings, and a large
      // one only grows the resident memory (M: 181 -> 161 MB).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    return { worker, port: port1, queued: 0 };
  });
  const done = new Map<number, TaskOutcome>();
  let next = 0;
  // Two tasks a worker: it starts the second while the first result is merged.
  const feed = () => {
    for (const w of workers) {
      while (w.queued < 2 && next < tasks.length) {
        w.port.postMessage(tasks[next++]);
        w.queued++;
      }
    }
  };
  try {
    feed();
    for (let want = 0; want < tasks.length; ) {
      const outcome = done.get(want);
      if (outcome) {
        done.delete(want);
        want++;
        progress?.(want, tasks.length);
        yield outcomeValue(outcome);
        continue;
      }
      // Look at the count before the ports: a result posted in between wakes the wait at once.
      const posted = Atomics.load(signal, 0);
      let received = false;
      for (const w of workers) {
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          const message = m.message as TaskOutcome;
          done.set(message.index, message);
          w.queued--;
          received = true;
        }
      }
      if (received) feed();
      else Atomics.wait(signal, 0, posted);
    }
  } finally {
    for (const w of workers) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}
