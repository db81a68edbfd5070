import { validateCreditCode } from '../validators/credit-code.js';

/**
 * 索引号 (index number) of a proactively disclosed item. 条例 Art.12 ¶3: the 政府信息公开目录 lists for every item
 * "政府信息的索引、名称、内容概述、生成日期". Gongkai's own numbers are built as
 *
 *   `{agencyCode}/{categoryCode}-{year}-{sequence}`   e.g. `11100000MB0143027X/0101-2024-00012`
 *
 * (agency code = 统一社会信用代码 or 组织机构代码 of the publishing body; category code = the 公开目录 category;
 * year = year of publication; sequence = 5 digits, never reused within agency + category + year). Numbers imported
 * from an existing portal keep whatever form they had, as long as they pass {@link isAcceptableIndexNo}.
 */

export interface IndexNoParts {
  agencyCode: string;
  categoryCode: string;
  year: number;
  sequence: number;
}

const AGENCY_CODE = /^[0-9A-Z]{1,20}$/;
const CATEGORY_CODE = /^[0-9A-Za-z]{1,12}$/;
const GONGKAI_FORMAT = /^([0-9A-Z]{1,20})\/([0-9A-Za-z]{1,12})-(\d{4})-(\d{5,})$/;
const ACCEPTABLE = /^[0-9A-Za-z][0-9A-Za-z/_.\-]{0,79}$/;

/** Whether `code` can serve as the agency part of a 索引号 (Art.12: unique index of each item). */
export function isValidAgencyCode(code: string): boolean {
  return AGENCY_CODE.test(code);
}

const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 check character of the first 8 characters of a 组织机构代码: 11 − (Σ value × weight mod 11) with weights
 * 3 7 9 10 5 8 4 2 (letters count A=10 … Z=35); 10 → 'X', 11 → '0'. Checked on published 索引号 agency parts:
 * 国务院办公厅 `000014349` (gov.cn 索引号) and 怒江州民政局 `01527918X` (https://www.nujiang.gov.cn/xxgk/01527918X/info/2020-153077.html).
 */
export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Whether `code` is a 9-character 组织机构代码 (GB 11714: 8 digits/capitals + check character). */
export function isValidOrganizationCode(code: string): boolean {
  return /^[0-9A-Z]{8}[0-9X]$/.test(code) && organizationCodeCheckChar(code) === code[8];
}

/**
 * The agency part of new 索引号, as offices write it in practice: the 9-character 组织机构代码 (e.g. gov.cn
 * `000014349/2019-00123`; 怒江州 `01527918X-2020-153077`). Since 国发〔2015〕33号 an agency holds an 18-character
 * 统一社会信用代码 whose 9th–17th characters are its 主体标识码, i.e. the former 组织机构代码 (GB 32100-2015 §4: 1 位登记管理部门码,
 * 1 位机构类别码, 6 位行政区划码, 9 位主体标识码（组织机构代码）, 1 位校验码; see e.g.
 * https://www.chaxiaohao.com/read-1751129274l4392762.html). So either form is accepted and the 组织机构代码 is kept.
 * All-zero codes (`000000000`, the old placeholder) are refused: every item would get a 索引号 that names no agency.
 */
export function normalizeIndexAgencyCode(input: string): { ok: true; code: string } | { ok: false; message: string } {
  const v = input.replace(/[\s-]/g, '').toUpperCase();
  if (v === '') return { ok: false, message: '请填写索引号机关代码（本机关的组织机构代码，或18位统一社会信用代码）' };
  if (/^0+$/.test(v)) return { ok: false, message: `机关代码“${input}”全为0，不是本机关的代码：请填写本机关的组织机构代码或统一社会信用代码` };
  if (v.length === 18) {
    const cc = validateCreditCode(v);
    if (!cc.ok) return { ok: false, message: cc.message };
    const org = v.slice(8, 17);
    if (!isValidOrganizationCode(org)) return { ok: false, message: `统一社会信用代码“${v}”第9至17位“${org}”不是有效的组织机构代码（校验位不符），请核对` };
    return { ok: true, code: org };
  }
  if (v.length === 9) {
    if (!isValidOrganizationCode(v)) return { ok: false, message: `组织机构代码“${v}”校验位错误（应为${/^[0-9A-Z]{8}/.test(v) ? organizationCodeCheckChar(v) : '数字或X'}），请逐位核对` };
    return { ok: true, code: v };
  }
  return { ok: false, message: `机关代码“${input}”应为9位组织机构代码或18位统一社会信用代码，当前为${v.length}位` };
}

/** Whether a stored agency code can go into a new 索引号 (set, and not the all-zero placeholder). */
export function isUsableIndexAgencyCode(code: string | null | undefined): code is string {
  return !!code && isValidAgencyCode(code) && !/^0+$/.test(code);
}

/** Whether `code` can serve as the category part of a 索引号 (Art.12 目录 category). */
export function isValidCategoryCode(code: string): boolean {
  return CATEGORY_CODE.test(code);
}

/**
 * Formats a Gongkai 索引号 (Art.12). Throws a plain Error on bad parts (a programming error: callers validate
 * settings first). The sequence is zero-padded to 5 digits; larger sequences keep all their digits.
 */
export function formatIndexNo(p: IndexNoParts): string {
  if (!isValidAgencyCode(p.agencyCode)) throw new Error(`invalid agency code ${p.agencyCode}`);
  if (!isValidCategoryCode(p.categoryCode)) throw new Error(`invalid category code ${p.categoryCode}`);
  if (!Number.isInteger(p.year) || p.year < 1949 || p.year > 2999) throw new Error(`invalid year ${p.year}`);
  if (!Number.isInteger(p.sequence) || p.sequence < 1) throw new Error(`invalid sequence ${p.sequence}`);
  return `${p.agencyCode}/${p.categoryCode}-${p.year}-${String(p.sequence).padStart(5, '0')}`;
}

/** Parses a 索引号 written in Gongkai's own format; null for any other form (e.g. one imported from another portal). */
export function parseIndexNo(s: string): IndexNoParts | null {
  const m = GONGKAI_FORMAT.exec(s);
  if (!m) return null;
  return { agencyCode: m[1], categoryCode: m[2], year: Number(m[3]), sequence: Number(m[4]) };
}

/**
 * Whether `s` is acceptable as a 索引号 of an imported item: 1–80 characters of ASCII letters, digits and `/ _ . -`,
 * starting with a letter or digit (no spaces, no Chinese punctuation), so that it can be used in a URL.
 */
export function isAcceptableIndexNo(s: string): boolean {
  return ACCEPTABLE.test(s);
}
