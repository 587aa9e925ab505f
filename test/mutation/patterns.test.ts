// A path without a wildcard is the user's own spelling of it: it comes back
// exactly as typed, so that messages name the file as the user wrote it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { expandPattern } from '../../src/input/patterns.js';
import { tempDir } from '../helpers/cli.js';

it('a path without a wildcard is kept as typed, whether or not the file exists', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'monitoring-1.csv'), '');
  for (const path of [
    `${dir}/./monitoring-1.csv`,
    `${dir}//monitoring-1.csv`,
    `${dir}/./monitoring-2.csv`,
  ])
    expect(expandPattern(path)).toEqual([path]);
});
