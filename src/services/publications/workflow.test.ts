import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { auditLog, catalogueCategories, publicationEvents, publications } from '../../db/schema/index.js';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { Actor, Role, ServiceContext } from '../context.js';
import { createPublication, updatePublication } from './create-publication.js';
import { recordPublicationEvent } from './record-publication-event.js';
import { getPublicationDetail } from './queries.js';
import { ensureDefaultCatalogue } from './catalogue.js';
import { searchPublications, getPublicPublication } from './search.js';
import { getPublicationSettings, updatePublicationSettings } from './settings.js';
import { putSetting } from '../settings.js';
import { sealAudit, verifyAuditChain } from '../audit.js';
import { DomainError } from '../../core/errors.js';

let handle: DbHandle;
const actors: Record<string, Actor> = {};
let categoryId: number;
let normativeCategoryId: number;

function ctx(who: string, today = '2024-09-02'): ServiceContext {
  return { db: handle.db, keys: TEST_KEYS, now: new Date(`${today}T04:00:00Z`), today, actor: actors[who] ?? null, ip: '127.0.0.1' };
}

async function user(username: string, roles: Role[]) {
  const id = await buildUser(handle, { username, roles, displayName: username });
  actors[username] = { id, username, displayName: username, roles, departmentId: null };
}

async function expectError(p: Promise<unknown>, code: string, message: RegExp) {
  try {
    await p;
    expect.unreachable('should have failed');
  } catch (e) {
    expect((e as DomainError).code).toBe(code);
    expect((e as Error).message).toMatch(message);
  }
}

beforeAll(async () => {
  handle = await getTestDb();
  await user('pub1', ['publisher']);
  await user('pub2', ['publisher', 'secrecy_reviewer']);
  await user('sec1', ['secrecy_reviewer']);
  await user('rev1', ['reviewer']);
  await ensureDefaultCatalogue(handle.db);
  const cats = await handle.db.select().from(catalogueCategories);
  categoryId = cats.find((c) => c.code === '030103')!.id;
  normativeCategoryId = cats.find((c) => c.code === '030102')!.id;
});

describe('workflow: draft → secrecy review by another person → approval → published (条例 Art.17)', () => {
  let id: number;

  it('a publisher drafts; nothing is public yet', async () => {
    ({ id } = await createPublication(ctx('pub1'), { title: '关于做好2024年耕地保护工作的通知', docNumber: '示自然资发〔2024〕12号', writtenOn: '2024-08-20', categoryId, body: '<p>各区自然资源局：为严格落实耕地保护制度，现就做好2024年耕地保护工作通知如下。</p><script>alert(1)</script>' }));
    const d = await getPublicationDetail(ctx('pub1'), id);
    expect(d).toMatchObject({ state: 'draft', indexNo: null, formedOn: '2024-08-20', issuer: '示范市自然资源和规划局', bodyHtml: '<p>各区自然资源局：为严格落实耕地保护制度，现就做好2024年耕地保护工作通知如下。</p>' });
    expect(d.timeliness).toMatchObject({ dueOn: '2024-09-18', status: 'pending', workingDaysLeft: 11 }); // 9/14 (Sat) is a 调休 working day, 9/16–17 中秋
    expect((await searchPublications(handle.db, { q: '耕地保护' })).total).toBe(0);
  });

  it('the draft can be edited, then submitted', async () => {
    await updatePublication(ctx('pub2'), id, { summary: '部署2024年耕地保护工作' });
    await recordPublicationEvent(ctx('pub1'), id, { type: 'submitted' });
    await expectError(updatePublication(ctx('pub1'), id, { title: '改' }), 'INVALID_TRANSITION', /只有草稿可以修改/);
  });

  it('an author cannot review it, not even one who holds the secrecy-reviewer role', async () => {
    await expectError(recordPublicationEvent(ctx('pub2'), id, { type: 'review_passed' }), 'FORBIDDEN', /第十七条/);
  });

  it('nobody can publish before the review', async () => {
    await expectError(recordPublicationEvent(ctx('pub1'), id, { type: 'published' }), 'INVALID_TRANSITION', /待保密审查/);
  });

  it('the secrecy reviewer rejects with a reason; the item goes back to draft', async () => {
    await expectError(recordPublicationEvent(ctx('sec1'), id, { type: 'review_rejected' }), 'VALIDATION', /理由/);
    await recordPublicationEvent(ctx('sec1'), id, { type: 'review_rejected', reason: '附件含有个人身份证号码，请删除后重新提交' });
    expect((await getPublicationDetail(ctx('pub1'), id)).state).toBe('draft');
  });

  /**
   * Issue 11: with no agency code set, publishing gave `000000000/M019-2026-00001`. Now it is refused (naming where to
   * set the code) and nothing changes; the old placeholder stored by earlier versions counts as not set; a
   * 统一社会信用代码 is accepted and its 组织机构代码 (characters 9–17) goes into the 索引号.
   */
  async function setAgencyCodeAndPublish(id: number) {
    await expectError(recordPublicationEvent(ctx('pub1', '2024-09-03'), id, { type: 'published' }), 'VALIDATION', /尚未设置索引号机关代码.*“主动公开 → 公开目录”页.*组织机构代码/);
    expect(await getPublicationDetail(ctx('pub1'), id)).toMatchObject({ state: 'approved', indexNo: null });
    await putSetting(handle.db, 'publications', { agencyCode: '000000000' });
    expect((await getPublicationSettings(handle.db)).agencyCode).toBe('');
    await expectError(recordPublicationEvent(ctx('pub1', '2024-09-03'), id, { type: 'published' }), 'VALIDATION', /尚未设置索引号机关代码/);
    await expectError(updatePublicationSettings(ctx('pub1'), { agencyCode: '000000000' }), 'VALIDATION', /全为0/);
    await expectError(updatePublicationSettings(ctx('pub1'), { agencyCode: '11510100MB0143027X' }), 'VALIDATION', /校验位错误/);
    expect(await updatePublicationSettings(ctx('pub1'), { agencyCode: '11510100MB0143028X' })).toMatchObject({ agencyCode: 'MB0143028' });
    await recordPublicationEvent(ctx('pub1', '2024-09-03'), id, { type: 'published' });
  }

  it('resubmitted, passed, approved, published: gets its 索引号 and appears on the portal', async () => {
    await updatePublication(ctx('pub1'), id, { body: '<p>各区自然资源局：为严格落实耕地保护制度，现就做好2024年耕地保护工作通知如下。一、压实耕地保护责任。</p>' });
    await recordPublicationEvent(ctx('pub1'), id, { type: 'submitted' });
    await recordPublicationEvent(ctx('sec1'), id, { type: 'review_passed' });
    await expectError(recordPublicationEvent(ctx('pub1'), id, { type: 'published' }), 'INVALID_TRANSITION', /待审核/);
    await recordPublicationEvent(ctx('rev1'), id, { type: 'approved' });
    await setAgencyCodeAndPublish(id);
    const d = await getPublicationDetail(ctx('pub1'), id);
    expect(d).toMatchObject({ state: 'published', indexNo: 'MB0143028/030103-2024-00001', publishedOn: '2024-09-03' });
    expect(d.timeliness).toMatchObject({ status: 'on_time' });
    expect(d.events.map((e) => e.type)).toEqual(['created', 'edited', 'submitted', 'review_rejected', 'edited', 'submitted', 'review_passed', 'approved', 'published']);
    expect(d.events[3].payload).toMatchObject({ reason: '附件含有个人身份证号码，请删除后重新提交' });
    const page = await getPublicPublication(handle.db, 'MB0143028/030103-2024-00001');
    expect(page).toMatchObject({ title: '关于做好2024年耕地保护工作的通知', categoryPath: [{ code: '03', name: '法定主动公开内容' }, { code: '0301', name: '规章和规范性文件' }, { code: '030103', name: '其他文件' }], validityLabel: '有效' });
  });

  it('every step is in the append-only log and the audit chain', async () => {
    const evs = await handle.db.select().from(publicationEvents).where(eq(publicationEvents.publicationId, id)).orderBy(asc(publicationEvents.seq));
    expect(evs.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(evs.find((e) => e.type === 'review_passed')!.actorName).toBe('sec1');
    const audit = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, String(id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['publication.created', 'publication.review_rejected', 'publication.review_passed', 'publication.approved', 'publication.published']));
    await sealAudit(handle.db); // verify only checks: the sealer links what was written (the server does so every 2 s)
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('withdrawn items leave the portal; reopened they are drafts again', async () => {
    await expectError(recordPublicationEvent(ctx('pub1'), id, { type: 'withdrawn' }), 'VALIDATION', /理由/);
    await recordPublicationEvent(ctx('pub1'), id, { type: 'withdrawn', reason: '文件内容需要更新' });
    await expectError(getPublicPublication(handle.db, 'MB0143028/030103-2024-00001'), 'NOT_FOUND', /不存在或未公开/);
    await recordPublicationEvent(ctx('pub1'), id, { type: 'reopened' });
    const d = await getPublicationDetail(ctx('pub1'), id);
    expect(d).toMatchObject({ state: 'draft', indexNo: 'MB0143028/030103-2024-00001', withdrawnOn: '2024-09-02' });
  });

  it('a submission needs a catalogue category and a body or attachment', async () => {
    const { id: bare } = await createPublication(ctx('pub1'), { title: '空白草稿' });
    await expectError(recordPublicationEvent(ctx('pub1'), bare, { type: 'submitted' }), 'VALIDATION', /公开目录、正文或附件/);
  });

  it('validates input in Chinese', async () => {
    await expectError(createPublication(ctx('pub1'), { title: ' ', writtenOn: '2024-13-01' }), 'VALIDATION', /请填写标题；成文日期“2024-13-01”不是有效日期/);
    await expectError(createPublication(ctx('pub1'), { title: 't', categoryId: 99999 }), 'VALIDATION', /公开目录 99999 不存在/);
    const [heading] = await handle.db.select().from(catalogueCategories).where(eq(catalogueCategories.code, '0301'));
    await expectError(createPublication(ctx('pub1'), { title: 't', categoryId: heading.id }), 'VALIDATION', /“规章和规范性文件”下还有下级目录（如“规章”），请选择到最末一级目录/);
    await expectError(createPublication(ctx('sec1'), { title: 't' }), 'FORBIDDEN', /权限/);
  });
});

describe('三同步: a 行政规范性文件 goes out with its interpretation', () => {
  let docId: number;
  let interpId: number;

  const passAll = async (id: number) => {
    await recordPublicationEvent(ctx('pub1'), id, { type: 'submitted' });
    await recordPublicationEvent(ctx('sec1'), id, { type: 'review_passed' });
    await recordPublicationEvent(ctx('rev1'), id, { type: 'approved' });
  };

  it('refuses to publish the document without an interpretation', async () => {
    ({ id: docId } = await createPublication(ctx('pub1'), { title: '示范市国有建设用地使用权出让管理办法', normativeKind: 'normative', categoryId: normativeCategoryId, writtenOn: '2024-08-26', body: '第一条 为规范国有建设用地使用权出让……' }));
    await passAll(docId);
    await expectError(recordPublicationEvent(ctx('pub1'), docId, { type: 'published' }), 'INVALID_TRANSITION', /三同步/);
  });

  it('an interpretation cannot go out before its document', async () => {
    const cats = await handle.db.select().from(catalogueCategories).where(eq(catalogueCategories.code, '030104'));
    ({ id: interpId } = await createPublication(ctx('pub1'), { title: '《示范市国有建设用地使用权出让管理办法》政策解读', interpretsId: docId, categoryId: cats[0].id, body: '一、制定背景……' }));
    await passAll(interpId);
    await expectError(recordPublicationEvent(ctx('pub1'), interpId, { type: 'published' }), 'INVALID_TRANSITION', /同步发布/);
  });

  it('publishing the document publishes its approved interpretation in the same step', async () => {
    await recordPublicationEvent(ctx('pub1'), docId, { type: 'published' });
    const [doc, interp] = await Promise.all([getPublicationDetail(ctx('pub1'), docId), getPublicationDetail(ctx('pub1'), interpId)]);
    expect(doc.state).toBe('published');
    expect(interp).toMatchObject({ state: 'published', indexNo: 'MB0143028/030104-2024-00001' });
    expect(interp.events.at(-1)).toMatchObject({ type: 'published', payload: { togetherWith: docId } });
    const page = await getPublicPublication(handle.db, doc.indexNo!);
    expect(page.interpretations).toEqual([{ indexNo: interp.indexNo, title: interp.title, publishedOn: '2024-09-02' }]);
  });

  it('a reviewer may record why no interpretation is needed', async () => {
    const { id } = await createPublication(ctx('pub1'), { title: '关于延长某办法有效期的通知', normativeKind: 'normative', categoryId: normativeCategoryId, body: '有效期延长至2026年12月31日。' });
    await recordPublicationEvent(ctx('pub1'), id, { type: 'submitted' });
    await recordPublicationEvent(ctx('sec1'), id, { type: 'review_passed' });
    await recordPublicationEvent(ctx('rev1'), id, { type: 'approved', syncWaiverReason: '仅延长有效期，内容未作修改，无需另行解读' });
    await recordPublicationEvent(ctx('pub1'), id, { type: 'published' });
    const d = await getPublicationDetail(ctx('pub1'), id);
    expect(d).toMatchObject({ state: 'published', syncWaiverReason: '仅延长有效期，内容未作修改，无需另行解读', sync: { ok: true, waived: true } });
  });

  it('validity changes keep the item public and are logged', async () => {
    await recordPublicationEvent(ctx('pub1', '2024-10-08'), docId, { type: 'validity_changed', validity: 'repealed', validityChangedOn: '2024-10-08' });
    const [row] = await handle.db.select().from(publications).where(eq(publications.id, docId));
    expect(row).toMatchObject({ state: 'published', validity: 'repealed', validityChangedOn: '2024-10-08' });
    expect((await getPublicPublication(handle.db, row.indexNo!)).validityLabel).toBe('废止');
  });
});
