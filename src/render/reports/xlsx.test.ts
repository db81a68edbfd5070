import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import { buildAnnualReport, GOV2014_LINES, GOV2021_ROWS, GOV2019_ROWS } from '../../core/reports/index.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from '../../core/reports/testing.js';
import type { Gov2014Report, Gov2019Report, Gov2021Report } from '../../core/reports/types.js';
import { readReportXlsx, renderReportXlsx } from './xlsx.js';

const r2021 = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某市自然资源局', ...ledger2024(), facts: { licensingDecisions: 120, regulationsIssued: '/' } }) as Gov2021Report;
const r2019 = buildAnnualReport({ format: 'gov-2019', year: 2024, agency: '某局', ...ledger2024() }) as Gov2019Report;
const r2014 = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS }) as Gov2014Report;

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const merges = (ws: ExcelJS.Worksheet) => [...(ws.model.merges as string[])].sort();
const COLS = 'DEFGHIJ';

describe('renderReportXlsx gov-2021', async () => {
  const wb = await load(await renderReportXlsx(r2021));

  it('has one sheet per official table, the checks and the hidden data sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['二、主动公开情况', '三、收到和处理申请情况', '四、复议诉讼情况', '校验结果', '_data']);
    expect(wb.getWorksheet('_data')!.state).toBe('hidden');
  });

  it('part 三 has the merged header and row-label cells of the official table', () => {
    const ws = wb.getWorksheet('三、收到和处理申请情况')!;
    expect(merges(ws)).toEqual([
      'A1:J1', 'A2:J2', // caption and 填报单位
      'A3:C5', 'D3:J3', 'D4:D5', 'E4:I4', 'J4:J5', // header
      'A6:C6', 'A7:C7', // 一、二
      'A8:A29', 'B8:C8', 'B9:C9', 'B10:B17', 'B18:B20', 'B21:B25', 'B26:B28', 'B29:C29', // 三
      'A30:C30', // 四
    ].sort());
    expect(ws.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect([ws.getCell('D3').value, ws.getCell('D4').value, ws.getCell('E4').value, ws.getCell('J4').value]).toEqual(['申请人情况', '自然人', '法人或其他组织', '总计']);
    expect(['E5', 'F5', 'G5', 'H5', 'I5'].map((a) => ws.getCell(a).value)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect([ws.getCell('A6').value, ws.getCell('A8').value, ws.getCell('B10').value, ws.getCell('C10').value, ws.getCell('C28').value, ws.getCell('B29').value, ws.getCell('A30').value])
      .toEqual(['一、本年新收政府信息公开申请数量', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '3.其他', '（七）总计', '四、结转下年度继续办理']);
  });

  it('part 三 holds every number of the report, row by row', () => {
    const ws = wb.getWorksheet('三、收到和处理申请情况')!;
    GOV2021_ROWS.forEach((def, i) => {
      const cells = [...COLS].map((c) => ws.getCell(`${c}${6 + i}`).value);
      expect(cells, def.key).toEqual(r2021.requests.rows[def.key]);
    });
    expect(ws.getCell('J6').value).toBe(73);
    expect(ws.getCell('J29').value).toBe(72);
  });

  it('part 四 has 行政复议 / 行政诉讼 headers merged and the 15 numbers', () => {
    const ws = wb.getWorksheet('四、复议诉讼情况')!;
    expect(merges(ws)).toEqual(['A1:O1', 'A2:O2', 'A3:E3', 'F3:O3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:J4', 'K4:O4'].sort());
    expect([ws.getCell('A3').value, ws.getCell('F3').value, ws.getCell('F4').value, ws.getCell('K4').value]).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
    expect([...'ABCDEFGHIJKLMNO'].map((c) => ws.getCell(`${c}6`).value)).toEqual([3, 5, 5, 3, 16, 1, 1, 1, 1, 4, 2, 1, 1, 1, 5]);
  });

  it('part 二 shows entered values, shaded, and leaves unreported cells blank', () => {
    const ws = wb.getWorksheet('二、主动公开情况')!;
    expect(ws.getCell('A3').value).toBe('第二十条第（一）项');
    expect([ws.getCell('A5').value, ws.getCell('B5').value, ws.getCell('C5').value]).toEqual(['规章', '/', null]);
    expect([ws.getCell('A9').value, ws.getCell('B9').value]).toEqual(['行政许可', 120]);
    expect(merges(ws)).toContain('B9:D9');
    expect((ws.getCell('B9').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
  });

  it('lists the checks', () => {
    const ws = wb.getWorksheet('校验结果')!;
    expect(ws.getCell('A1').value).toBe('校验规则');
    expect(ws.getCell('A2').value).toBe('勾稽关系：第一项加第二项之和，等于第三项加第四项之和（每一列）');
    expect(ws.getCell('B2').value).toBe('通过');
  });
});

describe('renderReportXlsx gov-2019 and gov-2014', () => {
  it('gov-2019 part 三 has 23 rows with （六）其他处理 as one merged label', async () => {
    const ws = (await load(await renderReportXlsx(r2019))).getWorksheet('三、收到和处理申请情况')!;
    expect(merges(ws)).toEqual(expect.arrayContaining(['A8:A27', 'B26:C26', 'B27:C27', 'A28:C28']));
    GOV2019_ROWS.forEach((def, i) => expect([...COLS].map((c) => ws.getCell(`${c}${6 + i}`).value)).toEqual(r2019.requests.rows[def.key]));
    expect(ws.getCell('B26').value).toBe('（六）其他处理');
  });

  it('gov-2014 is the 统计表 with 统计指标 / 单位 / 统计数 and the seed’s figures', async () => {
    const ws = (await load(await renderReportXlsx(r2014))).getWorksheet('政府信息公开情况统计表')!;
    expect(merges(ws)).toEqual(['A1:C1', 'A2:C2', 'A3:C3']);
    expect([ws.getCell('A1').value, ws.getCell('A2').value, ws.getCell('A3').value]).toEqual(['政府信息公开情况统计表', '（2016年度）', '填报单位：国土资源部']);
    expect([ws.getCell('A4').value, ws.getCell('B4').value, ws.getCell('C4').value]).toEqual(['统 计 指 标', '单位', '统计数']);
    const byLabel = new Map(GOV2014_LINES.map((l, i) => [l.label, ws.getCell(`C${5 + i}`).value]));
    expect(byLabel.get('（一）收到申请数')).toBe(1045);
    expect(byLabel.get('3.网络申请数')).toBe(182);
    expect(byLabel.get('1.按时办结数')).toBe(1032);
    expect(byLabel.get('7.告知作出更改补充数')).toBe(28);
    expect(byLabel.get('（二）被依法纠错数')).toBe(10); // the last such line is 五、行政诉讼
    expect(byLabel.get('2.政府网站公开政府信息数')).toBe('80余万');
    expect(byLabel.get('（三）接受培训人员数')).toBe(1570);
    expect(ws.getCell(`B${5 + GOV2014_LINES.findIndex((l) => l.path === 'feesWanYuan')}`).value).toBe('万元');
  });
});

describe('readReportXlsx', () => {
  it.each([['gov-2021', r2021], ['gov-2019', r2019], ['gov-2014', r2014]] as const)('reads back a %s workbook', async (_f, report) => {
    const back = await readReportXlsx(await renderReportXlsx(report));
    const { checks: _c, ...rest } = report;
    const { checks, ...backRest } = back;
    expect(backRest).toEqual(rest);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('takes a table cell edited after export from the sheet and says so', async () => {
    const wb = await load(await renderReportXlsx(r2021));
    wb.getWorksheet('三、收到和处理申请情况')!.getCell('D6').value = 36;
    const back = (await readReportXlsx(Buffer.from(await wb.xlsx.writeBuffer()))) as Gov2021Report;
    expect(back.requests.rows.received[0]).toBe(36);
    const failing = back.checks.filter((c) => !c.ok);
    expect(failing.map((c) => c.rule)).toEqual(['勾稽关系：第一项加第二项之和，等于第三项加第四项之和（每一列）', '每一行的总计等于自然人与五类法人或其他组织之和', 'XLSX表格数值与系统导出时一致']);
    expect(failing[2].detail).toContain('三、收到和处理申请情况!D6由35改为36');
  });

  it('refuses a workbook this system did not write', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '申请人情况';
    await expect(readReportXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toSatisfy((e: unknown) =>
      isDomainError(e) && e.message.includes('缺少内嵌数据工作表“_data”'));
    await expect(readReportXlsx(Buffer.from('not a zip'))).rejects.toThrow('文件不是有效的XLSX工作簿');
  });
});
