import { describe, expect, it } from 'vitest';
import { passwordCore, passwordProblems } from './password-policy.js';

describe('password policy (issue 12 item 8: length ≥ 10, three classes, no user name, no common password)', () => {
  it('refuses the passwords the issue found accepted', () => {
    expect(passwordProblems('password12')).toEqual(expect.arrayContaining(['须包含大写字母、小写字母、数字、符号中的至少三类', expect.stringContaining('常见密码')]));
    // Gongkai2026 has 11 characters and three classes: the common-word rule refuses it
    expect(passwordProblems('Gongkai2026')).toEqual([expect.stringContaining('常见密码')]);
  });

  it.each([
    ['P@ssw0rd2026', 'password'], ['Password123!', 'password'], ['2026Gongkai!', 'gongkai'], ['Woaini1314!', 'woaini'],
    ['Qwerty12345!', 'qwerty'], ['Admin@2026!!', 'admin'], ['Aa1234567890', 'aa'],
  ])('common word padded with digits or symbols: %s (core %s)', (pw, core) => {
    expect(passwordCore(pw)).toBe(core);
    expect(passwordProblems(pw).some((p) => p.includes('常见密码'))).toBe(true);
  });

  it('length, classes and user name, each named', () => {
    expect(passwordProblems('Ab1!xyz')).toEqual(['至少10位（当前7位）']);
    expect(passwordProblems('abcdefghijkq')).toContain('须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblems('Zhangsan-2026x', 'zhangsan')).toEqual(['不能包含用户名']);
    expect(passwordProblems('Zhangsan-2026x', 'lisi')).toEqual([]);
  });

  it('accepts passwords that follow the rule, including the demo one and generated ones', () => {
    for (const pw of ['Shifan#2026', 'Qiushui-2026abc', 'Reset-2026pass', 'Chunfeng-2026own', 'GkAb3dE_f9-x7', '秋水共长天2026a']) expect(passwordProblems(pw), pw).toEqual([]);
  });
});
