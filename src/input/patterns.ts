// File patterns such as `monitoring-*.csv`, expanded as a POSIX shell would:
// cmd.exe and PowerShell hand the pattern over unexpanded.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const WILDCARD = /[*?]/;

/** A file name pattern (`*` any characters, `?` one) as a regular expression. */
function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  // Windows file names ignore case, so its patterns do too.
  return new RegExp(`^${source}$`, process.platform === 'win32' ? 'iu' : 'u');
}

/**
 * The files a path names: the path itself when it exists, is `-`, or has no
 * wildcard in its last part; else the files of its folder that match, in
 * name order (dates in names sort by date). A pattern that matches nothing is
 * kept, so that reading it says the file is not found.
 */
export function expandPattern(path: string): string[] {
  const name = basename(path);
  if (path === '-' || !WILDCARD.test(name) || existsSync(path)) return [path];
  const dir = dirname(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [path];
  }
  const regExp = patternRegExp(name);
  const matches = entries
    .filter((entry) => regExp.test(entry) && (name.startsWith('.') || !entry.startsWith('.')))
    .sort();
  if (matches.length === 0) return [path];
  return matches.map((entry) => (dir === '.' && !path.startsWith('.') ? entry : join(dir, entry)));
}
