import { asc } from 'drizzle-orm';
import { guideSections } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { sanitizeBodyHtml, looksLikeHtml, textToHtml } from '../../core/publications/search-text.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { getAgency, type AgencyProfile } from '../settings.js';
import { publicWebsite } from '../../core/publications/public-address.js';

/**
 * 政府信息公开指南 (条例 Art.12 ¶2): "政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、
 * 联系电话、传真号码、互联网联系方式等内容". The office data come from the agency profile; the sections are edited by
 * the publisher. A default text is shown until the publisher saves their own.
 */
export function defaultGuideSections(agency: AgencyProfile): { title: string; bodyHtml: string }[] {
  return [
    { title: '一、政府信息的分类与编排体系', bodyHtml: textToHtml(`${agency.name}主动公开的政府信息按《政府信息公开目录》分类编排，每条信息标注索引号、名称、内容概述和生成日期，可按目录、主题分类、发布机构和年份浏览，也可全文检索。`) },
    { title: '二、获取方式', bodyHtml: textToHtml('主动公开的政府信息通过本机关门户网站“政府信息公开”专栏、政府公报、政务新媒体等途径公开，公众可免费查阅、下载。\n未主动公开的政府信息，公民、法人或者其他组织可以依照《中华人民共和国政府信息公开条例》第二十七条至第二十九条的规定，通过互联网、信函、传真、当面等方式提出政府信息公开申请。') },
    { title: '三、政府信息公开工作机构', bodyHtml: textToHtml(officeLines(agency).join('\n')) },
    { title: '四、监督和救济', bodyHtml: textToHtml('公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。') },
  ];
}

/** The office's contact lines; a line whose value is not set (or, for the web address, not public) is left out. */
function officeLines(agency: AgencyProfile): string[] {
  const website = publicWebsite(agency.website);
  const line = (label: string, value: string | null | undefined) => (value?.trim() ? [`${label}：${value.trim()}`] : []);
  return [
    ...line('名称', agency.officeName),
    ...line('办公地址', agency.address ? `${agency.address}${agency.postcode ? `（邮编 ${agency.postcode}）` : ''}` : ''),
    ...line('办公时间', agency.officeHours),
    ...line('联系电话', agency.phone),
    ...line('传真号码', agency.fax),
    ...line('电子邮箱', agency.email),
    ...line('网址', website),
  ];
}

/** The guide as shown on the portal: the saved sections, or the default text. */
export async function getGuide(db: Executor) {
  const agency = await getAgency(db);
  const rows = await db.select().from(guideSections).orderBy(asc(guideSections.sortOrder), asc(guideSections.id));
  return { agency: { name: agency.name, officeName: agency.officeName, address: agency.address, postcode: agency.postcode, officeHours: agency.officeHours, phone: agency.phone, fax: agency.fax, email: agency.email, website: publicWebsite(agency.website) }, isDefault: rows.length === 0, sections: rows.length ? rows.map((r) => ({ title: r.title, bodyHtml: r.bodyHtml, updatedAt: r.updatedAt })) : defaultGuideSections(agency).map((s) => ({ ...s, updatedAt: null })) };
}

/** Use case: the publisher replaces the guide's sections (Art.12: 应当及时更新). */
export async function saveGuide(ctx: ServiceContext, sections: { title: string; body: string }[]) {
  const actor = requireRole(ctx.actor, 'publisher');
  const problems = sections.flatMap((s, i) => [
    ...(!s.title?.trim() ? [{ field: `sections.${i}.title`, message: `第${i + 1}节缺少标题` }] : []),
    ...(!s.body?.trim() ? [{ field: `sections.${i}.body`, message: `第${i + 1}节缺少内容` }] : []),
  ]);
  if (!sections.length) problems.push({ field: 'sections', message: '公开指南至少需要一节内容' });
  if (problems.length) throw new DomainError('VALIDATION', problems.map((p) => p.message).join('；'), { problems });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(guideSections);
    await tx.insert(guideSections).values(sections.map((s, i) => ({ title: s.title.trim(), bodyHtml: looksLikeHtml(s.body) ? sanitizeBodyHtml(s.body) : textToHtml(s.body), sortOrder: i, updatedBy: actor.id > 0 ? actor.id : null })));
    await appendAudit(tx, actor, { action: 'publication.guide_saved', targetType: 'guide', targetId: 'guide', detail: { sections: sections.map((s) => s.title) } }, ctx.ip ?? null, ctx.now);
  });
  return getGuide(ctx.db);
}
