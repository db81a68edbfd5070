import { describe, expect, it } from 'vitest';
import { OUTCOMES_2019 } from '../requests/outcomes.js';
import { RECONSIDERATION_FIRST_OUTCOMES, buildRemedy, remedyModeFor } from './remedy.js';
import type { AgencyInfo } from './types.js';

const dept: AgencyInfo = { name: '某市自然资源和规划局', level: 'local_gov_dept', parentBody: '某市人民政府', superiorDepartment: '某省自然资源厅' };
const county: AgencyInfo = { name: '某县人民政府', level: 'local_gov', parentBody: '某市人民政府' };
const ministry: AgencyInfo = { name: '中华人民共和国自然资源部', level: 'state_council_dept' };
const customs: AgencyInfo = { name: '某海关', level: 'vertical', parentBody: '某直属海关' };

describe('行政复议机关 by agency level and date', () => {
  it.each([
    // 2023 行政复议法 (from 2024-01-01)
    ['local dept, 2026', dept, '2026-11-27', '某市人民政府', '《中华人民共和国行政复议法》第二十四条第一款第（一）项'],
    ['local government, 2026', county, '2026-11-27', '某市人民政府', '《中华人民共和国行政复议法》第二十四条第一款第（二）项'],
    ['国务院部门, 2026', ministry, '2026-11-27', '中华人民共和国自然资源部', '《中华人民共和国行政复议法》第二十五条第（一）项'],
    ['vertical (海关), 2026', customs, '2026-11-27', '某直属海关', '《中华人民共和国行政复议法》第二十七条'],
    ['first day of the 2023 law', dept, '2024-01-01', '某市人民政府', '《中华人民共和国行政复议法》第二十四条第一款第（一）项'],
    // earlier 行政复议法 (1999/2009/2017 text)
    ['local dept, last day before 2024: government or superior department', dept, '2023-12-31', '某市人民政府或者某省自然资源厅', '《中华人民共和国行政复议法》第十二条第一款'],
    ['local dept without a named superior', { ...dept, superiorDepartment: undefined }, '2020-06-01', '某市人民政府或者上一级主管部门', '《中华人民共和国行政复议法》第十二条第一款'],
    ['local government, 2018', county, '2018-03-01', '某市人民政府', '《中华人民共和国行政复议法》第十三条'],
    ['国务院部门, 2018', ministry, '2018-03-01', '中华人民共和国自然资源部', '《中华人民共和国行政复议法》第十四条'],
    ['vertical, 2018', customs, '2018-03-01', '某直属海关', '《中华人民共和国行政复议法》第十二条第二款'],
  ] as const)('%s → %s', (_name, agency, issuedOn, body, citation) => {
    const r = buildRemedy('disclosed', agency, issuedOn);
    expect(r.reconsiderationBody).toBe(body);
    expect(r.text).toContain(`向${body}申请行政复议`);
    expect(r.citations).toContain(citation);
    expect(r.reconsiderationLaw).toBe(issuedOn >= '2024-01-01' ? '2023' : 'pre-2024');
    expect(r.citations).toContain(issuedOn >= '2024-01-01' ? '《中华人民共和国行政复议法》第二十条' : '《中华人民共和国行政复议法》第九条');
  });

  it('uses the configured override and the named court', () => {
    const r = buildRemedy('disclosed', { ...dept, reconsiderationBody: '某省人民政府', litigationCourt: '某市某区人民法院' }, '2026-11-27');
    expect(r.text).toBe(
      '如您对本答复不服，可以自收到本答复书之日起六十日内向某省人民政府申请行政复议，也可以自收到本答复书之日起六个月内依法向某市某区人民法院提起行政诉讼。',
    );
  });

  it.each([
    [{ ...dept, parentBody: undefined }, /本级人民政府名称/],
    [{ ...county, parentBody: ' ' }, /上一级人民政府名称/],
    [{ ...customs, parentBody: undefined }, /上一级主管部门名称/],
  ])('refuses to guess a missing body (%#)', (agency, message) => {
    expect(() => buildRemedy('disclosed', agency as AgencyInfo, '2026-11-27')).toThrow(message);
  });
});

describe('复议前置 (2023 行政复议法 Art.23 ¶1 (四), ¶2)', () => {
  it('applies from 2024-01-01 to refusals under 条例 Arts.14–16 and to partial disclosure, and nowhere else', () => {
    for (const outcome of OUTCOMES_2019) {
      const expected = RECONSIDERATION_FIRST_OUTCOMES.includes(outcome) ? 'reconsideration_first' : 'either';
      expect([outcome, remedyModeFor(outcome, dept, '2024-01-01')]).toEqual([outcome, expected]);
      expect([outcome, remedyModeFor(outcome, dept, '2023-12-31')]).toEqual([outcome, 'either']);
    }
    expect(RECONSIDERATION_FIRST_OUTCOMES).not.toContain('withheld_query_matter'); // Art.36(七), not Arts.14–16
  });

  it('prints the prior-reconsideration wording with the 15-day limit after the decision', () => {
    const r = buildRemedy('withheld_state_secret', dept, '2026-11-27', { pronoun: '贵单位' });
    expect(r.mode).toBe('reconsideration_first');
    expect(r.text).toBe(
      '如贵单位对本答复不服，根据《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议，对复议决定不服的，' +
        '可以自收到复议决定书之日起十五日内依法提起行政诉讼。申请行政复议的，请自收到本答复书之日起六十日内向某市人民政府提出。',
    );
    expect(r.citations).toEqual([
      '《中华人民共和国行政复议法》第二十三条第一款第（四）项',
      '《中华人民共和国行政复议法》第二十三条第二款',
      '《中华人民共和国行政复议法》第二十条',
      '《中华人民共和国行政复议法》第二十四条第一款第（一）项',
      '《中华人民共和国行政诉讼法》第四十五条',
    ]);
  });

  it('lets an agency configure the unsettled cases but never drop the statutory one', () => {
    expect(remedyModeFor('partly_disclosed', { ...dept, remedyPolicy: { partly_disclosed: 'either' } }, '2026-11-27')).toBe('either');
    expect(remedyModeFor('unavailable_not_held', { ...dept, remedyPolicy: { unavailable_not_held: 'reconsideration_first' } }, '2026-11-27')).toBe(
      'reconsideration_first',
    );
    expect(() => remedyModeFor('withheld_process_info', { ...dept, remedyPolicy: { withheld_process_info: 'either' } }, '2026-11-27')).toThrow(
      /应当先申请行政复议/,
    );
    // before 2024 there is no 复议前置 to configure
    expect(remedyModeFor('unavailable_not_held', { ...dept, remedyPolicy: { unavailable_not_held: 'reconsideration_first' } }, '2023-06-01')).toBe('either');
  });

  it('a decision that is not an outcome (third-party notice) is never 复议前置', () => {
    expect(buildRemedy(null, dept, '2026-11-27', { subject: '本决定', document: '本告知书' }).text).toContain('也可以自收到本告知书之日起六个月内');
  });
});
