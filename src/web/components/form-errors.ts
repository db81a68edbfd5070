import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

/**
 * Puts the server's per-field problems (`details.problems`, field paths like `applicant.idNumber`) on the matching
 * form fields. Returns the messages that match no field on this form, for the page to show above the form.
 */
export function applyServerErrors(form: Pick<FormInstance, 'getFieldsError' | 'setFields'>, err: unknown, aliases: Record<string, string> = {}): string[] {
  if (!(err instanceof ApiError) || err.problems.length === 0) return err instanceof Error ? [err.message] : [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const p of err.problems) {
    const field = aliases[p.field] ?? p.field;
    if (field && registered.has(field)) byField.set(field, [...(byField.get(field) ?? []), p.message]);
    else unmatched.push(p.message);
  }
  form.setFields([...byField.entries()].map(([field, errors]) => ({ name: field.split('.'), errors })));
  return unmatched;
}
