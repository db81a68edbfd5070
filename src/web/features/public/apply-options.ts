import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../../../core/types.js';

/** 法人或其他组织 kinds (the five non-natural columns of the annual report table). */
export const ORG_TYPES = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const satisfies readonly ApplicantType[];
export const ORG_TYPE_OPTIONS = ORG_TYPES.map((t) => ({ value: t, label: t === 'otherOrg' ? '其他组织' : APPLICANT_TYPE_LABELS[t] }));

/** 身份证明 of a natural person (条例 Art.29(一)); organisations use 统一社会信用代码. */
export const PERSON_ID_TYPES = ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他'] as const;

export const DELIVERY_OPTIONS = [
  { value: 'online', label: '网上查阅（通过进度查询获取答复）' },
  { value: 'email', label: '电子邮件' },
  { value: 'post', label: '邮寄' },
  { value: 'pickup', label: '当面领取' },
] as const;
export const DELIVERY_LABELS: Record<string, string> = { online: '网上查阅', email: '电子邮件', post: '邮寄', pickup: '当面领取' };

export const FORMAT_OPTIONS = [
  { value: 'electronic', label: '电子文本' },
  { value: 'paper', label: '纸质文本' },
] as const;
export const FORMAT_LABELS: Record<string, string> = { electronic: '电子文本', paper: '纸质文本' };
