import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import { replyDraftDetails } from './notice-input.js';

/** The refusal of a `reply_drafted` payload (plain objects, as stored from the client's JSON). */
function refusal(payload: Record<string, unknown>): { code: string; message: string; field: unknown } {
  try {
    replyDraftDetails(payload);
  } catch (e) {
    expect(isDomainError(e), String(e)).toBe(true);
    const d = e as { code: string; message: string; details?: { field?: unknown } };
    return { code: d.code, message: d.message, field: d.details?.field };
  }
  throw new Error('expected a DomainError');
}

describe('replyDraftDetails: the shapes of provision / partial / previousReply', () => {
  it('keeps well-formed details (known keys only)', () => {
    expect(replyDraftDetails({ provision: { method: '邮寄', extra: 1 }, partial: { withheldPart: '附件', withheldGround: 'withheld_third_party' }, previousReply: { repliedOn: '2024-10-12', docNumber: '某公开〔2024〕9号' } })).toEqual({
      provision: { method: '邮寄', way: undefined, time: undefined },
      partial: { disclosedPart: undefined, withheldPart: '附件', withheldGrounds: ['withheld_third_party'] },
      previousReply: { repliedOn: '2024-10-12', docNumber: '某公开〔2024〕9号' },
    });
    expect(replyDraftDetails({})).toEqual({});
    expect(replyDraftDetails({ provision: null, partial: null, previousReply: null })).toEqual({});
  });

  it.each([
    ['method', 123, '提供方式'], ['way', { a: 1 }, '获取途径'], ['time', ['9:00'], '获取时间'],
  ] as const)('provision.%s = %j is refused as not text', (key, value, label) => {
    const r = refusal({ provision: { [key]: value } });
    expect(r).toEqual({ code: 'VALIDATION', message: `${label}（provision.${key}）须为文字`, field: `provision.${key}` });
  });

  it.each([['邮寄'], [1], [[{ method: '邮寄' }]], [true]])('provision = %j is refused', (provision) => {
    expect(refusal({ provision })).toMatchObject({ code: 'VALIDATION', field: 'provision' });
  });

  it.each([['x'], ['toString'], ['__proto__'], ['constructor'], [3], [{}]])('partial.withheldGround = %j is refused, naming the valid grounds', (withheldGround) => {
    const r = refusal({ partial: { withheldGround } });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'partial.withheldGround' });
    expect(r.message).toMatch(/^不予公开部分的依据（partial\.withheldGround）“.*”无效，应为：.*保护第三方合法权益（第十五条）.*不属于政府信息（第二条）/);
  });

  it.each([['理由'], [42], [['withheld_third_party']]])('partial = %j is refused', (partial) => {
    const r = refusal({ partial });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'partial' });
    expect(r.message).toContain('部分公开情况（partial）');
  });

  it('partial.disclosedPart / withheldPart must be text', () => {
    expect(refusal({ partial: { disclosedPart: 1 } })).toMatchObject({ field: 'partial.disclosedPart' });
    expect(refusal({ partial: { withheldPart: {} } })).toMatchObject({ field: 'partial.withheldPart' });
  });

  it('previousReply: repliedOn must be a date in text, docNumber text, previousReply an object', () => {
    expect(refusal({ previousReply: { repliedOn: 123 } })).toEqual({ code: 'VALIDATION', message: '此前答复日期（previousReply.repliedOn）须为文字', field: 'previousReply.repliedOn' });
    expect(refusal({ previousReply: { repliedOn: '2024-02-30' } })).toMatchObject({ field: 'previousReply.repliedOn', message: expect.stringContaining('不是有效日期') });
    expect(refusal({ previousReply: { repliedOn: '2024-10-12', docNumber: 9 } })).toMatchObject({ field: 'previousReply.docNumber' });
    expect(refusal({ previousReply: '2024-10-12' })).toMatchObject({ field: 'previousReply' });
  });
});
