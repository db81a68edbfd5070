import { getSystemStartDate } from '../system-start.js';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceContext } from '../context.js';
import { importPublications } from './import-publications.js';

const ITEMS: [title: string, category: string, topic: string, kind: string, channels: string][] = [
  ['关于做好{Y}年耕地保护工作的通知', '通知公告', '耕地保护', '行政规范性文件', '网站、公报'],
  ['示范市{Y}年国有建设用地供应计划', '计划规划', '土地管理', '', '网站'],
  ['关于{Y}年度部门预算的说明', '财政信息/预决算', '财政', '', '网站'],
  ['示范市自然资源和规划局{Y}年政府信息公开工作年度报告', '年度报告', '政务公开', '', '网站'],
  ['关于进一步规范农村宅基地审批管理的意见', '法规文件/行政规范性文件', '农村宅基地', '行政规范性文件', '网站、公报、微信'],
  ['《关于进一步规范农村宅基地审批管理的意见》政策解读', '政策解读', '农村宅基地', '', '网站、微信'],
  ['示范市地质灾害防治{Y}年度实施方案', '计划规划', '地质灾害', '', '网站、微博'],
  ['关于征地补偿标准调整的公告', '通知公告', '征地补偿', '', '网站、公报'],
  ['示范市不动产登记办事指南', '办事指南', '不动产登记', '', '网站'],
  ['关于开展违法用地专项整治行动的通知', '通知公告', '执法监察', '', '网站'],
  ['{Y}年第三季度国土空间规划许可批后公布', '行政许可', '国土空间规划', '', '网站'],
  ['关于对市人大代表第{N}号建议的答复', '建议提案办理', '建议提案', '', '网站'],
  ['示范市湿地保护修复工作方案', '计划规划', '生态修复', '', '网站、微信'],
  ['行政处罚决定书（示自然资罚〔{Y}〕{N}号）', '行政处罚', '执法监察', '', '网站'],
];

/**
 * Demo publications for the portal and search: about forty items of the kinds the seed report names (通知公告,
 * 预决算, 规范性文件 with their 政策解读, 办事指南, 建议提案, 行政处罚), imported as already reviewed and published.
 */
export async function loadDemoPublications(ctx: ServiceContext): Promise<{ publications: number }> {
  const rows: Record<string, string>[] = [];
  let n = 0;
  // Imported items skip the secrecy review, so only those published before the system started may be imported.
  const startedOn = await getSystemStartDate(ctx.db, ctx.today);
  for (const year of [2024, 2025, 2026]) {
    for (const [i, [title, category, topic, kind, channels]] of ITEMS.entries()) {
      const isReport = category === '年度报告';
      if (isReport && year - 1 < 2024) continue; // the demo's records start in 2024
      // The annual report of year Y-1 is published in January of year Y (条例 Art.49: by 31 January), never one of a year not yet over.
      const month = isReport ? 1 : 1 + ((i * 5 + year) % 11);
      const day = isReport ? 20 : 3 + ((i * 7) % 24);
      const publishedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (`${publishedOn}` > ctx.today || publishedOn >= startedOn) continue;
      n++;
      const t = title.replace('{Y}', String(isReport ? year - 1 : year)).replace('{N}', String(100 + i));
      rows.push({
        索引号: `11510100MB0000000X/${String(i + 1).padStart(2, '0')}-${year}-${String(n).padStart(4, '0')}`,
        标题: year === 2026 || !t.includes('意见') ? t : `${t}（${year}年修订）`,
        文号: kind ? `示自然资规〔${year}〕${i + 1}号` : '',
        发布机构: '示范市自然资源和规划局',
        成文日期: publishedOn,
        发布日期: publishedOn,
        公开目录: category,
        主题分类: topic,
        文件类型: kind,
        发布渠道: channels,
        正文: `${t}。为贯彻落实《中华人民共和国政府信息公开条例》和上级有关工作部署，结合本市${topic}工作实际，现将有关事项公开如下。一、总体要求：坚持以公开为常态、不公开为例外，做好${topic}领域信息公开。二、主要内容：明确工作职责、办理程序和办理时限，及时公开办理结果。三、工作要求：各有关单位要高度重视，认真组织实施。`,
      });
    }
  }
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
