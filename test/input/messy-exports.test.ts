// Exports as people save them, not as the fixture generator writes them:
// Excel's Windows-1251 ";" CSV with padded empty columns and an "Итого:" row,
// a BOM with every cell quoted, a row number column, rows of only delimiters.
import { describe, expect, it } from 'vitest';
import { aggregates, headcountsOf, inputDir, load, monitoringOf, problemsOf } from './files.js';

// Excel "CSV (разделители — точка с запятой)": every row padded to the widest
// row with ";", numbers as displayed (no-break space between thousands).
const EXCEL_HEADCOUNTS = [
  'Муниципалитет;ИНН;Наименование организации;Тип организации;Численность работников;Численность обучающихся;',
  'Бай-Тайгинский кожуун;1700093949;Управление образования;ОУО;15;0;',
  'Бай-Тайгинский кожуун;1700018382;МБОУ СОШ № 1 с. Тээли;школа;57;486;',
  'г. Кызыл;1700015010;"МБОУ ""Гимназия № 9""; г. Кызыл";школа;1\u00a0131;1\u00a0204;',
  'Республика Тыва;1701000001;Министерство образования Республики Тыва;РОИВ;80;0;',
  ';;;;;;',
  'Итого:;;;;1\u00a0283;1\u00a0690;',
];

// Saved by another tool: BOM, every cell quoted, a row number first, an empty last column.
const QUOTED_MONITORING = [
  '"№ п/п","Муниципалитет","Наименование организации","Тип ОО","Неделя","Работники, пишущие сообщения","Обучающиеся, активные","Родители, активные","Пользователи в VK Мессенджере","Пользователи, всего",""',
  '"1","Бай-Тайгинский кожуун","Управление образования","ОМСУ","22.12.2025 - 28.12.2025","15","0","0","2","15",""',
  '"2","Бай-Тайгинский","МБОУ СОШ № 1 с. Тээли","ОО","22.12.2025 - 28.12.2025","41","145","127","112","903",""',
  ',,,,,,,,,,',
  '"3","Город Кызыл","МБОУ ""Гимназия № 9"", г. Кызыл","ОО","22.12.2025 - 28.12.2025","98","512","470","160","1 688",""',
  '"4","Республика Тыва","Министерство образования","РОИВ","22.12.2025 - 28.12.2025","75","0","0","10","80",""',
];

function writeBoth() {
  const { write } = inputDir();
  return {
    write,
    headcounts: write('численность.csv', `${EXCEL_HEADCOUNTS.join('\r\n')}\r\n`, 'windows-1251'),
    monitoring: write('мониторинг.csv', `${QUOTED_MONITORING.join('\n')}\n`, 'utf-8-bom'),
  };
}

describe('an Excel-saved Windows-1251 ";" export and a fully quoted one', () => {
  it('read to the numbers in the cells', () => {
    const { headcounts, monitoring } = writeBoth();
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(aggregates(inputs).headcounts).toEqual({
      'municipality:Бай-Тайгинский кожуун': {
        authority: { staff: 15, students: 0, rows: 1 },
        school: { staff: 57, students: 486, rows: 1 },
      },
      'municipality:г. Кызыл': { school: { staff: 1131, students: 1204, rows: 1 } },
      'regional:Республика Тыва': { authority: { staff: 80, students: 0, rows: 1 } },
    });
    expect(monitoringOf(inputs, '2025-12-28', 'г. Кызыл', 'school')).toEqual({
      staffWriting: 98,
      studentsActive: 512,
      parentsActive: 470,
      usersVk: 160,
      usersTotal: 1688,
      rows: 1,
    });
    expect(monitoringOf(inputs, '2025-12-28', 'Бай-Тайгинский кожуун', 'school')?.usersTotal).toBe(
      903,
    );
  });

  it('skip the "Итого:" row, which agrees with the sums, and the rows of only delimiters', () => {
    const { headcounts, monitoring } = writeBoth();
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(inputs.warnings.map((w) => w.code)).toEqual([]);
    expect(
      inputs.files.map((f) => [f.encoding, f.bom, f.delimiter, f.rows, f.totalRows, f.blankLines]),
    ).toEqual([
      ['windows-1251', false, ';', 5, 1, 1],
      ['utf-8', true, ',', 4, 0, 1],
    ]);
  });

  it('warn when the "Итого:" row disagrees, and count the rows, not the total', () => {
    const { write, monitoring } = writeBoth();
    const headcounts = write(
      'h.csv',
      `${EXCEL_HEADCOUNTS.map((l) => l.replace('Итого:;;;;1\u00a0283', 'Итого:;;;;1\u00a0300')).join('\r\n')}\r\n`,
      'windows-1251',
    );
    const inputs = load({ monitoring: [monitoring], headcounts });
    expect(inputs.warnings).toEqual([
      {
        code: 'total-mismatch',
        file: headcounts,
        line: 7,
        column: 'Численность работников',
        given: 1300,
        computed: 1283,
      },
    ]);
    expect(headcountsOf(inputs, 'г. Кызыл', 'school')?.staff).toBe(1131);
  });

  it('a report title above the header is refused at line 1, saying what the line holds', () => {
    const { write, monitoring } = writeBoth();
    const headcounts = write(
      'h.csv',
      `${['Численность на 01.09.2025;;;;;;', ...EXCEL_HEADCOUNTS].join('\r\n')}\r\n`,
      'windows-1251',
    );
    const error = problemsOf(() => load({ monitoring: [monitoring], headcounts }));
    expect(error.problems[0]).toMatchObject({
      code: 'missing-column',
      line: 1,
      found: ['Численность на 01.09.2025', '', '', '', '', '', ''],
    });
  });
});
