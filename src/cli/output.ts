// Where output goes: stdout, or a file written whole or not at all. Warnings
// go to stderr.
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { lazyCrypto } from '../builtins.js';
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

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write has failed already; that is the error to report.
  }
}

function failed(out: string, error: unknown): UserError {
  return new UserError({
    code: 'output-failed',
    file: out,
    reason: (error as NodeJS.ErrnoException).code ?? String(error),
  });
}

/**
 * Writes to a temporary file beside the target, flushed to disk, and renames
 * it into place: the target is either the old file or the whole new one,
 * never half of it, even if the run is killed. Never writes over an input:
 * the same file is recognised by device and inode, so `./x.csv`, a symlink
 * or a hard link to an input are refused too.
 */
export function writeOutput(
  text: string,
  out: string | undefined,
  inputs: readonly string[],
): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  const existing = statOf(out);
  if (existing) {
    for (const input of inputs) {
      const stats = input === '-' ? undefined : statOf(input);
      if (stats && stats.dev === existing.dev && stats.ino === existing.ino)
        throw new UserError({ code: 'output-is-input', file: out });
    }
    if (existing.isDirectory()) throw failed(out, { code: 'EISDIR' });
    if (!existing.isFile()) {
      // A device or a named pipe (/dev/stdout, a FIFO): nothing to replace, write to it.
      try {
        writeFileSync(out, text);
      } catch (error) {
        throw failed(out, error);
      }
      return;
    }
  }
  // Through a symlink, the file it points to is replaced and the link kept.
  const target = realPath(out);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${lazyCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    // A replaced file keeps its permissions.
    if (existing) fchmodSync(fd, existing.mode & 0o7777);
    writeFileSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    rmSync(temporary, { force: true });
    throw failed(out, error);
  }
}

export function printWarnings(warnings: readonly Warning[], t: Catalogue): void {
  for (const warning of warnings)
    process.stderr.write(`${t.warning}: ${warningText(t, warning)}\n`);
}
