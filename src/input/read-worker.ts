// A worker thread of parallel.ts: reads the files it is sent, one at a time,
// and posts back each file's sums (or its problems) as plain data.
import { workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { readFile, rowReading } from './file-reader.js';
import type { ReadTask, TaskOutcome, WorkerSetup } from './parallel.js';

const { port, signal, dialect, vocabulary } = workerData as WorkerSetup;
const reading = rowReading(vocabulary);

port.on('message', (task: ReadTask) => {
  let outcome: TaskOutcome;
  try {
    outcome = { index: task.index, result: readFile(task.kind, task.file, dialect, reading) };
  } catch (error) {
    outcome =
      error instanceof UserError
        ? { index: task.index, problems: error.problems, more: error.more }
        : {
            index: task.index,
            internal: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined,
          };
  }
  port.postMessage(outcome);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
