import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError, isDomainError } from './errors.js';

describe('DomainError', () => {
  it('carries a code, a Chinese message and details', () => {
    const e = new DomainError('EXTENSION_TOO_LONG', '延长答复期限最长不得超过20个工作日', { maxDays: 20 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'DomainError', code: 'EXTENSION_TOO_LONG', message: '延长答复期限最长不得超过20个工作日', details: { maxDays: 20 } });
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'NOT_FOUND', message: '不存在' })).toBe(true);
    expect(isDomainError({ name: 'DomainError', code: 'NOPE' })).toBe(false);
  });

  it('has the codes the server maps', () => {
    for (const c of ['NOT_FOUND', 'VALIDATION', 'INVALID_TRANSITION', 'DEADLINE_ALREADY_EXTENDED', 'EXTENSION_TOO_LONG', 'SUPPLEMENT_TOO_LATE', 'FORBIDDEN', 'UNAUTHORIZED', 'CONFLICT', 'RATE_LIMITED']) {
      expect(DOMAIN_ERROR_CODES).toContain(c);
    }
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
  });
});
