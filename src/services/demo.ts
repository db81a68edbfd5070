import { sql } from 'drizzle-orm';
import { cases, departments, requests, users } from '../db/schema/index.js';
import { addCalendarDays, addWorkingDays, type Calendar } from '../core/calendar/working-days.js';
import { residentIdCheckChar, creditCodeCheckChar } from '../core/validators/index.js';
import { defaultLegalBasis, regimeFor, type RequestEvent } from '../core/requests/index.js';
import type { Outcome } from '../core/requests/outcomes.js';
import type { ApplicantType, Channel, IsoDate } from '../core/types.js';
import { hashPassword } from '../security/crypto.js';
import { seededRandom } from '../core/random.js';
import type { ServiceContext } from './context.js';
import { insertApplicant } from './requests/applicant.js';
import { appendEvents, loadClockContext } from './requests/record-event.js';
import { putSetting, DEFAULT_AGENCY } from './settings.js';
import { appendAudit } from './audit.js';
import { remarkUnsealedRows } from './audit-chain.js';
import { issueNotice } from './notices/notices.js';
import { DomainError } from '../core/errors.js';
import type { CaseResult } from '../core/reports/cases.js';

/**
 * Password of every demo business account (printed by `gongkai demo`); passes the password policy. The three
 * administrator accounts (admin, anquan, shenji) are the first-start ones, with their own printed passwords.
 */
export const DEMO_PASSWORD = 'Shifan#2026';

export const DEMO_DEPARTMENTS = ['办公厅', '政策法规司', '耕地保护监督司', '地籍管理司', '执法局', '财务司', '国土空间规划局'];

export const DEMO_USERS: { username: string; displayName: string; roles: string[]; department?: string }[] = [
  { username: 'dengji', displayName: '王登记', roles: ['registrar'] },
  { username: 'chengban', displayName: '李承办', roles: ['handler'], department: '政策法规司' },
  { username: 'gengdi', displayName: '赵承办', roles: ['handler'], department: '耕地保护监督司' },
  { username: 'shenhe', displayName: '陈审核', roles: ['reviewer'] },
  { username: 'baomi', displayName: '周保密', roles: ['secrecy_reviewer'] },
  { username: 'fabu', displayName: '吴发布', roles: ['publisher'] },
];


const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '国庆', '春梅'];
const COMPANIES = ['示范市宏达房地产开发有限公司', '华北建工集团有限公司', '示范市绿源农业科技有限公司', '中原矿业股份有限公司', '示范市城投置业有限公司'];
const ORGS: Record<Exclude<ApplicantType, 'natural' | 'commercial'>, string[]> = {
  research: ['示范大学土地管理学院', '国土资源经济研究院'],
  publicInterest: ['示范市环保志愿者协会', '自然之友示范工作站'],
  legalService: ['示范市正言律师事务所', '北京明法律师事务所示范分所'],
  otherOrg: ['示范县东关村村民委员会', '示范市业主委员会联合会'],
};
const SUBJECTS = [
  '{village}集体土地征收批复文件及勘测定界图', '{year}年度国有建设用地使用权出让收支情况', '{village}土地征收补偿安置方案及公告',
  '{road}项目建设用地预审意见', '{year}年度土地利用计划指标分配情况', '{village}永久基本农田划定成果图',
  '{company}采矿许可证审批材料', '{year}年耕地占补平衡项目验收文件', '{village}宅基地确权登记公示材料',
  '{road}项目用地报批材料中的社会稳定风险评估报告', '行政处罚决定书（{company}违法占地案）', '{year}年度部门预算中信息化项目支出明细',
];
const VILLAGES = ['东关村', '西河村', '南湖镇北坡村', '石桥镇新庄村', '城关街道李家庄', '王庄乡前营村'];
const ROADS = ['示范市绕城高速公路', '城南污水处理厂', '示范新区综合管廊', '高铁站前广场', '滨河大道扩建'];

function pick<T>(r: () => number, a: readonly T[]): T { return a[Math.floor(r() * a.length)]; }

function fakeResidentId(r: () => number): string {
  const area = pick(r, ['110105', '440524', '330106', '510104', '410102']);
  const y = 1950 + Math.floor(r() * 50), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
  const body = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(r() * 999)).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}
function fakeCreditCode(r: () => number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91' + '410100';
  while (body.length < 17) body += chars[Math.floor(r() * chars.length)];
  return body + creditCodeCheckChar(body);
}

interface Plan { receivedOn: IsoDate; channel: Channel; applicantType: ApplicantType; target: 'submitted' | 'registered' | 'in_progress' | 'consulting' | 'reply_drafted' | 'reply_approved' | 'reply_cleared' | 'closed' | 'awaiting_supplement'; outcome: Outcome; extend: boolean; supplement: boolean }

const OUTCOME_WEIGHTS: [Outcome, number][] = [
  ['already_public', 10], ['disclosed', 14], ['partly_disclosed', 25], ['withheld_process_info', 5], ['withheld_third_party', 4],
  ['withheld_internal_affairs', 2], ['withheld_enforcement_file', 2], ['withheld_state_secret', 1], ['unavailable_not_held', 18], ['unavailable_needs_creation', 5],
  ['unavailable_unclear', 2], ['not_processed_petition', 4], ['not_processed_duplicate', 3], ['not_processed_publication', 1], ['not_processed_confirmation', 1], ['other', 1],
];
function pickOutcome(r: () => number): Outcome {
  const total = OUTCOME_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [o, w] of OUTCOME_WEIGHTS) { if ((x -= w) < 0) return o; }
  return 'disclosed';
}

const REASONS: Partial<Record<Outcome, string>> = {
  already_public: '所申请信息已在本机关门户网站“政府信息公开”专栏主动公开，可通过网址 http://localhost:3000/ 检索获取。',
  disclosed: '所申请信息属于可以公开的政府信息，现随本答复书一并提供。',
  partly_disclosed: '所申请信息中涉及第三方个人身份信息、联系方式的部分，公开后会对第三方合法权益造成损害，依据条例第十五条、第三十七条作区分处理，不予公开该部分。',
  withheld_process_info: '所申请的会议纪要属于行政机关在履行职责过程中形成的讨论记录，属于过程性信息，依据条例第十六条第二款可以不予公开。',
  withheld_third_party: '所申请信息涉及第三方商业秘密，经书面征求第三方意见，第三方不同意公开且理由合理。',
  withheld_internal_affairs: '所申请信息属于本机关内部工作流程信息，依据条例第十六条第一款可以不予公开。',
  withheld_enforcement_file: '所申请信息属于行政执法案卷信息，依据条例第十六条第二款可以不予公开。',
  withheld_state_secret: '所申请信息经依法定密属于国家秘密，依据条例第十四条不予公开。',
  unavailable_not_held: '经检索，本机关未制作或获取所申请的政府信息。',
  unavailable_needs_creation: '所申请信息需要对现有政府信息进行加工、分析，依据条例第三十八条不予提供。',
  unavailable_unclear: '经补正后申请内容仍不明确，无法确定所指政府信息。',
  not_processed_petition: '申请内容实为投诉举报，已告知通过信访渠道提出。',
  not_processed_duplicate: '申请人此前已就相同政府信息提出申请，本机关已作出答复。',
  not_processed_publication: '所申请信息已刊登于公开出版的《示范市政府公报》，已告知获取途径。',
  not_processed_confirmation: '申请人要求本机关确认其已获取信息的真实性，不属于政府信息公开申请。',
  other: '其他处理。',
};

/**
 * Loads a realistic demo agency: departments, one user per role (password DEMO_PASSWORD), requests received in
 * 2024–2026 driven through the real lifecycle events (so deadlines, states and reports are real), and
 * 行政复议/行政诉讼 cases. Refuses to run twice.
 */
export async function loadDemo(ctx: ServiceContext, opts: { requests?: number } = {}): Promise<{ users: typeof DEMO_USERS; requests: number; cases: number }> {
  const r = seededRandom(20161231); // the same demo agency every time
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(requests);
  if (n > 0) throw new DomainError('CONFLICT', `数据库中已有 ${n} 件申请，演示数据只能载入空库（可换一个数据目录：gongkai --data ./demo-data demo）`);
  const clock = await loadClockContext(ctx.db);
  const cal: Calendar = clock.calendar;
  const wd = (from: IsoDate, k: number) => addWorkingDays(from, k, cal).date;
  const minD = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
  const today = ctx.today;
  const hash = await hashPassword(DEMO_PASSWORD);

  await ctx.db.transaction(async (tx) => {
    await putSetting(tx, 'agency', DEFAULT_AGENCY);
    for (const name of DEMO_DEPARTMENTS) await tx.insert(departments).values({ name }).onConflictDoNothing();
  });
  const deptRows = await ctx.db.select().from(departments);
  const deptId = (name: string) => deptRows.find((d) => d.name === name)!.id;
  await ctx.db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({ username: u.username, displayName: u.displayName, roles: u.roles, departmentId: u.department ? deptId(u.department) : null, passwordHash: hash }).onConflictDoNothing();
    }
  });
  const handlerDepts = [deptId('政策法规司'), deptId('耕地保护监督司'), deptId('地籍管理司'), deptId('执法局'), deptId('国土空间规划局')];

  // Plans: closed requests spread over 2024-01 … ~6 weeks ago; open ones in the last ~7 weeks (some overdue).
  const total = opts.requests ?? 260;
  const plans: Plan[] = [];
  const start = Date.UTC(2024, 0, 2);
  const end = Date.parse(`${today}T00:00:00Z`);
  for (let i = 0; i < total; i++) {
    const open = i >= total - 36;
    const t = open ? end - Math.floor(r() * 48) * 86400_000 : start + Math.floor(r() * (end - start - 60 * 86400_000));
    const receivedOn = new Date(t).toISOString().slice(0, 10);
    const channel = pick(r, ['letter', 'letter', 'letter', 'in_person', 'online', 'online', 'email', 'fax'] as Channel[]);
    const applicantType = pick(r, ['natural', 'natural', 'natural', 'natural', 'natural', 'commercial', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as ApplicantType[]);
    const target: Plan['target'] = open ? pick(r, ['submitted', 'registered', 'in_progress', 'in_progress', 'in_progress', 'consulting', 'reply_drafted', 'reply_approved', 'reply_cleared', 'awaiting_supplement'] as const) : 'closed';
    const outcome = pickOutcome(r);
    plans.push({ receivedOn, channel: target === 'submitted' ? 'online' : channel, applicantType, target, outcome, extend: r() < 0.06, supplement: outcome === 'unavailable_unclear' || r() < 0.08 });
  }
  plans.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1));

  let created = 0;
  for (let i = 0; i < plans.length; i += 40) {
    await ctx.db.transaction(async (tx) => {
      for (const p of plans.slice(i, i + 40)) {
        const natural = p.applicantType === 'natural';
        const name = natural ? pick(r, [...SURNAMES]) + pick(r, GIVEN) : p.applicantType === 'commercial' ? pick(r, COMPANIES) : pick(r, ORGS[p.applicantType as keyof typeof ORGS]);
        const applicantId = await insertApplicant(tx, ctx.keys, {
          type: p.applicantType, name, idType: natural ? '身份证' : '统一社会信用代码', idNumber: natural ? fakeResidentId(r) : fakeCreditCode(r),
          phone: `1${pick(r, ['3', '5', '7', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`, email: natural ? null : 'contact@example.com', address: `示范市${pick(r, VILLAGES)}${1 + Math.floor(r() * 99)}号`,
          // Not drawn from r: the rest of the demo stays as it was before organisations had a 联系人 of their own.
          contactName: natural ? null : SURNAMES[created % SURNAMES.length] + GIVEN[(created * 7) % GIVEN.length],
        });
        const year = p.receivedOn.slice(0, 4);
        const description = `申请公开${pick(r, SUBJECTS).replace('{village}', pick(r, VILLAGES)).replace('{year}', String(Number(year) - (r() < 0.5 ? 1 : 0))).replace('{road}', pick(r, ROADS)).replace('{company}', pick(r, COMPANIES))}。`;
        const seq = ++created;
        const [row] = await tx.insert(requests).values({
          ref: `GK-${year}-${String(seq).padStart(6, '0')}`, trackingCode: `DEMO${String(seq).padStart(6, '0')}`, accessKeyHash: null, applicantId,
          applicantType: p.applicantType, applicantName: name, description, channel: p.channel, deliveryMethod: p.channel === 'online' || p.channel === 'email' ? 'email' : 'post',
          format: p.channel === 'online' ? 'electronic' : 'paper', source: p.channel === 'online' ? 'online' : 'staff', state: 'submitted',
        }).returning({ id: requests.id });
        const ev: RequestEvent[] = [];
        const rec = p.receivedOn;
        if (p.channel === 'online') ev.push({ type: 'submitted', on: rec, channel: 'online' });
        if (p.target !== 'submitted') {
          ev.push({ type: 'registered', on: rec, receivedOn: rec, channel: p.channel, evidence: p.channel === 'letter' ? `挂号信签收 ${String(seq).padStart(5, '0')}` : p.channel === 'online' ? '网上申请双方确认' : '当场提交' });
          let cursor = rec;
          const lead = String(pick(r, handlerDepts));
          if (p.supplement || p.target === 'awaiting_supplement') {
            cursor = minD(wd(rec, 3), today);
            ev.push({ type: 'supplement_requested', on: cursor, items: '请明确所申请信息的名称、文号或者便于查询的其他特征性描述', periodDays: 15 });
            if (p.target !== 'awaiting_supplement') { cursor = minD(wd(cursor, 4), today); ev.push({ type: 'supplement_received', on: cursor }); }
          }
          if (p.target !== 'registered' && p.target !== 'awaiting_supplement') {
            cursor = minD(wd(cursor, 1), today);
            const assisting = r() < 0.25 ? [String(pick(r, handlerDepts.filter((d) => String(d) !== lead)))] : [];
            ev.push({ type: 'assigned', on: cursor, lead, assisting });
            if (p.target === 'consulting' || (p.target === 'closed' && p.outcome === 'withheld_third_party')) {
              cursor = minD(wd(cursor, 2), today);
              ev.push({ type: 'consultation_started', on: cursor, party: 'third_party', name: pick(r, COMPANIES), information: '该公司报送的项目成本测算表及报价明细', rights: ['commercial_secret'] } as RequestEvent);
              if (p.target !== 'consulting') { cursor = minD(wd(cursor, 8), today); ev.push({ type: 'consultation_ended', on: cursor, opinion: 'object' }); }
            }
            if (p.extend && p.target === 'closed') {
              cursor = minD(wd(cursor, 10), today);
              ev.push({ type: 'extension_requested', on: cursor, days: 20, reason: '所申请信息涉及多个承办单位，需要协调会商' });
              ev.push({ type: 'extension_approved', on: cursor, days: 20 });
            }
            if (['reply_drafted', 'reply_approved', 'reply_cleared', 'closed'].includes(p.target)) {
              cursor = minD(wd(cursor, p.extend ? 12 : 1 + Math.floor(r() * 10)), today);
              ev.push({ type: 'reply_drafted', on: cursor, outcome: p.outcome, reasons: REASONS[p.outcome] ?? '', legalBasis: defaultLegalBasis(p.outcome, regimeFor(rec)) + (p.outcome === 'withheld_prohibited_by_law' ? '；《中华人民共和国档案法》' : ''),
                ...(['already_public', 'disclosed', 'partly_disclosed'].includes(p.outcome) ? { provision: p.outcome === 'already_public' ? { way: '本机关门户网站“政府信息公开”专栏' } : { method: p.channel === 'online' || p.channel === 'email' ? '以电子邮件方式发送至申请人邮箱' : '以邮寄纸质复制件方式提供' } } : {}),
                ...(p.outcome === 'partly_disclosed' ? { partial: { disclosedPart: '文件正文及附图', withheldPart: '涉及第三方个人信息的内容', withheldGround: 'withheld_third_party' } } : {}),
                ...(p.outcome === 'not_processed_duplicate' ? { previousReply: { repliedOn: addCalendarDays(rec, -40) } } : {}),
              } as RequestEvent);
              if (p.target !== 'reply_drafted') { cursor = minD(wd(cursor, 1), today); ev.push({ type: 'reply_approved', on: cursor }); }
              if (p.target === 'reply_cleared' || p.target === 'closed') { cursor = minD(wd(cursor, 1), today); ev.push({ type: 'secrecy_review_passed', on: cursor }); }
              if (p.target === 'closed') {
                cursor = minD(wd(cursor, 1), today); ev.push({ type: 'replied', on: cursor });
                cursor = minD(wd(cursor, 2), today); ev.push({ type: 'delivered', on: cursor, method: p.channel === 'online' || p.channel === 'email' ? 'email' : 'post', trackingNo: p.channel === 'online' || p.channel === 'email' ? undefined : `EMS${String(1e9 + seq)}` });
                if (cursor < today) { cursor = minD(wd(cursor, 1), today); ev.push({ type: 'closed', on: cursor }); }
              }
            }
          }
        }
        await appendEvents(tx, row.id, ev, null, { ...clock });
        const replied = ev.find((e) => e.type === 'replied');
        if (replied) await issueNotice(tx, row.id, 'reply', replied.on, null, ctx.now);
        else if (ev.some((e) => e.type === 'registered') && r() < 0.5) await issueNotice(tx, row.id, 'receipt', rec, null, ctx.now);
      }
    });
  }
  // Later 受理编号 continue after the demo's; timeline entries name the demo staff who would have recorded them.
  await ctx.db.execute(sql`SELECT setval('request_ref_seq', ${created})`);
  await ctx.db.execute(sql`UPDATE request_events SET actor_name = CASE
      WHEN type IN ('extension_approved', 'extension_rejected', 'reply_approved', 'reply_returned') THEN '陈审核'
      WHEN type IN ('secrecy_review_passed', 'secrecy_review_rejected') THEN '周保密'
      WHEN type IN ('consultation_started', 'consultation_ended', 'extension_requested', 'reply_drafted') THEN '李承办'
      ELSE '王登记' END
    WHERE type <> 'submitted'`);
  await remarkUnsealedRows(ctx.db, 'request_events', sql`type <> 'submitted'`);
  // Cases (行政复议 / 行政诉讼) linked to some closed requests.
  const closed = await ctx.db.select({ id: requests.id, ref: requests.ref, repliedOn: requests.repliedOn }).from(requests).where(sql`${requests.state} = 'closed' AND ${requests.outcome} IN ('partly_disclosed','withheld_process_info','unavailable_not_held','withheld_third_party')`).limit(18);
  // Result codes (core/reports/cases.ts), never labels: a label was counted as 其他结果 (issue 11 item 5).
  const results: (CaseResult | null)[] = ['upheld', 'upheld', 'dismissed', 'revoked', 'confirmed_illegal', 'ordered_to_perform', 'terminated', 'withdrawn', null];
  let nCases = 0;
  await ctx.db.transaction(async (tx) => {
    for (const [i, c] of closed.entries()) {
      const kind = i % 3 === 2 ? 'litigation' : 'reconsideration';
      const receivedOn = wd(c.repliedOn!, 10 + (i % 7));
      if (receivedOn > today) continue;
      const result = results[i % results.length];
      const closedOn = result ? wd(receivedOn, 40) : null;
      await tx.insert(cases).values({ ref: `${kind === 'litigation' ? 'SS' : 'FY'}-${receivedOn.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`, kind, route: kind === 'litigation' ? (i % 2 ? 'after_reconsideration' : 'direct') : null, requestId: c.id, requestRef: c.ref, receivedOn, closedOn: closedOn && closedOn <= today ? closedOn : null, result: closedOn && closedOn <= today ? result : null });
      nCases++;
    }
    await appendAudit(tx, ctx.actor, { action: 'demo.loaded', detail: { requests: created, cases: nCases } }, null, ctx.now);
  });
  return { users: DEMO_USERS, requests: created, cases: nCases };
}
