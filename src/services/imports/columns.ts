/**
 * The columns of the two ledgers (DESIGN.md "Ledger import format", "Cases ledger"): Chinese header, English key,
 * whether the column must be present, and accepted header variants. Headers are matched after `normaliseHeader`
 * (whitespace, a trailing unit in brackets and `*` markers removed; English keys case-insensitive).
 */
import { normaliseHeader } from './values.js';

export interface LedgerColumn<K extends string = string> {
  key: K;
  /** Header as DESIGN.md prints it (used for exports and for errors about a missing column). */
  header: string;
  required: boolean;
  aliases?: readonly string[];
}

export const REQUEST_LEDGER_COLUMNS = [
  { key: 'ref', header: '受理编号', required: true, aliases: ['申请编号', '受理号', '编号'] },
  { key: 'receivedOn', header: '收到日期', required: true, aliases: ['收到申请日期', '申请日期', '受理日期'] },
  { key: 'channel', header: '申请方式', required: true, aliases: ['申请渠道', '提交方式'] },
  { key: 'applicantType', header: '申请人类型', required: true, aliases: ['申请人类别'] },
  { key: 'applicantName', header: '申请人', required: true, aliases: ['申请人姓名', '申请人名称', '申请人姓名或名称'] },
  { key: 'description', header: '申请内容', required: true, aliases: ['申请公开内容', '申请公开的政府信息', '申请事项'] },
  { key: 'department', header: '承办单位', required: false, aliases: ['承办部门', '主办单位'] },
  { key: 'supplementRequestedOn', header: '补正告知日期', required: false, aliases: ['告知补正日期', '补正日期'] },
  { key: 'supplementReceivedOn', header: '补正收到日期', required: false, aliases: ['收到补正日期'] },
  { key: 'extended', header: '延期', required: false, aliases: ['是否延期', '延期答复'] },
  { key: 'repliedOn', header: '答复日期', required: false, aliases: ['办结日期', '答复时间'] },
  { key: 'outcome', header: '办理结果', required: false, aliases: ['答复类型', '答复结果', '处理结果'] },
  { key: 'feeYuan', header: '收费金额', required: false, aliases: ['信息处理费', '收费'] },
] as const satisfies readonly LedgerColumn[];

export type RequestLedgerKey = (typeof REQUEST_LEDGER_COLUMNS)[number]['key'];

export const CASE_LEDGER_COLUMNS = [
  { key: 'ref', header: '案件编号', required: true, aliases: ['案号', '编号'] },
  { key: 'kind', header: '案件类型', required: true, aliases: ['类型'] },
  { key: 'route', header: '起诉类型', required: false, aliases: ['诉讼类型'] },
  { key: 'requestRef', header: '关联受理编号', required: false, aliases: ['受理编号', '关联申请'] },
  { key: 'receivedOn', header: '收到日期', required: true, aliases: ['收案日期', '立案日期'] },
  { key: 'closedOn', header: '结案日期', required: false, aliases: ['审结日期'] },
  { key: 'result', header: '结果', required: false, aliases: ['案件结果', '审理结果', '复议结果', '判决结果'] },
  { key: 'note', header: '备注', required: false, aliases: ['说明'] },
] as const satisfies readonly LedgerColumn[];

export type CaseLedgerKey = (typeof CASE_LEDGER_COLUMNS)[number]['key'];

/** Where each known column sits in a header row; unknown columns (序号, 备注 …) are ignored. */
export interface HeaderMap<K extends string> {
  /** key → column index in the row */
  index: Partial<Record<K, number>>;
  /** key → the header text exactly as in the file (trimmed), for error messages */
  text: Partial<Record<K, string>>;
  /** Known columns found. */
  found: number;
  /** Headers that name the same column twice (first one wins). */
  duplicates: { key: K; header: string; col: number }[];
}

/** Matches a header row against the columns (Chinese header, its variants, or the English key). */
export function mapHeaders<K extends string>(columns: readonly LedgerColumn<K>[], headers: readonly string[]): HeaderMap<K> {
  const lookup = new Map<string, K>();
  for (const c of columns) {
    lookup.set(normaliseHeader(c.header), c.key);
    lookup.set(c.key.toLowerCase(), c.key);
  }
  // aliases never shadow a column's own header (受理编号 is an alias in the cases ledger only as a fallback)
  for (const c of columns) for (const a of c.aliases ?? []) if (!lookup.has(normaliseHeader(a))) lookup.set(normaliseHeader(a), c.key);
  const map: HeaderMap<K> = { index: {}, text: {}, found: 0, duplicates: [] };
  headers.forEach((h, col) => {
    const key = lookup.get(normaliseHeader(h ?? ''));
    if (key === undefined) return;
    if (map.index[key] !== undefined) {
      map.duplicates.push({ key, header: h.trim(), col });
      return;
    }
    map.index[key] = col;
    map.text[key] = h.trim();
    map.found += 1;
  });
  return map;
}
