import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { calculatePerPageFee, calculatePerRequestFee } from '../fees/calculate-fee.js';
import { OUTCOMES_2008, OUTCOMES_2019, type Outcome } from '../requests/outcomes.js';
import { buildNotice, hasRemedyClause } from './build-notice.js';
import { sampleLegacyNoticeInput, sampleNoticeInput } from './sample-notice-input.js';
import { INTERIM_NOTICE_TYPES, NOTICE_TYPES, type NoticeContent, type NoticeInput, type NoticeType } from './types.js';

const T = '《中华人民共和国政府信息公开条例》';
const T2008 = '《中华人民共和国政府信息公开条例》（国务院令第492号）';
const FIRST = '应当先申请行政复议，对复议决定不服的，可以自收到复议决定书之日起十五日内依法提起行政诉讼';
const EITHER = '也可以自收到本答复书之日起六个月内依法向人民法院提起行政诉讼';

const texts = (c: NoticeContent, kind?: string) => c.paragraphs.filter((p) => kind === undefined || p.kind === kind).map((p) => p.text);
const all = (c: NoticeContent) => texts(c).join('\n');

function expectDomainError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(isDomainError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a DomainError');
}

/** A row per 2019 outcome: the extra data it needs, the legal-basis text, whether reasons show, the remedy mode. */
interface OutcomeRow {
  outcome: Outcome;
  extra: Partial<NoticeInput>;
  basis: string;
  reasons: boolean;
  mode: 'reconsideration_first' | 'either';
  /** Removing this key of `extra` must be refused with a message matching `missing`. */
  required?: { key: keyof NoticeInput; missing: RegExp };
  label?: string;
}

const REASONS = '该信息系本机关向上级机关报送的请示，相关事项尚在研究中，未形成正式决定。';

const ROWS_2019: OutcomeRow[] = [
  { outcome: 'already_public', extra: { provision: { way: '本局门户网站“政府信息公开”栏目（网址：http://example.gov.cn/xxgk）' } }, basis: `${T}第三十六条第（一）项`, reasons: false, mode: 'either', required: { key: 'provision', missing: /方式、途径/ } },
  { outcome: 'disclosed', extra: { provision: { method: '以电子邮件方式发送至申请人邮箱', time: '随本答复书一并提供' } }, basis: `${T}第三十六条第（二）项`, reasons: false, mode: 'either', required: { key: 'provision', missing: /提供政府信息的方式/ } },
  { outcome: 'partly_disclosed', extra: { reasons: '第3页所列个人身份证号码和家庭住址属于个人隐私。', provision: { method: '以电子邮件方式提供' }, partial: { disclosedPart: '征收批复正文', withheldPart: '附表中的个人信息', withheldGround: 'withheld_third_party' } }, basis: `${T}第十五条、第三十七条`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /说明理由/ } },
  { outcome: 'withheld_state_secret', extra: { reasons: '该文件已依法定密为秘密级，保密期限未满。' }, basis: `${T}第十四条、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_prohibited_by_law', extra: { reasons: '所申请信息为统计调查中获得的能够识别单个统计调查对象的资料。', legalBasis: '《中华人民共和国统计法》第三十九条' }, basis: `《中华人民共和国统计法》第三十九条和${T}第十四条、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'legalBasis', missing: /禁止公开该信息的法律/ } },
  { outcome: 'withheld_security_stability', extra: { reasons: '公开该区域应急物资储备点位置可能危及公共安全。' }, basis: `${T}第十四条、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_third_party', extra: { reasons: '该信息含有某公司的成本构成和报价，属于商业秘密。', thirdParty: { name: '某建设有限公司', type: 'commercial', response: 'objected' } }, basis: `${T}第十五条、第三十二条、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_internal_affairs', extra: { reasons: '该信息为本机关干部考核内部工作安排。' }, basis: `${T}第十六条第一款、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_process_info', extra: { reasons: REASONS }, basis: `${T}第十六条第二款、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_enforcement_file', extra: { reasons: '所申请材料为某行政处罚案件的调查笔录。' }, basis: `${T}第十六条第二款、第三十六条第（三）项`, reasons: true, mode: 'reconsideration_first', required: { key: 'reasons', missing: /不予公开的理由/ } },
  { outcome: 'withheld_query_matter', extra: { reasons: '不动产登记资料的查询适用不动产登记的专门规定。', legalBasis: '《不动产登记暂行条例》第二十七条', otherAgency: { name: '某市不动产登记中心', contact: '0571-88888888' } }, basis: `${T}第三十六条第（七）项`, reasons: true, mode: 'either', required: { key: 'legalBasis', missing: /特别规定的法律/ } },
  { outcome: 'unavailable_not_held', label: '（四）信息不存在', extra: { reasons: '经检索本机关公文管理系统和档案室，未找到相关文件。' }, basis: `${T}第三十六条第（四）项`, reasons: true, mode: 'either' },
  { outcome: 'unavailable_not_held', label: '（五）不属于本机关负责公开', extra: { reasons: '该批复由某省人民政府作出。', otherAgency: { name: '某省人民政府办公厅', contact: '0571-00000000' } }, basis: `${T}第三十六条第（五）项`, reasons: true, mode: 'either', required: { key: 'reasons', missing: /不属于本机关负责公开的理由/ } },
  { outcome: 'unavailable_needs_creation', extra: {}, basis: `${T}第三十八条`, reasons: false, mode: 'either' },
  { outcome: 'unavailable_unclear', extra: { dates: { issuedOn: '2026-11-27', supplementRequestedOn: '2026-11-05' } }, basis: `${T}第二十九条第二款第（二）项、第三十条`, reasons: false, mode: 'either' },
  { outcome: 'not_processed_petition', extra: { provision: { way: '某市信访局网上信访平台' } }, basis: `${T}第三十九条第一款`, reasons: false, mode: 'either' },
  { outcome: 'not_processed_duplicate', extra: { previousReply: { repliedOn: '2026-10-12', docNumber: '某规资公开〔2026〕9号' } }, basis: `${T}第三十六条第（六）项`, reasons: false, mode: 'either', required: { key: 'previousReply', missing: /此前作出答复的日期/ } },
  { outcome: 'not_processed_publication', extra: { provision: { way: '各地新华书店或出版社官方网站购买' } }, basis: `${T}第三十九条第二款`, reasons: false, mode: 'either' },
  { outcome: 'not_processed_excessive', extra: { reasons: '申请人一个月内提出126件申请，所述理由与所申请信息无关。', dates: { issuedOn: '2026-11-27', reasonRequestedOn: '2026-11-10' } }, basis: `${T}第三十五条`, reasons: true, mode: 'either', required: { key: 'reasons', missing: /申请理由不合理的理由/ } },
  { outcome: 'not_processed_confirmation', extra: {}, basis: `${T}第二条、第三十八条`, reasons: false, mode: 'either' },
  { outcome: 'other_no_supplement', extra: { dates: { issuedOn: '2026-11-27', supplementRequestedOn: '2026-11-05', supplementDueOn: '2026-11-19' } }, basis: `${T}第三十条`, reasons: false, mode: 'either', required: { key: 'dates', missing: /补正告知书的发出日期/ } },
  { outcome: 'other_unpaid_fee', extra: { dates: { issuedOn: '2026-11-27', feeNoticeIssuedOn: '2026-10-20' } }, basis: `《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）和${T}第四十二条`, reasons: false, mode: 'either', required: { key: 'dates', missing: /收费通知的发出日期/ } },
  { outcome: 'other', extra: { reasons: '申请人于答复前书面撤回申请。', legalBasis: '《某省政府信息公开规定》第二十条' }, basis: '《某省政府信息公开规定》第二十条', reasons: true, mode: 'either', required: { key: 'legalBasis', missing: /处理所依据的法律/ } },
];

describe('答复书 — one variant per 2019 outcome', () => {
  it('covers every 2019 outcome code', () => {
    expect(new Set(ROWS_2019.map((r) => r.outcome))).toEqual(new Set(OUTCOMES_2019));
  });

  it.each(ROWS_2019.map((r) => [`${r.outcome}${r.label ?? ''}`, r] as const))('%s', (_name, row) => {
    const input = sampleNoticeInput({ ...row.extra, outcome: row.outcome });
    const c = buildNotice('reply', input);
    expect(c.title).toBe('政府信息公开申请答复书');
    expect(c.addressee).toBe('张三：');
    expect(c.docNumber).toBe('某规资公开〔2026〕12号');
    expect(c.meta).toMatchObject({ regime: '2019', outcome: row.outcome, remedyMode: row.mode });
    // the opening states the receipt date and the request it answers (legal-facts §7)
    expect(texts(c)[0]).toContain('本机关于2026年11月2日收到您通过互联网提交的政府信息公开申请（受理编号：GK-2026-0012）');
    expect(texts(c)[0]).toContain('“2025年某区某地块土地征收批复文件”');
    // the legal basis cites article AND item
    const basis = texts(c, 'legal_basis');
    expect(basis).toHaveLength(1);
    expect(basis[0]).toContain(`根据${row.basis}`);
    expect(texts(c, 'reasons').length > 0).toBe(row.reasons);
    if (row.reasons && row.extra.reasons) expect(texts(c, 'reasons')[0]).toContain(row.extra.reasons.replace(/。$/, ''));
    // remedy: always present on a reply, 复议前置 exactly where the 2023 行政复议法 Art.23 requires it
    const remedy = texts(c, 'remedy');
    expect(remedy).toHaveLength(1);
    if (row.mode === 'reconsideration_first') {
      expect(remedy[0]).toContain(FIRST);
      expect(remedy[0]).toContain('《中华人民共和国行政复议法》第二十三条');
      expect(remedy[0]).toContain('自收到本答复书之日起六十日内向某市人民政府提出');
      expect(remedy[0]).not.toContain('六个月');
      expect(c.legalCitations).toContain('《中华人民共和国行政复议法》第二十三条第一款第（四）项');
      expect(c.legalCitations).toContain('《中华人民共和国行政诉讼法》第四十五条');
    } else {
      expect(remedy[0]).toBe(`如您对本答复不服，可以自收到本答复书之日起六十日内向某市人民政府申请行政复议，${EITHER}。`);
      expect(c.legalCitations).toContain('《中华人民共和国行政诉讼法》第四十六条');
    }
    expect(c.legalCitations).toContain('《中华人民共和国行政复议法》第二十四条第一款第（一）项');
    expect(c.paragraphs.at(-1)).toEqual({ kind: 'closing', text: '特此告知。' });
    expect(c.signature).toEqual({ agency: '某市自然资源和规划局', dateChinese: '2026年11月27日', date: '2026-11-27' });
    expect(c.note).toBe('办公地址：某市人民路1号；联系电话：0571-87654321');
  });

  it.each(ROWS_2019.filter((r) => r.required).map((r) => [`${r.outcome}${r.label ?? ''}`, r] as const))(
    '%s refuses to be built without what the law requires',
    (_name, row) => {
      const extra = { ...row.extra } as Record<string, unknown>;
      const key = row.required!.key;
      extra[key] = key === 'dates' ? { issuedOn: '2026-11-27' } : undefined;
      expectDomainError(() => buildNotice('reply', sampleNoticeInput({ ...extra, outcome: row.outcome })), 'VALIDATION', row.required!.missing);
    },
  );

  it('states the Art.36(五) agency and its contact, and the Art.36(七) special procedure', () => {
    const other = buildNotice('reply', sampleNoticeInput({ ...ROWS_2019[12].extra, outcome: 'unavailable_not_held' }));
    expect(all(other)).toContain('负责公开该政府信息的行政机关为某省人民政府办公厅，联系方式：0571-00000000。');
    const query = buildNotice('reply', sampleNoticeInput({ ...ROWS_2019[10].extra, outcome: 'withheld_query_matter' }));
    expect(all(query)).toContain('请您依照《不动产登记暂行条例》第二十七条的规定办理');
    expect(all(query)).toContain('受理该事项的机关为某市不动产登记中心');
    expect(query.legalCitations).toContain('《不动产登记暂行条例》第二十七条');
  });

  it('says 贵单位 to an organisation', () => {
    const c = buildNotice('reply', sampleNoticeInput({ applicant: { name: '某律师事务所', type: 'legalService' }, outcome: 'unavailable_needs_creation' }));
    expect(c.addressee).toBe('某律师事务所：');
    expect(all(c)).toContain('收到贵单位通过互联网提交');
    expect(texts(c, 'remedy')[0]).toMatch(/^如贵单位对本答复不服/);
  });

  it('a partial disclosure names both parts and gives the reasons for the withheld part', () => {
    const c = buildNotice('reply', sampleNoticeInput({ ...ROWS_2019[2].extra, outcome: 'partly_disclosed' }));
    expect(all(c)).toContain('其中，征收批复正文可以公开；附表中的个人信息不予公开。');
    expect(texts(c, 'reasons')[0]).toBe('不予公开部分的理由：第3页所列个人身份证号码和家庭住址属于个人隐私。');
    expect(all(c)).toContain('提供方式：以电子邮件方式提供。');
  });

  it('refuses a 2008 answer type on a request received under the 2019 条例', () => {
    expectDomainError(() => buildNotice('reply', sampleNoticeInput({ outcome: 'legacy_not_exist' })), 'VALIDATION', /2019年5月15日以后收到的申请请选择现行条例/);
  });

  it('refuses a reply without an outcome', () => {
    expectDomainError(() => buildNotice('reply', sampleNoticeInput()), 'VALIDATION', /办理结果/);
  });
});

/** A row per 2008-regime outcome (requests received before 2019-05-15). */
const ROWS_2008: { outcome: Outcome; extra: Partial<NoticeInput>; basis: string; reasons: boolean }[] = [
  { outcome: 'already_public', extra: { provision: { way: '本局门户网站' } }, basis: `${T2008}第二十一条第（一）项`, reasons: false },
  { outcome: 'disclosed', extra: { provision: { method: '邮寄纸质复印件' } }, basis: `${T2008}第二十一条第（一）项`, reasons: false },
  { outcome: 'partly_disclosed', extra: { reasons: '附件含有个人隐私。', provision: { method: '邮寄' } }, basis: `${T2008}第二十二条、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_state_secret', extra: { reasons: '属于秘密级国家秘密。' }, basis: `${T2008}第十四条第四款、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_commercial_secret', extra: { reasons: '含有企业报价。', thirdParty: { name: '某公司', response: 'objected' } }, basis: `${T2008}第十四条第四款、第二十三条、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_privacy', extra: { reasons: '含有他人病历。' }, basis: `${T2008}第十四条第四款、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_security_stability', extra: { reasons: '涉及重要设施位置。' }, basis: `${T2008}第八条、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_not_government_info', extra: { reasons: '所申请的是党组会议纪要。' }, basis: `${T2008}第二条、第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_other_law', extra: { reasons: '属于档案法规定的未开放档案。', legalBasis: '《中华人民共和国档案法》第十九条' }, basis: `《中华人民共和国档案法》第十九条和${T2008}第二十一条第（二）项`, reasons: true },
  { outcome: 'legacy_not_this_agency', extra: { otherAgency: { name: '某区国土资源分局', contact: '0571-11111111' } }, basis: `${T2008}第二十一条第（三）项`, reasons: false },
  { outcome: 'legacy_not_exist', extra: {}, basis: `${T2008}第二十一条第（三）项`, reasons: false },
  { outcome: 'legacy_other_channel', extra: { reasons: '土地登记资料请向土地登记机构申请查询。' }, basis: '《国务院办公厅关于做好政府信息依申请公开工作的意见》', reasons: true },
];

describe('答复书 — legacy requests under the 2008 条例 (国务院令第492号)', () => {
  it('covers every 2008 answer type and the three shared ones', () => {
    expect(new Set(ROWS_2008.map((r) => r.outcome))).toEqual(new Set([...OUTCOMES_2008, 'already_public', 'disclosed', 'partly_disclosed']));
  });

  it.each(ROWS_2008.map((r) => [r.outcome, r] as const))('%s', (_name, row) => {
    const c = buildNotice('reply', sampleLegacyNoticeInput({ ...row.extra, outcome: row.outcome }));
    expect(c.meta).toMatchObject({ regime: '2008', outcome: row.outcome, remedyMode: 'either' });
    expect(texts(c)[0]).toContain('本机关于2016年3月1日收到您以信函方式提交的政府信息公开申请');
    expect(texts(c, 'legal_basis')[0]).toContain(`根据${row.basis}`);
    expect(texts(c, 'reasons').length > 0).toBe(row.reasons);
    // before 2024: no 复议前置; 本级人民政府 or 上一级主管部门 (2017 行政复议法 Art.12); 6 months (行政诉讼法 Art.46)
    expect(texts(c, 'remedy')).toEqual([
      '如您对本答复不服，可以自收到本答复书之日起六十日内向某市人民政府或者某省自然资源厅申请行政复议，也可以自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。',
    ]);
    expect(c.legalCitations).toContain('《中华人民共和国行政复议法》第九条');
    expect(c.legalCitations).toContain('《中华人民共和国行政复议法》第十二条第一款');
    expect(all(c)).not.toContain('第三十六条');
  });

  it('states the consultation of the third party after the fact, before the reasons', () => {
    const c = buildNotice('reply', sampleLegacyNoticeInput({ ...ROWS_2008[4].extra, outcome: 'legacy_commercial_secret' }));
    expect(c.paragraphs.slice(1, 4).map((p) => p.text)).toEqual([
      '经审查，您申请获取的政府信息涉及商业秘密，公开后可能损害第三方合法权益。',
      '本机关已书面征求第三方的意见，第三方不同意公开。',
      '不予公开的理由：含有企业报价。',
    ]);
  });

  it('refuses a 2019-only outcome on a 2008-regime request', () => {
    expectDomainError(
      () => buildNotice('reply', sampleLegacyNoticeInput({ outcome: 'withheld_process_info', reasons: REASONS })),
      'VALIDATION',
      /2019年5月15日前收到的申请适用2008年条例/,
    );
  });

  it('uses the 1989 行政诉讼法 three-month limit for replies issued before 2015-05-01', () => {
    const c = buildNotice(
      'reply',
      sampleLegacyNoticeInput({ outcome: 'legacy_not_exist', request: { trackingCode: 'GK-2014-0002', receivedOn: '2014-06-03', description: '某文件', channel: 'in_person' }, dates: { issuedOn: '2014-06-20' } }),
    );
    expect(texts(c, 'remedy')[0]).toContain('自收到本答复书之日起三个月内依法向人民法院提起行政诉讼');
    expect(c.legalCitations).toContain('《中华人民共和国行政诉讼法》（1989年）第三十九条');
  });

  it('refuses a regime that contradicts the receipt date', () => {
    expectDomainError(
      () => buildNotice('reply', sampleNoticeInput({ outcome: 'disclosed', provision: { method: '邮寄' }, request: { trackingCode: 'X', receivedOn: '2026-11-02', description: 'x', channel: 'online', regime: '2008' } })),
      'VALIDATION',
      /适用2019年条例，与指定的2008年条例不一致/,
    );
  });
});

describe('every notice type', () => {
  const inputs: Record<NoticeType, NoticeInput> = {
    receipt: sampleNoticeInput({ dates: { issuedOn: '2026-11-02', dueOn: '2026-11-30' } }),
    supplement: sampleNoticeInput({
      dates: { issuedOn: '2026-11-05', supplementDueOn: '2026-11-19' },
      supplement: { items: ['请明确所申请批复文件的地块名称或者宗地编号', '请提供身份证明复印件'], guidance: '可参考本局门户网站公布的土地征收批复目录。' },
    }),
    extension: sampleNoticeInput({ dates: { issuedOn: '2026-11-27', dueOn: '2026-11-30', newDueOn: '2026-12-28' }, extension: { workingDays: 20 }, reasons: '所申请信息涉及多个部门，需要会商。' }),
    consultation: sampleNoticeInput({
      dates: { issuedOn: '2026-11-10', opinionDueOn: '2026-12-02' },
      thirdParty: { name: '某建设有限公司', type: 'commercial', information: '该公司报送的项目成本测算表', rights: ['commercial_secret'] },
    }),
    'third-party-decision': sampleNoticeInput({
      dates: { issuedOn: '2026-12-10', consultationSentOn: '2026-11-10' },
      thirdParty: { name: '某建设有限公司', type: 'commercial', information: '项目征收补偿总额', response: 'objected' },
      reasons: '该项目使用财政资金，补偿总额关系到被征收群众的切身利益，不公开可能对公共利益造成重大影响。',
    }),
    delay: sampleNoticeInput({ delay: { kind: 'request_reasons' }, reasons: '您于2026年11月共提出申请58件。', dates: { issuedOn: '2026-11-10', reasonDueOn: '2026-11-20' } }),
    fee: sampleNoticeInput({ fee: { ...calculatePerPageFee({ pages: 250 }), paymentMethod: '通过财政非税收入电子缴款码缴纳（缴款码：1234567890）' }, dates: { issuedOn: '2026-11-20', dueOn: '2026-11-30' } }),
    reply: sampleNoticeInput({ outcome: 'withheld_process_info', reasons: REASONS }),
  };

  it.each(NOTICE_TYPES.map((t) => [t] as const))('%s builds, and carries a remedy clause only if it is a decision', (type) => {
    const c = buildNotice(type, inputs[type]);
    expect(c.type).toBe(type);
    expect(c.legalCitations.length).toBeGreaterThan(0);
    expect(texts(c, 'legal_basis').length).toBeGreaterThan(0);
    const interim = INTERIM_NOTICE_TYPES.includes(type);
    expect(hasRemedyClause(type)).toBe(!interim);
    expect(texts(c, 'remedy')).toHaveLength(interim ? 0 : 1);
    if (interim) {
      // legal-facts §6: procedural notices are not separately actionable → no 复议/诉讼 wording at all
      expect(all(c)).not.toMatch(/行政复议|行政诉讼/);
      expect(c.meta.remedyMode).toBeNull();
      expect(c.legalCitations.join()).not.toMatch(/行政复议法|行政诉讼法/);
    }
  });

  it('登记回执: receipt date per Art.31 channel and the 20-working-day period', () => {
    const c = buildNotice('receipt', inputs.receipt);
    expect(c.title).toBe('政府信息公开申请登记回执');
    expect(all(c)).toContain('已予登记，受理编号为GK-2026-0012');
    expect(all(c)).toContain(`根据${T}第三十一条第（三）项的规定，本机关收到您申请之日为2026年11月2日。`);
    expect(all(c)).toContain(`根据${T}第三十三条第二款、第三款的规定，本机关将自收到申请之日起20个工作日内作出答复（即2026年11月30日前（含当日））`);
    expect(all(c)).toContain('延长的期限最长不超过20个工作日');
    const byChannel = (channel: NoticeInput['request']['channel']) =>
      buildNotice('receipt', sampleNoticeInput({ request: { ...inputs.receipt.request, channel } })).legalCitations[0];
    expect(byChannel('in_person')).toBe(`${T}第三十一条第（一）项`);
    expect(byChannel('letter')).toBe(`${T}第三十一条第（二）项`);
    expect(byChannel('fax')).toBe(`${T}第三十一条第（三）项`);
    expect(byChannel('email')).toBe(`${T}第三十一条第（三）项`);
    expect(byChannel('other')).toBe(`${T}第三十三条第二款`);
  });

  it('登记回执 under the 2008 条例: 15 + 15 working days (Art.24)', () => {
    const c = buildNotice('receipt', sampleLegacyNoticeInput({ dates: { issuedOn: '2016-03-01', dueOn: '2016-03-22' } }));
    expect(all(c)).toContain(`根据${T2008}第二十四条第二款、第三款的规定，本机关将自收到申请之日起15个工作日内予以答复（即2016年3月22日前（含当日））`);
    expect(all(c)).toContain('延长答复的期限最长不超过15个工作日');
    expect(all(c)).not.toContain('第三十一条');
  });

  it('补正告知书: items, period and the consequence 视为放弃申请 (Art.30)', () => {
    const c = buildNotice('supplement', inputs.supplement);
    expect(c.title).toBe('政府信息公开申请补正告知书');
    expect(texts(c)).toContain('1. 请明确所申请批复文件的地块名称或者宗地编号。');
    expect(texts(c)).toContain('2. 请提供身份证明复印件。');
    expect(all(c)).toContain('补正说明：可参考本局门户网站公布的土地征收批复目录。');
    expect(texts(c, 'legal_basis')[0]).toBe(
      `根据${T}第二十九条第二款、第三十条的规定，请您于2026年11月19日前（含当日）向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    );
    expectDomainError(() => buildNotice('supplement', { ...inputs.supplement, supplement: { items: [' '] } }), 'VALIDATION', /需要补正的事项/);
    expectDomainError(() => buildNotice('supplement', { ...inputs.supplement, dates: { issuedOn: '2026-11-05' } }), 'VALIDATION', /合理的补正期限/);
    expectDomainError(
      () => buildNotice('supplement', { ...inputs.supplement, dates: { issuedOn: '2026-11-05', supplementDueOn: '2026-11-05' } }),
      'VALIDATION',
      /不能早于或等于告知日期/,
    );
  });

  it('补正告知书 under the 2008 条例: 更改、补充 (Art.21(四)), no 视为放弃', () => {
    const c = buildNotice('supplement', sampleLegacyNoticeInput({ supplement: { items: ['请写明文件名称'] }, dates: { issuedOn: '2016-03-03' } }));
    expect(texts(c, 'legal_basis')[0]).toBe(`根据${T2008}第二十一条第（四）项的规定，请您对申请内容作出更改、补充。`);
    expect(all(c)).not.toContain('视为放弃');
  });

  it('延期答复告知书: approval, Art.33 ¶2 and the new due date', () => {
    const c = buildNotice('extension', inputs.extension);
    expect(c.title).toBe('政府信息公开申请延期答复告知书');
    expect(texts(c, 'reasons')[0]).toBe('延期理由：所申请信息涉及多个部门，需要会商。');
    expect(texts(c, 'legal_basis')[0]).toBe(
      `经本机关政府信息公开工作机构负责人同意，根据${T}第三十三条第二款的规定，现决定延长答复期限20个工作日，本机关将于2026年12月28日前（含当日）作出答复。`,
    );
    expectDomainError(() => buildNotice('extension', { ...inputs.extension, extension: { workingDays: 21 } }), 'EXTENSION_TOO_LONG', /最长不得超过20个工作日/);
    expectDomainError(
      () => buildNotice('extension', { ...inputs.extension, dates: { issuedOn: '2026-12-01', dueOn: '2026-11-30', newDueOn: '2026-12-28' } }),
      'EXTENSION_TOO_LATE',
      /已于2026年11月30日届满/,
    );
    expectDomainError(() => buildNotice('extension', { ...inputs.extension, dates: { issuedOn: '2026-11-27' } }), 'VALIDATION', /延长后的答复期限/);
  });

  it('延期答复告知书 under the 2008 条例: at most 15 working days (Art.24 ¶2)', () => {
    const legacy = sampleLegacyNoticeInput({ dates: { issuedOn: '2016-03-18', dueOn: '2016-03-22', newDueOn: '2016-04-12' } });
    expect(texts(buildNotice('extension', legacy), 'legal_basis')[0]).toContain(`根据${T2008}第二十四条第二款的规定，现决定延长答复期限（延长的期限最长不超过15个工作日）`);
    expectDomainError(() => buildNotice('extension', { ...legacy, extension: { workingDays: 16 } }), 'EXTENSION_TOO_LONG', /15个工作日/);
  });

  it('第三方征求意见书: addressed to the third party, 15 working days, silence, no applicant name (Art.32)', () => {
    const c = buildNotice('consultation', inputs.consultation);
    expect(c.title).toBe('政府信息公开征求第三方意见书');
    expect(c.addressee).toBe('某建设有限公司：');
    expect(all(c)).not.toContain('张三');
    expect(all(c)).toContain('“该公司报送的项目成本测算表”涉及贵单位的商业秘密，公开可能损害贵单位的合法权益');
    expect(texts(c, 'legal_basis')[0]).toContain(`根据${T}第三十二条的规定，现书面征求贵单位的意见。请贵单位自收到本征求意见书之日起15个工作日内（即2026年12月2日前（含当日））`);
    expect(texts(c, 'legal_basis')[0]).toContain('贵单位逾期未提出意见的，本机关将依照条例的规定决定是否公开');
    expect(c.paragraphs.at(-1)?.text).toBe('特此征求意见。');
    expectDomainError(() => buildNotice('consultation', { ...inputs.consultation, thirdParty: undefined }), 'VALIDATION', /第三方名称/);
    const legacy = buildNotice('consultation', sampleLegacyNoticeInput({ thirdParty: { name: '李四', type: 'natural', information: '李四的房屋评估报告', rights: ['privacy'] } }));
    expect(legacy.legalCitations).toEqual([`${T2008}第二十三条`]);
    expect(texts(legacy, 'legal_basis')[0]).toContain('请您尽快书面提出是否同意公开的意见');
  });

  it('决定公开告知书 to the third party: content, reasons and a remedy (it is a decision)', () => {
    const c = buildNotice('third-party-decision', inputs['third-party-decision']);
    expect(c.title).toBe('政府信息决定公开告知书');
    expect(c.addressee).toBe('某建设有限公司：');
    expect(all(c)).toContain('本机关已于2026年11月10日就上述申请所涉政府信息书面征求贵单位的意见，贵单位不同意公开。');
    expect(all(c)).toContain('决定公开的政府信息内容：项目征收补偿总额。');
    expect(texts(c, 'reasons')[0]).toMatch(/^决定公开的理由：该项目使用财政资金/);
    expect(texts(c, 'legal_basis')[0]).toContain(`根据${T}第十五条、第三十二条的规定，本机关决定予以公开`);
    expect(texts(c, 'remedy')[0]).toBe(
      '如贵单位对本决定不服，可以自收到本告知书之日起六十日内向某市人民政府申请行政复议，也可以自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。',
    );
    expectDomainError(() => buildNotice('third-party-decision', { ...inputs['third-party-decision'], reasons: '' }), 'VALIDATION', /决定公开的理由/);
  });

  it('Art.35 说明理由告知书 and 延迟答复告知书; none under the 2008 条例', () => {
    const ask = buildNotice('delay', inputs.delay);
    expect(ask.title).toBe('政府信息公开申请说明理由告知书');
    expect(texts(ask, 'reasons')[0]).toBe('具体情况：您于2026年11月共提出申请58件。');
    expect(texts(ask, 'legal_basis')[0]).toContain(`根据${T}第三十五条的规定，请您于2026年11月20日前向本机关说明申请理由。`);
    const later = buildNotice('delay', sampleNoticeInput({ delay: { kind: 'delayed_reply' }, dates: { issuedOn: '2026-11-25', newDueOn: '2027-01-29' } }));
    expect(later.title).toBe('政府信息公开申请延迟答复告知书');
    expect(texts(later, 'legal_basis')[0]).toBe(`根据${T}第三十五条的规定，本机关确定延迟答复的合理期限，将于2027年1月29日前作出答复。`);
    expectDomainError(() => buildNotice('delay', sampleNoticeInput({ delay: { kind: 'delayed_reply' } })), 'VALIDATION', /延迟答复期限/);
    expectDomainError(() => buildNotice('delay', sampleNoticeInput()), 'VALIDATION', /delay\.kind/);
    expectDomainError(() => buildNotice('delay', sampleLegacyNoticeInput({ delay: { kind: 'request_reasons' }, reasons: 'x' })), 'VALIDATION', /2008年条例/);
  });

  it('收费通知书 按量: 依据、标准、数额、缴纳方式, 20 working days, 视为放弃', () => {
    const c = buildNotice('fee', inputs.fee);
    expect(c.title).toBe('政府信息公开信息处理费收费通知书');
    expect(texts(c, 'legal_basis')[0]).toBe(
      `根据${T}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条、第五条的规定，本机关决定按量计收信息处理费。`,
    );
    expect(all(c)).toContain('您本件申请要求提供的政府信息共250页');
    expect(all(c)).toContain('收费标准：按量计收：同一政府信息公开申请30页以下（含30页）的，不收费；');
    expect(all(c)).toContain('收费数额：第31—100页：70页×10元=700元；第101—200页：100页×20元=2000元；第201—250页：50页×40元=2000元，合计4700元。');
    expect(all(c)).toContain('缴纳方式：通过财政非税收入电子缴款码缴纳（缴款码：1234567890）');
    expect(all(c)).toContain('请您在收到本通知次日起20个工作日内缴纳费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。');
    expect(c.paragraphs.at(-1)?.text).toBe('特此通知。');
  });

  it('收费通知书 按件 and its guards', () => {
    const perRequest = sampleNoticeInput({
      fee: { ...calculatePerRequestFee({ nthInMonth: 35 }), paymentMethod: '缴款码', payBy: '2026-12-18' },
      dates: { issuedOn: '2026-11-20' },
    });
    const c = buildNotice('fee', perRequest);
    expect(all(c)).toContain('截至本件申请，您本自然月内向本机关提出政府信息公开申请共35件');
    expect(all(c)).toContain('收费数额：第35件：1件×200元=200元，合计200元。');
    expect(all(c)).toContain('（即2026年12月18日前（含当日））');
    expect(c.legalCitations).toContain('《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条');
    expectDomainError(
      () => buildNotice('fee', { ...perRequest, fee: { ...calculatePerRequestFee({ nthInMonth: 8 }), paymentMethod: '缴款码' } }),
      'VALIDATION',
      /0元，不需要发出收费通知/,
    );
    expectDomainError(() => buildNotice('fee', { ...perRequest, fee: { ...perRequest.fee!, amountYuan: 100 } }), 'VALIDATION', /不一致/);
    expectDomainError(() => buildNotice('fee', { ...perRequest, fee: { ...perRequest.fee!, paymentMethod: ' ' } }), 'VALIDATION', /缴纳方式/);
    expectDomainError(() => buildNotice('fee', { ...perRequest, dates: { issuedOn: '2026-12-01', dueOn: '2026-11-30' } }), 'FEE_NOTICE_TOO_LATE', /处理期限内发出/);
    expectDomainError(
      () => buildNotice('fee', sampleNoticeInput({ fee: perRequest.fee, request: { ...perRequest.request, receivedOn: '2020-12-01' }, dates: { issuedOn: '2020-12-10' } })),
      'VALIDATION',
      /自2021年1月1日起/,
    );
  });
});

describe('common guards', () => {
  it('refuses a notice dated before the request was received', () => {
    expectDomainError(() => buildNotice('receipt', sampleNoticeInput({ dates: { issuedOn: '2026-11-01' } })), 'DATE_OUT_OF_ORDER', /早于收到申请日期/);
  });

  it('refuses impossible dates and unknown types', () => {
    expectDomainError(() => buildNotice('receipt', sampleNoticeInput({ dates: { issuedOn: '2026-02-30' } })), 'VALIDATION', /YYYY-MM-DD/);
    expectDomainError(() => buildNotice('letter' as NoticeType, sampleNoticeInput()), 'VALIDATION', /文书类型/);
    expectDomainError(() => buildNotice('receipt', sampleNoticeInput({ applicant: { name: ' ', type: 'natural' } })), 'VALIDATION', /申请人姓名/);
  });

  it('keeps an empty 文号 as null and lists attachments', () => {
    const c = buildNotice('reply', sampleNoticeInput({ docNumber: null, outcome: 'disclosed', provision: { method: '随本答复书附送' }, attachments: ['某地块土地征收批复（复印件）', ' '] }));
    expect(c.docNumber).toBeNull();
    expect(c.attachments).toEqual(['某地块土地征收批复（复印件）']);
  });
});
