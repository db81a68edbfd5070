import { describe, expect, it } from 'vitest';
import { buildNotice } from './build-notice.js';
import { sampleNoticeInput } from './sample-notice-input.js';
import { DEFAULT_TEMPLATES, validateTemplate, type NoticeTemplate } from './templates.js';
import { NOTICE_TYPES } from './types.js';

const replyInput = () => sampleNoticeInput({ outcome: 'withheld_internal_affairs', reasons: '该信息为本机关内部人事管理信息。' });

describe('validateTemplate — guard rails', () => {
  it('accepts every built-in template', () => {
    for (const type of NOTICE_TYPES) expect([type, validateTemplate(DEFAULT_TEMPLATES[type])]).toEqual([type, { ok: true, errors: [] }]);
  });

  it('accepts an adjusted opening and closing', () => {
    const t: NoticeTemplate = {
      type: 'reply',
      version: 3,
      opening: '{申请人}：{称谓}于{收到日期}向{机关名称}提出的政府信息公开申请（{受理编号}）收悉，申请内容为“{申请内容}”。现答复如下：',
      closing: '如有疑问，请致电{联系电话}。',
    };
    expect(validateTemplate(t)).toEqual({ ok: true, errors: [] });
  });

  it.each([
    ['a remedy block', { type: 'reply', remedy: '' }, /救济途径由系统根据办理结果生成，模板不能修改或删除/],
    ['a legal-basis block', { type: 'reply', legalBasis: '根据有关规定' }, /法律依据、理由和救济途径由系统根据办理结果生成/],
    ['a reasons block', { type: 'reply', reasons: '无' }, /模板不能修改或删除/],
    ['an unknown key', { type: 'reply', header: 'x' }, /只能调整开头段（opening）和结尾段（closing）/],
    ['an empty closing', { type: 'reply', closing: '  ' }, /结尾段不能为空/],
    ['an unknown placeholder', { type: 'supplement', opening: '{收到日期}收到{身份证号}' }, /未知占位符“\{身份证号\}”/],
    ['an opening without the receipt date', { type: 'reply', opening: '关于“{申请内容}”的申请，现答复如下：' }, /必须保留占位符“\{收到日期\}”/],
    ['a receipt without the tracking code', { type: 'receipt', opening: '已于{收到日期}收到申请。' }, /必须保留占位符“\{受理编号\}”/],
    ['a cited law', { type: 'reply', closing: '根据《中华人民共和国政府信息公开条例》办理。' }, /不能引用法律法规/],
    ['an article number', { type: 'reply', closing: '依照第三十六条办理。' }, /不能写条款序号/],
    ['remedy wording', { type: 'reply', closing: '不服的可以申请行政复议。' }, /不能写救济途径/],
    ['a decision', { type: 'fee', closing: '逾期视为放弃。' }, /不能写处理决定/],
    ['a bad type', { type: 'letter', opening: 'x' }, /模板类型“letter”无效/],
    ['a bad version', { type: 'reply', version: 0 }, /版本号/],
  ])('refuses %s', (_name, template, message) => {
    const result = validateTemplate(template);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(message);
  });
});

describe('buildNotice with a template', () => {
  it('replaces only the opening and closing; legal basis, reasons and remedy stay generated', () => {
    const template: NoticeTemplate = {
      type: 'reply',
      version: 2,
      opening: '{称谓}于{收到日期}提出的关于“{申请内容}”的政府信息公开申请（受理编号：{受理编号}）收悉。经研究，现答复如下：',
      closing: '感谢您对本机关工作的关注。联系电话：{联系电话}。',
    };
    const plain = buildNotice('reply', replyInput());
    const c = buildNotice('reply', replyInput(), template);
    expect(c.paragraphs[0]).toEqual({
      kind: 'body',
      text: '您于2026年11月2日提出的关于“2025年某区某地块土地征收批复文件”的政府信息公开申请（受理编号：GK-2026-0012）收悉。经研究，现答复如下：',
    });
    expect(c.paragraphs.at(-1)).toEqual({ kind: 'closing', text: '感谢您对本机关工作的关注。联系电话：0571-87654321。' });
    expect(c.paragraphs.slice(1, -1)).toEqual(plain.paragraphs.slice(1, -1));
    expect(c.paragraphs.map((p) => p.kind)).toEqual(['body', 'body', 'reasons', 'legal_basis', 'remedy', 'closing']);
    expect(c.meta.templateVersion).toBe(2);
    expect(c.legalCitations).toEqual(plain.legalCitations);
  });

  it('refuses an invalid template or one of another type', () => {
    expect(() => buildNotice('reply', replyInput(), { type: 'reply', remedy: '' } as unknown as NoticeTemplate)).toThrow(/模板不能修改或删除/);
    expect(() => buildNotice('reply', replyInput(), { type: 'receipt', closing: '谢谢。' })).toThrow(/登记回执模板，不能用于答复书/);
  });
});
