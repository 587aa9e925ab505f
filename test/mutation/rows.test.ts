// A monitoring export whose rows are all refused: its problems are named,
// and it is not also called empty.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadInputs } from '../../src/input/load.js';
import { buildVocabulary } from '../../src/input/vocabulary.js';
import { tempDir } from '../helpers/cli.js';

const H = 'Муниципалитет,Тип организации,Работники,Обучающиеся';
const M =
  'Муниципалитет,Тип организации,"Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные",Пользователи в VK Мессенджере,"Пользователи, всего"';

it('an export whose only row has too few cells is that problem, not no-rows', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'h.csv'), `${H}\nг. Кызыл,ОО,10,100\n`);
  writeFileSync(join(dir, 'm.csv'), `${M}\nг. Кызыл,ОО,1,2,3\n`);
  let problems: unknown[] = [];
  try {
    loadInputs({
      headcounts: join(dir, 'h.csv'),
      monitoring: [join(dir, 'm.csv')],
      vocabulary: buildVocabulary(),
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems = error.problems.map((p) => [p.code, (p as { line?: number }).line]);
  }
  expect(problems).toEqual([['field-count', 2]]);
});
