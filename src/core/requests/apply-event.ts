import type { IsoDate } from '../types.js';
import { CHANNELS, CHANNEL_LABELS, isIsoDate } from '../types.js';
import { DomainError } from '../errors.js';
import {
  computeDeadline,
  consultationPauseLimit,
  consultationResponseDeadline,
  deadlineStatus,
  noticePeriodEnd,
  supplementDeadline,
  withDelayedReply,
  type Deadline,
  type DeadlineStatus,
} from '../deadlines/compute-deadline.js';
import { nthWorkingDayAfter } from '../deadlines/fast-calendar.js';
import { DEADLINE_RULES, DEFAULT_DEADLINE_SETTINGS, FEE_RULES_FROM, regimeFor } from '../deadlines/rules.js';
import { OUTCOME_LABELS, isOutcome, type Outcome } from './outcomes.js';
import {
  CONSULTATION_OPINIONS,
  CONSULTATION_OPINION_LABELS,
  CONSULTED_PARTIES,
  CONSULTED_PARTY_LABELS,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  EVENT_LABELS,
  EVENT_TYPES,
  FEE_BASES,
  FEE_BASIS_LABELS,
  REASONS_FINDINGS,
  REASONS_FINDING_LABELS,
  isEventType,
  type EventType,
  type RequestEvent,
} from './events.js';
import { FINISHED_STATES, OPEN_STATES, STATE_COLORS, STATE_LABELS, type RequestState } from './states.js';
import { INITIAL_TRANSITIONS, TRANSITIONS, TRANSITION_HINTS } from './transitions.js';
import { clockInputOf, type LifecycleContext, type RequestView, type Timeliness } from './request-view.js';

/**
 * Outcomes the disclosure office may reply with directly from `registered`, without assigning departments:
 * already public (Art.36(一)), the 不予处理 cases (Art.36(六) 重复申请, Art.39 信访/出版物, Art.35 大量反复申请,
 * 要求确认或重新出具) and the 2008 "告知通过其他途径办理". Everything else needs a department's search first.
 */
export const OFFICE_REPLY_OUTCOMES: readonly Outcome[] = [
  'already_public',
  'not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_excessive',
  'not_processed_confirmation', 'legacy_other_channel',
];

/** Outcomes whose reply need not state reasons (Art.36(二): information provided as asked). */
const NO_REASON_OUTCOMES: readonly Outcome[] = ['disclosed'];

export const TIMELINESS_LABELS: Record<Timeliness, string> = { on_time: '按时办结', extended: '延期办结', late: '逾期答复' };

function fail(code: ConstructorParameters<typeof DomainError>[0], message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

function text(v: unknown, field: string, what: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail('VALIDATION', `请填写${what}`, { field });
  return v.trim();
}

function optionalText(v: unknown, field: string, what: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') fail('VALIDATION', `${what}须为文字`, { field });
  return v.trim() === '' ? null : v.trim();
}

function date(v: unknown, field: string, what: string): IsoDate {
  if (!isIsoDate(v)) fail('VALIDATION', `${what}“${String(v)}”不是有效日期，请按 YYYY-MM-DD 填写`, { field });
  return v;
}

function workingDays(v: unknown, field: string, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail('VALIDATION', `${what}须为正整数（工作日）`, { field });
  return v;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], labels: Record<T, string>, field: string, what: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    fail('VALIDATION', `${what}无效，应为：${values.map((x) => labels[x]).join('、')}`, { field });
  }
  return v as T;
}

/** The Chinese refusal of an event the transition table does not allow in the current state. */
function invalidTransition(view: RequestView | null, type: EventType): DomainError {
  const action = EVENT_LABELS[type];
  if (view === null) {
    return new DomainError('INVALID_TRANSITION', `尚无申请记录，不能执行“${action}”。请先登记收到申请或网上提交`, { state: null, eventType: type });
  }
  const allowed = allowedEvents(view);
  let message = `当前状态为“${STATE_LABELS[view.state]}”，不能执行“${action}”`;
  const hint = TRANSITION_HINTS[`${view.state}:${type}`] ?? TRANSITION_HINTS[`${view.state}:*`];
  if (hint !== undefined) message += `。${hint}`;
  else if (allowed.length > 0) message += `。当前可执行：${allowed.map((t) => EVENT_LABELS[t]).join('、')}`;
  return new DomainError('INVALID_TRANSITION', message, { state: view.state, eventType: type, allowed });
}

function initialView(event: RequestEvent): RequestView {
  return {
    state: 'submitted',
    regime: regimeFor(event.on),
    channel: null,
    submittedOn: null,
    registeredOn: null,
    receivedOn: null,
    receiptEvidence: null,
    clockStartOn: null,
    departments: null,
    deadline: null,
    extension: { requested: null, approvedDays: 0, approvedOn: null, rejections: 0 },
    supplement: null,
    supplementCount: 0,
    consultations: [],
    excessive: null,
    fee: null,
    draft: null,
    approvedOn: null,
    clearedOn: null,
    repliedOn: null,
    documentNo: null,
    deliveredOn: null,
    delivery: null,
    returns: [],
    outcome: null,
    closedOn: null,
    withdrawal: null,
    extended: false,
    closedOnTime: null,
    timeliness: null,
    lastEventOn: event.on,
    eventCount: 0,
    history: [],
  };
}

/** A copy deep enough that applying an event never changes the view it was given. */
function copyView(v: RequestView): RequestView {
  return {
    ...v,
    departments: v.departments && { lead: v.departments.lead, assisting: [...v.departments.assisting] },
    extension: { ...v.extension },
    supplement: v.supplement && { ...v.supplement },
    consultations: v.consultations.map((c) => ({ ...c })),
    excessive: v.excessive && { ...v.excessive },
    fee: v.fee && { ...v.fee },
    draft: v.draft && { ...v.draft },
    delivery: v.delivery && { ...v.delivery },
    returns: [...v.returns],
    withdrawal: v.withdrawal && { ...v.withdrawal },
    history: [...v.history],
  };
}

/** The open consultation named `name` (or the only open one), else a Chinese refusal. */
function openConsultation(v: RequestView, name: unknown): RequestView['consultations'][number] {
  const open = v.consultations.filter((c) => c.endedOn === null);
  const wanted = optionalText(name, 'name', '征求意见对象名称');
  if (wanted === null) {
    if (open.length > 1) fail('VALIDATION', `有${open.length}项征求意见尚未结束（${open.map((c) => c.name).join('、')}），请指明哪一项`, { field: 'name' });
    if (open.length === 0) fail('VALIDATION', '没有正在进行的征求意见', { field: 'name' });
    return open[0];
  }
  const found = open.find((c) => c.name === wanted);
  if (found === undefined) fail('VALIDATION', `没有正在进行的对“${wanted}”的征求意见`, { field: 'name' });
  return found;
}

function sameDeadline(a: Deadline | null, b: Deadline | null): boolean {
  if (a === null || b === null) return a === b;
  return a.dueOn === b.dueOn && a.baseDueOn === b.baseDueOn && a.pausedSince === b.pausedSince;
}

/**
 * Applies one event to a request (STYLE.md §2: a lookup in `TRANSITIONS` plus guards) and returns the new view;
 * the given view is not modified. `view` null = no event yet (only `submitted` or `registered` may start).
 *
 * Refusals (DomainError, Chinese message naming the state and the action):
 * - INVALID_TRANSITION: not allowed in this state, e.g. 「当前状态为“待补正”，不能执行“起草答复”」.
 * - DATE_OUT_OF_ORDER: dated before the previous event.
 * - SUPPLEMENT_TOO_LATE: 补正 notice later than 7 working days after receipt (条例 Art.30; 2019 regime only).
 * - DEADLINE_ALREADY_EXTENDED / EXTENSION_TOO_LONG / EXTENSION_TOO_LATE: Art.33 (one extension ≤ 20 working
 *   days, 2008 Art.24 ≤ 15, approved on or before the current due date).
 * - FEE_NOTICE_TOO_LATE / FEE_PAYMENT_TOO_LATE: 国办函〔2020〕109号 (notice within the reply period; payment within
 *   20 working days from the day after the notice was received).
 * - PERIOD_NOT_EXPIRED: an expiry recorded before the 补正 / payment period ran out.
 * - VALIDATION: missing or malformed fields.
 * In `ctx.mode === 'replay'` the date-based legal guards are skipped (see LifecycleContext), and so are the recording
 * rules added later (a second 补正 without a recorded reason; 不予处理 under Art.35 without the 说明理由 step), so that
 * timelines stored or imported before them stay readable.
 */
export function applyEvent(view: RequestView | null, event: RequestEvent, ctx: LifecycleContext): RequestView {
  if (typeof event !== 'object' || event === null || !isEventType((event as { type?: unknown }).type)) {
    fail('VALIDATION', `未知的办理事项“${String((event as { type?: unknown } | null)?.type)}”`, { field: 'type' });
  }
  const on = date(event.on, 'on', '日期');
  const table = view === null ? INITIAL_TRANSITIONS : TRANSITIONS[view.state];
  const tableTarget = table[event.type];
  if (tableTarget === undefined) throw invalidTransition(view, event.type);
  if (view !== null && on < view.lastEventOn) {
    fail('DATE_OUT_OF_ORDER', `“${EVENT_LABELS[event.type]}”的日期${on}早于上一办理事项的日期${view.lastEventOn}，请核对日期`, {
      field: 'on', previousOn: view.lastEventOn,
    });
  }
  const strict = (ctx.mode ?? 'record') === 'record';
  const cal = ctx.calendar;
  const settings = ctx.settings ?? DEFAULT_DEADLINE_SETTINGS;
  const v = view === null ? initialView(event) : copyView(view);
  const before = v.deadline;
  const rule = () => DEADLINE_RULES[v.regime];
  let next: RequestState = tableTarget;
  let note = '';
  const backToHandling = (): RequestState => (v.departments !== null ? 'in_progress' : 'registered');

  switch (event.type) {
    case 'submitted': {
      if (event.channel !== 'online') fail('VALIDATION', '网上提交的申请方式应为“网络”', { field: 'channel' });
      v.channel = 'online';
      v.submittedOn = on;
      v.regime = regimeFor(on);
      note = '网上提交，待确认收到';
      break;
    }
    case 'registered': {
      const receivedOn = date(event.receivedOn, 'receivedOn', '收到申请日期');
      const channel = oneOf(event.channel, CHANNELS, CHANNEL_LABELS, 'channel', '申请方式');
      if (receivedOn > on) fail('VALIDATION', `收到申请日期${receivedOn}不能晚于登记日期${on}`, { field: 'receivedOn' });
      if (view !== null) {
        // Confirming an online submission: Art.31(三) the receipt date is the day both sides confirm.
        if (channel !== 'online') fail('VALIDATION', '确认网上申请时，申请方式应为“网络”', { field: 'channel' });
        if (v.submittedOn !== null && receivedOn < v.submittedOn) {
          fail('VALIDATION', `网上申请以双方确认之日为收到申请之日（条例第三十一条第（三）项），不能早于提交日期${v.submittedOn}`, { field: 'receivedOn' });
        }
      }
      v.channel = channel;
      v.registeredOn = on;
      v.receivedOn = receivedOn;
      v.clockStartOn = receivedOn;
      v.receiptEvidence = optionalText(event.evidence, 'evidence', '收到凭证');
      v.regime = regimeFor(receivedOn);
      note = `收到申请日期${receivedOn}（${CHANNEL_LABELS[channel]}）`;
      break;
    }
    case 'supplement_requested': {
      const items = text(event.items, 'items', '需要补正的事项（条例第三十条：一次性告知）');
      const periodDays = workingDays(event.periodDays, 'periodDays', '补正期限');
      const deliveryMethod = event.deliveryMethod === undefined || event.deliveryMethod === null ? null
        : oneOf(event.deliveryMethod, DELIVERY_METHODS, DELIVERY_METHOD_LABELS, 'deliveryMethod', '告知书送达方式');
      // Art.30: the 7 working days run from the ORIGINAL receipt (Art.31), not from a supplement's arrival, so a
      // second 补正 cannot move its own window.
      const start = v.receivedOn as IsoDate;
      const last = rule().supplementNoticeDays !== null ? supplementDeadline(start, cal) : null;
      const justification = v.supplementCount > 0 ? optionalText(event.justification, 'justification', '再次补正的理由') : null;
      // Recording rules only ('record' mode): timelines stored before the rule, and ledgers imported in 'replay'
      // mode, keep their second 补正 readable.
      if (strict && v.supplementCount > 0) {
        const steer = '补正后申请内容仍不明确的，请答复“无法提供-补正后申请内容仍不明确”（条例第三十条、第三十六条）';
        if ((settings.repeatSupplement ?? 'justified') === 'never') {
          fail('VALIDATION', `本机关规定每件申请只告知补正一次（条例第三十条“一次性告知”），本申请已于${v.supplement?.requestedOn}告知补正。${steer}`, { field: 'type' });
        }
        if (justification === null) {
          fail('VALIDATION', `条例第三十条要求一次性告知补正，本申请已于${v.supplement?.requestedOn}告知补正；确需再次告知的，请写明理由（justification）。${steer}`, { field: 'justification' });
        }
        if (strict && last !== null && on > last) {
          fail('SUPPLEMENT_TOO_LATE',
            `再次告知补正也须在收到申请之日（${start}）起7个工作日内（${last}前，含当日）发出（条例第三十条），现已超过。${steer}`,
            { lastAllowedOn: last, receivedOn: start });
        }
      }
      if (strict && last !== null && on > last) {
        fail('SUPPLEMENT_TOO_LATE',
          `补正告知须自收到申请之日起7个工作日内一次性发出（条例第三十条），本申请收到日期为${start}，最迟应于${last}发出，现已超过。请按现有申请内容办理并答复`,
          { lastAllowedOn: last, receivedOn: start });
      }
      const dueOn = nthWorkingDayAfter(on, periodDays, cal).date;
      const end = noticePeriodEnd({ sentOn: on, receivedOn: null, channel: deliveryMethod, days: periodDays }, cal, settings);
      v.supplement = {
        requestedOn: on, items, periodDays, dueOn, deliveryMethod, noticeReceivedOn: null,
        expiresAfter: end.endsOn !== null && end.endsOn > dueOn ? end.endsOn : end.endsOn === null ? null : dueOn,
        justification, receivedOn: null, receivedLate: false, expiredOn: null,
      };
      v.supplementCount += 1;
      note = `补正事项：${items}；补正期限${periodDays}个工作日（告知书载明${dueOn}前，自申请人收到告知书次日起计算）；答复期限自收到补正之日起重新计算${justification !== null ? `；再次补正理由：${justification}` : ''}`;
      break;
    }
    case 'supplement_delivered': {
      const s = v.supplement as NonNullable<RequestView['supplement']>;
      if (on < s.requestedOn) fail('VALIDATION', `申请人收到补正告知书的日期不能早于告知日期${s.requestedOn}`, { field: 'on' });
      s.noticeReceivedOn = on;
      const end = noticePeriodEnd({ sentOn: s.requestedOn, receivedOn: on, channel: s.deliveryMethod, days: s.periodDays }, cal, settings).endsOn as IsoDate;
      s.expiresAfter = end > s.dueOn ? end : s.dueOn;
      note = `申请人于${on}收到补正告知书；补正期限至${s.expiresAfter}`;
      break;
    }
    case 'supplement_received': {
      const s = v.supplement as NonNullable<RequestView['supplement']>;
      s.receivedOn = on;
      s.receivedLate = on > (s.expiresAfter ?? s.dueOn);
      v.clockStartOn = on;
      next = backToHandling();
      note = `答复期限自${on}重新计算（条例第三十条）${s.receivedLate ? '；逾期补正，已接受' : ''}`;
      break;
    }
    case 'supplement_expired': {
      const s = v.supplement as NonNullable<RequestView['supplement']>;
      if (strict && s.expiresAfter === null) {
        fail('PERIOD_NOT_EXPIRED',
          `补正期限自申请人收到补正告知书之日起计算，尚未登记申请人收到告知书的日期，不能登记逾期未补正。请先登记补正告知送达（条例第三十条）`,
          { dueOn: s.dueOn });
      }
      if (strict && on <= (s.expiresAfter as IsoDate)) {
        fail('PERIOD_NOT_EXPIRED', `补正期限至${s.expiresAfter}，尚未届满，期满后（${s.expiresAfter}之后）方可登记逾期未补正`, { dueOn: s.expiresAfter });
      }
      s.expiredOn = on;
      v.outcome = 'other_no_supplement';
      v.closedOn = on;
      v.closedOnTime = true;
      v.timeliness = 'on_time';
      note = '申请人逾期未补正，视为放弃申请，不再处理（条例第三十条）';
      break;
    }
    case 'assigned': {
      const lead = text(event.lead, 'lead', '主办单位');
      if (!Array.isArray(event.assisting)) fail('VALIDATION', '协办单位须为列表（可为空）', { field: 'assisting' });
      const assisting: string[] = [];
      for (const a of event.assisting) {
        const id = text(a, 'assisting', '协办单位');
        if (id === lead) fail('VALIDATION', '主办单位不能同时作为协办单位', { field: 'assisting' });
        if (!assisting.includes(id)) assisting.push(id);
      }
      v.departments = { lead, assisting };
      note = `主办：${lead}${assisting.length > 0 ? `；协办：${assisting.join('、')}` : ''}`;
      break;
    }
    case 'consultation_started': {
      const party = oneOf(event.party, CONSULTED_PARTIES, CONSULTED_PARTY_LABELS, 'party', '征求意见对象类型');
      const name = text(event.name, 'name', '征求意见对象名称');
      if (v.consultations.some((c) => c.endedOn === null && c.name === name)) {
        fail('CONFLICT', `已在征求“${name}”的意见，尚未结束`, { field: 'name' });
      }
      const c = { party, name, startedOn: on, letterReceivedOn: null, responseDueOn: null, pauseLimitOn: null as IsoDate | null, prolongedUntil: null, prolongReason: null, endedOn: null, opinion: null };
      c.pauseLimitOn = consultationPauseLimit(c, v.regime, cal);
      v.consultations.push(c);
      note = `征求${CONSULTED_PARTY_LABELS[party]}意见：${name}；对方自收到征求意见书之日起15个工作日内提出意见，请登记对方收到的日期；征求意见所需时间不计入答复期限（条例第三十三条）`;
      break;
    }
    case 'consultation_delivered':
    case 'consultation_prolonged': {
      const target = openConsultation(v, event.name);
      if (event.type === 'consultation_delivered') {
        if (on < target.startedOn) fail('VALIDATION', `对方收到征求意见书的日期不能早于发出日期${target.startedOn}`, { field: 'on' });
        target.letterReceivedOn = on;
        target.responseDueOn = consultationResponseDeadline(on, target.party, v.regime, cal);
        target.pauseLimitOn = consultationPauseLimit(target, v.regime, cal);
        note = `${target.name}于${on}收到征求意见书${target.responseDueOn !== null ? `，应于${target.responseDueOn}前（含当日）提出意见` : ''}`;
      } else {
        const until = date(event.until, 'until', '延长至');
        const reason = text(event.reason, 'reason', '延长征求意见时间的理由（条例第三十三条：只扣除征求意见所需时间）');
        if (target.pauseLimitOn !== null && until <= target.pauseLimitOn) {
          fail('VALIDATION', `延长后的日期须晚于现有征求意见期限${target.pauseLimitOn}`, { field: 'until' });
        }
        if (until <= on) fail('VALIDATION', `延长后的日期须晚于登记日期${on}`, { field: 'until' });
        target.prolongedUntil = until;
        target.prolongReason = reason;
        target.pauseLimitOn = until;
        note = `征求${target.name}意见的时间延长至${until}：${reason}`;
      }
      break;
    }
    case 'consultation_ended': {
      const open = v.consultations.filter((c) => c.endedOn === null);
      const wanted = optionalText(event.name, 'name', '征求意见对象名称');
      let target = wanted === null ? undefined : open.find((c) => c.name === wanted);
      if (wanted === null) {
        if (open.length > 1) fail('VALIDATION', `有${open.length}项征求意见尚未结束（${open.map((c) => c.name).join('、')}），请指明结束哪一项`, { field: 'name' });
        target = open[0];
      }
      if (target === undefined) fail('VALIDATION', `没有正在进行的对“${wanted}”的征求意见`, { field: 'name' });
      const opinion = event.opinion === undefined ? null : oneOf(event.opinion, CONSULTATION_OPINIONS, CONSULTATION_OPINION_LABELS, 'opinion', '意见');
      // "逾期未提出意见" only once the party's 15 working days from receipt are over (Arts.32, 34).
      const silentAfter = target.responseDueOn ?? target.pauseLimitOn;
      if (strict && opinion === 'none' && silentAfter !== null && on <= silentAfter && target.prolongedUntil === null) {
        fail('PERIOD_NOT_EXPIRED', `${target.name}提出意见的期限至${silentAfter}（自收到征求意见书之日起15个工作日），尚未届满，不能登记为逾期未提出意见`, { dueOn: silentAfter });
      }
      target.endedOn = on;
      target.opinion = opinion;
      if (open.length > 1) next = 'consulting';
      const silence = opinion === 'none' ? (target.party === 'other_agency' ? '，视为同意公开（条例第三十四条）' : '，由本机关依照条例决定（条例第三十二条）') : '';
      const overran = target.pauseLimitOn !== null && on > target.pauseLimitOn ? `；征求意见期限已于${target.pauseLimitOn}届满，此后的时间计入答复期限` : '';
      note = `${target.name}：${opinion !== null ? CONSULTATION_OPINION_LABELS[opinion] : '征求意见结束'}${silence}${overran}`;
      break;
    }
    case 'reasons_requested': {
      // 条例 Art.35: 申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由.
      if (v.regime === '2008') fail('VALIDATION', '2008年条例（国务院令第492号）没有要求说明理由的规定，2019年5月15日前收到的申请不能要求说明理由', { field: 'type' });
      if (v.excessive !== null) fail('CONFLICT', `本申请已于${v.excessive.requestedOn}要求申请人说明理由`);
      const details = text(event.details, 'details', '申请数量、频次明显超过合理范围的具体情况（将写入说明理由告知书）');
      const periodDays = workingDays(event.periodDays, 'periodDays', '说明理由的期限');
      const replyByOn = nthWorkingDayAfter(on, periodDays, cal).date;
      v.excessive = { requestedOn: on, details, periodDays, replyByOn, answeredOn: null, finding: null, summary: null, delayedDueOn: null, delaySetOn: null, delayReason: null };
      note = `要求申请人于${replyByOn}前说明理由（条例第三十五条）：${details}`;
      break;
    }
    case 'reasons_received':
    case 'reasons_expired': {
      const x = v.excessive;
      if (x === null || x.finding !== null) {
        fail('INVALID_TRANSITION', x === null ? '尚未要求申请人说明理由，请先执行“要求说明理由”（条例第三十五条）' : `申请理由已于${x.answeredOn}登记`, { eventType: event.type });
      }
      if (event.type === 'reasons_received') {
        x.finding = oneOf(event.finding, REASONS_FINDINGS, REASONS_FINDING_LABELS, 'finding', '审查结论');
        x.summary = optionalText(event.summary, 'summary', '申请人说明的理由');
        x.answeredOn = on;
        note = `${REASONS_FINDING_LABELS[x.finding]}${x.summary !== null ? `：${x.summary}` : ''}${x.finding === 'unreasonable' ? '；可告知不予处理' : '；无法按期答复的，可确定延迟答复期限'}（条例第三十五条）`;
      } else {
        if (strict && on <= x.replyByOn) {
          fail('PERIOD_NOT_EXPIRED', `说明理由的期限至${x.replyByOn}，尚未届满，期满后方可登记逾期未说明理由`, { dueOn: x.replyByOn });
        }
        x.finding = 'not_given';
        x.answeredOn = on;
        note = `申请人未于${x.replyByOn}前说明理由；可告知不予处理（条例第三十五条）`;
      }
      break;
    }
    case 'delay_set': {
      const x = v.excessive;
      if (x === null || x.finding !== 'reasonable') {
        fail('INVALID_TRANSITION', '只有申请理由经审查合理、但无法在法定期限内答复的，才能确定延迟答复期限（条例第三十五条）；请先要求说明理由并登记审查结论', { eventType: event.type });
      }
      if (x.delayedDueOn !== null) fail('CONFLICT', `本申请已于${x.delaySetOn}确定延迟答复期限至${x.delayedDueOn}`);
      const newDueOn = date(event.newDueOn, 'newDueOn', '延迟答复期限');
      const reason = text(event.reason, 'reason', '延迟答复的理由（将写入延迟答复告知书）');
      const current = v.deadline?.dueOn ?? null;
      if (current !== null && newDueOn <= current) {
        fail('VALIDATION', `延迟答复期限${newDueOn}须晚于当前答复期限${current}；能在法定期限内答复的，无需延迟答复（条例第三十五条）`, { field: 'newDueOn' });
      }
      if (newDueOn <= on) fail('VALIDATION', `延迟答复期限${newDueOn}须晚于告知日期${on}`, { field: 'newDueOn' });
      x.delayedDueOn = newDueOn;
      x.delaySetOn = on;
      x.delayReason = reason;
      note = `确定延迟答复的合理期限至${newDueOn}（条例第三十五条）：${reason}`;
      break;
    }
    case 'extension_requested':
    case 'extension_approved': {
      const days = workingDays(event.days, 'days', '延期天数');
      const max = rule().maxExtensionDays;
      const article = v.regime === '2019' ? '条例第三十三条' : '2008年条例第二十四条';
      if (v.extended) {
        fail('DEADLINE_ALREADY_EXTENDED',
          `本申请已于${v.extension.approvedOn}延期${v.extension.approvedDays}个工作日，答复期限只能延长一次（${article}）`,
          { approvedOn: v.extension.approvedOn, approvedDays: v.extension.approvedDays });
      }
      if (days > max) {
        fail('EXTENSION_TOO_LONG', `延长答复期限最长不得超过${max}个工作日（${article}），请改为${max}个工作日以内`, { maxDays: max, days });
      }
      const dueOn = v.deadline?.dueOn ?? null;
      if (strict && dueOn !== null && on > dueOn) {
        fail('EXTENSION_TOO_LATE', `答复期限已于${dueOn}届满，延期须在期限届满前经批准并告知申请人（${article}）`, { dueOn });
      }
      if (event.type === 'extension_requested') {
        if (v.extension.requested !== null) fail('CONFLICT', `已有一项待审批的延期申请（${v.extension.requested.days}个工作日），请先审批`);
        const reason = text(event.reason, 'reason', '延期理由（将写入延期答复告知书）');
        v.extension.requested = { on, days, reason };
        note = `申请延期${days}个工作日：${reason}`;
      } else {
        const pending = v.extension.requested;
        if (pending === null) fail('INVALID_TRANSITION', '没有待审批的延期申请，请先提出延期申请', { eventType: event.type });
        if (days > pending.days) fail('VALIDATION', `批准的延期天数不能超过申请的${pending.days}个工作日`, { field: 'days' });
        v.extension = { requested: null, approvedDays: days, approvedOn: on, rejections: v.extension.rejections };
        v.extended = true;
        note = `经政府信息公开工作机构负责人同意，延期${days}个工作日`;
      }
      break;
    }
    case 'extension_rejected': {
      if (v.extension.requested === null) fail('INVALID_TRANSITION', '没有待审批的延期申请', { eventType: event.type });
      v.extension.requested = null;
      v.extension.rejections += 1;
      note = optionalText(event.reason, 'reason', '理由') ?? '';
      break;
    }
    case 'fee_notice_issued': {
      if (v.fee !== null) fail('CONFLICT', `本申请已于${v.fee.issuedOn}发出过收费通知`);
      if (on < FEE_RULES_FROM) fail('VALIDATION', `信息处理费自${FEE_RULES_FROM}起方可收取（国办函〔2020〕109号）`, { field: 'on' });
      const amount = event.amountYuan;
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || Math.round(amount * 100) !== amount * 100) {
        fail('VALIDATION', '收费金额须为大于0的金额（元，最多两位小数）', { field: 'amountYuan' });
      }
      const basis = oneOf(event.basis, FEE_BASES, FEE_BASIS_LABELS, 'basis', '计费方式');
      const receivedOn = event.noticeReceivedOn === undefined || event.noticeReceivedOn === null ? null : date(event.noticeReceivedOn, 'noticeReceivedOn', '申请人收到收费通知日期');
      if (receivedOn !== null && receivedOn < on) fail('VALIDATION', '申请人收到收费通知的日期不能早于发出日期', { field: 'noticeReceivedOn' });
      const deliveryMethod = event.deliveryMethod === undefined || event.deliveryMethod === null ? null
        : oneOf(event.deliveryMethod, DELIVERY_METHODS, DELIVERY_METHOD_LABELS, 'deliveryMethod', '收费通知送达方式');
      const dueOn = v.deadline?.dueOn ?? null;
      if (strict && dueOn !== null && on > dueOn) {
        fail('FEE_NOTICE_TOO_LATE', `收费通知须在答复期限内发出（国办函〔2020〕109号），本申请答复期限至${dueOn}，已届满`, { dueOn });
      }
      const end = noticePeriodEnd({ sentOn: on, receivedOn, channel: deliveryMethod, days: rule().feePaymentDays }, cal, settings);
      v.fee = {
        issuedOn: on, amountYuan: amount, basis, deliveryMethod, noticeReceivedOn: receivedOn, paymentDueOn: end.endsOn,
        paymentDuePresumed: end.basis === 'presumed', status: 'pending', settledOn: null, paidOn: null,
      };
      note = `${amount}元（${FEE_BASIS_LABELS[basis]}）；${end.endsOn !== null ? `缴费期限至${end.endsOn}${end.basis === 'presumed' ? '（按推定送达日计算）' : ''}` : '缴费期限自申请人收到通知次日起20个工作日，请登记送达日期'}${settings.pauseDuringFeeNotice ? '；缴费期间暂停计算答复期限' : ''}`;
      break;
    }
    case 'fee_notice_delivered': {
      const fee = v.fee as NonNullable<RequestView['fee']>;
      if (on < fee.issuedOn) fail('VALIDATION', `申请人收到收费通知的日期不能早于发出日期${fee.issuedOn}`, { field: 'on' });
      fee.noticeReceivedOn = on;
      fee.paymentDueOn = noticePeriodEnd({ sentOn: fee.issuedOn, receivedOn: on, channel: fee.deliveryMethod, days: rule().feePaymentDays }, cal, settings).endsOn;
      fee.paymentDuePresumed = false;
      note = `申请人于${on}收到收费通知；缴费期限至${fee.paymentDueOn}`;
      break;
    }
    case 'fee_paid': {
      const fee = v.fee as NonNullable<RequestView['fee']>;
      if (strict && fee.paymentDueOn !== null && on > fee.paymentDueOn) {
        fail('FEE_PAYMENT_TOO_LATE',
          `缴费期限已于${fee.paymentDueOn}届满（收到收费通知次日起20个工作日），逾期未缴纳视为放弃申请。如申请人收到通知的日期晚于${fee.noticeReceivedOn ?? '推定的送达日期'}，请先登记收费通知送达日期`,
          { paymentDueOn: fee.paymentDueOn });
      }
      fee.status = 'paid';
      fee.settledOn = on;
      fee.paidOn = on;
      note = settings.pauseDuringFeeNotice ? '已缴费，恢复计算答复期限' : '已缴费';
      break;
    }
    case 'fee_waived': {
      const fee = v.fee as NonNullable<RequestView['fee']>;
      fee.status = 'waived';
      fee.settledOn = on;
      note = optionalText(event.reason, 'reason', '理由') ?? '撤回收费通知';
      break;
    }
    case 'fee_expired': {
      const fee = v.fee as NonNullable<RequestView['fee']>;
      if (strict && fee.paymentDueOn === null) {
        fail('PERIOD_NOT_EXPIRED',
          '缴费期限自申请人收到收费通知次日起计算（国办函〔2020〕109号），尚未登记申请人收到通知的日期，不能登记逾期未缴费。请先登记收费通知送达',
          { paymentDueOn: null });
      }
      if (strict && on <= (fee.paymentDueOn as IsoDate)) {
        fail('PERIOD_NOT_EXPIRED', `缴费期限至${fee.paymentDueOn}，尚未届满，期满后方可登记逾期未缴费`, { paymentDueOn: fee.paymentDueOn });
      }
      fee.status = 'expired';
      fee.settledOn = on;
      v.outcome = 'other_unpaid_fee';
      v.closedOn = on;
      v.closedOnTime = true;
      v.timeliness = 'on_time';
      note = '申请人逾期未缴纳信息处理费，视为放弃申请，不再处理（国办函〔2020〕109号）';
      break;
    }
    case 'reply_drafted': {
      if (!isOutcome(event.outcome)) fail('VALIDATION', `答复类型“${String(event.outcome)}”无效，请从办理结果列表中选择`, { field: 'outcome' });
      const outcome = event.outcome;
      if (view !== null && view.state === 'registered' && !OFFICE_REPLY_OUTCOMES.includes(outcome)) {
        fail('INVALID_TRANSITION',
          `当前状态为“${STATE_LABELS.registered}”，答复类型“${OUTCOME_LABELS[outcome]}”须先分派承办单位检索办理；未分派即可直接答复的只有：${OFFICE_REPLY_OUTCOMES.map((o) => OUTCOME_LABELS[o]).join('、')}`,
          { state: 'registered', eventType: 'reply_drafted', outcome });
      }
      const legalBasis = text(event.legalBasis, 'legalBasis', '法律依据（如《政府信息公开条例》第三十六条第（二）项）');
      const reasons = NO_REASON_OUTCOMES.includes(outcome)
        ? (optionalText(event.reasons, 'reasons', '理由') ?? '')
        : text(event.reasons, 'reasons', `理由：答复类型“${OUTCOME_LABELS[outcome]}”须说明理由或告知获取途径（条例第三十六条、第三十七条）`);
      // A recording rule ('record' mode): replies stored before the Art.35 steps existed, and imported ledgers
      // (which do not record the 说明理由 step), still replay.
      if (strict && outcome === 'not_processed_excessive' && v.excessive?.finding !== 'unreasonable' && v.excessive?.finding !== 'not_given') {
        fail('VALIDATION',
          v.excessive === null
            ? '“不予处理-无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条）：请先执行“要求说明理由”'
            : v.excessive.finding === null
              ? `已要求申请人于${v.excessive.replyByOn}前说明理由，请先登记收到的理由或逾期未说明，再作出不予处理答复（条例第三十五条）`
              : '申请理由经审查合理的，不能以“无正当理由大量反复申请”不予处理；无法按期答复的，请确定延迟答复期限（条例第三十五条）',
          { field: 'outcome' });
      }
      if (outcome === 'unavailable_unclear' && v.supplementCount === 0) {
        fail('VALIDATION', '“无法提供-补正后申请内容仍不明确”只适用于已告知补正的申请；申请内容不明确的，请先告知补正（条例第三十条）', { field: 'outcome' });
      }
      let otherAgency: { name: string; contact: string } | null = null;
      if (event.otherAgency !== undefined && event.otherAgency !== null) {
        otherAgency = {
          name: text(event.otherAgency.name, 'otherAgency.name', '负责公开该信息的机关名称'),
          contact: text(event.otherAgency.contact, 'otherAgency.contact', '负责公开该信息的机关联系方式（条例第三十六条第（五）项）'),
        };
      }
      let thirdParty: { name: string; opinion?: (typeof CONSULTATION_OPINIONS)[number] } | null = null;
      if (event.thirdParty !== undefined && event.thirdParty !== null) {
        thirdParty = { name: text(event.thirdParty.name, 'thirdParty.name', '第三方名称') };
        if (event.thirdParty.opinion !== undefined) {
          thirdParty.opinion = oneOf(event.thirdParty.opinion, CONSULTATION_OPINIONS, CONSULTATION_OPINION_LABELS, 'thirdParty.opinion', '第三方意见');
        }
      }
      v.draft = {
        draftedOn: on, outcome, reasons, legalBasis,
        body: optionalText(event.body, 'body', '答复正文'),
        thirdParty, otherAgency,
      };
      v.approvedOn = null;
      v.clearedOn = null;
      note = `答复类型：${OUTCOME_LABELS[outcome]}`;
      break;
    }
    case 'reply_approved': {
      v.approvedOn = on;
      note = optionalText(event.comment, 'comment', '审核意见') ?? '';
      break;
    }
    case 'reply_returned':
    case 'secrecy_review_rejected': {
      const comment = text(event.comment, 'comment', event.type === 'reply_returned' ? '退回意见' : '保密审查意见');
      v.returns.push({ on, stage: event.type === 'reply_returned' ? 'review' : 'secrecy', comment });
      v.approvedOn = null;
      v.clearedOn = null;
      next = backToHandling();
      note = comment;
      break;
    }
    case 'secrecy_review_passed': {
      v.clearedOn = on;
      note = '保密审查通过（条例第十七条），可以发出';
      break;
    }
    case 'replied': {
      const draft = v.draft as NonNullable<RequestView['draft']>;
      v.repliedOn = on;
      v.documentNo = optionalText(event.documentNo, 'documentNo', '文号');
      v.outcome = draft.outcome;
      const d = v.deadline;
      let timeliness: Timeliness;
      if (d !== null && d.baseDueOn !== null && on <= d.baseDueOn) timeliness = 'on_time';
      else if ((v.extended || v.excessive?.delayedDueOn != null) && d !== null && d.dueOn !== null && on <= d.dueOn) timeliness = 'extended';
      else timeliness = 'late';
      v.timeliness = timeliness;
      v.closedOnTime = timeliness === 'on_time';
      note = `答复类型：${OUTCOME_LABELS[draft.outcome]}；${TIMELINESS_LABELS[timeliness]}`;
      break;
    }
    case 'delivered': {
      const method = oneOf(event.method, DELIVERY_METHODS, DELIVERY_METHOD_LABELS, 'method', '送达方式');
      const trackingNo = optionalText(event.trackingNo, 'trackingNo', '邮件单号');
      if (method === 'post' && trackingNo === null) fail('VALIDATION', '邮寄送达须填写挂号信或快递单号', { field: 'trackingNo' });
      v.deliveredOn = on;
      v.delivery = { method, trackingNo };
      note = `${DELIVERY_METHOD_LABELS[method]}${trackingNo !== null ? `，单号${trackingNo}` : ''}`;
      break;
    }
    case 'withdrawn': {
      const reason = text(event.reason, 'reason', '撤回理由');
      v.withdrawal = { on, reason };
      // The request ends on the withdrawal, not when it is later archived: it leaves 结转 that day, counted as
      // 其他处理-其他 (gov-2021 row 三（六）3) unless it already had an outcome.
      if (v.outcome === null) v.outcome = 'other';
      v.closedOn = on;
      note = reason;
      break;
    }
    case 'closed': {
      // A withdrawn request ended on its withdrawal (closedOn set then); archiving does not move that date.
      if (v.withdrawal === null) v.closedOn = on;
      else if (v.outcome === null) v.outcome = 'other';
      note = v.withdrawal !== null ? '申请人撤回，办结归档' : '办结归档';
      break;
    }
  }

  v.state = next;
  v.lastEventOn = on;
  v.eventCount += 1;
  if (!FINISHED_STATES.includes(next)) {
    const input = clockInputOf(v);
    v.deadline = input === null ? null : withDelayedReply(computeDeadline(input, cal, settings), v.excessive?.delayedDueOn ?? null);
  }
  v.history.push({
    on,
    type: event.type,
    label: EVENT_LABELS[event.type],
    note,
    dueOnAfter: v.deadline?.dueOn ?? null,
    clockChanged: !sameDeadline(before, v.deadline),
  });
  return v;
}

/**
 * Folds a request's stored events into its view (applyEvent over the empty view). Events are judged in
 * `ctx.mode` ('replay' by default: stored events are not re-judged on their dates). A refusal carries
 * `details.eventIndex`, the position of the offending event. Legal basis: see `applyEvent`.
 */
export function replayEvents(events: readonly RequestEvent[], ctx: LifecycleContext): RequestView {
  if (events.length === 0) fail('VALIDATION', '没有任何办理记录');
  const replayCtx: LifecycleContext = { ...ctx, mode: ctx.mode ?? 'replay' };
  let view: RequestView | null = null;
  for (let i = 0; i < events.length; i++) {
    try {
      view = applyEvent(view, events[i], replayCtx);
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.code, `第${i + 1}条办理记录：${e.message}`, { ...e.details, eventIndex: i });
      throw e;
    }
  }
  return view as RequestView;
}

/**
 * The events a user may record next, in procedure order (for the UI to show only possible actions): the
 * transition table for the current state, minus actions that are structurally impossible (a second extension,
 * Art.33; approving with nothing pending; a second fee notice). Date guards are left to `applyEvent`.
 */
export function allowedEvents(view: RequestView | null): EventType[] {
  const table = view === null ? INITIAL_TRANSITIONS : TRANSITIONS[view.state];
  return EVENT_TYPES.filter((t) => {
    if (table[t] === undefined) return false;
    if (view === null) return true;
    switch (t) {
      case 'extension_requested': return !view.extended && view.extension.requested === null;
      case 'extension_approved':
      case 'extension_rejected': return !view.extended && view.extension.requested !== null;
      case 'fee_notice_issued': return view.fee === null;
      case 'consultation_ended':
      case 'consultation_prolonged': return view.consultations.some((c) => c.endedOn === null);
      case 'consultation_delivered': return view.consultations.some((c) => c.endedOn === null && c.letterReceivedOn === null);
      case 'supplement_delivered': return view.supplement !== null && view.supplement.noticeReceivedOn === null;
      case 'supplement_requested': return view.supplementCount === 0 || view.supplement?.receivedOn !== null;
      case 'reasons_requested': return view.excessive === null && view.regime === '2019';
      case 'reasons_received':
      case 'reasons_expired': return view.excessive !== null && view.excessive.finding === null;
      case 'delay_set': return view.excessive?.finding === 'reasonable' && view.excessive.delayedDueOn === null;
      default: return true;
    }
  });
}

export const PHASES = ['intake', 'handling', 'review', 'delivery', 'done'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = { intake: '受理', handling: '办理', review: '审核', delivery: '送达', done: '办结' };

const PHASE_OF: Record<RequestState, Phase> = {
  submitted: 'intake', registered: 'intake', awaiting_supplement: 'intake',
  in_progress: 'handling', consulting: 'handling', awaiting_fee: 'handling',
  reply_drafted: 'review', reply_approved: 'review', reply_cleared: 'review',
  replied: 'delivery', delivered: 'done', closed: 'done', withdrawn: 'done',
};

export interface RequestStatus {
  state: RequestState;
  label: string;
  color: string;
  phase: Phase;
  phaseLabel: string;
  /** Deadline status on `today` while no reply has been sent; null otherwise or when no clock runs. */
  due: DeadlineStatus | null;
  /** Chinese remarks for the handler: pending 补正 / consultation / fee periods, provisional deadline. */
  notes: string[];
}

/**
 * The status of a request on `today` (STYLE.md: `statusOn(request, today)`, overdue derived at read time): state
 * label and colour, phase, the reply deadline status (条例 Art.33) and remarks on the periods the office waits on
 * (补正 Art.30, consultation Arts.32/34, fee payment 国办函〔2020〕109号).
 */
export function statusOn(view: RequestView, today: IsoDate, ctx: LifecycleContext): RequestStatus {
  const settings = ctx.settings ?? DEFAULT_DEADLINE_SETTINGS;
  const open = OPEN_STATES.includes(view.state);
  const due = open && view.deadline !== null ? deadlineStatus(view.deadline, today, ctx.calendar, settings) : null;
  const notes: string[] = [];
  if (view.state === 'awaiting_supplement' && view.supplement !== null) {
    const s = view.supplement;
    if (s.expiresAfter === null) notes.push(`补正期限自申请人收到告知书次日起计算（告知书载明${s.dueOn}前），请登记告知书送达日期`);
    else notes.push(today > s.expiresAfter ? `补正期限已于${s.expiresAfter}届满，可登记逾期未补正` : `补正期限至${s.expiresAfter}`);
  }
  if (view.state === 'consulting') {
    for (const c of view.consultations) {
      if (c.endedOn !== null) continue;
      if (c.letterReceivedOn === null && c.responseDueOn === null && c.pauseLimitOn !== null) notes.push(`正在征求${c.name}的意见，请登记对方收到征求意见书的日期；暂按发出之日计算，至${c.pauseLimitOn}止不计入答复期限`);
      else if (c.pauseLimitOn === null) notes.push(`正在征求${c.name}的意见`);
      else if (today > c.pauseLimitOn) notes.push(`${c.name}的意见期限已于${c.pauseLimitOn}届满，此后的时间计入答复期限，请登记结束征求意见（或写明理由延长）`);
      else notes.push(`${c.name}应于${c.pauseLimitOn}前（含当日）提出意见`);
    }
  }
  if (view.state === 'awaiting_fee' && view.fee !== null) {
    const f = view.fee;
    if (f.paymentDueOn === null) notes.push('缴费期限自申请人收到收费通知次日起20个工作日，请登记收费通知送达日期');
    else notes.push(today > f.paymentDueOn ? `缴费期限已于${f.paymentDueOn}届满，可登记逾期未缴费` : `缴费期限至${f.paymentDueOn}${f.paymentDuePresumed ? '（按推定送达日计算）' : ''}`);
  }
  if (open && view.excessive !== null) {
    const x = view.excessive;
    if (x.finding === null) notes.push(today > x.replyByOn ? `说明理由的期限已于${x.replyByOn}届满，可登记逾期未说明理由` : `已要求申请人于${x.replyByOn}前说明理由`);
    else if (x.delayedDueOn !== null) notes.push(`已确定延迟答复期限至${x.delayedDueOn}（条例第三十五条）`);
  }
  if (open && view.extension.requested !== null) notes.push(`延期申请（${view.extension.requested.days}个工作日）待审批`);
  if (due !== null && view.deadline?.provisional === true) notes.push('答复期限跨越尚未公布放假安排的年度，暂按周末推算，仅供参考');
  const phase = PHASE_OF[view.state];
  return { state: view.state, label: STATE_LABELS[view.state], color: STATE_COLORS[view.state], phase, phaseLabel: PHASE_LABELS[phase], due, notes };
}
