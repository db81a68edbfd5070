/**
 * Domain errors (STYLE.md §2 "core/errors.ts"). Every refusal of the core carries a stable `code` from one
 * `as const` list, which the server maps to an HTTP status in one table and the UI can switch on, and a Chinese
 * `message` that tells the user what to fix. `details` carries machine-readable context (dates, limits, states).
 */
export const DOMAIN_ERROR_CODES = [
  /** The record does not exist (or the caller may not know it exists). */
  'NOT_FOUND',
  /** Input is malformed or incomplete (missing field, bad date, non-integer days…). */
  'VALIDATION',
  /** The action is not possible in the request's current state (transition table, requests/transitions.ts). */
  'INVALID_TRANSITION',
  /** Events must be recorded in date order (an event dated before the previous one). */
  'DATE_OUT_OF_ORDER',
  /** 条例 Art.33 (2008: Art.24): the reply period may be extended only once. */
  'DEADLINE_ALREADY_EXTENDED',
  /** 条例 Art.33: an extension is at most 20 working days (2008 regime: 15). */
  'EXTENSION_TOO_LONG',
  /** An extension must be approved and notified before the current reply deadline expires. */
  'EXTENSION_TOO_LATE',
  /** 条例 Art.30: the 补正 notice must be issued within 7 working days of receipt. */
  'SUPPLEMENT_TOO_LATE',
  /** 国办函〔2020〕109号: the fee notice must be issued within the reply period. */
  'FEE_NOTICE_TOO_LATE',
  /** 国办函〔2020〕109号: payment after the 20-working-day window (deemed abandoned). */
  'FEE_PAYMENT_TOO_LATE',
  /** An "expired" event recorded before the period it closes has run out (补正期限 / 缴费期限). */
  'PERIOD_NOT_EXPIRED',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'CONFLICT',
  'RATE_LIMITED',
  /** A state-changing request without the session's CSRF token. */
  'CSRF',
  /** An uploaded or submitted body is too large. */
  'PAYLOAD_TOO_LARGE',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A refusal by the domain rules. `message` is Chinese, addressed to the user, and says what to do instead.
 * Never used for programming errors (those stay plain `Error`s and become 500s with a hidden message).
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** Type guard usable across module copies (checks the shape, not only `instanceof`). */
export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof DomainError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DomainError' &&
      typeof (e as { code?: unknown }).code === 'string' &&
      (DOMAIN_ERROR_CODES as readonly string[]).includes((e as { code: string }).code))
  );
}
