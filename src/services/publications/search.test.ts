import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '../../db/client.js';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { Actor, ServiceContext } from '../context.js';
import { importPublications } from './import-publications.js';
import { getPublicFilters, searchPublications } from './search.js';
import { createPublication } from './create-publication.js';
import { getPublicCatalogue } from './catalogue.js';

let handle: DbHandle;
let actor: Actor;
const ctx = (): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now: new Date('2024-12-02T04:00:00Z'), today: '2024-12-02', actor });

const CSV = `索引号,标题,文号,发布机构,成文日期,发布日期,公开目录,主题分类,正文
GK/02-2024-00001,关于做好2024年耕地保护工作的通知,示自然资发〔2024〕3号,示范市自然资源和规划局,2024-03-01,2024-03-05,法规文件/其他文件,耕地保护,各区自然资源局：为严格落实耕地保护制度，守住耕地红线，现就做好2024年耕地保护工作通知如下。
GK/02-2023-00007,关于开展2023年度土地变更调查工作的通知,示自然资发〔2023〕7号,示范市自然资源和规划局,2023-04-01,2023-04-03,法规文件/其他文件,土地调查,各区：根据国家统一部署，开展年度土地变更调查，做好耕地数据更新。
GK/14-2024-00001,示范市自然资源和规划局2023年政府信息公开工作年度报告,,示范市自然资源和规划局,2024-01-20,2024-01-25,政府信息公开年度报告,政务公开,本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息1234条。
GK/05-2024-00031,建设项目用地预审与选址意见书核发结果公示（2024年第5批）,,示范市自然资源和规划局,2024-06-10,2024-06-12,行政许可和对外管理服务,建设用地,根据《土地管理法》，现将建设项目用地预审与选址意见书核发结果公示如下：示范市第一中学扩建项目。
GK/04-2024-00002,示范市国土空间总体规划（2021—2035年）公告,,示范市人民政府,2024-02-01,2024-02-02,规划计划,国土空间规划,示范市国土空间总体规划已经省人民政府批准，现予公告。规划期限为2021—2035年。
GK/09-2024-00010,示范市自然资源局信息化系统运维服务采购结果公告,,示范市自然资源和规划局,2024-07-01,2024-07-03,政府集中采购,政府采购,采购项目名称：信息化系统运维服务；中标供应商：某某科技有限公司。GIS平台运维。
GK/02-2024-00002,关于进一步加强耕地保护和改进占补平衡的实施意见,示自然资规〔2024〕1号,示范市人民政府办公室,2024-05-06,2024-05-10,法规文件/行政规范性文件,耕地保护,为加强耕地保护，改进耕地占补平衡管理，落实耕地保护责任，提出如下意见。
`;

beforeAll(async () => {
  handle = await getTestDb();
  const id = await buildUser(handle, { username: 'pub', roles: ['publisher'] });
  actor = { id, username: 'pub', displayName: '发布员', roles: ['publisher'], departmentId: null };
  const dir = await mkdtemp(join(tmpdir(), 'gk-search-'));
  await writeFile(join(dir, 'portal.csv'), CSV);
  const r = await importPublications(ctx(), join(dir, 'portal.csv'));
  expect(r).toMatchObject({ ok: true, total: 7, inserted: 7 });
  // A draft that must never be found.
  await createPublication(ctx(), { title: '关于耕地保护工作的内部征求意见稿', body: '耕地保护 通知 2024 草稿' });
});

const titles = (r: Awaited<ReturnType<typeof searchPublications>>) => r.items.map((i) => i.title);

describe('public search in Chinese (jieba + PostgreSQL full-text search)', () => {
  it('finds the notice by words in another order: 耕地 保护 通知 2024', async () => {
    const r = await searchPublications(handle.db, { q: '耕地 保护 通知 2024' });
    expect(r).toMatchObject({ mode: 'and', total: 1, totalIsEstimate: false });
    expect(titles(r)).toEqual(['关于做好2024年耕地保护工作的通知']);
    expect(r.items[0]).toMatchObject({ indexNo: 'GK/02-2024-00001', publishedOn: '2024-03-05', docNumber: '示自然资发〔2024〕3号', category: '其他文件' });
    expect(r.items[0].titleHighlight).toBe('关于做好<em>2024</em>年<em>耕地</em><em>保护</em>工作的<em>通知</em>');
    expect(r.items[0].snippet).toContain('<em>耕地</em><em>保护</em>制度');
  });

  it('finds it by 保护耕地 — a query sharing no substring order with the title; title hits rank first', async () => {
    const r = await searchPublications(handle.db, { q: '保护耕地' });
    expect(r.terms).toEqual(['保护', '耕地']);
    expect(titles(r).sort()).toEqual(['关于做好2024年耕地保护工作的通知', '关于进一步加强耕地保护和改进占补平衡的实施意见']);
    expect(r.total).toBe(2); // the 2023 survey notice has 耕地 but not 保护
  });

  it('a long word matches its pieces: 年度报告 and 信息公开条例', async () => {
    expect(titles(await searchPublications(handle.db, { q: '信息公开年度报告' }))).toEqual(['示范市自然资源和规划局2023年政府信息公开工作年度报告']);
    expect(titles(await searchPublications(handle.db, { q: '政府信息公开条例' }))).toEqual(['示范市自然资源和规划局2023年政府信息公开工作年度报告']);
  });

  it('ranks by relevance, then newest first', async () => {
    const r = await searchPublications(handle.db, { q: '耕地' });
    expect(titles(r)).toEqual(['关于进一步加强耕地保护和改进占补平衡的实施意见', '关于做好2024年耕地保护工作的通知', '关于开展2023年度土地变更调查工作的通知']);
  });

  it('a broad query (more matches than the rank limit) puts title hits first, newest first, then body-only hits', async () => {
    const r1 = await searchPublications(handle.db, { q: '耕地', pageSize: 2 }, { rankLimit: 1 });
    expect(r1.totalIsEstimate).toBe(true); // beyond the rank limit the total is PostgreSQL's estimate
    expect(r1.total).toBeGreaterThanOrEqual(2);
    expect(titles(r1)).toEqual(['关于进一步加强耕地保护和改进占补平衡的实施意见', '关于做好2024年耕地保护工作的通知']);
    const r2 = await searchPublications(handle.db, { q: '耕地', pageSize: 2, page: 2 }, { rankLimit: 1 });
    expect(titles(r2)).toEqual(['关于开展2023年度土地变更调查工作的通知']);
    const ranked = await searchPublications(handle.db, { q: '耕地', pageSize: 1, page: 2 }, { rankLimit: 2 });
    expect(titles(ranked)).toEqual(['关于做好2024年耕地保护工作的通知']);
  });

  it('a very broad query walks month by month, newest first: same order as sorting', async () => {
    const walk = { rankLimit: 1, sortLimit: 1 };
    expect(titles(await searchPublications(handle.db, { q: '耕地', pageSize: 2 }, walk))).toEqual(['关于进一步加强耕地保护和改进占补平衡的实施意见', '关于做好2024年耕地保护工作的通知']);
    expect(titles(await searchPublications(handle.db, { q: '耕地', pageSize: 2, page: 2 }, walk))).toEqual(['关于开展2023年度土地变更调查工作的通知']);
    expect(titles(await searchPublications(handle.db, { q: '耕地', pageSize: 10 }, walk))).toEqual(['关于进一步加强耕地保护和改进占补平衡的实施意见', '关于做好2024年耕地保护工作的通知', '关于开展2023年度土地变更调查工作的通知']);
    expect(titles(await searchPublications(handle.db, { q: '耕地', year: 2023 }, walk))).toEqual(['关于开展2023年度土地变更调查工作的通知']);
  });

  it('falls back to any term when no item has all of them', async () => {
    const r = await searchPublications(handle.db, { q: '耕地 采购' });
    expect(r.mode).toBe('or');
    expect(r.total).toBe(4);
  });

  it('matches Latin words case-insensitively and highlights the original text', async () => {
    const r = await searchPublications(handle.db, { q: 'gis' });
    expect(titles(r)).toEqual(['示范市自然资源局信息化系统运维服务采购结果公告']);
    expect(r.items[0].snippet).toContain('<em>GIS</em>平台运维');
  });

  it('filters by year, category (with sub-categories) and issuer', async () => {
    expect(titles(await searchPublications(handle.db, { q: '耕地', year: 2023 }))).toEqual(['关于开展2023年度土地变更调查工作的通知']);
    expect((await searchPublications(handle.db, { category: '0301' })).total).toBe(3);
    expect(titles(await searchPublications(handle.db, { q: '耕地', category: '030102' }))).toEqual(['关于进一步加强耕地保护和改进占补平衡的实施意见']);
    expect(titles(await searchPublications(handle.db, { issuer: '示范市人民政府' }))).toEqual(['示范市国土空间总体规划（2021—2035年）公告']);
    expect((await searchPublications(handle.db, { category: 'nope' })).total).toBe(0);
  });

  it('without a query lists the newest first, paginated; drafts never appear', async () => {
    const p1 = await searchPublications(handle.db, { pageSize: 3 });
    expect(p1).toMatchObject({ total: 7, mode: 'latest', page: 1, pageSize: 3 });
    expect(p1.items.map((i) => i.publishedOn)).toEqual(['2024-07-03', '2024-06-12', '2024-05-10']);
    const p3 = await searchPublications(handle.db, { pageSize: 3, page: 3 });
    expect(p3.items.map((i) => i.publishedOn)).toEqual(['2023-04-03']);
    expect((await searchPublications(handle.db, { q: '征求意见稿' })).total).toBe(0);
  });

  it('punctuation-only and injection-like queries are harmless', async () => {
    expect((await searchPublications(handle.db, { q: '，。！' })).mode).toBe('latest');
    expect((await searchPublications(handle.db, { q: "耕地' & !保护 | (" })).items.length).toBeGreaterThan(0);
  });

  it('filters and catalogue counts for the portal', async () => {
    const f = await getPublicFilters(handle.db);
    expect(f.years).toEqual([2024, 2023]);
    expect(f.issuers[0]).toEqual({ name: '示范市自然资源和规划局', count: 5 });
    const tree = await getPublicCatalogue(handle.db);
    // One tree (国办公开办函〔2019〕61号): the portal's 法规文件/其他文件 etc. landed in its nodes, no parallel categories.
    expect(tree.map((c) => [c.name, c.count])).toEqual([['政府信息公开指南', 0], ['政府信息公开制度', 0], ['法定主动公开内容', 6], ['政府信息公开年报', 1]]);
    const laws = tree[2].children.find((c) => c.name === '规章和规范性文件')!;
    expect(laws.count).toBe(3);
    expect(laws.children.map((c) => [c.name, c.count])).toEqual([['规章', 0], ['行政规范性文件', 1], ['其他文件', 2], ['政策解读', 0]]);
  });
});
