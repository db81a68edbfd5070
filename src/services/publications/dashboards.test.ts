import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { catalogueCategories, requests } from '../../db/schema/index.js';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildDepartment, buildUser } from '../../../test/build-test-app.js';
import type { Actor, Role, ServiceContext } from '../context.js';
import { createPublication } from './create-publication.js';
import { recordPublicationEvent } from './record-publication-event.js';
import { ensureDefaultCatalogue } from './catalogue.js';
import { getTimelinessDashboard } from './timeliness.js';
import { importPublications } from './import-publications.js';
import { proactiveFigures } from './report-feed.js';
import { dismissSuggestion, draftFromSuggestion, listSuggestions } from './suggestions.js';
import { getPublicationDetail } from './queries.js';
import { updatePublicationSettings } from './settings.js';

let handle: DbHandle;
const actors: Record<string, Actor> = {};
let deptA: number;
let deptB: number;
const ctx = (who: string, today: string): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now: new Date(`${today}T04:00:00Z`), today, actor: actors[who] });

async function user(username: string, roles: Role[], departmentId: number | null = null) {
  const id = await buildUser(handle, { username, roles, departmentId });
  actors[username] = { id, username, displayName: username, roles, departmentId };
}

beforeAll(async () => {
  handle = await getTestDb();
  deptA = await buildDepartment(handle, '耕地保护处');
  deptB = await buildDepartment(handle, '规划处');
  await user('pubA', ['publisher'], deptA);
  await user('pubB', ['publisher'], deptB);
  await user('sec', ['secrecy_reviewer']);
  await user('rev', ['reviewer']);
  await ensureDefaultCatalogue(handle.db);
  await updatePublicationSettings(ctx('pubA', '2024-01-02'), { agencyCode: '000014349' });
});

describe('Art.26 timeliness dashboard (20 working days from formation)', () => {
  it('counts per department: pending, at risk, overdue, published on time and late', async () => {
    const [cat] = await handle.db.select().from(catalogueCategories).where(eq(catalogueCategories.code, '0315'));
    const draft = async (who: string, title: string, formedOn: string) => (await createPublication(ctx(who, formedOn), { title, formedOn, categoryId: cat.id, body: '正文' })).id;
    const publish = async (id: number, on: string) => {
      await recordPublicationEvent(ctx('pubA', on), id, { type: 'submitted' });
      await recordPublicationEvent(ctx('sec', on), id, { type: 'review_passed' });
      await recordPublicationEvent(ctx('rev', on), id, { type: 'approved' });
      await recordPublicationEvent(ctx('pubA', on), id, { type: 'published' });
    };
    // Department A: one published on time, one published late (due 2024-03-29), one overdue, one at risk.
    await publish(await draft('pubA', '按时发布', '2024-03-01'), '2024-03-29');
    await publish(await draft('pubA', '超期发布', '2024-03-01'), '2024-04-01');
    await draft('pubA', '超期未发布', '2024-08-01'); // due 2024-08-29
    await draft('pubA', '即将超期', '2024-08-12'); // due 2024-09-09
    // Department B: one pending.
    await draft('pubB', '期限内待发布', '2024-09-02'); // due 2024-09-30
    const d = await getTimelinessDashboard(ctx('rev', '2024-09-03'), { from: '2024-01-01', to: '2024-09-03' });
    expect(d.departments).toEqual([
      { departmentId: deptA, department: '耕地保护处', pending: 0, atRisk: 1, overdue: 1, onTime: 1, late: 1 },
      { departmentId: deptB, department: '规划处', pending: 1, atRisk: 0, overdue: 0, onTime: 0, late: 0 },
    ]);
    expect(d.totals).toEqual({ pending: 1, atRisk: 1, overdue: 1, onTime: 1, late: 1 });
    expect(d.items.map((i) => [i.title, i.status, i.dueOn, i.workingDaysLeft, i.workingDaysLate])).toEqual([
      ['超期未发布', 'overdue', '2024-08-29', 0, 3],
      ['即将超期', 'at_risk', '2024-09-09', 4, null],
      ['超期发布', 'late', '2024-03-29', null, 1],
    ]);
  });
});

describe('report feed: section 二 and gov-2014 主动公开 rows from publications', () => {
  it('counts 规章 / 行政规范性文件 and channels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gk-feed-'));
    await writeFile(join(dir, 'f.csv'), [
      '索引号,标题,成文日期,发布日期,文件类型,有效性,废止日期,发布渠道',
      'F-1,规范性文件甲,2024-02-01,2024-02-05,行政规范性文件,有效,,网站、公报',
      'F-2,规范性文件乙,2019-02-01,2019-02-05,行政规范性文件,废止,2024-05-01,网站',
      'F-3,规章丙,2022-01-01,2022-01-10,规章,有效,,公报',
      'F-4,普通信息丁,2024-03-01,2024-03-02,,,,网站、微博',
      'F-5,普通信息戊,2023-03-01,2023-03-02,,,,网站',
    ].join('\n'));
    expect((await importPublications(ctx('pubA', '2024-12-31'), join(dir, 'f.csv'))).ok).toBe(true);
    const f = await proactiveFigures(handle.db, 2024);
    expect(f.present).toBe(true);
    expect(f.gov2021).toEqual({ regulations: { issued: 0, repealed: 0, inForce: 1 }, normativeDocuments: { issued: 1, repealed: 1, inForce: 1 } });
    expect(f.gov2019.normativeDocuments).toEqual({ made: 1, published: 1, totalPublic: 2 });
    // 2024 publications: F-1, F-4 (import) + the two published in the timeliness test above (website).
    expect(f.gov2014).toEqual({ published: 4, publishedNormative: 1, normativeIssued: 1, byChannel: { gazette: 1, website: 4, weibo: 1, wechat: 0, other: 0 } });
    expect((await proactiveFigures(handle.db, 2018)).gov2014.published).toBe(0);
  });
});

describe('Art.44 suggestions from requests', () => {
  let seq = 0;
  const req = async (applicantName: string, description: string, outcome: string | null, receivedOn: string) => {
    seq++;
    const [r] = await handle.db.insert(requests).values({ ref: `GK-2024-${String(seq).padStart(6, '0')}`, trackingCode: `T${seq}`, applicantType: 'natural', applicantName, description, channel: 'online', source: 'staff', state: outcome ? 'closed' : 'in_progress', receivedOn, outcome, repliedOn: outcome ? receivedOn : null }).returning({ id: requests.id });
    return r.id;
  };
  let group: number[];

  it('suggests information several applicants asked for and got', async () => {
    group = [
      await req('张三', '申请公开2023年示范市耕地占补平衡指标交易情况', 'disclosed', '2024-03-01'),
      await req('李四', '请提供示范市2023年度耕地占补平衡指标交易明细', 'partly_disclosed', '2024-04-01'),
      await req('王五', '公开示范市耕地占补平衡指标交易情况（2023年）', null, '2024-05-01'),
    ];
    await req('赵六', '申请公开本人房屋征收补偿协议', 'disclosed', '2024-05-02');
    await req('赵六', '申请公开本人房屋征收补偿协议复印件', 'disclosed', '2024-06-02');
    const s = await listSuggestions(ctx('pubA', '2024-09-02'));
    expect(s.suggestions).toHaveLength(1);
    expect(s.suggestions[0]).toMatchObject({ requestIds: group, applicantCount: 3, disclosedCount: 2, suggestedTitle: '2023年示范市耕地占补平衡指标交易情况', firstReceivedOn: '2024-03-01', lastReceivedOn: '2024-05-01' });
    expect(s.suggestions[0].requests.map((r) => r.outcomeLabel)).toEqual(['予以公开', '部分公开', '办理中']);
  });

  it('one click makes a draft that goes through review like any other; the group is not suggested again', async () => {
    const { id } = await draftFromSuggestion(ctx('pubA', '2024-09-02'), { requestIds: group });
    const d = await getPublicationDetail(ctx('pubA', '2024-09-02'), id);
    expect(d).toMatchObject({ state: 'draft', source: 'suggestion', sourceRequestIds: group, title: '2023年示范市耕地占补平衡指标交易情况' });
    expect(d.summary).toContain('条例第四十四条');
    expect((await listSuggestions(ctx('pubA', '2024-09-02'))).suggestions).toHaveLength(0);
    await expect(draftFromSuggestion(ctx('pubA', '2024-09-02'), { requestIds: group })).rejects.toThrow(/已生成过/);
  });

  it('a dismissal needs a reason and is remembered', async () => {
    const a = await req('甲', '申请公开某小区建设工程规划许可证及附图', 'disclosed', '2024-07-01');
    const b = await req('乙', '申请公开某小区建设工程规划许可证', 'disclosed', '2024-07-05');
    expect((await listSuggestions(ctx('pubA', '2024-09-02'))).suggestions.map((s) => s.requestIds)).toEqual([[a, b]]);
    await expect(dismissSuggestion(ctx('pubA', '2024-09-02'), { requestIds: [a, b], reason: ' ' })).rejects.toThrow(/理由/);
    await dismissSuggestion(ctx('pubA', '2024-09-02'), { requestIds: [a, b], reason: '附图含第三方个人信息，仅对申请人公开' });
    expect((await listSuggestions(ctx('pubA', '2024-09-02'))).suggestions).toHaveLength(0);
  });

  it('refuses request ids that do not form a suggestion (they would put other requests into a draft)', async () => {
    const own = await req('钱七', '申请公开本人社保缴费记录', 'disclosed', '2024-07-10');
    const other = await req('孙八', '申请公开某路段交通事故处理情况', 'disclosed', '2024-07-11');
    const sameApplicant = await req('钱七', '申请公开本人社保缴费记录明细', 'disclosed', '2024-07-12');
    for (const requestIds of [[own, other], [own, sameApplicant]]) {
      await expect(draftFromSuggestion(ctx('pubA', '2024-09-02'), { requestIds })).rejects.toThrow(/不构成条例第四十四条的建议/);
      await expect(dismissSuggestion(ctx('pubA', '2024-09-02'), { requestIds, reason: '试探' })).rejects.toThrow(/不构成条例第四十四条的建议/);
    }
  });
});
