import { DomainError } from '../errors.js';
import { NOTICE_TYPE_LABELS, isNoticeType, type NoticeType } from './types.js';

/**
 * Agency-adjustable wording (issue 5 "Templates … within guard rails"). A template may replace only the opening
 * paragraph and the closing paragraph of one notice type. The legal basis, the reasons and the remedy are
 * generated from the request's structured data and can never be edited, removed or contradicted by a template —
 * that is what keeps the seed report's "适用法律依据不够准确，说明理由不够充分" from coming back. Versioning and
 * auditing of template changes belong to the service that stores them; `version` is carried into the notice.
 */
export interface NoticeTemplate {
  type: NoticeType;
  /** Version number of the stored template (recorded in `NoticeContent.meta.templateVersion`). */
  version?: number;
  /** Replaces the opening paragraph; may use placeholders such as `{收到日期}` (see `TEMPLATE_PLACEHOLDERS`). */
  opening?: string;
  /** Replaces the closing paragraph (default "特此告知。"). */
  closing?: string;
}

/** Placeholders a template may use, and what they become. */
export const TEMPLATE_PLACEHOLDERS = {
  申请人: 'name of the applicant',
  称谓: '您 (natural person) or 贵单位 (organisation), for the addressee',
  收到日期: 'legal receipt date, e.g. 2026年11月2日',
  受理编号: 'tracking code',
  申请内容: 'the request description',
  提交方式: 'channel phrase, e.g. 通过互联网提交',
  机关名称: 'agency name',
  联系电话: 'agency phone',
  办公地址: 'agency address',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** Placeholders the opening of each type must keep: the facts the notice is about. */
export const REQUIRED_OPENING_PLACEHOLDERS: Record<NoticeType, readonly TemplatePlaceholder[]> = {
  receipt: ['收到日期', '受理编号'],
  supplement: ['收到日期'],
  extension: ['收到日期'],
  consultation: ['申请内容'],
  'third-party-decision': ['申请内容'],
  delay: ['收到日期'],
  fee: ['收到日期'],
  // legal-facts §7: every 答复书 states the receipt date and the request it answers
  reply: ['收到日期', '申请内容'],
};

const APPLICANT_OPENING = '本机关于{收到日期}收到{称谓}{提交方式}的政府信息公开申请（受理编号：{受理编号}），{称谓}申请获取“{申请内容}”。';
const THIRD_PARTY_OPENING = '本机关于{收到日期}收到政府信息公开申请（受理编号：{受理编号}），申请公开“{申请内容}”。';

/** The built-in wording, used when an agency has no template for a type. */
export const DEFAULT_TEMPLATES: Readonly<Record<NoticeType, Required<Omit<NoticeTemplate, 'version'>>>> = {
  receipt: {
    type: 'receipt',
    opening: '本机关于{收到日期}收到{称谓}{提交方式}的政府信息公开申请，已予登记，受理编号为{受理编号}。{称谓}申请获取的政府信息为：“{申请内容}”。',
    closing: '请妥善保存本回执。',
  },
  supplement: { type: 'supplement', opening: APPLICANT_OPENING, closing: '特此告知。' },
  extension: { type: 'extension', opening: APPLICANT_OPENING, closing: '特此告知。' },
  consultation: { type: 'consultation', opening: THIRD_PARTY_OPENING, closing: '特此征求意见。' },
  'third-party-decision': { type: 'third-party-decision', opening: THIRD_PARTY_OPENING, closing: '特此告知。' },
  delay: { type: 'delay', opening: APPLICANT_OPENING, closing: '特此告知。' },
  fee: { type: 'fee', opening: APPLICANT_OPENING, closing: '特此通知。' },
  reply: { type: 'reply', opening: `${APPLICANT_OPENING}现答复如下：`, closing: '特此告知。' },
};

const ALLOWED_KEYS = new Set(['type', 'version', 'opening', 'closing']);
/** Keys that name generated blocks: present in a template = an attempt to edit or remove them. */
const GENERATED_BLOCK_KEYS = ['legalBasis', 'legal_basis', 'reasons', 'remedy', 'body', 'paragraphs', 'title', 'legalCitations'];
const MAX_LENGTH = 500;

/** Text a template may not contain, with the reason shown to the user. */
const FORBIDDEN: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /《[^》]*(法|条例|办法|规定|解释|意见|决定)》/, why: '不能引用法律法规（法律依据由系统根据办理结果生成）' },
  { pattern: /第[一二三四五六七八九十百零〇\d]+[条款项]/, why: '不能写条款序号（法律依据由系统根据办理结果生成）' },
  { pattern: /行政复议|行政诉讼|人民法院|起诉/, why: '不能写救济途径（行政复议、行政诉讼告知由系统生成）' },
  { pattern: /不予公开|视为放弃|不予处理|不再处理/, why: '不能写处理决定（处理决定由系统根据办理结果生成）' },
];

export interface TemplateValidation {
  ok: boolean;
  /** Chinese messages, each saying what to fix. */
  errors: string[];
}

/**
 * Checks an agency template against the guard rails: only `opening`/`closing` may be set; generated blocks
 * (legal basis, reasons, remedy) cannot be named, emptied or imitated; only known placeholders are used; the
 * opening keeps the placeholders that state the facts (`REQUIRED_OPENING_PLACEHOLDERS`, legal-facts §7).
 */
export function validateTemplate(template: unknown): TemplateValidation {
  const errors: string[] = [];
  if (typeof template !== 'object' || template === null) return { ok: false, errors: ['模板格式无效，应为包含 type、opening、closing 的对象'] };
  const t = template as Record<string, unknown>;
  if (!isNoticeType(t.type)) {
    return { ok: false, errors: [`模板类型“${String(t.type)}”无效，应为以下之一：${Object.keys(NOTICE_TYPE_LABELS).join('、')}`] };
  }
  const type = t.type;
  const label = NOTICE_TYPE_LABELS[type];
  for (const key of Object.keys(t)) {
    if (GENERATED_BLOCK_KEYS.includes(key)) {
      errors.push(`${label}模板不能设置“${key}”：法律依据、理由和救济途径由系统根据办理结果生成，模板不能修改或删除，请删除该项`);
    } else if (!ALLOWED_KEYS.has(key)) {
      errors.push(`${label}模板含有不支持的项“${key}”，模板只能调整开头段（opening）和结尾段（closing）`);
    }
  }
  if (t.version !== undefined && (typeof t.version !== 'number' || !Number.isInteger(t.version) || t.version < 1)) {
    errors.push(`${label}模板版本号必须是不小于1的整数`);
  }
  for (const block of ['opening', 'closing'] as const) {
    const value = t[block];
    if (value === undefined) continue;
    const name = block === 'opening' ? '开头段' : '结尾段';
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(`${label}模板的${name}不能为空；如不需要修改，请删除该项以使用默认文字`);
      continue;
    }
    if (value.length > MAX_LENGTH) errors.push(`${label}模板的${name}超过${MAX_LENGTH}字，请精简`);
    for (const name2 of placeholdersIn(value)) {
      if (!(name2 in TEMPLATE_PLACEHOLDERS)) {
        errors.push(`${label}模板的${name}使用了未知占位符“{${name2}}”，可用的占位符：${Object.keys(TEMPLATE_PLACEHOLDERS).map((p) => `{${p}}`).join('')}`);
      }
    }
    for (const { pattern, why } of FORBIDDEN) {
      if (pattern.test(value)) errors.push(`${label}模板的${name}${why}，请删除相关文字`);
    }
    if (block === 'opening') {
      const present = new Set(placeholdersIn(value));
      for (const required of REQUIRED_OPENING_PLACEHOLDERS[type]) {
        if (!present.has(required)) errors.push(`${label}模板的开头段必须保留占位符“{${required}}”`);
      }
    }
  }
  return { ok: errors.length === 0, errors };
}

/** Throws VALIDATION with every problem listed unless `validateTemplate` accepts the template for `type`. */
export function assertTemplate(template: NoticeTemplate, type: NoticeType): void {
  const { ok, errors } = validateTemplate(template);
  if (!ok) throw new DomainError('VALIDATION', errors.join('；'), { errors });
  if (template.type !== type) {
    throw new DomainError('VALIDATION', `所选模板是${NOTICE_TYPE_LABELS[template.type]}模板，不能用于${NOTICE_TYPE_LABELS[type]}`);
  }
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
}

/** Replaces `{占位符}` by its value (unknown placeholders are left as they are; `validateTemplate` refuses them). */
export function fillPlaceholders(text: string, values: Readonly<Record<TemplatePlaceholder, string>>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in values ? values[name as TemplatePlaceholder] : whole));
}
