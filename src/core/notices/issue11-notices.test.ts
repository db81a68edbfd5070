import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { buildNotice, quotedRequest, splitSupplementItems } from './build-notice.js';
import { remedyModeFor } from './remedy.js';
import { sampleNoticeInput } from './sample-notice-input.js';
import type { NoticeContent, NoticeInput } from './types.js';

/**
 * Issue 11 (legal review): notices that read wrong. Each case reproduces the old wrong text and checks the new one.
 */
const T = '《中华人民共和国政府信息公开条例》';
const FIRST = '应当先申请行政复议，对复议决定不服的，可以自收到复议决定书之日起十五日内依法提起行政诉讼';
const EITHER = '可以自收到本答复书之日起六十日内向某市人民政府申请行政复议，也可以自收到本答复书之日起六个月内依法向人民法院提起行政诉讼';
const all = (c: NoticeContent) => c.paragraphs.map((p) => p.text).join('\n');
const basisOf = (c: NoticeContent) => c.paragraphs.filter((p) => p.kind === 'legal_basis').map((p) => p.text).join('\n');

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isDomainError(e), String(e)).toBe(true);
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('expected a DomainError');
}

const partly = (partial: NoticeInput['partial']) =>
  sampleNoticeInput({ outcome: 'partly_disclosed', reasons: '附表所列内容不予公开，理由如下。', provision: { method: '以电子邮件方式提供' }, partial });

describe('item 6: 部分公开 is 复议前置 only when the withheld part rests on Arts.14–16', () => {
  it('withheld part under Art.15 → 复议前置 (行政复议法 2023 Art.23 ¶1 (四))', () => {
    const c = buildNotice('reply', partly({ withheldPart: '附表中的个人信息', withheldGrounds: ['withheld_third_party'] }));
    expect(c.meta.remedyMode).toBe('reconsideration_first');
    expect(all(c)).toContain(FIRST);
    expect(basisOf(c)).toContain(`${T}第十五条、第三十七条`);
  });

  it('withheld part is a 行政查询事项 (Art.36(七)) → 复议 or 诉讼, no longer 复议前置', () => {
    const c = buildNotice('reply', partly({ withheldPart: '不动产登记簿', withheldGrounds: ['withheld_query_matter'] }));
    expect(c.meta.remedyMode).toBe('either'); // was reconsideration_first for every 部分公开
    expect(all(c)).toContain(EITHER);
    expect(all(c)).not.toContain('应当先申请行政复议');
    expect(basisOf(c)).toContain(`${T}第三十六条第（七）项、第三十七条`);
  });

  it('withheld part is not government information → 复议 or 诉讼, citing Art.2 and Art.37', () => {
    const c = buildNotice('reply', partly({ withheldPart: '申请人要求作出的解释说明', withheldGrounds: ['not_government_info'] }));
    expect(c.meta.remedyMode).toBe('either');
    expect(basisOf(c)).toContain(`${T}第二条、第三十七条`);
  });

  it('mixed grounds with one under Arts.14–16 → 复议前置', () => {
    const c = buildNotice('reply', partly({ withheldGrounds: ['withheld_query_matter', 'withheld_process_info'] }));
    expect(c.meta.remedyMode).toBe('reconsideration_first');
    expect(basisOf(c)).toContain(`${T}第三十六条第（七）项、第十六条第二款、第三十七条`);
  });

  it('the older single-ground form still works', () => {
    expect(buildNotice('reply', partly({ withheldGround: 'withheld_state_secret' })).meta.remedyMode).toBe('reconsideration_first');
  });

  it('a partial reply without a withheld ground is refused in Chinese', () => {
    const r = refusal(() => buildNotice('reply', partly({ withheldPart: '附件' })));
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toMatch(/^部分公开的答复书必须写明不予公开部分的依据（partial\.withheldGrounds）/);
    expect(refusal(() => buildNotice('reply', partly(undefined))).message).toContain('不予公开部分的依据');
    expect(refusal(() => buildNotice('reply', partly({ withheldGrounds: ['nonsense' as never] }))).message).toMatch(/“nonsense”无效/);
  });

  it('an agency cannot switch a 部分公开 resting on Arts.14–16 to "either"', () => {
    const agency = { ...sampleNoticeInput().agency, remedyPolicy: { partly_disclosed: 'either' as const } };
    expect(() => remedyModeFor('partly_disclosed', agency, '2026-11-27', ['withheld_third_party'])).toThrow(/应当先申请行政复议/);
    expect(remedyModeFor('partly_disclosed', agency, '2026-11-27', ['withheld_query_matter'])).toBe('either');
  });
});

describe('item 7: 决定公开告知书 to a third party follows its answer (Arts.15, 32)', () => {
  const base = (response: 'objected' | 'no_reply' | 'agreed' | undefined) => sampleNoticeInput({
    dates: { issuedOn: '2026-12-10', consultationSentOn: '2026-11-10' },
    thirdParty: { name: '某建设有限公司', type: 'commercial', information: '项目征收补偿总额', response },
    reasons: '补偿总额系财政资金使用情况，不涉及该公司的成本构成。',
  });

  it('objected → the public-interest override', () => {
    const c = buildNotice('third-party-decision', base('objected'));
    expect(all(c)).toContain('贵单位不同意公开。');
    expect(basisOf(c)).toBe(`本机关认为不公开可能对公共利益造成重大影响。根据${T}第十五条、第三十二条的规定，本机关决定予以公开，并将决定公开的政府信息内容和理由书面告知贵单位。`);
  });

  it('no reply → the agency decided under Art.32, with its reasons; no public-interest claim', () => {
    const c = buildNotice('third-party-decision', base('no_reply'));
    expect(all(c)).not.toContain('公共利益'); // the old text claimed the override whatever the answer
    expect(all(c)).toContain('贵单位逾期未提出意见。');
    expect(all(c)).toContain('决定公开的理由：补偿总额系财政资金使用情况，不涉及该公司的成本构成。');
    expect(basisOf(c)).toBe(`贵单位在规定期限内未提出意见。根据${T}第三十二条的规定，本机关依照条例的规定决定予以公开，并将决定公开的政府信息内容和理由书面告知贵单位。`);
    expect(c.legalCitations).toContain(`${T}第三十二条`);
    expect(c.legalCitations).not.toContain(`${T}第十五条`);
  });

  it('agreed → no decision notice; unknown answer → refused', () => {
    expect(refusal(() => buildNotice('third-party-decision', base('agreed'))).message).toBe('第三方已同意公开，依照条例第十五条予以公开即可，不需要向第三方出具决定公开告知书');
    expect(refusal(() => buildNotice('third-party-decision', base(undefined))).message).toMatch(/须写明第三方的意见/);
  });
});

describe('documents that read wrong', () => {
  it('登记回执 prints the 查询码 and 查询密码 and how to use them on the portal', () => {
    const tracking = { code: 'K7M2QX9PRT', accessKey: 'H4WZ8NCE', keyGiven: 'printed_receipt' as const, portalUrl: 'https://gk.example.gov.cn/track' };
    const c = buildNotice('receipt', sampleNoticeInput({ tracking }));
    expect(all(c)).toContain('查询码：K7M2QX9PRT；查询密码：H4WZ8NCE。您可登录本机关政府信息公开网站（https://gk.example.gov.cn/track）的“进度查询”页面，输入查询码和查询密码，查询办理进度和答复结果。');
    expect(all(c)).not.toContain('可凭受理编号查询办理进度'); // the portal does not take the 受理编号
    // the stored copy (no key in clear) says where the key was given
    const stored = buildNotice('receipt', sampleNoticeInput({ tracking: { ...tracking, accessKey: undefined } }));
    expect(all(stored)).toContain('查询码：K7M2QX9PRT；查询密码：已打印在登记时出具的回执上');
    expect(all(stored)).not.toContain('H4WZ8NCE');
    const online = buildNotice('receipt', sampleNoticeInput({ tracking: { code: 'K7M2QX9PRT', keyGiven: 'online_submission' } }));
    expect(all(online)).toContain('查询密码：您网上提交申请时页面显示的查询密码');
  });

  it('the last day is inclusive: "X前（含当日）", not "即于X前"', () => {
    const receipt = buildNotice('receipt', sampleNoticeInput({ dates: { issuedOn: '2026-11-02', dueOn: '2026-11-30' } }));
    expect(all(receipt)).toContain('作出答复（即2026年11月30日前（含当日））');
    expect(all(receipt)).not.toContain('即于');
    const sup = buildNotice('supplement', sampleNoticeInput({ dates: { issuedOn: '2026-11-05', supplementDueOn: '2026-11-19' }, supplement: { items: ['请明确文号'] } }));
    expect(basisOf(sup)).toContain('请您于2026年11月19日前（含当日）向本机关提交补正后的申请');
    const ext = buildNotice('extension', sampleNoticeInput({ dates: { issuedOn: '2026-11-27', dueOn: '2026-11-30', newDueOn: '2026-12-28' }, extension: { workingDays: 20 } }));
    expect(basisOf(ext)).toContain('本机关将于2026年12月28日前（含当日）作出答复');
  });

  it('补正告知书 does not number items twice when staff numbered them', () => {
    expect(splitSupplementItems('1. 请明确所需信息的名称或文号；2. 请补充身份证明复印件。')).toEqual(['请明确所需信息的名称或文号', '请补充身份证明复印件。']);
    expect(splitSupplementItems(['（1）请明确地块名称 （2）请提供宗地编号', '①请补充联系方式', '二、请说明用途'])).toEqual(['请明确地块名称', '请提供宗地编号', '请补充联系方式', '请说明用途']);
    expect(splitSupplementItems('请明确2025年第3号文件的名称')).toEqual(['请明确2025年第3号文件的名称']);
    const c = buildNotice('supplement', sampleNoticeInput({ dates: { issuedOn: '2026-11-05', supplementDueOn: '2026-11-19' }, supplement: { items: ['1. 请明确所需信息的名称或文号', '2. 请补充身份证明复印件'] } }));
    const body = all(c);
    expect(body).toContain('1. 请明确所需信息的名称或文号。\n2. 请补充身份证明复印件。');
    expect(body).not.toMatch(/1\. 1\./);
  });

  it('letters strip a leading 申请公开/申请获取 from the quoted request', () => {
    expect(quotedRequest('申请公开2025年某区某地块土地征收批复文件。')).toBe('2025年某区某地块土地征收批复文件');
    expect(quotedRequest('申请获取：某路拓宽工程的规划许可证')).toBe('某路拓宽工程的规划许可证');
    expect(quotedRequest('本人申请公开以下信息：某小区容积率调整批复')).toBe('某小区容积率调整批复');
    expect(quotedRequest('公开招标文件的编制说明')).toBe('公开招标文件的编制说明');
    const c = buildNotice('reply', sampleNoticeInput({ outcome: 'unavailable_needs_creation', request: { trackingCode: 'GK-2026-0012', receivedOn: '2026-11-02', channel: 'online', description: '申请公开2025年某区土地征收补偿汇总表' } }));
    expect(c.paragraphs[0].text).toContain('您申请获取“2025年某区土地征收补偿汇总表”');
    expect(c.paragraphs[0].text).not.toContain('申请获取“申请公开');
    const tp = buildNotice('consultation', sampleNoticeInput({ request: { trackingCode: 'GK-2026-0012', receivedOn: '2026-11-02', channel: 'online', description: '申请公开某项目成本测算表' }, dates: { issuedOn: '2026-11-10' }, thirdParty: { name: '某公司', type: 'commercial', information: '成本测算表', rights: ['commercial_secret'] } }));
    expect(tp.paragraphs[0].text).toContain('申请公开“某项目成本测算表”');
  });

  it('征求第三方意见书 names the information concerning the third party and the right at stake', () => {
    const input = sampleNoticeInput({ dates: { issuedOn: '2026-11-10', opinionDueOn: '2026-12-02' }, thirdParty: { name: '某建设有限公司', type: 'commercial', information: '该公司报送的项目成本测算表', rights: ['commercial_secret'] } });
    const c = buildNotice('consultation', input);
    expect(all(c)).toContain('经审查，该申请所涉政府信息中的“该公司报送的项目成本测算表”涉及贵单位的商业秘密，公开可能损害贵单位的合法权益。');
    expect(all(c)).not.toContain('商业秘密、个人隐私等合法权益'); // the old catch-all wording
    expect(all(c)).toContain('（即2026年12月2日前（含当日））');
    const both = buildNotice('consultation', { ...input, thirdParty: { ...input.thirdParty!, type: 'natural', name: '李四', rights: ['privacy', 'commercial_secret'] } });
    expect(all(both)).toContain('涉及您的个人隐私、商业秘密');
    expect(refusal(() => buildNotice('consultation', { ...input, thirdParty: { ...input.thirdParty!, information: '' } })).message).toMatch(/^征求第三方意见书须写明所申请信息中涉及第三方的具体信息/);
    expect(refusal(() => buildNotice('consultation', { ...input, thirdParty: { ...input.thirdParty!, rights: [] } })).message).toMatch(/^征求第三方意见书须写明可能受损害的第三方权益（thirdParty\.rights），应为：商业秘密、个人隐私、其他合法权益/);
  });

  it('unavailable_unclear cites the provisions with their items, not "第三十六条" bare', () => {
    const c = buildNotice('reply', sampleNoticeInput({ outcome: 'unavailable_unclear', dates: { issuedOn: '2026-11-27', supplementRequestedOn: '2026-11-05' } }));
    expect(basisOf(c)).toBe(`根据${T}第二十九条第二款第（二）项、第三十条的规定，本机关无法向您提供。`);
    expect(c.legalCitations).not.toContain(`${T}第三十六条`);
  });
});

describe('preview = issued: the 条例 articles come from the outcome, other laws from the draft', () => {
  it('a draft pre-filled with the 条例 articles does not print them twice', () => {
    const c = buildNotice('reply', sampleNoticeInput({
      outcome: 'withheld_prohibited_by_law',
      reasons: '所申请信息为档案馆保管的未开放档案。',
      legalBasis: '《中华人民共和国政府信息公开条例》（国务院令第711号）第十四条、第三十六条第（三）项；《中华人民共和国档案法》第二十七条',
    }));
    // before: "根据《…条例》（国务院令第711号）第十四条、第三十六条第（三）项；《…档案法》第二十七条和《…条例》第十四条、第三十六条第（三）项的规定"
    expect(basisOf(c)).toBe(`根据《中华人民共和国档案法》第二十七条和${T}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。`);
    const only = refusal(() => buildNotice('reply', sampleNoticeInput({ outcome: 'withheld_prohibited_by_law', reasons: '理由', legalBasis: '《中华人民共和国政府信息公开条例》第十四条' })));
    expect(only.message).toMatch(/写明禁止公开该信息的法律、行政法规名称及条款/);
  });
});
