import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { catalogueCategories, publications } from '../../db/schema/index.js';
import { getTestDb, resetDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { ServiceContext } from '../context.js';
import { CATALOGUE_61, CATEGORY_NAME_ALIASES } from '../../core/publications/catalogue-61.js';
import { getPublicCatalogue, type CategoryNode } from './catalogue.js';
import { invalidatePublicCache } from './public-cache.js';
import { loadDemoPublications } from './demo.js';
import { searchPublications } from './search.js';
import { getGuide } from './guide.js';
import { getPublicationSettings } from './settings.js';
import { putSetting, DEFAULT_AGENCY } from '../settings.js';

let handle: DbHandle;
const MIGRATION = new URL('../../db/migrations/0011_catalogue_61.sql', import.meta.url);

/** Runs migration 0011 as the migrator does, statement by statement. */
async function migrate0011() {
  const text = await readFile(MIGRATION, 'utf8');
  for (const stmt of text.split('--> statement-breakpoint')) if (stmt.trim()) await handle.exec(stmt);
  invalidatePublicCache();
}

async function clear() {
  await handle.exec('DELETE FROM publications; DELETE FROM catalogue_categories;');
}

let seq = 0;
async function category(code: string, name: string, parent?: string, sortOrder = 0): Promise<number> {
  const parentId = parent ? (await handle.db.select().from(catalogueCategories).where(eq(catalogueCategories.code, parent)))[0].id : null;
  const [row] = await handle.db.insert(catalogueCategories).values({ code, name, parentId, sortOrder }).returning();
  return row.id;
}
async function item(title: string, categoryId: number, normativeKind: string | null = null): Promise<string> {
  const indexNo = `11510100MB0000000X/T-2025-${String(++seq).padStart(5, '0')}`;
  await handle.db.insert(publications).values({ indexNo, title, issuer: '示范市自然资源和规划局', formedOn: '2025-03-01', publishedOn: '2025-03-05', state: 'published', source: 'import', categoryId, normativeKind });
  return indexNo;
}
async function codeOf(indexNo: string): Promise<string> {
  const r = await handle.db.execute(sql`SELECT c.code FROM publications p JOIN catalogue_categories c ON c.id = p.category_id WHERE p.index_no = ${indexNo}`);
  return (r as unknown as { rows: { code: string }[] }).rows[0].code;
}
const roots = async () => (await handle.db.select().from(catalogueCategories).where(sql`parent_id IS NULL`).orderBy(asc(catalogueCategories.sortOrder))).map((r) => r.name);

beforeAll(async () => {
  handle = await getTestDb();
});

describe('migration 0011: one 公开目录 tree after 国办公开办函〔2019〕61号', () => {
  it('on an empty catalogue, creates the 61号 tree', async () => {
    await clear();
    await migrate0011();
    const rows = await handle.db.select().from(catalogueCategories);
    expect(rows.map((r) => r.code).sort()).toEqual(CATALOGUE_61.map((n) => n.code).sort());
    expect(await roots()).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
  });

  it('folds the old default tree and the demo\'s import-made categories (M019–M026) into it; items move, 索引号 stay', async () => {
    await clear();
    // The state issue 11 found: the old default tree (mostly empty) beside the categories the demo import created.
    const old: Record<string, number> = {};
    for (const [code, name, parent] of [['01', '机构职能'], ['02', '法规文件'], ['0201', '规章', '02'], ['0202', '行政规范性文件', '02'], ['0203', '其他文件', '02'], ['03', '政策解读'], ['04', '规划计划'], ['05', '行政许可和对外管理服务'], ['06', '行政处罚和行政强制'], ['07', '财政预决算'], ['08', '行政事业性收费'], ['09', '政府集中采购'], ['10', '统计信息'], ['11', '突发公共事件应急'], ['12', '人事信息'], ['13', '建议提案办理'], ['14', '政府信息公开年度报告'], ['99', '其他']] as [string, string, string?][]) {
      old[code] = await category(code, name, parent);
    }
    for (const [code, name, parent] of [['M019', '通知公告'], ['M020', '计划规划'], ['M021', '财政信息'], ['M022', '预决算', 'M021'], ['M023', '年度报告'], ['M024', '办事指南'], ['M025', '行政许可'], ['M026', '行政处罚']] as [string, string, string?][]) {
      old[code] = await category(code, name, parent, 900);
    }
    // An office's own columns: one whose code the 61号 tree now uses, one with a sub-column.
    old.own = await category('0310', '专项工作');
    old.hzz = await category('HZZ', '河长制');
    old.hzz1 = await category('HZZ01', '河长公示', 'HZZ');
    const expectations: [string, string][] = [
      [await item('关于做好2025年耕地保护工作的通知', old.M019, 'normative'), '030102'],
      [await item('关于开展违法用地专项整治行动的通知', old.M019), '030103'],
      [await item('示范市2025年国有建设用地供应计划', old.M020), '0303'],
      [await item('关于2025年度部门预算的说明', old.M022), '0307'],
      [await item('2024年政府信息公开工作年度报告', old.M023), '04'],
      [await item('示范市不动产登记办事指南', old.M024), '0305'],
      [await item('2025年第三季度国土空间规划许可批后公布', old.M025), '0305'],
      [await item('行政处罚决定书（示自然资罚〔2025〕113号）', old.M026), '0306'],
      [await item('关于进一步规范农村宅基地审批管理的意见', old['0202'], 'normative'), '030102'],
      [await item('《意见》政策解读', old['03']), '030104'],
      [await item('示范市自然资源和规划局规章', old['0201'], 'regulation'), '030101'],
      [await item('机构职能', old['01']), '0302'],
      [await item('关于对市人大代表第111号建议的答复', old['13']), '0317'],
      [await item('2023年年度报告', old['14']), '04'],
      [await item('其他信息', old['99']), '0315'],
      [await item('专项工作情况', old.own), 'X0310'],
      [await item('河长公示名单', old.hzz1), 'HZZ01'],
    ];

    await migrate0011();

    expect(await roots()).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
    for (const [indexNo, code] of expectations) expect(`${indexNo} → ${await codeOf(indexNo)}`).toBe(`${indexNo} → ${code}`);
    const rows = await handle.db.select().from(catalogueCategories);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    // No parallel tree: none of the old or import-made categories is left; the office's own ones hang under 法定主动公开内容.
    for (const name of ['机构职能', '法规文件', '通知公告', '计划规划', '财政信息', '预决算', '年度报告', '办事指南', '行政许可', '行政处罚', '人事信息']) expect(rows.find((r) => r.name === name)).toBeUndefined();
    expect(byCode.get('X0310')).toMatchObject({ name: '专项工作', parentId: byCode.get('03')!.id });
    expect(byCode.get('HZZ')).toMatchObject({ parentId: byCode.get('03')!.id });
    expect(byCode.get('HZZ01')).toMatchObject({ parentId: byCode.get('HZZ')!.id });
    expect(byCode.get('0310')).toMatchObject({ name: '重大建设项目', parentId: byCode.get('03')!.id });
    expect(rows).toHaveLength(CATALOGUE_61.length + 3);
  });

  it('files a category named by any alias of core/publications/catalogue-61.ts where the alias says (SQL and TS agree)', async () => {
    await clear();
    const entries = Object.entries(CATEGORY_NAME_ALIASES);
    const placed: [string, string, string][] = [];
    for (const [i, [name, code]] of entries.entries()) placed.push([name, await item(name, await category(`A${i}`, name)), code]);
    await migrate0011();
    for (const [name, indexNo, code] of placed) expect(`${name} → ${await codeOf(indexNo)}`).toBe(`${name} → ${code}`);
    expect(await roots()).toHaveLength(4);
  });
});

describe('the demo on the 61号 tree', () => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    await resetDb(handle);
    const id = await buildUser(handle, { username: 'pub', roles: ['publisher'], displayName: '发布员' });
    ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-12-04T02:00:00Z'), today: '2026-12-04', actor: { id, username: 'pub', displayName: '发布员', roles: ['publisher'], departmentId: null }, ip: '127.0.0.1' };
    await putSetting(handle.db, 'agency', DEFAULT_AGENCY);
    await loadDemoPublications(ctx);
    invalidatePublicCache();
  });

  it('every demo item lands in its node; no category outside the tree is created', async () => {
    const rows = await handle.db.select().from(catalogueCategories);
    expect(rows.map((r) => r.code).sort()).toEqual(CATALOGUE_61.map((n) => n.code).sort());
    const cases: [RegExp, string][] = [
      [/耕地保护工作的通知/, '030102'], [/农村宅基地审批管理的意见$|意见（\d{4}年修订）/, '030102'], [/》政策解读/, '030104'],
      [/建设用地供应计划|湿地保护修复/, '0303'], [/部门预算/, '0307'], [/工作年度报告/, '04'], [/地质灾害防治/, '0312'],
      [/征地补偿/, '0316'], [/办事指南|规划许可批后公布/, '0305'], [/违法用地|行政处罚决定书/, '0306'], [/建议的答复/, '0317'],
      [/公开指南$/, '01'], [/保密审查制度|工作规程/, '02'],
    ];
    const all = await handle.db.select({ title: publications.title, indexNo: publications.indexNo, code: catalogueCategories.code }).from(publications).leftJoin(catalogueCategories, eq(catalogueCategories.id, publications.categoryId));
    expect(all.length).toBeGreaterThan(40);
    for (const p of all) {
      const hit = cases.find(([re]) => re.test(p.title));
      expect(hit, p.title).toBeDefined();
      expect(`${p.title} → ${p.code}`).toBe(`${p.title} → ${hit![1]}`);
      expect(p.indexNo!.startsWith(`MB0143028/${p.code}-`)).toBe(true); // the 索引号 names the agency and the node
    }
  });

  it('an annual report item is about the year before and published by 31 January (条例 Art.49); none before the demo\'s records (2024)', async () => {
    const reports = await handle.db.select().from(publications).where(sql`title LIKE '%年度报告'`);
    expect(reports.map((r) => `${r.title} ${r.publishedOn}`).sort()).toEqual([
      '示范市自然资源和规划局2024年政府信息公开工作年度报告 2025-01-20',
      '示范市自然资源和规划局2025年政府信息公开工作年度报告 2026-01-20',
    ]);
  });

  it('the demo office has an agency code, so its new items can be published', async () => {
    expect((await getPublicationSettings(handle.db)).agencyCode).toBe('MB0143028');
  });

  it('the public catalogue is one tree with counts that add up; a node lists its items and its sub-nodes\'', async () => {
    const tree = await getPublicCatalogue(handle.db);
    expect(tree.map((n) => `${n.name}（${n.count}）`)).toEqual(['政府信息公开指南（1）', '政府信息公开制度（2）', expect.stringMatching(/^法定主动公开内容（\d+）$/), '政府信息公开年报（2）']);
    const total = (await searchPublications(handle.db, {})).total;
    expect(tree.reduce((s, n) => s + (n.count ?? 0), 0)).toBe(total);
    const n0301 = tree[2].children.find((c: CategoryNode) => c.code === '0301')!;
    expect(n0301.count).toBe(n0301.children.reduce((s, c) => s + (c.count ?? 0), 0));
    expect((await searchPublications(handle.db, { category: '0301' })).total).toBe(n0301.count);
  });

  it('the 公开指南 carries no localhost address when none is configured', async () => {
    const guide = await getGuide(handle.db);
    expect(JSON.stringify(guide)).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(guide.sections[2].bodyHtml).not.toMatch(/网址/);
    await putSetting(handle.db, 'agency', { ...DEFAULT_AGENCY, website: 'http://localhost:3000' }); // an install that kept the old default
    expect(JSON.stringify(await getGuide(handle.db))).not.toMatch(/localhost/);
    await putSetting(handle.db, 'agency', { ...DEFAULT_AGENCY, website: 'https://www.example.gov.cn' });
    expect((await getGuide(handle.db)).sections[2].bodyHtml).toMatch(/网址：https:\/\/www\.example\.gov\.cn/);
  });
});
