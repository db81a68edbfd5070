import { publicWebsite } from '../../core/publications/public-address.js';
import { eq, sql } from 'drizzle-orm';
import { applicants, requests } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { buildNotice, type NoticeInput, type NoticeType, type NoticeContent, type AgencyInfo, type NoticeTemplate, NOTICE_TYPE_LABELS, splitSupplementItems, THIRD_PARTY_RIGHTS, THIRD_PARTY_RIGHT_LABELS, isThirdPartyRight, type ThirdPartyRight, PARTIAL_WITHHELD_GROUNDS, PARTIAL_WITHHELD_GROUND_LABELS, isPartialWithheldGround, type PartialWithheldGround } from '../../core/notices/index.js';
import { calculateFee, type FeeInput } from '../../core/fees/calculate-fee.js';
import { replayEvents, type RequestView } from '../../core/requests/index.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type Channel, type IsoDate } from '../../core/types.js';
import { getAgency, type AgencyProfile } from '../settings.js';
import { loadCalendar } from '../calendar.js';
import { provisionalDates } from '../../core/calendar/provisional.js';
import { loadClockContext, loadEvents, toCoreEvent, type StoredEvent } from '../requests/record-event.js';

export function agencyInfo(a: AgencyProfile): AgencyInfo {
  return { name: a.name, shortName: a.shortName, docPrefix: a.docPrefix, address: a.address, phone: a.phone, level: a.level, parentBody: a.parentBody ?? undefined, reconsiderationBody: a.reconsiderationBody ?? undefined, litigationCourt: a.litigationCourt ?? undefined };
}

/** Whether a notice of `type` fits the request as it stands (issue 5: a type that does not fit is refused). */
export function noticeFits(type: NoticeType, view: RequestView): string | null {
  const label = NOTICE_TYPE_LABELS[type];
  switch (type) {
    case 'receipt': return view.receivedOn ? null : `申请尚未登记（确认收到），不能出具${label}`;
    case 'supplement': return view.supplement ? null : `该申请没有告知补正，不能出具${label}`;
    case 'extension': return view.extension.approvedDays > 0 ? null : `该申请没有经批准的延期，不能出具${label}`;
    case 'consultation': return view.consultations.some((c) => c.party === 'third_party') ? null : `该申请没有征求第三方意见，不能出具${label}`;
    case 'third-party-decision': {
      // Art.32: only after the consultation ended; Art.15: a third party that agreed gets no decision notice.
      const c = [...view.consultations].reverse().find((x) => x.party === 'third_party');
      if (!c || !view.draft || !['disclosed', 'partly_disclosed'].includes(view.draft.outcome)) return `只有征求过第三方意见且决定（部分）公开时才出具${label}`;
      if (c.endedOn === null) return `征求${c.name}意见尚未结束（收到意见或期满后登记“结束征求意见”），不能出具${label}`;
      return c.opinion === 'agree' ? `${c.name}已同意公开，依照条例第十五条予以公开即可，不需要出具${label}` : null;
    }
    // Art.35: the 说明理由告知书 after 要求说明理由; the 延迟答复告知书 only once reasons were found reasonable and a date set.
    case 'delay': return view.excessive !== null && !view.repliedOn ? null : `只有已要求申请人说明理由（条例第三十五条）的办理中申请才能出具${label}`;
    case 'fee': return view.fee ? null : `该申请没有发出收费通知，不能出具${label}`;
    case 'reply': return view.draft || view.outcome ? null : `该申请还没有起草答复，不能出具${label}`;
  }
}

export interface LoadedRequest {
  id: number;
  ref: string;
  /** 查询码 (the portal's lookup key). */
  trackingCode: string;
  /** online / staff / import. */
  source: string;
  applicantName: string;
  applicantType: string;
  description: string;
  channel: string;
  view: RequestView;
  events: StoredEvent[];
}

export async function loadRequestForNotice(tx: Executor, requestId: number): Promise<LoadedRequest> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, requestId));
  if (!row) throw new DomainError('NOT_FOUND', `申请 ${requestId} 不存在`);
  const clock = await loadClockContext(tx);
  const events = await loadEvents(tx, requestId);
  return { id: row.id, ref: row.ref, trackingCode: row.trackingCode, source: row.source, applicantName: row.applicantName, applicantType: row.applicantType, description: row.description, channel: row.channel, view: replayEvents(events.map(toCoreEvent), clock), events };
}

function lastPayload(events: StoredEvent[], type: string): Record<string, unknown> & { on?: string } {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].type === type) return { ...(events[i].payload as object), on: events[i].on };
  return {};
}

/** An earlier request of the same natural month that may count toward 按件计收. */
export interface FeeCountRequest { id: number; ref: string; receivedOn: IsoDate; applicantName: string }

/**
 * The applicant's earlier requests in the natural month of this one's receipt (国办函〔2020〕109号 Art.4: 同一申请人
 * 一个自然月内累计申请…), in receipt order (Art.31 receipt date, not registration order; same day → registration order):
 * - `matched`: both carry an ID number / 统一社会信用代码 and it is the same (compared by its keyed hash);
 * - `toConfirm`: the same name where one of the two has no ID — a name alone does not prove the same person, so the
 *   handler must confirm each one (`sameApplicantRefs` of the fee form);
 * requests with a different ID are never counted.
 */
export async function feeCountBasis(tx: Executor, requestId: number): Promise<{ receivedOn: IsoDate | null; hasId: boolean; matched: FeeCountRequest[]; toConfirm: FeeCountRequest[] }> {
  const r = await tx.execute(sql`SELECT o.id, o.ref, o.received_on::text AS "receivedOn", o.applicant_name AS "applicantName",
      (ao.id_number_hash IS NOT NULL AND am.id_number_hash IS NOT NULL AND ao.id_number_hash = am.id_number_hash) AS "sameId"
    FROM requests me LEFT JOIN applicants am ON am.id = me.applicant_id
    JOIN requests o ON o.id <> me.id AND o.received_on IS NOT NULL AND me.received_on IS NOT NULL
      AND date_trunc('month', o.received_on) = date_trunc('month', me.received_on)
      AND (o.received_on < me.received_on OR (o.received_on = me.received_on AND o.id < me.id))
    LEFT JOIN applicants ao ON ao.id = o.applicant_id
    WHERE me.id = ${requestId}
      AND ((ao.id_number_hash IS NOT NULL AND am.id_number_hash IS NOT NULL AND ao.id_number_hash = am.id_number_hash)
        OR ((ao.id_number_hash IS NULL OR am.id_number_hash IS NULL) AND o.applicant_name = me.applicant_name))
    ORDER BY o.received_on, o.id`);
  const rows = (r as unknown as { rows: (FeeCountRequest & { sameId: boolean })[] }).rows;
  const [me] = await tx.select({ receivedOn: requests.receivedOn, hash: applicants.idNumberHash }).from(requests).leftJoin(applicants, eq(applicants.id, requests.applicantId)).where(eq(requests.id, requestId));
  const pick = (x: FeeCountRequest) => ({ id: Number(x.id), ref: x.ref, receivedOn: x.receivedOn, applicantName: x.applicantName });
  return {
    receivedOn: (me?.receivedOn as IsoDate | null) ?? null,
    hasId: Boolean(me?.hash),
    matched: rows.filter((x) => x.sameId).map(pick),
    toConfirm: rows.filter((x) => !x.sameId).map(pick),
  };
}

/**
 * Which place this request holds among the applicant's requests of its month (国办函〔2020〕109号 Art.4), counted in
 * receipt order: 1 + the requests with the same ID + those of `toConfirm` the handler confirmed (`sameApplicantRefs`,
 * 受理编号s). When same-name requests without an ID exist and the handler has not answered (`undefined`), it is
 * refused with the list to confirm: a name is not proof of the same person.
 */
export async function nthRequestInMonth(tx: Executor, requestId: number, sameApplicantRefs?: unknown): Promise<number> {
  const basis = await feeCountBasis(tx, requestId);
  if (sameApplicantRefs === undefined || sameApplicantRefs === null) {
    if (basis.toConfirm.length > 0) {
      refuse('sameApplicantRefs', `本月有同名申请${basis.toConfirm.map((x) => `${x.ref}（${x.receivedOn}收到）`).join('、')}，但申请人未提供${basis.hasId ? '相同的' : ''}身份证件号码或统一社会信用代码，不能仅凭姓名或名称认定为同一申请人。请在收费通知中逐件确认是否为同一申请人（国办函〔2020〕109号第四条）`);
    }
    return 1 + basis.matched.length;
  }
  if (!Array.isArray(sameApplicantRefs) || sameApplicantRefs.some((x) => typeof x !== 'string')) refuse('sameApplicantRefs', '确认为同一申请人的申请（sameApplicantRefs）须为受理编号列表');
  const allowed = new Set(basis.toConfirm.map((x) => x.ref));
  const unknown = (sameApplicantRefs as string[]).find((ref) => !allowed.has(ref));
  if (unknown !== undefined) refuse('sameApplicantRefs', `受理编号“${unknown}”不是本月此前收到的同名申请，不能计入（可确认的：${[...allowed].join('、') || '无'}）`);
  return 1 + basis.matched.length + new Set(sameApplicantRefs as string[]).size;
}

function refuse(field: string, message: string): never {
  throw new DomainError('VALIDATION', message, { field });
}

/** An optional sub-object of the payload: undefined when absent; a string, number or list is refused. */
function payloadObject(v: unknown, field: string, what: string): Record<string, unknown> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) refuse(field, `${what}（${field}）格式有误，须为包含各项内容的对象`);
  return v as Record<string, unknown>;
}

/** An optional text item of the payload: undefined when absent; a number, object or list is refused. */
function payloadText(v: unknown, field: string, what: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') refuse(field, `${what}（${field}）须为文字`);
  return v;
}

/**
 * The 答复书 details of a `reply_drafted` payload (提供方式/途径/时间, 部分公开, 此前答复), checked for shape: the
 * payload is client JSON stored as given, so a number where text is expected, a `partial` that is not an object or
 * an unknown `withheldGround` is refused with VALIDATION naming the field (never a TypeError, never a 500).
 */
export function replyDraftDetails(p: Record<string, unknown>): Pick<NoticeInput, 'provision' | 'partial' | 'previousReply'> {
  const out: Pick<NoticeInput, 'provision' | 'partial' | 'previousReply'> = {};
  const provision = payloadObject(p.provision, 'provision', '提供方式');
  if (provision) {
    out.provision = {
      method: payloadText(provision.method, 'provision.method', '提供方式'),
      way: payloadText(provision.way, 'provision.way', '获取途径'),
      time: payloadText(provision.time, 'provision.time', '获取时间'),
    };
  }
  const partial = payloadObject(p.partial, 'partial', '部分公开情况');
  if (partial) {
    const grounds = [...(Array.isArray(partial.withheldGrounds) ? partial.withheldGrounds : partial.withheldGrounds ? [partial.withheldGrounds] : []), ...(partial.withheldGround ? [partial.withheldGround] : [])];
    for (const ground of grounds) {
      if (!isPartialWithheldGround(ground)) {
        refuse('partial.withheldGround', `不予公开部分的依据（partial.withheldGround）“${String(ground)}”无效，应为：${PARTIAL_WITHHELD_GROUNDS.map((g) => PARTIAL_WITHHELD_GROUND_LABELS[g]).join('、')}`);
      }
    }
    out.partial = {
      disclosedPart: payloadText(partial.disclosedPart, 'partial.disclosedPart', '可以公开的部分'),
      withheldPart: payloadText(partial.withheldPart, 'partial.withheldPart', '不予公开的部分'),
      ...(grounds.length ? { withheldGrounds: [...new Set(grounds as PartialWithheldGround[])] } : { withheldGround: undefined }),
    };
  }
  const previous = payloadObject(p.previousReply, 'previousReply', '此前的答复');
  if (previous) {
    const repliedOn = payloadText(previous.repliedOn, 'previousReply.repliedOn', '此前答复日期');
    if (repliedOn !== undefined && repliedOn.trim() !== '' && !isIsoDate(repliedOn.trim())) {
      refuse('previousReply.repliedOn', `此前答复日期（previousReply.repliedOn）“${repliedOn}”不是有效日期，请按 YYYY-MM-DD 填写`);
    }
    out.previousReply = { repliedOn: repliedOn?.trim() as IsoDate, docNumber: payloadText(previous.docNumber, 'previousReply.docNumber', '此前答复文号') };
  }
  return out;
}

/** The structured input of a notice from the request's events, the agency profile and the stored fee basis. */
/**
 * What the `consultation_started` event of `name` asked (Art.32): which information concerns the third party and
 * which right is at stake. Both are checked for shape (stored client JSON); the notice builder requires them.
 */
export function consultationDetails(events: StoredEvent[], name: string): { information?: string; rights?: ThirdPartyRight[] } {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    const p = (e.payload ?? {}) as Record<string, unknown>;
    if (e.type !== 'consultation_started' || p.name !== name) continue;
    const information = payloadText(p.information, 'information', '涉及第三方的信息');
    const raw = p.rights === undefined || p.rights === null ? [] : Array.isArray(p.rights) ? p.rights : [p.rights];
    const bad = raw.find((r) => !isThirdPartyRight(r));
    if (bad !== undefined) refuse('rights', `第三方权益（rights）“${String(bad)}”无效，应为：${THIRD_PARTY_RIGHTS.map((r) => THIRD_PARTY_RIGHT_LABELS[r]).join('、')}`);
    return { information: information?.trim() || undefined, rights: raw.length ? (raw as ThirdPartyRight[]) : undefined };
  }
  return {};
}

/**
 * The structured input of a notice from the request's events, the agency profile and the stored fee basis.
 * `accessKey`: the 查询密码 in clear, known only while the registration is being recorded (it is stored hashed), for
 * the 登记回执 printed then.
 */
export async function buildNoticeInput(tx: Executor, req: LoadedRequest, type: NoticeType, issuedOn: IsoDate, docNumber: string | null, accessKey?: string | null): Promise<NoticeInput> {
  const agency = agencyInfo(await getAgency(tx));
  const v = req.view;
  const draft = v.draft;
  const input: NoticeInput = {
    agency,
    applicant: { name: req.applicantName, type: req.applicantType as never },
    request: { trackingCode: req.ref, receivedOn: (v.receivedOn ?? issuedOn) as IsoDate, description: req.description, channel: req.channel as Channel, regime: v.regime },
    dates: { issuedOn, dueOn: v.deadline?.dueOn ?? undefined, supplementDueOn: v.supplement?.dueOn, supplementRequestedOn: v.supplement?.requestedOn, feeNoticeIssuedOn: v.fee?.issuedOn, reasonRequestedOn: v.excessive?.requestedOn, reasonDueOn: v.excessive?.replyByOn },
    docNumber,
  };
  if (type === 'supplement' && v.supplement) input.supplement = { items: splitSupplementItems(v.supplement.items) };
  if (type === 'extension') {
    input.extension = { workingDays: v.extension.approvedDays }; input.dates.dueOn = v.deadline?.baseDueOn ?? undefined; input.dates.newDueOn = v.deadline?.dueOn ?? undefined;
    // The approval clears the pending request from the view; the reason the form promises to print is in its event.
    input.reasons = payloadText(lastPayload(req.events, 'extension_requested').reason, 'reason', '延期理由') ?? v.extension.requested?.reason;
  }
  if (type === 'consultation' || type === 'third-party-decision') {
    const c = [...v.consultations].reverse().find((x) => x.party === 'third_party');
    if (c) {
      const asked = consultationDetails(req.events, c.name);
      // Art.32: the answer counts only once the consultation ended (opinion received, or the period ran out).
      const response = c.endedOn === null ? undefined : c.opinion === 'object' ? 'objected' : c.opinion === 'agree' ? 'agreed' : 'no_reply';
      input.thirdParty = { name: c.name, information: asked.information, rights: asked.rights, response };
      // The response date is printed only when computed from the party's receipt of the letter (Arts.32, 34).
      input.dates.opinionDueOn = c.letterReceivedOn !== null ? (c.responseDueOn ?? undefined) : undefined; input.dates.consultationSentOn = c.startedOn;
    }
    if (type === 'third-party-decision') input.reasons = draft?.reasons;
  }
  if (type === 'delay' && v.excessive) {
    // Art.35: 说明理由告知书 (the facts, reply-by date) until a 延迟答复 date is set, then the 延迟答复告知书 with that date.
    const x = v.excessive;
    if (x.delayedDueOn !== null) { input.delay = { kind: 'delayed_reply' }; input.reasons = x.delayReason ?? undefined; input.dates.dueOn = undefined; input.dates.newDueOn = x.delayedDueOn; }
    else { input.delay = { kind: 'request_reasons' }; input.reasons = x.details; }
  }
  if (type === 'receipt') {
    const agencyProfile = await getAgency(tx);
    // Only an address the public can reach (never localhost or a private address).
    const base = publicWebsite(agencyProfile.website)?.replace(/\/+$/, '');
    input.tracking = { code: req.trackingCode, accessKey: accessKey ?? undefined, keyGiven: req.source === 'online' ? 'online_submission' : 'printed_receipt', portalUrl: base ? `${base}/track` : undefined };
  }
  if (type === 'fee' && v.fee) {
    const p = lastPayload(req.events, 'fee_notice_issued');
    const feeInput: FeeInput = v.fee.basis === 'per_page' ? { basis: 'per_page', pages: Number(p.pages ?? 0) } : { basis: 'per_request', nthInMonth: Number(p.nthInMonth ?? (await nthRequestInMonth(tx, req.id, p.sameApplicantRefs ?? []))) };
    const calc = calculateFee(feeInput);
    // The pay-by date is printed only when counted from a recorded receipt (国办函〔2020〕109号: 收到通知次日起).
    input.fee = { ...calc, paymentMethod: String(p.paymentMethod ?? '通过财政非税收入电子缴款码或到本机关办公地点缴纳'), payBy: v.fee.noticeReceivedOn !== null ? (v.fee.paymentDueOn ?? undefined) : undefined };
  }
  // Deadlines counted into a year without a loaded holiday notice print as 暂定 (issue 11 item 4).
  input.provisionalDates = provisionalDates([input.dates.dueOn, input.dates.newDueOn, input.dates.supplementDueOn, input.dates.opinionDueOn, input.dates.reasonDueOn, input.fee?.payBy], await loadCalendar(tx));
  if (type === 'reply') {
    const outcome = v.outcome ?? draft?.outcome;
    if (!outcome) throw new DomainError('VALIDATION', '该申请还没有办理结果');
    input.outcome = outcome;
    input.reasons = draft?.reasons;
    input.legalBasis = draft?.legalBasis;
    if (draft?.otherAgency) { input.otherAgency = draft.otherAgency; input.notHeld = 'not_responsible'; }
    else if (outcome === 'unavailable_not_held') input.notHeld = 'not_exist';
    if (draft?.thirdParty) input.thirdParty = { name: draft.thirdParty.name };
    // The 补正期限 that actually ran out: counted from the notice's receipt (Art.30), never before the printed date.
    if (v.supplement?.expiresAfter) input.dates.supplementDueOn = v.supplement.expiresAfter;
    if (outcome === 'not_processed_excessive' && (v.excessive?.finding === 'unreasonable' || v.excessive?.finding === 'not_given')) input.excessive = { finding: v.excessive.finding };
    Object.assign(input, replyDraftDetails(lastPayload(req.events, 'reply_drafted')));
  }
  return input;
}

export function composeNotice(type: NoticeType, input: NoticeInput, template?: NoticeTemplate): NoticeContent {
  return buildNotice(type, input, template);
}

