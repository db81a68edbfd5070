/** Outcome of a validator: ok, or a message in Chinese that tells the user what to fix. */
export type ValidationResult = { ok: true } | { ok: false; message: string };

export const OK: ValidationResult = Object.freeze({ ok: true });

/** A failed result carrying `message`. */
export function fail(message: string): ValidationResult {
  return { ok: false, message };
}

/**
 * The form identity numbers are stored in: surrounding and inner spaces removed, full-width digits and letters
 * turned half-width, letters upper-cased (e.g. ' 11010519491231002x ' → '11010519491231002X'). Validators accept any
 * input that normalizes to a valid number; store the normalized form.
 */
export function normalizeIdNumber(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}
