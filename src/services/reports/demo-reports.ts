/**
 * The demo agency's annual reports, as a real office would have them: only for years that have ended, each with
 * its entered figures and text (no 【请填写…】 left), submitted, through 保密审查 and 审核, and published by the demo
 * staff in the following January (条例 Art.49: by 31 January).
 */
import { inArray } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { factFieldsFor } from '../../core/reports/facts.js';
import { defaultFormatForYear } from '../../core/reports/formats.js';
import { reportYearEnded } from '../../core/reports/publishing.js';
import type { Actor, Role, ServiceContext } from '../context.js';
import { putAnnualFacts } from './facts.js';
import { publishAnnualReport, recordReportStep, submitAnnualReport } from './publishing.js';

/** Entered figures (the rows no record produces) of the demo agency; "/" where an item does not apply to it. */
const FIGURES: Record<string, number | string> = {
  licensingDecisions: 126, punishmentDecisions: 38, enforcementDecisions: 0, adminFeesWanYuan: '/', complaints: 0,
  regulationsIssued: 0, regulationsRepealed: 0, regulationsInForce: 0, normativeDocsIssued: 0, normativeDocsRepealed: 0, normativeDocsInForce: 0,
};

function texts(year: number): Record<string, string> {
  return {
    overviewText: `${year}年，本机关坚持以公开为常态、不公开为例外，认真贯彻《中华人民共和国政府信息公开条例》，围绕耕地保护、土地征收、国土空间规划等社会关注领域，持续做好主动公开、依申请公开和政策解读工作。`
      + '\n本机关明确办公厅为政府信息公开工作机构，配备专职人员2名，各业务司局指定兼职联络员；依申请公开实行登记、承办、审核、保密审查、答复全流程台账管理。',
    proactiveText: '重点公开土地征收批复、建设用地供应计划、耕地保护和地质灾害防治等信息，规范性文件发布时同步公开政策解读。',
    requestsText: '本机关严格按照法定期限答复申请，对需要征求第三方意见、延长答复期限的申请均书面告知申请人。',
    reviewsText: '对行政复议、行政诉讼中被纠错的案件逐案分析原因，纳入年度业务培训内容。',
    problemsText: '一是部分承办单位对“不予公开”理由的说明还不够充分；二是政策解读形式较为单一。'
      + `\n${year + 1}年，本机关将加强答复文书审核，逐件说明不予公开的具体理由和法律依据，并增加图解、问答等解读形式。`,
    otherText: '本年度无其他需要报告的事项。',
  };
}

async function demoActor(ctx: ServiceContext, username: string): Promise<Actor> {
  const [u] = await ctx.db.select().from(users).where(inArray(users.username, [username]));
  if (!u) return { ...ctx.actor!, roles: [...(ctx.actor?.roles ?? [])] };
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], departmentId: u.departmentId };
}

/**
 * Enters the figures and text of each ended year among `years`, and publishes its report through the whole
 * review (王登记 submits, 周保密 passes the secrecy review, 陈审核 approves, 吴发布 publishes on 20 January of the next
 * year). Years not yet ended are skipped. Returns the years published.
 */
export async function publishDemoReports(ctx: ServiceContext, years: readonly number[]): Promise<number[]> {
  const done: number[] = [];
  const [registrar, secrecy, reviewer, publisher] = await Promise.all(['dengji', 'baomi', 'shenhe', 'fabu'].map((u) => demoActor(ctx, u)));
  for (const year of years) {
    if (!reportYearEnded(year, ctx.today)) continue;
    const format = defaultFormatForYear(year);
    const keys = new Set(factFieldsFor(format).map((f) => f.key));
    const facts = Object.fromEntries(Object.entries({ ...FIGURES, ...texts(year) }).filter(([k]) => keys.has(k)));
    await putAnnualFacts({ ...ctx, actor: registrar }, year, facts);
    const on = (day: number) => {
      const today = `${year + 1}-01-${String(day).padStart(2, '0')}`;
      return { today, now: new Date(`${today}T02:00:00Z`) };
    };
    const v = await submitAnnualReport({ ...ctx, actor: registrar, ...on(12) }, year, { format });
    await recordReportStep({ ...ctx, actor: secrecy, ...on(14) }, year, v.version, 'review_passed');
    await recordReportStep({ ...ctx, actor: reviewer, ...on(16) }, year, v.version, 'approved');
    await publishAnnualReport({ ...ctx, actor: publisher, ...on(20) }, year, { confirmYear: String(year) });
    done.push(year);
  }
  return done;
}
