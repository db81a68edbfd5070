import { getSystemStartDate } from '../system-start.js';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../context.js';
import { importPublications } from './import-publications.js';
import { getSetting, putSetting } from '../settings.js';

/** The demo agency's 统一社会信用代码 (valid under GB 32100); its 组织机构代码 MB0143028 is the agency part of the 索引号. */
export const DEMO_CREDIT_CODE = '11510100MB0143028X';

/** Each item with its node of the 61号 公开目录 (core/publications/catalogue-61.ts). */
const ITEMS: [title: string, category: string, topic: string, kind: string, channels: string][] = [
  ['关于做好{Y}年耕地保护工作的通知', '030102', '耕地保护', '行政规范性文件', '网站、公报'],
  ['示范市{Y}年国有建设用地供应计划', '0303', '土地管理', '', '网站'],
  ['关于{Y}年度部门预算的说明', '0307', '财政', '', '网站'],
  ['示范市自然资源和规划局{P}年政府信息公开工作年度报告', '04', '政务公开', '', '网站'],
  ['关于进一步规范农村宅基地审批管理的意见', '030102', '农村宅基地', '行政规范性文件', '网站、公报、微信'],
  ['《关于进一步规范农村宅基地审批管理的意见》政策解读', '030104', '农村宅基地', '', '网站、微信'],
  ['示范市地质灾害防治{Y}年度实施方案', '0312', '地质灾害', '', '网站、微博'],
  ['关于征地补偿标准调整的公告', '0316', '征地补偿', '', '网站、公报'],
  ['示范市不动产登记办事指南', '0305', '不动产登记', '', '网站'],
  ['关于开展违法用地专项整治行动的通知', '0306', '执法监察', '', '网站'],
  ['{Y}年第三季度国土空间规划许可批后公布', '0305', '国土空间规划', '', '网站'],
  ['关于对市人大代表第{N}号建议的答复', '0317', '建议提案', '', '网站'],
  ['示范市湿地保护修复工作方案', '0303', '生态修复', '', '网站、微信'],
  ['行政处罚决定书（示自然资罚〔{Y}〕{N}号）', '0306', '执法监察', '', '网站'],
];

/** Items published once (2024): the office's own 政府信息公开指南 and 制度 (61号's first two parts). */
const ONCE: [title: string, category: string, publishedOn: string][] = [
  ['示范市自然资源和规划局政府信息公开指南', '01', '2024-01-15'],
  ['示范市自然资源和规划局政府信息公开保密审查制度', '02', '2024-02-20'],
  ['示范市自然资源和规划局依申请公开政府信息工作规程', '02', '2024-03-12'],
];

/**
 * Demo publications for the portal and search, filed in the 61号 公开目录: about forty items of the kinds the seed report names (通知公告,
 * 预决算, 规范性文件 with their 政策解读, 办事指南, 建议提案, 行政处罚), imported as already reviewed and published.
 */
export async function loadDemoPublications(ctx: ServiceContext): Promise<{ publications: number }> {
  const rows: Record<string, string>[] = [];
  // Imported items skip the secrecy review, so only those published before the system started may be imported.
  const startedOn = await getSystemStartDate(ctx.db, ctx.today);
  const agencyCode = DEMO_CREDIT_CODE.slice(8, 17);
  const seq = new Map<string, number>();
  const indexNo = (category: string, year: number) => {
    const key = `${category}-${year}`;
    seq.set(key, (seq.get(key) ?? 0) + 1);
    return `${agencyCode}/${category}-${year}-${String(seq.get(key)).padStart(5, '0')}`;
  };
  const body = (t: string, topic: string) => `${t}。为贯彻落实《中华人民共和国政府信息公开条例》和上级有关工作部署，结合本市${topic}工作实际，现将有关事项公开如下。一、总体要求：坚持以公开为常态、不公开为例外，做好${topic}领域信息公开。二、主要内容：明确工作职责、办理程序和办理时限，及时公开办理结果。三、工作要求：各有关单位要高度重视，认真组织实施。`;
  for (const [title, category, publishedOn] of ONCE) {
    if (publishedOn >= startedOn) continue;
    rows.push({ 索引号: indexNo(category, 2024), 标题: title, 文号: '', 发布机构: '示范市自然资源和规划局', 成文日期: publishedOn, 发布日期: publishedOn, 公开目录: category, 主题分类: '政务公开', 文件类型: '', 发布渠道: '网站', 正文: body(title, '政务公开') });
  }
  for (const year of [2024, 2025, 2026]) {
    for (const [i, [title, category, topic, kind, channels]] of ITEMS.entries()) {
      const isReport = title.includes('{P}');
      if (isReport && year - 1 < 2024) continue; // the demo's records start in 2024
      const month = 1 + ((i * 5 + year) % 11);
      const day = 3 + ((i * 7) % 24);
      // 条例 Art.49: the report on year P is published by 31 January of the next year.
      const publishedOn = isReport ? `${year}-01-20` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (publishedOn > ctx.today || publishedOn >= startedOn) continue;
      const t = title.replace('{Y}', String(year)).replace('{P}', String(year - 1)).replace('{N}', String(100 + i));
      rows.push({
        索引号: indexNo(category, year),
        标题: year === 2026 || !t.includes('意见') ? t : `${t}（${year}年修订）`,
        文号: kind ? `示自然资规〔${year}〕${i + 1}号` : '',
        发布机构: '示范市自然资源和规划局',
        成文日期: publishedOn,
        发布日期: publishedOn,
        公开目录: category,
        主题分类: topic,
        文件类型: kind,
        发布渠道: channels,
        正文: body(t, topic),
      });
    }
  }
  // New items of the demo office get 索引号 with the same agency code (publishing is refused while none is set).
  await putSetting(ctx.db, 'publications', { ...(await getSetting(ctx.db, 'publications', {})), agencyCode });
  const file = join(tmpdir(), `gongkai-demo-publications-${process.pid}.json`);
  await writeFile(file, JSON.stringify(rows));
  try {
    const publisher = { ...(ctx.actor ?? { id: 0, username: 'system', displayName: '系统', departmentId: null }), roles: ['publisher' as const] };
    const r = await importPublications({ ...ctx, actor: publisher }, file, { format: 'json', filename: '演示主动公开信息.json' } as never);
    return { publications: (r as unknown as { inserted?: number }).inserted ?? rows.length };
  } finally {
    await rm(file, { force: true });
  }
}
