import { isIsoDate, type IsoDate } from '../types.js';
import { isAcceptableIndexNo } from './index-number.js';
import { forbiddenCharacter } from '../validators/text.js';
import { PUBLICATION_CHANNEL_LABELS, type NormativeKind, type PublicationChannel, type Validity } from './workflow.js';

/**
 * Rows of `gongkai import publications FILE`: migrating an existing portal's 主动公开 items (条例 Art.19–20: the
 * information to disclose proactively; Art.12: each item with its 索引、名称、内容概述、生成日期). First row = headers,
 * Chinese or English; whitespace around headers and values is ignored; dates accept `2024-01-05`, `2024/1/5`,
 * `2024年1月5日` and Excel date cells. A file with errors is rejected whole, every error listed by row and column.
 */
export const IMPORT_COLUMNS = [
  { key: 'indexNo', label: '索引号', aliases: ['索引'], required: true },
  { key: 'title', label: '标题', aliases: ['名称', '信息名称', '文件名称'], required: true },
  { key: 'docNumber', label: '文号', aliases: ['发文字号', '发文文号'], required: false },
  { key: 'issuer', label: '发布机构', aliases: ['发文机关', '发布单位', '发文单位'], required: false },
  { key: 'writtenOn', label: '成文日期', aliases: ['生成日期', '印发日期'], required: false },
  { key: 'publishedOn', label: '发布日期', aliases: ['公开日期', '发布时间'], required: true },
  { key: 'category', label: '公开目录', aliases: ['目录', '目录分类', '信息分类'], required: false },
  { key: 'topic', label: '主题分类', aliases: ['主题'], required: false },
  { key: 'body', label: '正文', aliases: ['内容', '正文内容'], required: false },
  { key: 'summary', label: '内容概述', aliases: ['摘要', '概述'], required: false },
  { key: 'validity', label: '有效性', aliases: ['效力状态', '效力'], required: false },
  { key: 'validityChangedOn', label: '废止日期', aliases: ['失效日期', '效力变更日期'], required: false },
  { key: 'normativeKind', label: '文件类型', aliases: ['规范性文件', '是否规范性文件'], required: false },
  { key: 'channels', label: '发布渠道', aliases: ['公开渠道', '公开方式渠道'], required: false },
  { key: 'disclosureMode', label: '公开方式', aliases: [], required: false },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export interface ImportError { row: number; column: string; value: string; message: string }

export interface HeaderMapping {
  /** Column index → key. */
  columns: Map<number, ImportColumnKey>;
  /** Key → the header text as written in the file (for error messages). */
  headerOf: Partial<Record<ImportColumnKey, string>>;
  errors: ImportError[];
}

const normHeader = (h: unknown) => String(h ?? '').replace(/^\uFEFF/, '').replace(/[\s*＊]/g, '');

/** Maps the header row (row 1) to column keys; unknown headers are ignored, missing required ones are errors. */
export function mapImportHeaders(headers: readonly unknown[]): HeaderMapping {
  const columns = new Map<number, ImportColumnKey>();
  const headerOf: HeaderMapping['headerOf'] = {};
  const errors: ImportError[] = [];
  headers.forEach((raw, i) => {
    const h = normHeader(raw);
    if (!h) return;
    const col = IMPORT_COLUMNS.find((c) => c.label === h || (c.aliases as readonly string[]).includes(h) || c.key.toLowerCase() === h.toLowerCase());
    if (!col) return;
    if (headerOf[col.key]) {
      errors.push({ row: 1, column: h, value: h, message: `表头“${h}”与“${headerOf[col.key]}”重复（都是${col.label}），请删除其中一列` });
      return;
    }
    columns.set(i, col.key);
    headerOf[col.key] = h;
  });
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !headerOf[c.key]) errors.push({ row: 1, column: c.label, value: '', message: `缺少必填列“${c.label}”（第1行应为表头，可用中文或英文 ${c.key}）` });
  }
  return { columns, headerOf, errors };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date cell of an import: `Date` (Excel date cells, read in UTC), an Excel serial number, or text in one of
 * `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `20240105` (a time part is ignored). Returns null for an
 * empty cell and 'invalid' when it is not a real date.
 */
export function parseImportDate(v: unknown): IsoDate | null | 'invalid' {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > 2958465) return 'invalid';
    return new Date(EXCEL_EPOCH_MS + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = String(v).trim();
  if (!s) return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

export interface PublicationImportRow {
  indexNo: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  writtenOn: IsoDate | null;
  publishedOn: IsoDate;
  category: string | null;
  topic: string | null;
  body: string;
  summary: string | null;
  validity: Validity;
  validityChangedOn: IsoDate | null;
  normativeKind: NormativeKind | null;
  channels: PublicationChannel[];
  disclosureMode: string;
}

const VALIDITY_BY_LABEL: Record<string, Validity> = { 有效: 'effective', 现行有效: 'effective', effective: 'effective', 废止: 'repealed', 已废止: 'repealed', repealed: 'repealed', 失效: 'invalid', 已失效: 'invalid', invalid: 'invalid' };
const KIND_BY_LABEL: Record<string, NormativeKind | null> = { 规章: 'regulation', regulation: 'regulation', 行政规范性文件: 'normative', 规范性文件: 'normative', normative: 'normative', 是: 'normative', 否: null, 其他: null, 无: null };
const CHANNEL_BY_LABEL: Record<string, PublicationChannel> = Object.fromEntries([
  ...Object.entries(PUBLICATION_CHANNEL_LABELS).flatMap(([code, label]) => [[code, code], [label, code]]),
  ['政府网站', 'website'], ['门户网站', 'website'], ['政府公报', 'gazette'], ['政务微博', 'weibo'], ['政务微信', 'wechat'], ['微信公众号', 'wechat'], ['其他方式', 'other'],
]) as Record<string, PublicationChannel>;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Validates one data row (`rowNo` = the spreadsheet row number, header = 1). Returns the typed row, or every error of
 * the row. `today` bounds the dates (nothing is published in the future).
 */
export function validateImportRow(values: Partial<Record<ImportColumnKey, unknown>>, rowNo: number, headerOf: HeaderMapping['headerOf'], today: IsoDate): { row: PublicationImportRow | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const col = (k: ImportColumnKey) => headerOf[k] ?? IMPORT_COLUMNS.find((c) => c.key === k)!.label;
  const err = (k: ImportColumnKey, value: unknown, message: string) => errors.push({ row: rowNo, column: col(k), value: text(value).slice(0, 100), message });
  for (const [k, v] of Object.entries(values) as [ImportColumnKey, unknown][]) {
    const bad = typeof v === 'string' ? forbiddenCharacter(v) : null;
    if (bad) err(k, v, `含有不允许的控制字符（${bad}），请删除后重新导入`);
  }

  const indexNo = text(values.indexNo);
  if (!indexNo) err('indexNo', values.indexNo, '索引号不能为空');
  else if (!isAcceptableIndexNo(indexNo)) err('indexNo', values.indexNo, '索引号只能由英文字母、数字和 / - _ . 组成（不超过80个字符，不含空格和中文）');

  const title = text(values.title).replace(/\s+/g, ' ');
  if (!title) err('title', values.title, '标题不能为空');
  else if (title.length > 300) err('title', values.title, `标题有 ${title.length} 个字，不能超过300字`);

  const date = (k: ImportColumnKey, required: boolean): IsoDate | null => {
    const d = parseImportDate(values[k]);
    if (d === 'invalid') { err(k, values[k], '不是有效日期（可写作 2024-01-05、2024/1/5 或 2024年1月5日）'); return null; }
    if (d === null && required) { err(k, values[k], `${col(k)}不能为空`); return null; }
    if (d && d > today) { err(k, values[k], `日期 ${d} 晚于今天（${today}），请核对`); return null; }
    return d;
  };
  const publishedOn = date('publishedOn', true);
  const writtenOn = date('writtenOn', false);
  if (publishedOn && writtenOn && writtenOn > publishedOn) err('writtenOn', values.writtenOn, `成文日期 ${writtenOn} 晚于发布日期 ${publishedOn}，请核对`);

  const validityText = text(values.validity).replace(/\s+/g, '');
  const validity = validityText ? VALIDITY_BY_LABEL[validityText] : 'effective';
  if (!validity) err('validity', values.validity, '有效性应为“有效”“废止”或“失效”');
  const validityChangedOn = date('validityChangedOn', false);
  if (validity === 'effective' && validityChangedOn) err('validityChangedOn', values.validityChangedOn, '有效性为“有效”的信息不应填写废止日期');
  if (validityChangedOn && publishedOn && validityChangedOn < publishedOn) err('validityChangedOn', values.validityChangedOn, `废止日期 ${validityChangedOn} 早于发布日期 ${publishedOn}，请核对`);

  const kindText = text(values.normativeKind).replace(/\s+/g, '');
  const normativeKind = kindText ? KIND_BY_LABEL[kindText] : null;
  if (normativeKind === undefined) err('normativeKind', values.normativeKind, '文件类型应为“规章”“行政规范性文件”或留空');

  const channelText = text(values.channels);
  const channels: PublicationChannel[] = [];
  if (channelText) {
    for (const part of channelText.split(/[,，、;；/\s]+/).filter(Boolean)) {
      const c = CHANNEL_BY_LABEL[part];
      if (!c) err('channels', values.channels, `发布渠道“${part}”无法识别（可填：网站、公报、微博、微信、其他，多个用顿号分隔）`);
      else if (!channels.includes(c)) channels.push(c);
    }
  } else channels.push('website');

  const optional = (k: ImportColumnKey, max: number): string | null => {
    const s = text(values[k]);
    if (s.length > max) { err(k, values[k], `${col(k)}不能超过${max}字`); return null; }
    return s || null;
  };
  const docNumber = optional('docNumber', 100);
  const issuer = optional('issuer', 200);
  const category = optional('category', 200);
  const topic = optional('topic', 100);
  const summary = optional('summary', 2000);
  const disclosureMode = optional('disclosureMode', 50) ?? '主动公开';
  const body = text(values.body);
  if (body.length > 2_000_000) err('body', '', '正文过长（超过200万字），请拆分或以附件形式发布');

  if (errors.length || !publishedOn || !validity || normativeKind === undefined) return { row: null, errors };
  return { row: { indexNo, title, docNumber, issuer, writtenOn, publishedOn, category, topic, body, summary, validity, validityChangedOn, normativeKind, channels, disclosureMode }, errors };
}
