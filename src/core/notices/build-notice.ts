import { DEADLINE_RULES, FEE_RULES_FROM, REGIMES, regimeFor, type Regime } from '../deadlines/rules.js';
import { provisionalDateSuffix } from '../calendar/provisional.js';
import { DomainError } from '../errors.js';
import { FEE_BASIS_LABELS, FEE_STANDARD_TEXT, assertFeeConsistent } from '../fees/calculate-fee.js';
import { isOutcome } from '../requests/outcomes.js';
import { APPLICANT_TYPES, CHANNELS, type ApplicantType, type Channel, type IsoDate } from '../types.js';
import { citeAll, formatCitation, ogi, ogi2008, type Provision } from './citations.js';
import { endWithPeriod, formatChineseDate, parseIsoDate } from './format.js';
import { buildRemedy, type Remedy } from './remedy.js';
import { buildReplyBody, partialWithheldGrounds } from './reply-content.js';
import { DEFAULT_TEMPLATES, assertTemplate, fillPlaceholders, type NoticeTemplate, type TemplatePlaceholder } from './templates.js';
import {
  AGENCY_LEVELS,
  INTERIM_NOTICE_TYPES,
  THIRD_PARTY_RIGHTS,
  THIRD_PARTY_RIGHT_LABELS,
  isThirdPartyRight,
  NOTICE_TYPE_LABELS,
  isNoticeType,
  type NoticeContent,
  type NoticeInput,
  type NoticeParagraph,
  type NoticeType,
} from './types.js';

/** Title of each notice (per Art.35 variant for `delay`). */
export const NOTICE_TITLES: Record<Exclude<NoticeType, 'delay'>, string> & { delay: Record<'request_reasons' | 'delayed_reply', string> } = {
  receipt: '政府信息公开申请登记回执',
  supplement: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consultation: '政府信息公开征求第三方意见书',
  'third-party-decision': '政府信息决定公开告知书',
  delay: { request_reasons: '政府信息公开申请说明理由告知书', delayed_reply: '政府信息公开申请延迟答复告知书' },
  fee: '政府信息公开信息处理费收费通知书',
  reply: '政府信息公开申请答复书',
};

/** How the request reached the agency, as said in a notice ("收到您通过互联网提交的…"). */
const CHANNEL_PHRASES: Record<Channel, string> = {
  in_person: '当面提交',
  letter: '以信函方式提交',
  fax: '以传真方式提交',
  online: '通过互联网提交',
  email: '通过电子邮件提交',
  other: '提交',
};

/** 条例 2019 Art.31: which item fixes the receipt date for each channel (none for `other`). */
const RECEIPT_DATE_ITEM: Record<Channel, number | null> = { in_person: 1, letter: 2, fax: 3, online: 3, email: 3, other: null };

/** 您 for a natural person, 贵单位 for an organisation; 贵方 when the kind is unknown. */
export function pronounFor(type: ApplicantType | undefined): string {
  if (type === undefined) return '贵方';
  return type === 'natural' ? '您' : '贵单位';
}

interface Draft {
  title: string;
  addressee: string;
  /** 称谓 of the addressee. */
  pronoun: string;
  /** Paragraphs between the opening and the remedy. */
  paragraphs: NoticeParagraph[];
  provisions: Provision[];
  extraCitations: string[];
  /** Present for decisions: the remedy clause to append. */
  remedy?: Remedy;
}

interface Ctx {
  input: NoticeInput;
  regime: Regime;
  /** 称谓 of the applicant. */
  P: string;
  d: (date: IsoDate) => string;
}

/**
 * Builds the full content of a notice of `type` from the request's structured data (issue 5; legal-facts §7).
 * Each notice cites article AND item of the governing text — the 2019 条例 (国务院令第711号) for requests received
 * from 2019-05-15, the 2008 条例 (国务院令第492号) before — states the reasons the law requires, and, for
 * decisions (`reply`, `third-party-decision`), the remedy (`buildRemedy`). Interim notices (receipt, supplement,
 * extension, consultation, fee, delay) carry no remedy clause (legal-facts 2nd pass §6.2). An agency `template`
 * may replace only the opening and closing paragraphs (`validateTemplate`). Throws `DomainError` (VALIDATION and
 * the specific deadline codes) with a Chinese message naming what to supply when the data cannot make a lawful notice.
 */
export function buildNotice(type: NoticeType, input: NoticeInput, template?: NoticeTemplate): NoticeContent {
  if (!isNoticeType(type)) {
    throw new DomainError('VALIDATION', `文书类型“${String(type)}”无效，应为以下之一：${Object.keys(NOTICE_TYPE_LABELS).join('、')}`);
  }
  const regime = validateCommon(input);
  if (template !== undefined) assertTemplate(template, type);
  const ctx: Ctx = { input, regime, P: pronounFor(input.applicant.type), d: (date) => formatChineseDate(date) + provisionalDateSuffix(date, input.provisionalDates) };

  const draft = DRAFTERS[type](ctx);
  const defaults = DEFAULT_TEMPLATES[type];
  const values = placeholderValues(input, draft.pronoun);
  const opening: NoticeParagraph = { kind: 'body', text: fillPlaceholders(template?.opening ?? defaults.opening, values) };
  const closing: NoticeParagraph = { kind: 'closing', text: fillPlaceholders(template?.closing ?? defaults.closing, values) };

  const paragraphs = [opening, ...draft.paragraphs];
  if (draft.remedy) paragraphs.push({ kind: 'remedy', text: draft.remedy.text });
  paragraphs.push(closing);

  const citations = unique([...draft.provisions.map(formatCitation), ...draft.extraCitations, ...(draft.remedy?.citations ?? [])]);
  const note = [
    input.agency.address?.trim() ? `办公地址：${input.agency.address.trim()}` : '',
    input.agency.phone?.trim() ? `联系电话：${input.agency.phone.trim()}` : '',
  ].filter(Boolean).join('；');

  return {
    type,
    title: draft.title,
    docNumber: input.docNumber?.trim() || null,
    issuer: input.agency.name.trim(),
    addressee: `${draft.addressee}：`,
    paragraphs,
    attachments: (input.attachments ?? []).map((a) => a.trim()).filter(Boolean),
    signature: { agency: input.agency.name.trim(), dateChinese: formatChineseDate(input.dates.issuedOn), date: input.dates.issuedOn },
    note: note || null,
    legalCitations: citations,
    meta: {
      regime,
      outcome: type === 'reply' ? input.outcome ?? null : null,
      trackingCode: input.request.trackingCode.trim(),
      remedyMode: draft.remedy?.mode ?? null,
      templateVersion: template?.version ?? null,
    },
  };
}

/** Whether notices of `type` carry a remedy clause (decisions do; procedural notices do not, legal-facts §6). */
export function hasRemedyClause(type: NoticeType): boolean {
  return !INTERIM_NOTICE_TYPES.includes(type);
}

const DRAFTERS: Record<NoticeType, (ctx: Ctx) => Draft> = {
  receipt: draftReceipt,
  supplement: draftSupplement,
  extension: draftExtension,
  consultation: draftConsultation,
  'third-party-decision': draftThirdPartyDecision,
  delay: draftDelay,
  fee: draftFee,
  reply: draftReply,
};

function applicantDraft(ctx: Ctx, title: string): Draft {
  return { title, addressee: ctx.input.applicant.name.trim(), pronoun: ctx.P, paragraphs: [], provisions: [], extraCitations: [] };
}

function addBasis(draft: Draft, provisions: Provision[], text: (cited: string) => string): void {
  draft.provisions.push(...provisions);
  draft.paragraphs.push({ kind: 'legal_basis', text: text(citeAll(provisions)) });
}

/** 登记回执: the registration, the Art.31 receipt date and the reply period (2019 Art.33; 2008 Art.24). */
function draftReceipt(ctx: Ctx): Draft {
  const { input, regime, P, d } = ctx;
  const draft = applicantDraft(ctx, NOTICE_TITLES.receipt);
  const rules = DEADLINE_RULES[regime];
  const due = input.dates.dueOn ? `（即${inclusiveBy(input.dates.dueOn, ctx.d)}）` : '';
  if (regime === '2019') {
    const item = RECEIPT_DATE_ITEM[input.request.channel];
    if (item !== null) {
      addBasis(draft, [ogi(31, { item })], (c) => `根据${c}的规定，本机关收到${P}申请之日为${d(input.request.receivedOn)}。`);
    }
    addBasis(
      draft,
      [ogi(33, { paragraph: 2 }), ogi(33, { paragraph: 3 })],
      (c) =>
        `根据${c}的规定，本机关将自收到申请之日起${rules.baseDays}个工作日内作出答复${due}；需要延长答复期限的，` +
        `经本机关政府信息公开工作机构负责人同意并告知${P}，延长的期限最长不超过${rules.maxExtensionDays}个工作日。` +
        `征求第三方和其他机关意见所需时间不计算在上述期限内。`,
    );
  } else {
    addBasis(
      draft,
      [ogi2008(24, { paragraph: 2 }), ogi2008(24, { paragraph: 3 })],
      (c) =>
        `根据${c}的规定，本机关将自收到申请之日起${rules.baseDays}个工作日内予以答复${due}；如需延长答复期限的，` +
        `经本机关政府信息公开工作机构负责人同意并告知${P}，延长答复的期限最长不超过${rules.maxExtensionDays}个工作日。` +
        `申请公开的政府信息涉及第三方权益的，征求第三方意见所需时间不计算在上述期限内。`,
    );
  }
  const tracking = trackingParagraph(input, P);
  if (tracking) draft.paragraphs.push(tracking);
  return draft;
}

/**
 * 登记回执: the 查询码 and 查询密码 the portal asks for, and how to use them (the portal's 进度查询 takes both, not the
 * 受理编号). The key is printed only when given (at registration); otherwise the receipt says where it was given.
 */
function trackingParagraph(input: NoticeInput, P: string): NoticeParagraph | null {
  const t = input.tracking;
  const code = t?.code?.trim();
  if (!t || !code) return null;
  const key = t.accessKey?.trim();
  const keyText = key
    ? `查询密码：${key}`
    : t.keyGiven === 'online_submission'
      ? `查询密码：${P}网上提交申请时页面显示的查询密码`
      : '查询密码：已打印在登记时出具的回执上（本机关不保存查询密码原文，遗失的请与本机关联系）';
  const where = t.portalUrl?.trim() ? `本机关政府信息公开网站（${t.portalUrl.trim()}）的“进度查询”页面` : '本机关政府信息公开网站的“进度查询”页面';
  return {
    kind: 'body',
    text: `查询码：${code}；${keyText}。${P}可登录${where}，输入查询码和查询密码，查询办理进度和答复结果。查询密码请妥善保管，不要告知他人。`,
  };
}

/** A last day, inclusive: "2026年12月30日前（含当日）"; `format` is the notice's date format (it marks 暂定 dates) (the period ends at the end of that day, 民法典 Art.203). */
export function inclusiveBy(date: IsoDate, format: (date: IsoDate) => string = formatChineseDate): string {
  return `${format(date)}前（含当日）`;
}

/** 补正告知书: items, the period and, under the 2019 条例, the consequence 视为放弃申请 (Art.30). */
function draftSupplement(ctx: Ctx): Draft {
  const { input, regime, P, d } = ctx;
  const draft = applicantDraft(ctx, NOTICE_TITLES.supplement);
  const items = splitSupplementItems(input.supplement?.items ?? []);
  if (items.length === 0) {
    throw new DomainError('VALIDATION', '补正告知书必须逐项写明需要补正的事项（supplement.items），条例第三十条要求一次性告知');
  }
  const due = input.dates.supplementDueOn;
  if (regime === '2019' && !due) {
    throw new DomainError('VALIDATION', '补正告知书必须写明合理的补正期限（dates.supplementDueOn），条例第三十条');
  }
  if (due && due <= input.dates.issuedOn) {
    throw new DomainError('VALIDATION', `补正期限${d(due)}不能早于或等于告知日期${d(input.dates.issuedOn)}，请给申请人留出合理的补正期限`);
  }
  draft.paragraphs.push({ kind: 'body', text: `经审查，${P}的政府信息公开申请内容不明确。请${P}对以下事项作出补正：` });
  items.forEach((item, i) => draft.paragraphs.push({ kind: 'body', text: `${i + 1}. ${endWithPeriod(item)}` }));
  const guidance = input.supplement?.guidance?.trim();
  if (guidance) draft.paragraphs.push({ kind: 'body', text: `补正说明：${endWithPeriod(guidance)}` });
  if (regime === '2019') {
    addBasis(
      draft,
      [ogi(29, { paragraph: 2 }), ogi(30)],
      (c) =>
        `根据${c}的规定，请${P}于${inclusiveBy(due!, ctx.d)}向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。` +
        `${P}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    );
  } else {
    // 2008 Art.21(四) sets neither a period nor a consequence [C2 mirror of the 2008 text].
    addBasis(draft, [ogi2008(21, { item: 4 })], (c) => `根据${c}的规定，请${P}对申请内容作出更改、补充${due ? `，并于${inclusiveBy(due, ctx.d)}提交本机关` : ''}。`);
  }
  return draft;
}

/** Numbering staff may have typed: "1." "1、" "（1）" "(一)" "①" "第1项". */
const ITEM_NUMBER = /^\s*(?:第?[0-9０-９]+项?[.．、，,:：)）]?|[（(][0-9０-９一二三四五六七八九十]+[)）][、.．]?|[一二三四五六七八九十]+[、.．]|[①-⑳])\s*/;

/**
 * The 补正 items one per entry, without the numbering staff may have typed (the notice numbers them, so "1. 1. 请明确…"
 * never appears): splits on line breaks and ；/; and before an inline number ("1. 请明确…2. 请补充…").
 */
export function splitSupplementItems(items: string | readonly string[]): string[] {
  const list = typeof items === 'string' ? [items] : items;
  return list
    .flatMap((text) => String(text).split(/[；;\n\r]+|\s+(?=(?:[0-9０-９]+[.．、]|[（(][0-9０-９一二三四五六七八九十]+[)）]|[①-⑳])\s*\S)/))
    .map((s) => s.replace(ITEM_NUMBER, '').trim())
    .filter((s) => s !== '' && !/^[。.，,]+$/.test(s));
}

/** 延期答复告知书: approval by the head of the disclosure office and the new due date (2019 Art.33 ¶2; 2008 Art.24 ¶2). */
function draftExtension(ctx: Ctx): Draft {
  const { input, regime, d } = ctx;
  const draft = applicantDraft(ctx, NOTICE_TITLES.extension);
  const rules = DEADLINE_RULES[regime];
  const { issuedOn, dueOn, newDueOn } = input.dates;
  if (!newDueOn) throw new DomainError('VALIDATION', '延期答复告知书必须写明延长后的答复期限（dates.newDueOn）');
  if (dueOn && issuedOn > dueOn) {
    throw new DomainError('EXTENSION_TOO_LATE', `答复期限已于${d(dueOn)}届满，延期须在期限届满前经负责人同意并告知申请人，不能再发延期答复告知书`, { dueOn, issuedOn });
  }
  if (newDueOn <= issuedOn || (dueOn !== undefined && newDueOn <= dueOn)) {
    throw new DomainError('VALIDATION', `延长后的答复期限${d(newDueOn)}必须晚于原答复期限和告知日期，请核对日期`, { dueOn, newDueOn });
  }
  const days = input.extension?.workingDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > rules.maxExtensionDays)) {
    throw new DomainError('EXTENSION_TOO_LONG', `延长的期限最长不得超过${rules.maxExtensionDays}个工作日（收到：${String(days)}），请调整延长天数`, { days });
  }
  const reasons = input.reasons?.trim();
  draft.paragraphs.push({ kind: 'body', text: '经审查，本机关不能在规定期限内作出答复。' });
  if (reasons) draft.paragraphs.push({ kind: 'reasons', text: `延期理由：${endWithPeriod(reasons)}` });
  addBasis(
    draft,
    [regime === '2019' ? ogi(33, { paragraph: 2 }) : ogi2008(24, { paragraph: 2 })],
    (c) =>
      `经本机关政府信息公开工作机构负责人同意，根据${c}的规定，现决定延长答复期限` +
      `${days !== undefined ? `${days}个工作日` : `（延长的期限最长不超过${rules.maxExtensionDays}个工作日）`}，本机关将于${inclusiveBy(newDueOn, ctx.d)}作出答复。`,
  );
  return draft;
}

function thirdPartyDraft(ctx: Ctx, title: string): Draft {
  const tp = ctx.input.thirdParty;
  if (!tp || tp.name.trim() === '') {
    throw new DomainError('VALIDATION', `${title}的收件人是第三方，请填写第三方名称（thirdParty.name）`);
  }
  if (tp.type !== undefined && !(APPLICANT_TYPES as readonly string[]).includes(tp.type)) {
    throw new DomainError('VALIDATION', `第三方类型“${String(tp.type)}”无效`);
  }
  return { title, addressee: tp.name.trim(), pronoun: pronounFor(tp.type), paragraphs: [], provisions: [], extraCitations: [] };
}

/**
 * 第三方征求意见书: written consultation, 15 working days, consequence of silence (2019 Art.32; 2008 Art.23). It names
 * which information concerns the third party and which right (商业秘密/个人隐私, Art.15) is at stake: both are
 * required, so the letter never says that the whole request concerns the third party.
 */
function draftConsultation(ctx: Ctx): Draft {
  const { input, regime } = ctx;
  const draft = thirdPartyDraft(ctx, NOTICE_TITLES.consultation);
  const T = draft.pronoun;
  const info = input.thirdParty?.information?.trim();
  if (!info) {
    throw new DomainError('VALIDATION', '征求第三方意见书须写明所申请信息中涉及第三方的具体信息（thirdParty.information），不能笼统地以整个申请征求意见（条例第三十二条）', { field: 'information' });
  }
  const rights = [...new Set(input.thirdParty?.rights ?? [])];
  const bad = rights.find((r) => !isThirdPartyRight(r));
  if (bad !== undefined || rights.length === 0) {
    throw new DomainError(
      'VALIDATION',
      `征求第三方意见书须写明可能受损害的第三方权益（thirdParty.rights），应为：${THIRD_PARTY_RIGHTS.map((r) => THIRD_PARTY_RIGHT_LABELS[r]).join('、')}${bad !== undefined ? `（收到：${String(bad)}）` : ''}（条例第十五条）`,
      { field: 'rights' },
    );
  }
  const dueOn = input.dates.opinionDueOn;
  draft.paragraphs.push({
    kind: 'body',
    text: `经审查，该申请所涉政府信息中的“${info.replace(/[。]$/, '')}”涉及${T}的${rights.map((r) => THIRD_PARTY_RIGHT_LABELS[r]).join('、')}，公开可能损害${T}的合法权益。`,
  });
  if (regime === '2019') {
    const rules = DEADLINE_RULES['2019'];
    addBasis(
      draft,
      [ogi(32)],
      (c) =>
        `根据${c}的规定，现书面征求${T}的意见。请${T}自收到本征求意见书之日起${rules.thirdPartyDays}个工作日内${dueOn ? `（即${inclusiveBy(dueOn, ctx.d)}）` : ''}` +
        `书面提出是否同意公开的意见；不同意公开的，请说明理由。${T}逾期未提出意见的，本机关将依照条例的规定决定是否公开。` +
        `${T}不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${T}。`,
    );
  } else {
    addBasis(
      draft,
      [ogi2008(23)],
      (c) =>
        `根据${c}的规定，现书面征求${T}的意见。请${T}${dueOn ? `于${inclusiveBy(dueOn, ctx.d)}` : '尽快'}书面提出是否同意公开的意见。` +
        `${T}不同意公开的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，将予以公开，并将决定公开的政府信息内容和理由书面通知${T}。`,
    );
  }
  return draft;
}

/**
 * 决定公开告知书 to the third party (2019 Arts.15, 32; 2008 Arts.14 ¶4, 23). A decision: remedy. What it says
 * depends on the third party's answer:
 * - objected (不同意公开): the agency may still disclose only because "不公开可能对公共利益造成重大影响" (Art.15,
 *   Art.32 last sentence) — the public-interest wording, with the content and the reasons;
 * - no reply (逾期未提出意见): Art.32 "由行政机关依照本条例的规定决定是否公开" — the agency says it decided under
 *   Art.32, with its reasons; no public-interest claim;
 * - agreed (同意公开): Art.15 "第三方同意公开的…予以公开" — there is no decision against the third party to notify,
 *   so no 决定公开告知书 is issued (refused with a Chinese message);
 * - unknown: refused (the notice cannot say which of the three applies).
 */
function draftThirdPartyDecision(ctx: Ctx): Draft {
  const { input, regime, d } = ctx;
  const draft = thirdPartyDraft(ctx, NOTICE_TITLES['third-party-decision']);
  const T = draft.pronoun;
  const response = input.thirdParty?.response;
  if (response === 'agreed') {
    throw new DomainError('VALIDATION', '第三方已同意公开，依照条例第十五条予以公开即可，不需要向第三方出具决定公开告知书', { field: 'thirdParty.response' });
  }
  if (response !== 'objected' && response !== 'no_reply') {
    throw new DomainError('VALIDATION', '决定公开告知书须写明第三方的意见（thirdParty.response）：不同意公开或逾期未提出意见；请先结束征求意见并登记第三方意见', { field: 'thirdParty.response' });
  }
  const info = input.thirdParty?.information?.trim();
  if (!info) throw new DomainError('VALIDATION', '决定公开告知书必须写明决定公开的政府信息内容（thirdParty.information），条例第三十二条');
  const reasons = input.reasons?.trim();
  if (!reasons) throw new DomainError('VALIDATION', '决定公开告知书必须写明决定公开的理由（reasons），条例第三十二条');
  const sent = input.dates.consultationSentOn;
  const answer = response === 'objected' ? `${T}不同意公开` : `${T}逾期未提出意见`;
  draft.paragraphs.push({ kind: 'body', text: `本机关${sent ? `已于${d(sent)}` : '已'}就上述申请所涉政府信息书面征求${T}的意见，${answer}。` });
  draft.paragraphs.push({ kind: 'body', text: `决定公开的政府信息内容：${endWithPeriod(info)}` });
  draft.paragraphs.push({ kind: 'reasons', text: `决定公开的理由：${endWithPeriod(reasons)}` });
  if (response === 'objected') {
    const provisions = regime === '2019' ? [ogi(15), ogi(32)] : [ogi2008(14, { paragraph: 4 }), ogi2008(23)];
    addBasis(
      draft,
      provisions,
      (c) => `本机关认为不公开可能对公共利益造成重大影响。根据${c}的规定，本机关决定予以公开，并将决定公开的政府信息内容和理由书面告知${T}。`,
    );
  } else {
    addBasis(
      draft,
      [regime === '2019' ? ogi(32) : ogi2008(23)],
      (c) => `${T}在规定期限内未提出意见。根据${c}的规定，本机关依照条例的规定决定予以公开，并将决定公开的政府信息内容和理由书面告知${T}。`,
    );
  }
  draft.remedy = buildRemedy(null, input.agency, input.dates.issuedOn, { pronoun: T, subject: '本决定', document: '本告知书' });
  return draft;
}

/** Art.35: 说明理由告知书 (ask for reasons) or 延迟答复告知书 (reasonable later date). Not in the 2008 条例. */
function draftDelay(ctx: Ctx): Draft {
  const { input, regime, P, d } = ctx;
  if (regime === '2008') {
    throw new DomainError('VALIDATION', '2008年条例（国务院令第492号）没有要求说明理由和延迟答复的规定，2019年5月15日前收到的申请不能发出该告知书');
  }
  const kind = input.delay?.kind;
  if (kind !== 'request_reasons' && kind !== 'delayed_reply') {
    throw new DomainError('VALIDATION', '请选择告知书类别（delay.kind）：request_reasons（说明理由告知书）或 delayed_reply（延迟答复告知书）');
  }
  const draft = applicantDraft(ctx, NOTICE_TITLES.delay[kind]);
  const reasons = input.reasons?.trim();
  if (kind === 'request_reasons') {
    if (!reasons) throw new DomainError('VALIDATION', '说明理由告知书必须写明申请数量、频次明显超过合理范围的具体情况（reasons），条例第三十五条');
    const by = input.dates.reasonDueOn;
    draft.paragraphs.push({ kind: 'body', text: `经审查，${P}申请公开政府信息的数量、频次明显超过合理范围。` });
    draft.paragraphs.push({ kind: 'reasons', text: `具体情况：${endWithPeriod(reasons)}` });
    addBasis(
      draft,
      [ogi(35)],
      (c) =>
        `根据${c}的规定，请${P}${by ? `于${d(by)}前` : ''}向本机关说明申请理由。本机关认为申请理由不合理的，将告知${P}不予处理；` +
        `认为申请理由合理，但是无法在法定期限内答复的，将确定延迟答复的合理期限并告知${P}。`,
    );
  } else {
    const newDueOn = input.dates.newDueOn;
    if (!newDueOn) throw new DomainError('VALIDATION', '延迟答复告知书必须写明确定的延迟答复期限（dates.newDueOn），条例第三十五条');
    if (newDueOn <= input.dates.issuedOn) {
      throw new DomainError('VALIDATION', `延迟答复期限${d(newDueOn)}必须晚于告知日期${d(input.dates.issuedOn)}`);
    }
    draft.paragraphs.push({
      kind: 'body',
      text: `${P}申请公开政府信息的数量、频次明显超过合理范围。经审查，本机关认为${P}的申请理由合理，但是无法在法定期限内答复。`,
    });
    if (reasons) draft.paragraphs.push({ kind: 'reasons', text: `具体情况：${endWithPeriod(reasons)}` });
    addBasis(draft, [ogi(35)], (c) => `根据${c}的规定，本机关确定延迟答复的合理期限，将于${d(newDueOn)}前作出答复。`);
  }
  return draft;
}

/** 收费通知书: 依据、标准、数额、缴纳方式, 20 working days from the day after receipt, else 视为放弃 (国办函〔2020〕109号 [C2]). */
function draftFee(ctx: Ctx): Draft {
  const { input, P, d } = ctx;
  const { issuedOn, dueOn } = input.dates;
  if (issuedOn < FEE_RULES_FROM) {
    throw new DomainError('VALIDATION', `信息处理费自${d(FEE_RULES_FROM)}起依照国办函〔2020〕109号收取，${d(issuedOn)}不能发出收费通知`);
  }
  if (dueOn && issuedOn > dueOn) {
    throw new DomainError('FEE_NOTICE_TOO_LATE', `收费通知应当在政府信息公开申请处理期限内发出，答复期限已于${d(dueOn)}届满`, { dueOn, issuedOn });
  }
  const fee = input.fee;
  if (!fee) throw new DomainError('VALIDATION', '收费通知书需要信息处理费的计算结果（fee），请先按件或按量计算信息处理费');
  assertFeeConsistent(fee);
  if (fee.amountYuan <= 0) {
    throw new DomainError('VALIDATION', `按${FEE_BASIS_LABELS[fee.basis]}标准计算的信息处理费为0元，不需要发出收费通知`);
  }
  const method = fee.paymentMethod?.trim();
  if (!method) throw new DomainError('VALIDATION', '收费通知书必须写明缴纳方式（fee.paymentMethod），例如非税收入缴款码或缴款账户');
  const draft = applicantDraft(ctx, NOTICE_TITLES.fee);
  const unit = fee.basis === 'per_request' ? '件' : '页';
  draft.paragraphs.push({
    kind: 'body',
    text:
      fee.basis === 'per_request'
        ? `截至本件申请，${P}本自然月内向本机关提出政府信息公开申请共${fee.quantity}件，申请数量、频次明显超过合理范围。`
        : `${P}本件申请要求提供的政府信息共${fee.quantity}页，数量明显超过合理范围。`,
  });
  addBasis(
    draft,
    [ogi(42), { law: 'fees2020', article: 3 }, { law: 'fees2020', article: fee.basis === 'per_request' ? 4 : 5 }],
    (c) => `根据${c}的规定，本机关决定${FEE_BASIS_LABELS[fee.basis]}信息处理费。`,
  );
  draft.paragraphs.push({ kind: 'body', text: `收费标准：${FEE_STANDARD_TEXT[fee.basis]}` });
  const charged = fee.breakdown.filter((l) => l.unitYuan > 0);
  const lines = charged.map(
    (l) => `${l.from === l.to ? `第${l.from}${unit}` : `第${l.from}—${l.to}${unit}`}：${l.count}${unit}×${l.unitYuan}元=${l.subtotal}元`,
  );
  draft.paragraphs.push({ kind: 'body', text: `收费数额：${lines.join('；')}，合计${fee.amountYuan}元。` });
  draft.paragraphs.push({ kind: 'body', text: `缴纳方式：${endWithPeriod(method)}` });
  const payBy = fee.payBy;
  if (payBy !== undefined) parseIsoDate(payBy);
  draft.paragraphs.push({
    kind: 'body',
    text:
      `请${P}在收到本通知次日起${DEADLINE_RULES['2019'].feePaymentDays}个工作日内${payBy ? `（即${inclusiveBy(payBy, ctx.d)}）` : ''}缴纳费用。` +
      `逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。本机关收取信息处理费后按规定开具财政票据。`,
  });
  return draft;
}

/** 答复书: one variant per outcome (`buildReplyBody`) plus the remedy (`buildRemedy`). */
function draftReply(ctx: Ctx): Draft {
  const { input, regime, P } = ctx;
  const outcome = input.outcome;
  if (!isOutcome(outcome)) {
    throw new DomainError('VALIDATION', `答复书需要办理结果（outcome），收到：${String(outcome)}`);
  }
  const draft = applicantDraft(ctx, NOTICE_TITLES.reply);
  const replyBody = buildReplyBody(outcome, regime, { input, pronoun: P });
  draft.paragraphs.push(...replyBody.paragraphs);
  draft.provisions.push(...replyBody.provisions);
  draft.extraCitations.push(...replyBody.extraCitations);
  // 部分公开: 复议前置 only when the withheld part rests on Arts.14–16 (行政复议法 2023 Art.23; `remedyModeFor`).
  const withheldGrounds = outcome === 'partly_disclosed' && regime === '2019' ? partialWithheldGrounds(input.partial) : undefined;
  draft.remedy = buildRemedy(outcome, input.agency, input.dates.issuedOn, { pronoun: P, withheldGrounds });
  return draft;
}

function placeholderValues(input: NoticeInput, pronoun: string): Record<TemplatePlaceholder, string> {
  return {
    申请人: input.applicant.name.trim(),
    称谓: pronoun,
    收到日期: formatChineseDate(input.request.receivedOn),
    受理编号: input.request.trackingCode.trim(),
    申请内容: quotedRequest(input.request.description),
    提交方式: CHANNEL_PHRASES[input.request.channel],
    机关名称: input.agency.name.trim(),
    联系电话: input.agency.phone?.trim() ?? '',
    办公地址: input.agency.address?.trim() ?? '',
  };
}

/**
 * The request text as quoted in a letter ("您申请获取“…”", "申请公开“…”"): without a leading 申请公开/申请获取/要求公开…
 * (the letter says that already) and without trailing punctuation.
 */
export function quotedRequest(description: string): string {
  const text = description.trim().replace(/[。；，,;.]+$/, '');
  const stripped = text.replace(/^(?:本人|我|我单位|本单位)?(?:现|特)?(?:申请|要求|请求)(?:公开|获取|提供)(?:以下|如下)?(?:政府)?(?:信息)?[：:，,\s]*/, '').trim();
  return stripped === '' ? text : stripped;
}

/** Checks the parts every notice needs and returns the governing 条例 version. */
function validateCommon(input: NoticeInput): Regime {
  const missing = (what: string): never => {
    throw new DomainError('VALIDATION', `生成文书需要${what}，请补充后重试`);
  };
  if (!input?.agency?.name?.trim()) missing('机关名称（agency.name）');
  if (!(AGENCY_LEVELS as readonly string[]).includes(input.agency.level)) {
    throw new DomainError('VALIDATION', `机关层级“${String(input.agency.level)}”无效，应为 ${AGENCY_LEVELS.join(' / ')}（决定行政复议机关）`);
  }
  if (!input.applicant?.name?.trim()) missing('申请人姓名或名称（applicant.name）');
  if (!(APPLICANT_TYPES as readonly string[]).includes(input.applicant.type)) {
    throw new DomainError('VALIDATION', `申请人类型“${String(input.applicant.type)}”无效，应为 ${APPLICANT_TYPES.join(' / ')}`);
  }
  if (!input.request?.trackingCode?.trim()) missing('受理编号（request.trackingCode）');
  if (!input.request.description?.trim()) missing('申请内容（request.description）');
  if (!(CHANNELS as readonly string[]).includes(input.request.channel)) {
    throw new DomainError('VALIDATION', `申请方式“${String(input.request.channel)}”无效，应为 ${CHANNELS.join(' / ')}`);
  }
  if (!input.dates?.issuedOn) missing('成文日期（dates.issuedOn）');
  parseIsoDate(input.request.receivedOn);
  for (const value of Object.values(input.dates)) if (value !== undefined) parseIsoDate(value);
  if (input.dates.issuedOn < input.request.receivedOn) {
    throw new DomainError(
      'DATE_OUT_OF_ORDER',
      `文书成文日期${formatChineseDate(input.dates.issuedOn)}早于收到申请日期${formatChineseDate(input.request.receivedOn)}，请核对日期`,
    );
  }
  const byDate = regimeFor(input.request.receivedOn);
  const regime = input.request.regime ?? byDate;
  if (!(REGIMES as readonly string[]).includes(regime)) throw new DomainError('VALIDATION', `条例版本“${String(regime)}”无效，应为 2008 或 2019`);
  if (regime !== byDate) {
    throw new DomainError(
      'VALIDATION',
      `收到申请日期为${formatChineseDate(input.request.receivedOn)}，适用${byDate}年条例，与指定的${regime}年条例不一致，请核对收到申请日期`,
    );
  }
  return regime;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
