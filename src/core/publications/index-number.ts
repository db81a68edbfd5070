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
