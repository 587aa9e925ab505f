// Reads the input files in the order given — the headcount file, then each
// monitoring export — one after another, or, when there is enough to read,
// several at once on worker threads (parsing is nearly all of the cost of a
// national export, and it is CPU work). Either way the results come back in
// the same order and the same shape, synchronously: the caller cannot tell.
// A worker's groups cross packed (their numbers in one transferred buffer,
// their strings once each) and are unpacked into columns (file-reader.ts
// GroupTable), so the main thread never holds a file's groups as objects.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { lazyOs, lazyWorkerThreads } from '../builtins.js';
import { ORG_TYPES, type OrgType } from '../domain/organisations.js';
import { type Problem, UserError } from '../errors.js';
import type { DialectOptions } from './dialect.js';
import {
  type FileResult,
  type GroupTable,
  readFile,
  rowReading,
  SUMS_WIDTH,
} from './file-reader.js';
import type { ReadOptions } from './load.js';
import type { FileKind, Vocabulary } from './vocabulary.js';

/**
 * Below this many bytes in all, starting threads costs more than it saves:
 * a worker takes 80-130 ms to start on a busy machine and compiles the code
 * that merges what it read again, while the WebAssembly reading
 * (row-scan.ts) takes a few milliseconds a megabyte. One national week (two
 * files, 36 MB) is read faster on the main thread alone.
 */
export const PARALLEL_MIN_BYTES = 64 << 20;

/** Told after each file is read: how many of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** Where the command line listens for progress (the input layer knows nothing of terminals). */
export const readProgress: { listener: ReadProgress | undefined } = { listener: undefined };

export interface ReadTask {
  index: number;
  kind: FileKind;
  file: string;
  /** Whether to digest the file's groups (to find an export given twice). */
  digest: boolean;
}

export interface WorkerSetup {
  port: MessagePort;
  /** Counts results posted, so the main thread can sleep until there is one. */
  signal: Int32Array;
  dialect: DialectOptions;
  vocabulary: Vocabulary;
}

/** A file as readFiles gives it, however it was read. */
export type ReadHeadcounts = FileResult;
export type ReadMonitoring = FileResult;

/** Groups packed to cross from a worker: their strings once each, their numbers in one buffer. */
export interface PackedGroups {
  strings: string[];
  /** GROUP_NUMBERS, then the SUMS_WIDTH sums, per group. */
  numbers: Float64Array;
}

/** What a worker is sent: a file to read, or a buffer of its own back, to pack into again. */
export type WorkerMessage = ReadTask | { spare: ArrayBuffer };

export type TaskOutcome =
  | { index: number; result: Omit<FileResult, 'groups'>; packed: PackedGroups }
  | { index: number; problems: Problem[]; more: number }
  | { index: number; internal: string; stack: string | undefined };

/** Week, name and OKTMO (indices of strings; -1 for no OKTMO), type, ownership, line. */
const GROUP_NUMBERS = 6;
const PACKED_WIDTH = GROUP_NUMBERS + SUMS_WIDTH;

/**
 * A file's groups packed for postMessage (its buffer can be transferred),
 * into `spare` when it is large enough: the buffers a worker transfers come
 * back to it once their groups are merged (readOnWorkers).
 */
export function packGroups(groups: GroupTable, spare?: ArrayBuffer): PackedGroups {
  const strings: string[] = [];
  const indices = new Map<string, number>();
  const indexOf = (text: string) => {
    let i = indices.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      indices.set(text, i);
    }
    return i;
  };
  const length = groups.length * PACKED_WIDTH;
  const numbers =
    spare !== undefined && spare.byteLength >= length * Float64Array.BYTES_PER_ELEMENT
      ? new Float64Array(spare, 0, length)
      : new Float64Array(length);
  for (let g = 0; g < groups.length; g++) {
    const at = g * PACKED_WIDTH;
    const oktmo = groups.oktmo[g];
    numbers[at] = indexOf(groups.week[g] ?? '');
    numbers[at + 1] = indexOf(groups.name[g] ?? '');
    numbers[at + 2] = oktmo === undefined ? -1 : indexOf(oktmo);
    numbers[at + 3] = ORG_TYPES.indexOf(groups.orgType[g] as OrgType);
    numbers[at + 4] = groups.private[g] ? 1 : 0;
    numbers[at + 5] = groups.line[g] ?? 0;
    numbers.set(groups.sums.subarray(g * SUMS_WIDTH, (g + 1) * SUMS_WIDTH), at + GROUP_NUMBERS);
  }
  return { strings, numbers };
}

/** Packed groups read back into columns; their buffer is not kept. */
export function unpackGroups(packed: PackedGroups): GroupTable {
  const { strings, numbers } = packed;
  const length = numbers.length / PACKED_WIDTH;
  const text = (i: number | undefined) => strings[i ?? -1] ?? '';
  const table: GroupTable = {
    length,
    week: [],
    name: [],
    oktmo: [],
    orgType: [],
    private: [],
    line: [],
    sums: new Float64Array(length * SUMS_WIDTH),
  };
  for (let g = 0; g < length; g++) {
    const at = g * PACKED_WIDTH;
    const oktmo = numbers[at + 2] ?? -1;
    table.week.push(text(numbers[at]));
    table.name.push(text(numbers[at + 1]));
    table.oktmo.push(oktmo < 0 ? undefined : text(oktmo));
    table.orgType.push(ORG_TYPES[numbers[at + 3] ?? 0] as OrgType);
    table.private.push(numbers[at + 4] === 1);
    table.line.push(numbers[at + 5] ?? 0);
    table.sums.set(numbers.subarray(at + GROUP_NUMBERS, at + PACKED_WIDTH), g * SUMS_WIDTH);
  }
  return table;
}

const WORKER = new URL('./read-worker.cjs', import.meta.url);

/**
 * Threads to read on: SFERUM_KPI_THREADS when set (1 reads on the main
 * thread; more reads on workers whatever the size), else one per core for
 * inputs of PARALLEL_MIN_BYTES or more.
 */
function threadsFor(tasks: ReadTask[]): number {
  const asked = Number.parseInt(process.env.SFERUM_KPI_THREADS ?? '', 10);
  // Standard input can be read once only.
  if (tasks.some((t) => t.file === '-')) return 1;
  let threads: number;
  if (Number.isInteger(asked) && asked > 0) threads = Math.min(asked, tasks.length);
  else {
    let bytes = 0;
    for (const task of tasks) {
      try {
        bytes += statSync(task.file).size;
      } catch {
        // Reading it reports the problem.
      }
    }
    if (bytes < PARALLEL_MIN_BYTES) return 1;
    threads = Math.max(1, Math.min(lazyOs().availableParallelism(), tasks.length));
  }
  // The worker bundle exists only in dist/.
  return threads > 1 && existsSync(fileURLToPath(WORKER)) ? threads : 1;
}

function tasksOf(options: ReadOptions): ReadTask[] {
  // Only several exports can hold the same one twice.
  const digest = options.monitoring.length > 1;
  return [
    { index: 0, kind: 'headcounts', file: options.headcounts, digest: false },
    ...options.monitoring.map((file, i) => ({
      index: i + 1,
      kind: 'monitoring' as const,
      file,
      digest,
    })),
  ];
}

/** The headcount file's result first, then each monitoring export's, in order. */
export function* readFiles(options: ReadOptions): Generator<ReadHeadcounts | ReadMonitoring> {
  const tasks = tasksOf(options);
  const dialect = { encoding: options.encoding, delimiter: options.delimiter };
  const threads = threadsFor(tasks);
  const progress = readProgress.listener;
  progress?.(0, tasks.length);
  if (threads <= 1) {
    const reading = rowReading(options.vocabulary);
    for (const task of tasks) {
      yield readFile(task.kind, task.file, dialect, reading, task.digest);
      progress?.(task.index + 1, tasks.length);
    }
    return;
  }
  yield* readOnWorkers(tasks, threads, dialect, options.vocabulary, progress);
}

/** Compiles a bundle with V8's code cache written at build time, as bin/sferum-kpi.js does. */
const COMPILER = new URL('../bin/bundle.js', import.meta.url);

/**
 * The worker's first code: loads the reading worker, compiled with its code
 * cache when there is one (dist/read-worker.cjs.cache: on M a worker has its
 * code about 7 ms sooner), and if it cannot be loaded, answers every task
 * with that error. The main thread, asleep in Atomics.wait, would otherwise
 * never hear of a worker that failed to start.
 */
function boot(worker: URL): string {
  const file = fileURLToPath(worker);
  return `
const { workerData } = require('node:worker_threads');
try {
  const { compileBundle } = require(${JSON.stringify(fileURLToPath(COMPILER))});
  let cache;
  try {
    cache = require('node:fs').readFileSync(${JSON.stringify(`${file}.cache`)});
  } catch {
    // No cache: V8 compiles the bundle as it runs.
  }
  compileBundle(${JSON.stringify(file)}, cache).run();
} catch (error) {
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
}`;
}

/** A task's outcome on this side: a worker's, or the main thread's own reading. */
type Outcome =
  | TaskOutcome
  | { index: number; local: ReadHeadcounts | ReadMonitoring }
  | { index: number; thrown: unknown };

function outcomeValue(outcome: Outcome): ReadHeadcounts | ReadMonitoring {
  if ('local' in outcome) return outcome.local;
  if ('thrown' in outcome) throw outcome.thrown;
  if ('result' in outcome) {
    const { result, packed } = outcome;
    return { ...result, groups: unpackGroups(packed) };
  }
  if ('problems' in outcome) throw new UserError(outcome.problems, outcome.more);
  const error = new Error(outcome.internal);
  if (outcome.stack) error.stack = outcome.stack;
  throw error;
}

/**
 * Reads the files on workers, `threads` at a time. When there are no more
 * files than threads (one week's export and the headcounts), the main thread,
 * which would otherwise sleep until the first result, reads the first file
 * itself: one worker fewer starts, and the headcounts' groups are merged while
 * the worker still reads, without being packed and unpacked (M: 1.03 ->
 * 0.98 s). With more files the workers are kept busy anyway, and the main
 * thread reads none: its heap, which holds the merged weeks, would grow by a
 * reading's worth (L10: 197 -> 228 MB).
 */
function* readOnWorkers(
  tasks: ReadTask[],
  threads: number,
  dialect: DialectOptions,
  vocabulary: Vocabulary,
  progress: ReadProgress | undefined,
): Generator<ReadHeadcounts | ReadMonitoring> {
  const workerThreads = lazyWorkerThreads();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const hereFirst = tasks.length <= threads;
  const workers = Array.from({ length: hereFirst ? tasks.length - 1 : threads }, () => {
    const { port1, port2 } = new workerThreads.MessageChannel();
    const setup: WorkerSetup = { port: port2, signal, dialect, vocabulary };
    const worker = new workerThreads.Worker(boot(WORKER), {
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
  /** Reads a task here, on the main thread. */
  const readHere = (task: ReadTask): Outcome => {
    try {
      const reading = rowReading(vocabulary);
      return {
        index: task.index,
        local: readFile(task.kind, task.file, dialect, reading, task.digest),
      };
    } catch (error) {
      return { index: task.index, thrown: error };
    }
  };
  const done = new Map<number, Outcome>();
  /** The worker of each outcome received from one. */
  const from = new Map<number, (typeof workers)[number]>();
  let next = hereFirst ? 1 : 0;
  // Two tasks a worker: it starts the second while the first result is merged.
  // Every worker gets its first task before any gets a second, so that files
  // are read side by side.
  const feed = () => {
    for (let depth = 1; depth <= 2; depth++) {
      for (const w of workers) {
        if (w.queued < depth && next < tasks.length) {
          w.port.postMessage(tasks[next++]);
          w.queued++;
        }
      }
    }
  };
  try {
    feed();
    if (hereFirst) done.set(0, readHere(tasks[0] as ReadTask));
    for (let want = 0; want < tasks.length; ) {
      const outcome = done.get(want);
      if (outcome) {
        done.delete(want);
        want++;
        progress?.(want, tasks.length);
        yield outcomeValue(outcome);
        // The caller asks for the next file once it has merged this one's
        // groups: their buffer goes back to its worker. Left to the collector,
        // each file's buffer stayed allocated until a full collection of this
        // thread's heap (on L40 the workers' malloc arenas grew to 30-40 MB each).
        const worker = from.get(outcome.index);
        from.delete(outcome.index);
        if (worker && 'packed' in outcome) {
          const spare = outcome.packed.numbers.buffer as ArrayBuffer;
          worker.port.postMessage({ spare } satisfies WorkerMessage, [spare]);
        }
        continue;
      }
      // Look at the count before the ports: a result posted in between wakes the wait at once.
      const posted = Atomics.load(signal, 0);
      let received = false;
      for (const w of workers) {
        for (
          let m = workerThreads.receiveMessageOnPort(w.port);
          m;
          m = workerThreads.receiveMessageOnPort(w.port)
        ) {
          const message = m.message as TaskOutcome;
          done.set(message.index, message);
          from.set(message.index, w);
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
