// Where output goes: stdout, or a file written whole or not at all. Warnings
// go to stderr.
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { type Catalogue, warningText } from '../i18n/index.js';
import type { Warning } from '../warnings.js';

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Writes to a temporary file beside the target and renames it into place. */
export function writeOutput(
  text: string,
  out: string | undefined,
  inputs: readonly string[],
): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  const target = realPath(out);
  if (inputs.some((input) => input !== '-' && realPath(input) === target)) {
    throw new UserError({ code: 'output-is-input', file: out });
  }
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError({
      code: 'output-failed',
      file: out,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

export function printWarnings(warnings: readonly Warning[], t: Catalogue): void {
  for (const warning of warnings)
    process.stderr.write(`${t.warning}: ${warningText(t, warning)}\n`);
}
