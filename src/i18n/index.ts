import type { Problem } from '../errors.js';
import type { Warning } from '../warnings.js';
import type { Catalogue, Lang } from './catalogue.js';
import { en } from './en.js';
import { ru } from './ru.js';

export type { Catalogue, Lang } from './catalogue.js';
export { LANGS } from './catalogue.js';

export const CATALOGUES: Record<Lang, Catalogue> = { ru, en };

/** "file:line: column «X»: " — where a problem or warning is. */
function place(t: Catalogue, p: { file?: string; line?: number; column?: string }): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.file === '-' ? '<stdin>' : p.file);
  if (p.line !== undefined) parts.push(String(p.line));
  let out = parts.join(':');
  if (p.column !== undefined) out += `${out ? ': ' : ''}${t.column} «${p.column}»`;
  return out ? `${out}: ` : '';
}

export function problemText(t: Catalogue, problem: Problem): string {
  const render = t.problems[problem.code] as (p: Problem) => string;
  return place(t, problem) + render(problem);
}

export function warningText(t: Catalogue, warning: Warning): string {
  const render = t.warnings[warning.code] as (w: Warning) => string;
  return place(t, warning) + render(warning);
}
