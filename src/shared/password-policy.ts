import { COMMON_PASSWORDS, COMMON_WORDS } from './common-passwords.js';

/** Shortest password accepted. */
export const PASSWORD_MIN_LENGTH = 10;

/** The rule in one sentence, for forms and error messages. */
export const PASSWORD_RULE_TEXT = '至少10位，包含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不能是常见密码或“常见单词+数字”（如 Password123、Gongkai2026）';

const COMMON = new Set(COMMON_PASSWORDS);
const WORDS = new Set(COMMON_WORDS);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', '$': 's', '!': 'i', '|': 'l', '+': 't' };

/**
 * The word a "word + number" password is built on: leading and trailing digits and symbols removed, l33t spellings
 * inside undone (P@ssw0rd2026 → password, 2026Gongkai! → gongkai), letters kept, lower case.
 */
export function passwordCore(password: string): string {
  const core = password.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  return [...core].map((c) => LEET[c] ?? c).join('').replace(/[^\p{L}]/gu, '').toLowerCase();
}

/** Character classes present: lower case, upper case, digits, others (symbols, spaces, Chinese …). */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

/**
 * Every reason the password is refused (Chinese), empty when it is accepted. Policy (GB/T 22239-2019 第三级 身份鉴别:
 * 口令具有复杂度要求): at least 10 characters; three of four character classes; not containing the user name; not a
 * common password and not a common word padded with digits or symbols.
 */
export function passwordProblems(password: string, username?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`至少${PASSWORD_MIN_LENGTH}位（当前${password.length}位）`);
  if (passwordClasses(password) < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase() ?? '';
  if (name.length >= 3 && lower.includes(name)) problems.push('不能包含用户名');
  const core = passwordCore(password);
  if (COMMON.has(lower) || WORDS.has(core) || (core.length < 3 && password.length >= PASSWORD_MIN_LENGTH) || /^(.)\1*$/.test(core)) {
    problems.push('不能使用常见密码或“常见单词+数字/符号”的组合（如 Password123、Gongkai2026）');
  }
  return problems;
}
