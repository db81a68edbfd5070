import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { buildNotice } from './build-notice.js';
import { sampleNoticeInput } from './sample-notice-input.js';
import type { NoticeInput } from './types.js';

/** Badly shaped sub-objects reach the reply body from stored event payloads (fuzzing of POST /api/requests/:id/events). */
function refusal(input: Partial<NoticeInput>): { code: string; message: string; field: unknown } {
  try {
    buildNotice('reply', sampleNoticeInput(input));
  } catch (e) {
    expect(isDomainError(e)).toBe(true);
    const d = e as { code: string; message: string; details?: { field?: unknown } };
    return { code: d.code, message: d.message, field: d.details?.field };
  }
  throw new Error('expected a DomainError');
}

const bad = <T>(v: unknown) => v as T;
const PARTLY = { outcome: 'partly_disclosed', reasons: '理由', provision: { method: '邮寄' } } as const;

describe('reply body: a non-string where text is expected is a VALIDATION naming the field, never a TypeError', () => {
  it.each([
    ['disclosed', 'method', 123],
    ['disclosed', 'way', { a: 1 }],
    ['disclosed', 'time', ['x']],
    ['already_public', 'way', 123],
    ['partly_disclosed', 'method', 123],
    ['partly_disclosed', 'time', {}],
  ] as const)('%s with provision.%s = %j', (outcome, key, value) => {
    const r = refusal({ outcome, reasons: '理由', provision: bad({ [key]: value }) });
    expect(r).toMatchObject({ code: 'VALIDATION', field: `provision.${key}` });
    expect(r.message).toContain(`（provision.${key}）须为文字`);
  });

  it('provision given as a string or a list is refused naming provision', () => {
    expect(refusal({ outcome: 'disclosed', provision: bad('邮寄') })).toMatchObject({ code: 'VALIDATION', field: 'provision' });
    expect(refusal({ outcome: 'disclosed', provision: bad(['邮寄']) })).toMatchObject({ code: 'VALIDATION', field: 'provision' });
  });

  it('not_processed_duplicate with previousReply.repliedOn a number, or not a date', () => {
    const r = refusal({ outcome: 'not_processed_duplicate', previousReply: bad({ repliedOn: 123 }) });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'previousReply.repliedOn' });
    expect(r.message).toContain('此前答复日期（previousReply.repliedOn）须为文字');
    expect(refusal({ outcome: 'not_processed_duplicate', previousReply: bad({ repliedOn: '上个月' }) })).toMatchObject({ code: 'VALIDATION', field: 'previousReply.repliedOn' });
    expect(refusal({ outcome: 'not_processed_duplicate', previousReply: bad({ repliedOn: '2026-10-12', docNumber: 9 }) })).toMatchObject({ field: 'previousReply.docNumber' });
  });
});

describe('partly_disclosed: partial and its withheldGround', () => {
  it.each(['x', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('unknown ground %j is refused naming partial.withheldGround', (ground) => {
    const r = refusal({ ...PARTLY, partial: bad({ withheldGround: ground }) });
    expect(r).toMatchObject({ code: 'VALIDATION', field: 'partial.withheldGround' });
    expect(r.message).toMatch(/^不予公开部分的依据（partial\.withheldGround）“.*”无效，应为：/);
    expect(r.message).toContain('保护第三方合法权益（第十五条）');
  });

  it.each([['理由'], [42], [['withheld_third_party']]])('partial = %j is refused naming partial', (partial) => {
    expect(refusal({ ...PARTLY, partial: bad(partial) })).toMatchObject({ code: 'VALIDATION', field: 'partial' });
  });

  it('partial.disclosedPart that is not text is refused', () => {
    expect(refusal({ ...PARTLY, partial: bad({ disclosedPart: 1 }) })).toMatchObject({ code: 'VALIDATION', field: 'partial.disclosedPart' });
  });

  it('known grounds still cite their provisions', () => {
    const c = buildNotice('reply', sampleNoticeInput({ ...PARTLY, partial: { withheldGround: 'withheld_third_party' } }));
    expect(c.paragraphs.find((p) => p.kind === 'legal_basis')?.text).toContain('第十五条、第三十七条');
    const q = buildNotice('reply', sampleNoticeInput({ ...PARTLY, partial: { withheldGround: 'withheld_query_matter' } }));
    expect(q.paragraphs.find((p) => p.kind === 'legal_basis')?.text).toContain('第三十六条第（七）项、第三十七条');
    // issue 11 item 6: a partial reply must name its withheld ground (it decides the basis and the remedy)
    expect(refusal({ ...PARTLY })).toMatchObject({ code: 'VALIDATION', field: 'partial.withheldGrounds' });
  });
});
