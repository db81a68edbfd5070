import { DomainError } from '../errors.js';
import { isIsoDate, type IsoDate } from '../types.js';

/**
 * Formatting rules of 公文 (GB/T 9704-2012 《党政机关公文格式》) used by every notice.
 */

/**
 * 成文日期 and dates in the text: `2026-11-27` → `2026年11月27日`.
 *
 * GB/T 9704-2012 7.3.5 (成文日期): "用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）".
 * This replaced the Chinese-numeral style of GB/T 9704-1999 (`二〇二六年十一月二十七日`), which some agencies
 * still use; `formatChineseDateInWords` gives that form for them, but notices use the 2012 rule.
 */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = parseIsoDate(date);
  return `${y}年${m}月${d}日`;
}

const DIGIT_WORDS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * The pre-2012 (GB/T 9704-1999) written form: `2026-11-27` → `二〇二六年十一月二十七日`. Not used by default
 * (see `formatChineseDate`); kept for agencies whose house style still asks for it.
 */
export function formatChineseDateInWords(date: IsoDate): string {
  const [y, m, d] = parseIsoDate(date);
  const year = String(y).split('').map((c) => DIGIT_WORDS[Number(c)]).join('');
  return `${year}年${chineseNumeral(m)}月${chineseNumeral(d)}日`;
}

/**
 * 发文字号: `formatDocNumber('国土资公开', 2026, 12)` → `国土资公开〔2026〕12号`.
 * GB/T 9704-2012 7.2.4: 发文机关代字 + 年份 + 发文顺序号; 年份标全称, 用六角括号"〔〕"括入; 顺序号不加"第"字,
 * 不编虚位 (1 不编为 01), 后加"号".
 */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  const p = prefix.trim();
  if (p === '') throw new DomainError('VALIDATION', '发文机关代字不能为空，请在机关设置中填写文号前缀（例如“国土资公开”）');
  if (/[〔〕\[\]()（）]/.test(p)) {
    throw new DomainError('VALIDATION', `发文机关代字“${p}”不应包含括号，年份的六角括号由系统自动添加`);
  }
  if (!Number.isInteger(year) || year < 1949 || year > 9999) {
    throw new DomainError('VALIDATION', `文号年份必须是四位公历年份（收到：${String(year)}）`);
  }
  if (!Number.isInteger(seq) || seq < 1) {
    throw new DomainError('VALIDATION', `文号顺序号必须是不小于1的整数（收到：${String(seq)}）`);
  }
  return `${p}〔${year}〕${seq}号`;
}

/** Chinese numeral of 0 ≤ n ≤ 9999 as used in article numbers: 36 → 三十六, 10 → 十, 101 → 一百零一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: ${n}`);
  if (n === 0) return '零';
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    const unit = units[digits.length - 1 - i];
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十一…十九 (not 一十一) when the number starts in the tens
    out += digit === 1 && unit === '十' && out === '' ? '十' : DIGIT_WORDS[digit] + unit;
  });
  return out;
}

/** `2026-11-27` → [2026, 11, 27]; a malformed or impossible date is a VALIDATION error. */
export function parseIsoDate(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) {
    throw new DomainError('VALIDATION', `日期“${String(date)}”无效，请使用 YYYY-MM-DD 格式的真实日期`, { date });
  }
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** Amount in 元 as written in 公文 text: plain Arabic digits, no separators, at most 2 decimals (4700 → `4700`). */
export function formatYuan(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** Ends a sentence supplied by a user with "。" unless it already ends with closing punctuation. */
export function endWithPeriod(text: string): string {
  const t = text.trim();
  return /[。！？；）)”]$/.test(t) ? t : `${t}。`;
}
