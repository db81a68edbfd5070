import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbHandle } from '../../db/client.js';
import { importJobs, publicationEvents, publications } from '../../db/schema/index.js';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { Actor, ServiceContext } from '../context.js';
import { importPublications, type ImportProgress } from './import-publications.js';
import { createPublication } from './create-publication.js';
import { searchPublications } from './search.js';

let handle: DbHandle;
let dir: string;
let actor: Actor;
const ctx = (): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now: new Date('2024-12-02T04:00:00Z'), today: '2024-12-02', actor });
const count = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(publications))[0].n;

/** GBK bytes of a string (the encoder Node lacks): via the gb18030 decoder's inverse over the BMP. */
function encodeGbk(s: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) {
    if (lo === 0x7f) continue;
    const ch = dec.decode(new Uint8Array([hi, lo]));
    if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
  }
  return Buffer.from([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? [0x3f])));
}

beforeAll(async () => {
  handle = await getTestDb();
  const id = await buildUser(handle, { username: 'pub', roles: ['publisher'] });
  actor = { id, username: 'pub', displayName: '发布员', roles: ['publisher'], departmentId: null };
  dir = await mkdtemp(join(tmpdir(), 'gk-import-'));
});

describe('gongkai import publications', () => {
  it('rejects a bad file whole, listing every error by row, column and value', async () => {
    const csv = `索引号,标题,发布日期,成文日期,有效性\nA-1,第一条,2024-01-05,,有效\nA-2,,2024-02-30,,有效\nA-1,重复的索引号,2024-03-01,2024-03-05,作废\n含 空格,第四条,2025-01-01,,\n`;
    await writeFile(join(dir, 'bad.csv'), csv);
    const r = await importPublications(ctx(), join(dir, 'bad.csv'));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => `${e.row}|${e.column}|${e.value}|${e.message}`)).toEqual([
      '3|标题||标题不能为空',
      '3|发布日期|2024-02-30|不是有效日期（可写作 2024-01-05、2024/1/5 或 2024年1月5日）',
      '4|成文日期|2024-03-05|成文日期 2024-03-05 晚于发布日期 2024-03-01，请核对',
      '4|有效性|作废|有效性应为“有效”“废止”或“失效”',
      '5|索引号|含 空格|索引号只能由英文字母、数字和 / - _ . 组成（不超过80个字符，不含空格和中文）',
      '5|发布日期|2025-01-01|日期 2025-01-01 晚于今天（2024-12-02），请核对',
    ]);
    expect(await count()).toBe(0);
    const [job] = await handle.db.select().from(importJobs).where(eq(importJobs.id, r.jobId));
    expect(job).toMatchObject({ kind: 'publications', status: 'failed', filename: 'bad.csv' });
  });

  it('reports duplicate 索引号 within the file once the rows are otherwise valid', async () => {
    await writeFile(join(dir, 'dup.csv'), '索引号,标题,发布日期\nB-1,甲,2024-01-05\nB-1,乙,2024-01-06\n');
    const r = await importPublications(ctx(), join(dir, 'dup.csv'));
    expect(r.errors).toEqual([{ row: 3, column: '索引号', value: 'B-1', message: '索引号与第 2 行重复' }]);
  });

  it('names missing required columns', async () => {
    await writeFile(join(dir, 'cols.csv'), '标题,正文\n甲,乙\n');
    const r = await importPublications(ctx(), join(dir, 'cols.csv'));
    expect(r.errors.map((e) => e.message)).toEqual(['缺少必填列“索引号”（第1行应为表头，可用中文或英文 indexNo）', '缺少必填列“发布日期”（第1行应为表头，可用中文或英文 publishedOn）']);
  });

  it('imports a GBK CSV (Excel on Chinese Windows) in batches, with progress', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => `C-${i + 1},第${i + 1}号公告：关于城镇土地使用税的说明,2024/${(i % 11) + 1}/5,${i % 2 ? '法规文件' : '统计信息'},正文${i + 1}：土地使用税按年计算、分期缴纳。`);
    await writeFile(join(dir, 'gbk.csv'), encodeGbk(`索引号,标题,发布日期,公开目录,正文\n${rows.join('\n')}\n`));
    const progress: ImportProgress[] = [];
    const r = await importPublications(ctx(), join(dir, 'gbk.csv'), { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ ok: true, total: 23, inserted: 23, updated: 0, errors: [] });
    expect(progress.filter((p) => p.phase === 'write').map((p) => p.processed)).toEqual([10, 20, 23]);
    const found = await searchPublications(handle.db, { q: '土地使用税' });
    expect(found.total).toBe(23);
    expect(found.items[0].title).toMatch(/^第\d+号公告：关于城镇土地使用税的说明$/);
    const [ev] = await handle.db.select().from(publicationEvents).where(eq(publicationEvents.type, 'imported')).limit(1);
    expect(ev).toMatchObject({ seq: 1, payload: { file: 'gbk.csv' } });
  });

  it('imports XLSX with Excel date cells and English headers; re-import updates by 索引号', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息');
    ws.addRow(['indexNo', 'title', 'publishedOn', 'writtenOn', 'normativeKind', 'validity', 'validityChangedOn', 'channels', 'body']);
    ws.addRow(['D-1', '示范市不动产登记办法', new Date(Date.UTC(2021, 4, 10)), new Date(Date.UTC(2021, 4, 6)), '规章', '废止', '2024年6月30日', '公报、网站', '第一条 为规范不动产登记……']);
    ws.addRow(['D-2', { richText: [{ text: '示范市' }, { text: '征地补偿标准' }] }, 45300, null, '行政规范性文件', '有效', null, '网站', '征地补偿标准如下']);
    await wb.xlsx.writeFile(join(dir, 'portal.xlsx'));
    const r1 = await importPublications(ctx(), join(dir, 'portal.xlsx'));
    expect(r1).toMatchObject({ ok: true, total: 2, inserted: 2 });
    const [d1] = await handle.db.select().from(publications).where(eq(publications.indexNo, 'D-1'));
    expect(d1).toMatchObject({ title: '示范市不动产登记办法', publishedOn: '2021-05-10', writtenOn: '2021-05-06', formedOn: '2021-05-06', normativeKind: 'regulation', validity: 'repealed', validityChangedOn: '2024-06-30', channels: ['gazette', 'website'], state: 'published', source: 'import' });
    const [d2] = await handle.db.select().from(publications).where(eq(publications.indexNo, 'D-2'));
    expect(d2).toMatchObject({ title: '示范市征地补偿标准', publishedOn: '2024-01-09' });

    await writeFile(join(dir, 'again.json'), JSON.stringify([{ 索引号: 'D-2', 标题: '示范市征地补偿标准（修订）', 发布日期: '2024-01-09', 正文: '修订后的标准' }]));
    const r2 = await importPublications(ctx(), join(dir, 'again.json'));
    expect(r2).toMatchObject({ ok: true, inserted: 0, updated: 1 });
    const [u] = await handle.db.select().from(publications).where(eq(publications.indexNo, 'D-2'));
    expect(u).toMatchObject({ id: d2.id, title: '示范市征地补偿标准（修订）', eventCount: 2 });
    expect((await searchPublications(handle.db, { q: '修订 征地' })).items[0].indexNo).toBe('D-2');
  });

  it('does not let an import overwrite an item drafted in the workbench', async () => {
    const { id } = await createPublication(ctx(), { title: '系统内起草的信息', indexNo: 'E-1' });
    await writeFile(join(dir, 'clash.jsonl'), '{"索引号":"E-1","标题":"覆盖","发布日期":"2024-01-01"}\n');
    const r = await importPublications(ctx(), join(dir, 'clash.jsonl'));
    expect(r.errors).toEqual([{ row: 2, column: '索引号', value: 'E-1', message: '该索引号已被系统内起草发布的信息使用，导入不能覆盖它；请更正索引号' }]);
    const [row] = await handle.db.select().from(publications).where(eq(publications.id, id));
    expect(row.title).toBe('系统内起草的信息');
  });

  it('refuses unknown file types by name', async () => {
    await expect(importPublications(ctx(), join(dir, 'x.docx'))).rejects.toThrow(/不支持的文件类型/);
  });
});
