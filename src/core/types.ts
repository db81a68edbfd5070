/**
 * Shared vocabulary of the domain core. Dates of legal meaning are `YYYY-MM-DD` strings in Asia/Shanghai
 * (DESIGN.md "Time"); core functions never read the clock.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Applicant kinds: 自然人 and the five kinds of 法人或其他组织 (gov-2021 table columns, same order). */
export const APPLICANT_TYPES = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
};

/** Request channels (申请方式). Art.31 fixes the receipt date per channel. */
export const CHANNELS = ['in_person', 'letter', 'fax', 'online', 'email', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: '当面',
  letter: '信函',
  fax: '传真',
  online: '网络',
  email: '电子邮件',
  other: '其他',
};

/** Reverse lookup of a label (whitespace-insensitive) or a code; undefined when unknown. */
export function parseCode<T extends string>(labels: Record<T, string>, value: string): T | undefined {
  const v = value.replace(/\s+/g, '');
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (code === v || label === v) return code;
  }
  return undefined;
}
