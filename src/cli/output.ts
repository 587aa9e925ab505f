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
import { writeStd } from './std.js';

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

/** A failure to write (an errno error) as the user's problem; anything else, such as a renderer's bug, as it is. */
function failed(out: string, error: unknown): unknown {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === undefined) return error;
  return new UserError({
    code: 'output-failed',
    file: out,
    reason: (error as NodeJS.ErrnoException).code ?? String(error),
  });
}

/**
 * What a command writes: one text, or a text in parts, made as they are
 * written (a long `trend` CSV or JSON need not exist whole in memory).
 */
export type Output = string | Iterable<string>;

function partsOf(text: Output): Iterable<string> {
  return typeof text === 'string' ? [text] : text;
}

/**
 * Writes to a temporary file beside the target, flushed to disk, and renames
 * it into place: the target is either the old file or the whole new one,
 * never half of it, even if the run is killed. Never writes over an input:
 * the same file is recognised by device and inode, so `./x.csv`, a symlink
 * or a hard link to an input are refused too.
 */
export function writeOutput(
  text: Output,
  out: string | undefined,
  inputs: readonly string[],
): void {
  if (out === undefined || out === '-') {
    try {
      // A reader gone (`| head -3`) gets nothing more, and nothing more is made for it.
      for (const part of partsOf(text)) if (!writeStd(1, part)) return;
    } catch (error) {
      throw failed('<stdout>', error);
    }
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
      let fd: number | undefined;
      try {
        fd = openSync(out, 'w');
        for (const part of partsOf(text)) writeFileSync(fd, part);
        closeSync(fd);
      } catch (error) {
        if (fd !== undefined) closeQuietly(fd);
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
    for (const part of partsOf(text)) writeFileSync(fd, part);
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
  for (const warning of warnings) writeStd(2, `${t.warning}: ${warningText(t, warning)}\n`);
}
