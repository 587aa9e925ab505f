// A line on stderr while large inputs are read ("чтение файлов: 12 из 40…"),
// rewritten in place and erased when reading ends. Only on a terminal: never
// in a pipe, a file or CI, where it would be noise in a log.
import type { Lang } from '../i18n/index.js';
import { readProgress } from '../input/parallel.js';
import { isTerminal, writeStd } from './std.js';

/** Reading that ends sooner than this shows nothing. */
const DELAY_MS = 1000;

const TEXT: Record<Lang, (done: number, total: number) => string> = {
  ru: (done, total) => `чтение файлов: ${done} из ${total}…`,
  en: (done, total) => `reading files: ${done} of ${total}…`,
};

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Whether a progress line may be drawn: stderr is a terminal and this is not CI. */
export function progressAllowed(stream: Terminal, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci;
}

export interface Progress {
  /** Erases the line if one is drawn (before an error is printed, or at the end). */
  clear(): void;
}

/**
 * Listens to the reading of input files and draws the count of files read
 * once reading has taken about a second (SFERUM_KPI_PROGRESS_DELAY_MS, for
 * tests, changes the second).
 */
export function showReadProgress(
  lang: Lang,
  stream: Terminal = { isTTY: isTerminal(2), write: (text) => writeStd(2, text) },
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  const delay = Number(env.SFERUM_KPI_PROGRESS_DELAY_MS);
  const delayMs = Number.isFinite(delay) && delay >= 0 ? delay : DELAY_MS;
  let drawn = false;
  const clear = () => {
    if (!drawn) return;
    stream.write('\r\u001b[2K');
    drawn = false;
  };
  if (!progressAllowed(stream, env)) return { clear };
  let started = 0;
  readProgress.listener = (done, total) => {
    if (done === 0) started = Date.now();
    if (done >= total) clear();
    else if (Date.now() - started >= delayMs) {
      stream.write(`\r\u001b[2K${TEXT[lang](done, total)}`);
      drawn = true;
    }
  };
  return { clear };
}
