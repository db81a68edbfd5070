/**
 * The 政府信息公开目录 as one tree that follows 国办公开办函〔2019〕61号《关于规范政府信息公开平台有关事项的通知》: the
 * 政府信息公开 column has four first-level parts — 政府信息公开指南, 政府信息公开制度, 法定主动公开内容 and 政府信息公开年报 —
 * and 法定主动公开内容 is organised by what 条例 Art.20 (2019) lists (items （一）–（十五）), plus the local-government items
 * of Art.21. Source of 61号: http://zgwqmt.com/xxgk-show-198876.html (mirror of the gov.cn text, "一、找准定位 … 第二十条规定的
 * 各行政机关共性基础内容"); Art.20 wording: 新华网 受权发布 2019-04-15 (https://news.china.com/domesticgd/10000159/20190415/35672077_3.html).
 *
 * Codes go into the 索引号 (index-number.ts): two digits per level, so the level can be read from the code.
 */
export interface CatalogueNodeDef {
  code: string;
  name: string;
  parent?: string;
  /** Shown to staff and on the portal: which provision the node answers. */
  description?: string;
}

const ART20 = (item: string, text: string) => `条例第二十条第（${item}）项：${text}`;

export const CATALOGUE_61: readonly CatalogueNodeDef[] = [
  { code: '01', name: '政府信息公开指南', description: '条例第十二条：政府信息公开指南（分类、编排体系、获取方式，工作机构的名称、地址、时间、电话等）' },
  { code: '02', name: '政府信息公开制度', description: '本机关政府信息公开工作制度（条例第四条、第十七条等）' },
  { code: '03', name: '法定主动公开内容', description: '条例第二十条、第二十一条及其他法律法规规定应当主动公开的政府信息' },
  { code: '0301', name: '规章和规范性文件', parent: '03', description: ART20('一', '行政法规、规章和规范性文件') },
  { code: '030101', name: '规章', parent: '0301' },
  { code: '030102', name: '行政规范性文件', parent: '0301' },
  { code: '030103', name: '其他文件', parent: '0301' },
  { code: '030104', name: '政策解读', parent: '0301', description: '与规范性文件同步公开的政策解读（三同步）' },
  { code: '0302', name: '机关职能', parent: '03', description: ART20('二', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名') },
  { code: '0303', name: '规划计划', parent: '03', description: ART20('三', '国民经济和社会发展规划、专项规划、区域规划及相关政策') },
  { code: '0304', name: '统计信息', parent: '03', description: ART20('四', '国民经济和社会发展统计信息') },
  { code: '0305', name: '行政许可和其他对外管理服务', parent: '03', description: ART20('五', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果') },
  { code: '0306', name: '行政处罚和行政强制', parent: '03', description: ART20('六', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定') },
  { code: '0307', name: '财政预决算', parent: '03', description: ART20('七', '财政预算、决算信息') },
  { code: '0308', name: '行政事业性收费', parent: '03', description: ART20('八', '行政事业性收费项目及其依据、标准') },
  { code: '0309', name: '政府集中采购', parent: '03', description: ART20('九', '政府集中采购项目的目录、标准及实施情况') },
  { code: '0310', name: '重大建设项目', parent: '03', description: ART20('十', '重大建设项目的批准和实施情况') },
  { code: '0311', name: '扶贫、教育、医疗、社会保障、促进就业', parent: '03', description: ART20('十一', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况') },
  { code: '0312', name: '突发公共事件应对', parent: '03', description: ART20('十二', '突发公共事件的应急预案、预警信息及应对情况') },
  { code: '0313', name: '监督检查', parent: '03', description: ART20('十三', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况') },
  { code: '0314', name: '公务员招考', parent: '03', description: ART20('十四', '公务员招考的职位、名额、报考条件等事项以及录用结果') },
  { code: '0315', name: '其他法定主动公开信息', parent: '03', description: ART20('十五', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息') },
  { code: '0316', name: '本地重点领域信息', parent: '03', description: '条例第二十一条：市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息' },
  { code: '0317', name: '建议提案办理', parent: '03', description: '人大代表建议、政协委员提案的办理结果（按国家有关规定主动公开）' },
  { code: '04', name: '政府信息公开年报', description: '条例第四十九条、第五十条：政府信息公开工作年度报告' },
];

/**
 * Where the categories of earlier Gongkai versions go: the old default tree (codes 01–14, 99, 0201–0203) by code.
 * The codes were reused by the 61号 tree, so this map is applied only to rows that still carry the old name.
 */
export const LEGACY_DEFAULT_CODES: Readonly<Record<string, { name: string; to: string }>> = {
  '01': { name: '机构职能', to: '0302' },
  '02': { name: '法规文件', to: '0301' },
  '0201': { name: '规章', to: '030101' },
  '0202': { name: '行政规范性文件', to: '030102' },
  '0203': { name: '其他文件', to: '030103' },
  '03': { name: '政策解读', to: '030104' },
  '04': { name: '规划计划', to: '0303' },
  '05': { name: '行政许可和对外管理服务', to: '0305' },
  '06': { name: '行政处罚和行政强制', to: '0306' },
  '07': { name: '财政预决算', to: '0307' },
  '08': { name: '行政事业性收费', to: '0308' },
  '09': { name: '政府集中采购', to: '0309' },
  '10': { name: '统计信息', to: '0304' },
  '11': { name: '突发公共事件应急', to: '0312' },
  '12': { name: '人事信息', to: '0314' },
  '13': { name: '建议提案办理', to: '0317' },
  '14': { name: '政府信息公开年度报告', to: '04' },
  '99': { name: '其他', to: '0315' },
};

/**
 * Category names used by other portals (and by the demo before this tree) → the node they belong in. Imports and the
 * 0011 migration file an item whose 公开目录 text names one of these under that node instead of creating a parallel
 * category. Keep in step with `src/db/migrations/0011_catalogue_61.sql` (a test checks they agree).
 */
export const CATEGORY_NAME_ALIASES: Readonly<Record<string, string>> = {
  公开指南: '01', 政府信息公开指南: '01', 信息公开指南: '01',
  公开制度: '02', 政府信息公开制度: '02', 信息公开制度: '02',
  法定主动公开内容: '03',
  法规文件: '0301', 政策文件: '0301', 规章和规范性文件: '0301', 文件: '0301',
  规章: '030101', 政府规章: '030101',
  规范性文件: '030102', 行政规范性文件: '030102',
  其他文件: '030103', 通知公告: '030103', 通知: '030103', 公告: '030103',
  政策解读: '030104',
  机关职能: '0302', 机构职能: '0302', 机构设置: '0302', 机构概况: '0302', 领导信息: '0302',
  规划计划: '0303', 计划规划: '0303', 发展规划: '0303', 规划信息: '0303',
  统计信息: '0304', 统计数据: '0304',
  行政许可: '0305', 办事指南: '0305', 行政许可和对外管理服务: '0305', 行政许可和其他对外管理服务: '0305', 政务服务: '0305',
  行政处罚: '0306', 行政强制: '0306', 行政处罚和行政强制: '0306', 执法监察: '0306', 行政执法: '0306',
  财政预决算: '0307', 预决算: '0307', 财政信息: '0307', 部门预决算: '0307', 财政预算决算: '0307',
  行政事业性收费: '0308', 收费信息: '0308',
  政府集中采购: '0309', 政府采购: '0309', 招标采购: '0309',
  重大建设项目: '0310',
  突发公共事件应急: '0312', 应急管理: '0312', 突发公共事件应对: '0312',
  监督检查: '0313',
  人事信息: '0314', 公务员招考: '0314', 人事招考: '0314',
  其他法定主动公开信息: '0315', 其他: '0315',
  建议提案办理: '0317', 建议提案: '0317',
  本地重点领域信息: '0316', 土地征收: '0316', 征地信息: '0316', 征收信息: '0316',
  年度报告: '04', 年报: '04', 政府信息公开年报: '04', 政府信息公开年度报告: '04', 政府信息公开工作年度报告: '04',
};

/**
 * The 61号 node for a 公开目录 text from an import: the last path segment's name if it is a known alias, else the
 * first segment's (e.g. "财政信息/预决算" → 0307), else null (the text names a category of the office's own).
 */
export function catalogueCodeForText(text: string): string | null {
  const parts = text.split(/\s*(?:\/|>|＞|》|\\)\s*/).map((p) => p.trim()).filter(Boolean);
  for (const p of [...parts].reverse()) {
    if (CATEGORY_NAME_ALIASES[p]) return CATEGORY_NAME_ALIASES[p];
    const node = CATALOGUE_61.find((n) => n.code === p);
    if (node) return node.code;
  }
  return null;
}
