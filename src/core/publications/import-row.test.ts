import { describe, expect, it } from 'vitest';
import { mapImportHeaders, parseImportDate, validateImportRow } from './import-row.js';

describe('parseImportDate', () => {
  const cases: [unknown, string | null][] = [
    ['2024-01-05', '2024-01-05'], ['2024/1/5', '2024-01-05'], ['2024.1.5', '2024-01-05'], ['2024年1月5日', '2024-01-05'],
    [' 2024年12月31日 ', '2024-12-31'], ['20240105', '2024-01-05'], ['2024-01-05 09:30:00', '2024-01-05'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'], [45296, '2024-01-05'], [45351, '2024-02-29'],
    ['', null], [null, null], [undefined, null],
    ['2023-02-29', 'invalid'], ['2024-13-01', 'invalid'], ['明天', 'invalid'], [0, 'invalid'],
  ];
  for (const [v, want] of cases) it(`${String(v instanceof Date ? v.toISOString() : v)} → ${want}`, () => expect(parseImportDate(v)).toBe(want));
});

describe('mapImportHeaders', () => {
  it('maps Chinese, English and alias headers, ignoring spaces, BOM and * marks', () => {
    const m = mapImportHeaders(['\uFEFF索引号', ' 标 题 ', '*发布日期', 'docNumber', '发文机关', '备注']);
    expect([...m.columns.entries()]).toEqual([[0, 'indexNo'], [1, 'title'], [2, 'publishedOn'], [3, 'docNumber'], [4, 'issuer']]);
    expect(m.errors).toEqual([]);
  });
  it('lists missing required columns and duplicates', () => {
    const m = mapImportHeaders(['标题', '名称']);
    expect(m.errors.map((e) => e.message)).toEqual([
      '表头“名称”与“标题”重复（都是标题），请删除其中一列',
      '缺少必填列“索引号”（第1行应为表头，可用中文或英文 indexNo）',
      '缺少必填列“发布日期”（第1行应为表头，可用中文或英文 publishedOn）',
    ]);
  });
});

describe('validateImportRow', () => {
  const headerOf = { indexNo: '索引号', title: '标题', publishedOn: '发布日期', writtenOn: '成文日期' } as const;
  const today = '2024-09-02';
  it('accepts a full row', () => {
    const r = validateImportRow({ indexNo: '000014349/2024-00001', title: '关于做好2024年耕地保护工作的通知', publishedOn: '2024/3/5', writtenOn: '2024年3月1日', docNumber: '示自然资发〔2024〕3号', normativeKind: '行政规范性文件', channels: '网站、公报', validity: '有效', body: '正文' }, 2, headerOf, today);
    expect(r.errors).toEqual([]);
    expect(r.row).toEqual({ indexNo: '000014349/2024-00001', title: '关于做好2024年耕地保护工作的通知', docNumber: '示自然资发〔2024〕3号', issuer: null, writtenOn: '2024-03-01', publishedOn: '2024-03-05', category: null, topic: null, body: '正文', summary: null, validity: 'effective', validityChangedOn: null, normativeKind: 'normative', channels: ['website', 'gazette'], disclosureMode: '主动公开' });
  });
  it('refuses control characters pasted into a cell, naming the column', () => {
    const r = validateImportRow({ indexNo: 'A-1', title: '通知\u0007', publishedOn: '2024-03-01', body: '正文\u0000' }, 4, headerOf, today);
    expect(r.row).toBeNull();
    expect(r.errors.map((e) => [e.column, e.message])).toEqual([['标题', '含有不允许的控制字符（U+0007），请删除后重新导入'], ['正文', '含有不允许的控制字符（U+0000），请删除后重新导入']]);
  });
  it('lists every error of a bad row with row, column and value', () => {
    const r = validateImportRow({ indexNo: '索引 1', title: '', publishedOn: '2024-02-30', writtenOn: '2024-10-01', validity: '作废', normativeKind: '通知', channels: '网站、抖音' }, 7, headerOf, today);
    expect(r.row).toBeNull();
    expect(r.errors).toEqual([
      { row: 7, column: '索引号', value: '索引 1', message: '索引号只能由英文字母、数字和 / - _ . 组成（不超过80个字符，不含空格和中文）' },
      { row: 7, column: '标题', value: '', message: '标题不能为空' },
      { row: 7, column: '发布日期', value: '2024-02-30', message: '不是有效日期（可写作 2024-01-05、2024/1/5 或 2024年1月5日）' },
      { row: 7, column: '成文日期', value: '2024-10-01', message: '日期 2024-10-01 晚于今天（2024-09-02），请核对' },
      { row: 7, column: '有效性', value: '作废', message: '有效性应为“有效”“废止”或“失效”' },
      { row: 7, column: '文件类型', value: '通知', message: '文件类型应为“规章”“行政规范性文件”或留空' },
      { row: 7, column: '发布渠道', value: '网站、抖音', message: '发布渠道“抖音”无法识别（可填：网站、公报、微博、微信、其他，多个用顿号分隔）' },
    ]);
  });
  it('refuses a written date after the publication date', () => {
    const r = validateImportRow({ indexNo: 'A-1', title: 't', publishedOn: '2024-03-01', writtenOn: '2024-03-02' }, 3, headerOf, today);
    expect(r.errors.map((e) => e.message)).toEqual(['成文日期 2024-03-02 晚于发布日期 2024-03-01，请核对']);
  });
  it('requires the publication date', () => {
    expect(validateImportRow({ indexNo: 'A-1', title: 't' }, 4, headerOf, today).errors.map((e) => `${e.column}:${e.message}`)).toEqual(['发布日期:发布日期不能为空']);
  });
  it('repealed items carry their date', () => {
    const r = validateImportRow({ indexNo: 'A-1', title: 't', publishedOn: '2020-01-01', validity: '废止', validityChangedOn: '2023-06-30', normativeKind: '规章' }, 5, headerOf, today);
    expect(r.row).toMatchObject({ validity: 'repealed', validityChangedOn: '2023-06-30', normativeKind: 'regulation', channels: ['website'] });
  });
});
