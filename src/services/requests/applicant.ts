import { applicants } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { encryptPii, hmacSm3, type Keys } from '../../security/crypto.js';
import { validateIdentity, validatePhone, validateEmail } from '../../core/validators/index.js';
import { APPLICANT_TYPES, type ApplicantType } from '../../core/types.js';
import { DomainError } from '../../core/errors.js';

export interface ApplicantInput {
  type: ApplicantType;
  name: string;
  idType?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  /** 联系人 of an organisation. */
  contactName?: string | null;
}

export interface FieldProblem { field: string; message: string }

/**
 * Art.29(一): 姓名或者名称、身份证明、联系方式. Returns every problem, each naming its field, so a form can show them all.
 * `strict` (online submissions) requires an identity document and at least one contact.
 */
export function checkApplicant(a: ApplicantInput, strict: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(APPLICANT_TYPES as readonly string[]).includes(a.type)) problems.push({ field: 'applicant.type', message: `申请人类型 "${a.type}" 无效` });
  if (!a.name?.trim()) problems.push({ field: 'applicant.name', message: '请填写申请人姓名或名称' });
  if (strict && !a.idNumber?.trim()) problems.push({ field: 'applicant.idNumber', message: a.type === 'natural' ? '请填写身份证件号码' : '请填写统一社会信用代码' });
  if (a.idNumber?.trim()) {
    const idType = a.idType?.trim() || (a.type === 'natural' ? '身份证' : '统一社会信用代码');
    const r = validateIdentity(idType, a.idNumber.trim());
    if (!r.ok) problems.push({ field: 'applicant.idNumber', message: r.message });
  }
  if (a.phone?.trim()) { const r = validatePhone(a.phone.trim()); if (!r.ok) problems.push({ field: 'applicant.phone', message: r.message }); }
  if (a.email?.trim()) { const r = validateEmail(a.email.trim()); if (!r.ok) problems.push({ field: 'applicant.email', message: r.message }); }
  if (strict && !a.phone?.trim() && !a.email?.trim() && !a.address?.trim()) problems.push({ field: 'applicant.phone', message: '请至少填写一种联系方式（电话、电子邮箱或通信地址）' });
  return problems;
}

export function assertApplicant(a: ApplicantInput, strict: boolean): void {
  const problems = checkApplicant(a, strict);
  if (problems.length) throw new DomainError('VALIDATION', problems.map((p) => p.message).join('；'), { problems });
}

export function idNumberHash(keys: Keys, idNumber: string | null | undefined): string | null {
  const n = idNumber?.trim().toUpperCase();
  return n ? hmacSm3(keys.mac, n) : null;
}

export async function insertApplicant(tx: Executor, keys: Keys, a: ApplicantInput): Promise<number> {
  const [row] = await tx.insert(applicants).values({
    type: a.type,
    name: a.name.trim(),
    idType: a.idType?.trim() || (a.idNumber ? (a.type === 'natural' ? '身份证' : '统一社会信用代码') : null),
    idNumberEnc: encryptPii(keys, a.idNumber?.trim().toUpperCase()),
    idNumberHash: idNumberHash(keys, a.idNumber),
    phoneEnc: encryptPii(keys, a.phone?.trim()),
    emailEnc: encryptPii(keys, a.email?.trim()),
    addressEnc: encryptPii(keys, a.address?.trim()),
    contactEnc: encryptPii(keys, a.contactName?.trim()),
  }).returning({ id: applicants.id });
  return row.id;
}
