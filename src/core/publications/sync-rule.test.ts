import { describe, expect, it } from 'vitest';
import { canPublishInterpretation, checkInterpretationSync, type SyncCheckInput } from './sync-rule.js';

describe('checkInterpretationSync (三同步)', () => {
  const cases: [string, SyncCheckInput, boolean, boolean?][] = [
    ['non-normative item needs nothing', { normativeKind: null, waiverReason: null, interpretationStates: [] }, true, false],
    ['规章 is not held to the rule', { normativeKind: 'regulation', waiverReason: null, interpretationStates: [] }, true, false],
    ['normative with no interpretation is refused', { normativeKind: 'normative', waiverReason: null, interpretationStates: [] }, false],
    ['normative with an interpretation still in draft is refused', { normativeKind: 'normative', waiverReason: null, interpretationStates: ['draft'] }, false],
    ['normative with an approved interpretation: publish together', { normativeKind: 'normative', waiverReason: null, interpretationStates: ['approved'] }, true, true],
    ['normative with a published interpretation', { normativeKind: 'normative', waiverReason: null, interpretationStates: ['published'] }, true, false],
    ['normative with a recorded waiver', { normativeKind: 'normative', waiverReason: '仅调整文件有效期，内容未变', interpretationStates: [] }, true, false],
    ['blank waiver does not count', { normativeKind: 'normative', waiverReason: '  ', interpretationStates: [] }, false],
  ];
  for (const [name, input, ok, together] of cases) {
    it(name, () => {
      const r = checkInterpretationSync(input);
      expect(r.ok).toBe(ok);
      if (r.ok && together !== undefined) expect(r.publishTogether).toBe(together);
      if (!r.ok) expect(r.message).toContain('三同步');
    });
  }
  it('marks a waiver', () => {
    expect(checkInterpretationSync({ normativeKind: 'normative', waiverReason: '无需解读', interpretationStates: [] })).toEqual({ ok: true, publishTogether: false, waived: true });
  });
  it('an interpretation never goes out before its document', () => {
    expect(canPublishInterpretation('approved')).toBe(false);
    expect(canPublishInterpretation('published')).toBe(true);
  });
});
