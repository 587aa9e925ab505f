// Standard output and standard error. A terminal gets Node's stream, which
// also writes Cyrillic correctly to a Windows console; a pipe, a file or
// /dev/null is written with fs.writeSync. Building process.stdout or
// process.stderr for a pipe makes a socket and loads Node's tty, net and
// stream modules: about 10 ms of CPU in a run on the bundled fixtures that
// takes 40-50 ms more than `node -e 0` (docs/performance.md).
import { fstatSync, type Stats, statSync, writeSync } from 'node:fs';
import { lazyTty } from '../builtins.js';

/** Standard output (1) or standard error (2). */
export type StdFd = 1 | 2;

const terminal = new Map<StdFd, boolean>();
/** The reader of a pipe has gone (EPIPE): nothing more is written there. */
const gone = new Set<StdFd>();
let stdoutErrorHandler: ((error: NodeJS.ErrnoException) => void) | undefined;
/** Slept on while a full non-blocking pipe drains. */
const pause = new Int32Array(new SharedArrayBuffer(4));

function statOf(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

function isDevNull(stats: Stats): boolean {
  try {
    return stats.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * Whether fd is a terminal. Only a character device can be one; the null
 * device is not, so a run with its output thrown away (`> /dev/null`) does not
 * load Node's tty module to ask.
 */
export function isTerminal(fd: StdFd): boolean {
  let answer = terminal.get(fd);
  if (answer === undefined) {
    const stats = statOf(fd);
    answer = stats?.isCharacterDevice() === true && !isDevNull(stats) && lazyTty().isatty(fd);
    terminal.set(fd, answer);
  }
  return answer;
}

/** How a failure to write to a terminal's stdout is reported (set by main). */
export function onStdoutError(handler: (error: NodeJS.ErrnoException) => void): void {
  stdoutErrorHandler = handler;
}

/** Streams made for a terminal: what they were given may still be on its way out. */
const streams = new Set<StdFd>();

/** Whether everything written so far has been written (no terminal stream was used). */
export function allWritten(): boolean {
  return streams.size === 0;
}

function terminalStream(fd: StdFd): NodeJS.WriteStream {
  streams.add(fd);
  if (fd === 2) return process.stderr;
  const stream = process.stdout;
  if (stdoutErrorHandler && stream.listenerCount('error') === 0)
    stream.on('error', stdoutErrorHandler);
  return stream;
}

/**
 * Every byte of text through `write` (fs.writeSync's arguments), which may
 * write part of what it is given, or refuse (EAGAIN) while a non-blocking
 * pipe is full: then it waits a millisecond and tries again.
 */
export function writeAll(
  text: string,
  write: (bytes: Buffer, offset: number, length: number) => number,
): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += write(bytes, at, bytes.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/**
 * Writes text to standard output or standard error. False once the reader of
 * a pipe has gone (`… | head -3`): the run goes on quietly and nothing more
 * is written there. Any other failure to write to stdout is thrown (an errno
 * error); a failure to write to stderr leaves nowhere to tell of it.
 */
export function writeStd(fd: StdFd, text: string): boolean {
  if (gone.has(fd)) return false;
  if (isTerminal(fd)) {
    terminalStream(fd).write(text);
    return true;
  }
  try {
    writeAll(text, (bytes, offset, length) => writeSync(fd, bytes, offset, length));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE' || fd === 2) {
      gone.add(fd);
      return false;
    }
    throw error;
  }
}

/** The terminal's width in columns, when stdout is a terminal. */
export function terminalColumns(): number | undefined {
  return isTerminal(1) ? process.stdout.columns : undefined;
}
