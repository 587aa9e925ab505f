// A worker thread of parallel.ts: reads the files it is sent, one at a time,
// and posts back each file's sums (or its problems) as plain data, its
// groups packed into one buffer that is transferred, not copied.
import { workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { readFile, rowReading } from './file-reader.js';
import { packGroups, type TaskOutcome, type WorkerMessage, type WorkerSetup } from './parallel.js';

const { port, signal, dialect, vocabulary } = workerData as WorkerSetup;
const reading = rowReading(vocabulary);
/** Buffers this worker posted, given back once their groups were merged. */
const spares: ArrayBuffer[] = [];

port.on('message', (message: WorkerMessage) => {
  if ('spare' in message) {
    spares.push(message.spare);
    return;
  }
  const task = message;
  let outcome: TaskOutcome;
  const transfer: ArrayBuffer[] = [];
  try {
    const { groups, ...result } = readFile(task.kind, task.file, dialect, reading, task.digest);
    const packed = packGroups(groups, spares.pop());
    transfer.push(packed.numbers.buffer as ArrayBuffer);
    outcome = { index: task.index, result, packed };
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
  port.postMessage(outcome, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
