import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { TEST_CALENDAR } from '../deadlines/testing-calendar.js';
import { DEFAULT_DEADLINE_SETTINGS } from '../deadlines/rules.js';
import { allowedEvents, applyEvent, replayEvents, statusOn } from './apply-event.js';
import { EVENT_LABELS, EVENT_TYPES, type EventType, type RequestEvent } from './events.js';
import { REQUEST_STATES, STATE_LABELS, type RequestState } from './states.js';
import { TRANSITIONS } from './transitions.js';
import { clockInputOf, type LifecycleContext, type RequestView } from './request-view.js';

const ctx: LifecycleContext = { calendar: TEST_CALENDAR };

/** Applies events one by one in 'record' mode (every guard on), as a user recording them would. */
function record(events: RequestEvent[], c: LifecycleContext = ctx): RequestView {
  let v: RequestView | null = null;
  for (const e of events) v = applyEvent(v, e, c);
  return v as RequestView;
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const REG: RequestEvent = { type: 'registered', on: '2024-09-27', receivedOn: '2024-09-27', channel: 'letter', evidence: '签收单 XH-0927-01' };
const ASSIGNED: RequestEvent = { type: 'assigned', on: '2024-09-30', lead: '11', assisting: ['12'] };
const DRAFT: RequestEvent = { type: 'reply_drafted', on: '2024-10-10', outcome: 'disclosed', reasons: '', legalBasis: '《政府信息公开条例》第三十六条第（二）项' };

/** One event path per state, on real 2024 dates (due 2024-10-30 from a 2024-09-27 receipt). */
const PATHS: Record<RequestState, RequestEvent[]> = {
  submitted: [{ type: 'submitted', on: '2024-09-26', channel: 'online' }],
  registered: [REG],
  awaiting_supplement: [REG, { type: 'supplement_requested', on: '2024-10-08', items: '请写明所需文件的名称或文号', periodDays: 10 }],
  in_progress: [REG, ASSIGNED],
  consulting: [REG, ASSIGNED, { type: 'consultation_started', on: '2024-10-09', party: 'third_party', name: '某某建设有限公司' }],
  awaiting_fee: [REG, ASSIGNED, { type: 'fee_notice_issued', on: '2024-10-09', amountYuan: 200, basis: 'per_request' }],
  reply_drafted: [REG, ASSIGNED, DRAFT],
  reply_approved: [REG, ASSIGNED, DRAFT, { type: 'reply_approved', on: '2024-10-11' }],
  reply_cleared: [REG, ASSIGNED, DRAFT, { type: 'reply_approved', on: '2024-10-11' }, { type: 'secrecy_review_passed', on: '2024-10-12' }],
  replied: [REG, ASSIGNED, DRAFT, { type: 'reply_approved', on: '2024-10-11' }, { type: 'secrecy_review_passed', on: '2024-10-12' }, { type: 'replied', on: '2024-10-14', documentNo: '某公开〔2024〕12号' }],
  delivered: [REG, ASSIGNED, DRAFT, { type: 'reply_approved', on: '2024-10-11' }, { type: 'secrecy_review_passed', on: '2024-10-12' }, { type: 'replied', on: '2024-10-14' }, { type: 'delivered', on: '2024-10-15', method: 'email' }],
  closed: [REG, ASSIGNED, DRAFT, { type: 'reply_approved', on: '2024-10-11' }, { type: 'secrecy_review_passed', on: '2024-10-12' }, { type: 'replied', on: '2024-10-14' }, { type: 'delivered', on: '2024-10-15', method: 'email' }, { type: 'closed', on: '2024-10-16' }],
  withdrawn: [REG, { type: 'withdrawn', on: '2024-09-30', reason: '申请人书面撤回' }],
};

/** A well-formed event of each type dated after every path above, so only the transition table can refuse it. */
const SAMPLE: Record<EventType, RequestEvent> = {
  submitted: { type: 'submitted', on: '2024-10-20', channel: 'online' },
  registered: { type: 'registered', on: '2024-10-20', receivedOn: '2024-10-20', channel: 'online' },
  supplement_requested: { type: 'supplement_requested', on: '2024-10-20', items: '补充身份证明', periodDays: 5 },
  supplement_received: { type: 'supplement_received', on: '2024-10-20' },
  supplement_expired: { type: 'supplement_expired', on: '2024-10-20' },
  assigned: { type: 'assigned', on: '2024-10-20', lead: '11', assisting: [] },
  consultation_started: { type: 'consultation_started', on: '2024-10-20', party: 'other_agency', name: '市财政局' },
  consultation_delivered: { type: 'consultation_delivered', on: '2024-10-20' },
  consultation_prolonged: { type: 'consultation_prolonged', on: '2024-10-20', until: '2024-12-31', reason: '第三方申请延期答复' },
  consultation_ended: { type: 'consultation_ended', on: '2024-10-20', opinion: 'agree' },
  supplement_delivered: { type: 'supplement_delivered', on: '2024-10-20' },
  reasons_requested: { type: 'reasons_requested', on: '2024-10-20', details: '本月提出申请35件', periodDays: 10 },
  reasons_received: { type: 'reasons_received', on: '2024-10-20', finding: 'reasonable' },
  reasons_expired: { type: 'reasons_expired', on: '2024-10-20' },
  delay_set: { type: 'delay_set', on: '2024-10-20', newDueOn: '2024-12-31', reason: '需逐件检索' },
  extension_requested: { type: 'extension_requested', on: '2024-10-20', days: 10, reason: '涉及多个单位' },
  extension_approved: { type: 'extension_approved', on: '2024-10-20', days: 10 },
  extension_rejected: { type: 'extension_rejected', on: '2024-10-20' },
  fee_notice_issued: { type: 'fee_notice_issued', on: '2024-10-20', amountYuan: 100, basis: 'per_request' },
  fee_notice_delivered: { type: 'fee_notice_delivered', on: '2024-10-20' },
  fee_paid: { type: 'fee_paid', on: '2024-10-20' },
  fee_expired: { type: 'fee_expired', on: '2024-10-20' },
  fee_waived: { type: 'fee_waived', on: '2024-10-20' },
  reply_drafted: { type: 'reply_drafted', on: '2024-10-20', outcome: 'disclosed', reasons: '', legalBasis: '第三十六条第（二）项' },
  reply_approved: { type: 'reply_approved', on: '2024-10-20' },
  reply_returned: { type: 'reply_returned', on: '2024-10-20', comment: '理由不充分' },
  secrecy_review_passed: { type: 'secrecy_review_passed', on: '2024-10-20' },
  secrecy_review_rejected: { type: 'secrecy_review_rejected', on: '2024-10-20', comment: '附件含内部信息' },
  replied: { type: 'replied', on: '2024-10-20' },
  delivered: { type: 'delivered', on: '2024-10-20', method: 'online' },
  withdrawn: { type: 'withdrawn', on: '2024-10-20', reason: '撤回' },
  closed: { type: 'closed', on: '2024-10-20' },
};

describe('a full request from registration to closing, due date asserted at every step', () => {
  // Letter signed for on Friday 2024-09-27 (国庆 2024 ahead): 20 working days → 2024-10-30.
  const steps: [RequestEvent, RequestState, string | null][] = [
    [REG, 'registered', '2024-10-30'],
    // 补正 on the 3rd working day (09-29, 09-30, 10-08); applicant gets 10 working days → 2024-10-21. Clock off.
    [{ type: 'supplement_requested', on: '2024-10-08', items: '请写明所需文件的名称或文号', periodDays: 10 }, 'awaiting_supplement', null],
    // Supplement arrives 2024-10-15: the full 20 days restart (Art.30) → 2024-11-12.
    [{ type: 'supplement_received', on: '2024-10-15' }, 'registered', '2024-11-12'],
    [{ type: 'assigned', on: '2024-10-16', lead: '11', assisting: ['12'] }, 'in_progress', '2024-11-12'],
    // Third party consulted 10-21: until its opinion the due date assumes the longest pause the law allows, to the
    // end of its 15 working days (11-11; receipt not recorded, so counted from sending) → 11-12 + 15 = 12-03.
    [{ type: 'consultation_started', on: '2024-10-21', party: 'third_party', name: '某某建设有限公司' }, 'consulting', '2024-12-03'],
    // Opinion on 10-31: 8 working days (10-22..25, 10-28..31) not counted.
    [{ type: 'consultation_ended', on: '2024-10-31', opinion: 'object' }, 'in_progress', '2024-11-22'],
    [{ type: 'extension_requested', on: '2024-11-15', days: 20, reason: '需会同两个承办单位核查大量档案' }, 'in_progress', '2024-11-22'],
    // Approved on 11-18 (before the 11-22 due date): +20 working days → 2024-12-20.
    [{ type: 'extension_approved', on: '2024-11-18', days: 20 }, 'in_progress', '2024-12-20'],
    [{ type: 'reply_drafted', on: '2024-12-02', outcome: 'partly_disclosed', reasons: '部分内容涉及第三方商业秘密，第三方不同意公开', legalBasis: '《政府信息公开条例》第十五条、第三十七条' }, 'reply_drafted', '2024-12-20'],
    [{ type: 'reply_approved', on: '2024-12-03' }, 'reply_approved', '2024-12-20'],
    [{ type: 'secrecy_review_passed', on: '2024-12-04' }, 'reply_cleared', '2024-12-20'],
    [{ type: 'replied', on: '2024-12-05', documentNo: '某公开〔2024〕88号' }, 'replied', '2024-12-20'],
    [{ type: 'delivered', on: '2024-12-09', method: 'post', trackingNo: 'XA123456789CN' }, 'delivered', '2024-12-20'],
    [{ type: 'closed', on: '2024-12-10' }, 'closed', '2024-12-20'],
  ];

  it('moves through every state with the right due date', () => {
    let v: RequestView | null = null;
    for (const [event, state, dueOn] of steps) {
      v = applyEvent(v, event, ctx);
      expect({ type: event.type, state: v.state, dueOn: v.deadline?.dueOn ?? null }).toEqual({ type: event.type, state, dueOn });
    }
    const view = v as RequestView;
    expect(view).toMatchObject({
      regime: '2019', channel: 'letter', receivedOn: '2024-09-27', clockStartOn: '2024-10-15',
      departments: { lead: '11', assisting: ['12'] },
      extended: true, extension: { approvedDays: 20, approvedOn: '2024-11-18', requested: null },
      supplement: { requestedOn: '2024-10-08', dueOn: '2024-10-21', receivedOn: '2024-10-15', receivedLate: false },
      supplementCount: 1,
      outcome: 'partly_disclosed', repliedOn: '2024-12-05', documentNo: '某公开〔2024〕88号',
      deliveredOn: '2024-12-09', delivery: { method: 'post', trackingNo: 'XA123456789CN' }, closedOn: '2024-12-10',
      // Replied after the base due date 2024-11-22, within the extension: 延期办结.
      closedOnTime: false, timeliness: 'extended', eventCount: 14,
    });
    expect(view.deadline).toMatchObject({ baseDueOn: '2024-11-22', dueOn: '2024-12-20', pausedWorkingDays: 8, extensionDays: 20 });
    expect(view.consultations).toEqual([
      // Receipt of the letter not recorded: no response date of the party's own, the pause limited from the sending.
      { party: 'third_party', name: '某某建设有限公司', startedOn: '2024-10-21', letterReceivedOn: null, responseDueOn: null, pauseLimitOn: '2024-11-11', prolongedUntil: null, prolongReason: null, endedOn: '2024-10-31', opinion: 'object' },
    ]);
    // The history of every clock change.
    expect(view.history.filter((h) => h.clockChanged).map((h) => [h.on, h.type, h.dueOnAfter])).toEqual([
      ['2024-09-27', 'registered', '2024-10-30'],
      ['2024-10-08', 'supplement_requested', null],
      ['2024-10-15', 'supplement_received', '2024-11-12'],
      ['2024-10-21', 'consultation_started', '2024-12-03'],
      ['2024-10-31', 'consultation_ended', '2024-11-22'],
      ['2024-11-18', 'extension_approved', '2024-12-20'],
    ]);
    expect(view.history[0]).toMatchObject({ label: '登记收到申请', note: '收到申请日期2024-09-27（信函）' });
    expect(view.history[7].note).toBe('经政府信息公开工作机构负责人同意，延期20个工作日');
  });

  it('replayEvents gives the same view as recording the events one by one', () => {
    const events = steps.map(([e]) => e);
    expect(replayEvents(events, ctx)).toEqual(record(events));
  });

  it('never modifies the view it is given', () => {
    const v = record([REG, ASSIGNED]);
    const snapshot = structuredClone(v);
    applyEvent(v, { type: 'consultation_started', on: '2024-10-09', party: 'third_party', name: '甲公司' }, ctx);
    applyEvent(v, { type: 'assigned', on: '2024-10-09', lead: '13', assisting: ['14'] }, ctx);
    expect(v).toEqual(snapshot);
  });
});

describe('every transition the table does not list is refused with a Chinese message', () => {
  const cases: [RequestState, EventType][] = [];
  for (const state of REQUEST_STATES) {
    for (const type of EVENT_TYPES) if (TRANSITIONS[state][type] === undefined) cases.push([state, type]);
  }

  it('covers many combinations', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases)('%s × %s', (state, type) => {
    const view = record(PATHS[state]);
    expect(view.state).toBe(state);
    const err = refusal(() => applyEvent(view, SAMPLE[type], ctx));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.message.startsWith(`当前状态为“${STATE_LABELS[state]}”，不能执行“${EVENT_LABELS[type]}”`)).toBe(true);
    expect(err.details).toMatchObject({ state, eventType: type });
  });

  it('uses the exact wording of the brief', () => {
    const err = refusal(() => applyEvent(record(PATHS.awaiting_supplement), SAMPLE.reply_drafted, ctx));
    expect(err.message).toBe('当前状态为“待补正”，不能执行“起草答复”。请等待申请人补正，或在补正期满后登记逾期未补正');
  });

  it('refuses anything but submitted/registered as a first event', () => {
    const err = refusal(() => applyEvent(null, SAMPLE.assigned, ctx));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.message).toBe('尚无申请记录，不能执行“分派承办单位”。请先登记收到申请或网上提交');
  });

  it('lists the possible actions when no hint applies', () => {
    const err = refusal(() => applyEvent(record(PATHS.delivered), SAMPLE.withdrawn, ctx));
    expect(err.message).toBe('当前状态为“已送达”，不能执行“撤回申请”。当前可执行：办结归档');
  });

  it('every listed transition is accepted from its state (with a sample event)', () => {
    const accepted: string[] = [];
    for (const state of REQUEST_STATES) {
      for (const [type, target] of Object.entries(TRANSITIONS[state]) as [EventType, RequestState][]) {
        const base = record(PATHS[state]);
        // Events that need a precondition set up first.
        let v = base;
        // Only the table is under test here, so the date guards are off (replay mode).
        const loose: LifecycleContext = { ...ctx, mode: 'replay' };
        if (type === 'extension_approved' || type === 'extension_rejected') v = applyEvent(v, SAMPLE.extension_requested, loose);
        if (type === 'reasons_received' || type === 'reasons_expired' || type === 'delay_set') v = applyEvent(v, SAMPLE.reasons_requested, loose);
        if (type === 'delay_set') v = applyEvent(v, SAMPLE.reasons_received, loose);
        let event: RequestEvent = SAMPLE[type];
        if (type === 'supplement_expired') event = { ...event, on: '2024-10-22' }; // after the 10-21 补正 period
        if (type === 'fee_expired') event = { ...event, on: '2024-11-06' }; // after the 11-05 payment deadline
        if (type === 'reply_drafted' && state === 'registered') event = { type: 'reply_drafted', on: '2024-10-20', outcome: 'not_processed_duplicate', reasons: '已于2024年9月答复', legalBasis: '第三十六条第（六）项' };
        if (type === 'registered') event = { type: 'registered', on: '2024-10-20', receivedOn: '2024-09-27', channel: 'online' };
        const next = applyEvent(v, event, loose);
        // The paths assign departments and open one consultation, so the ↺ targets equal the table's.
        expect(next.state, `${state} × ${type}`).toBe(target);
        accepted.push(`${state}:${type}`);
      }
    }
    expect(accepted.length).toBeGreaterThan(50);
  });
});

describe('guards', () => {
  it('补正 after the 7th working day is refused with the last allowed date (Art.30)', () => {
    const v = record([REG]);
    // 7th working day after 2024-09-27: 09-29, 09-30, 10-08, 10-09, 10-10, 10-11, 10-12 (调休 Saturday).
    const ok = applyEvent(v, { type: 'supplement_requested', on: '2024-10-12', items: '补充身份证明', periodDays: 5 }, ctx);
    expect(ok.state).toBe('awaiting_supplement');
    const err = refusal(() => applyEvent(v, { type: 'supplement_requested', on: '2024-10-14', items: '补充身份证明', periodDays: 5 }, ctx));
    expect(err.code).toBe('SUPPLEMENT_TOO_LATE');
    expect(err.message).toContain('最迟应于2024-10-12发出');
    expect(err.details).toMatchObject({ lastAllowedOn: '2024-10-12' });
  });

  it('the 2008 条例 set no 7-day limit on 补正', () => {
    const v = record([{ type: 'registered', on: '2019-03-01', receivedOn: '2019-03-01', channel: 'in_person' }]);
    expect(v.regime).toBe('2008');
    const s = applyEvent(v, { type: 'supplement_requested', on: '2019-03-25', items: '明确信息名称', periodDays: 10 }, ctx);
    expect(s.state).toBe('awaiting_supplement');
  });

  it('a second 补正 needs a recorded reason and stays within the ORIGINAL 7 working days (Art.30 一次性告知; issue 11 item 10)', () => {
    // Received 2024-09-27 → the 7th working day is 2024-10-12 (调休 Saturday). First 补正 10-08, supplement 10-10.
    const v = record([REG, { type: 'supplement_requested', on: '2024-10-08', items: '请写明所需文件的名称或文号', periodDays: 10 }, { type: 'supplement_received', on: '2024-10-10' }]);
    expect(allowedEvents(v)).toContain('supplement_requested');
    // Old wrong result: a second 补正 was accepted on 10-24, its window measured from the supplement (10-10).
    const late = refusal(() => applyEvent(v, { type: 'supplement_requested', on: '2024-10-24', items: '仍需明确年份', periodDays: 5, justification: '补正材料中年份前后矛盾' }, ctx));
    expect(late.code).toBe('SUPPLEMENT_TOO_LATE');
    expect(late.message).toBe('再次告知补正也须在收到申请之日（2024-09-27）起7个工作日内（2024-10-12前，含当日）发出（条例第三十条），现已超过。补正后申请内容仍不明确的，请答复“无法提供-补正后申请内容仍不明确”（条例第三十条、第三十六条）');
    // Within the original window but without a reason: refused, the field named.
    const bare = refusal(() => applyEvent(v, { type: 'supplement_requested', on: '2024-10-11', items: '仍需明确年份', periodDays: 5 }, ctx));
    expect(bare.details).toMatchObject({ field: 'justification' });
    expect(bare.message).toContain('条例第三十条要求一次性告知补正，本申请已于2024-10-08告知补正');
    const second = applyEvent(v, { type: 'supplement_requested', on: '2024-10-11', items: '仍需明确年份', periodDays: 5, justification: '补正材料中年份前后矛盾' }, ctx);
    expect(second).toMatchObject({ supplementCount: 2, supplement: { justification: '补正材料中年份前后矛盾', requestedOn: '2024-10-11' } });
    // An office that allows one 补正 only (setting) refuses the second outright.
    const once: LifecycleContext = { calendar: TEST_CALENDAR, settings: { ...DEFAULT_DEADLINE_SETTINGS, repeatSupplement: 'never' } };
    expect(refusal(() => applyEvent(v, { type: 'supplement_requested', on: '2024-10-11', items: '仍需明确年份', periodDays: 5, justification: '补正材料中年份前后矛盾' }, once)).message)
      .toBe('本机关规定每件申请只告知补正一次（条例第三十条“一次性告知”），本申请已于2024-10-08告知补正。补正后申请内容仍不明确的，请答复“无法提供-补正后申请内容仍不明确”（条例第三十条、第三十六条）');
  });

  it('only one extension per request (Art.33)', () => {
    const v = record([...PATHS.in_progress, { type: 'extension_requested', on: '2024-10-21', days: 15, reason: '档案量大' }, { type: 'extension_approved', on: '2024-10-22', days: 15 }]);
    expect(v.deadline?.dueOn).toBe('2024-11-20');
    const err = refusal(() => applyEvent(v, { type: 'extension_requested', on: '2024-10-23', days: 5, reason: '再延' }, ctx));
    expect(err.code).toBe('DEADLINE_ALREADY_EXTENDED');
    expect(err.message).toBe('本申请已于2024-10-22延期15个工作日，答复期限只能延长一次（条例第三十三条）');
    expect(allowedEvents(v)).not.toContain('extension_requested');
  });

  it('an extension longer than 20 working days is refused (15 under the 2008 条例)', () => {
    const err = refusal(() => applyEvent(record(PATHS.in_progress), { type: 'extension_requested', on: '2024-10-21', days: 21, reason: '档案量大' }, ctx));
    expect(err.code).toBe('EXTENSION_TOO_LONG');
    expect(err.message).toBe('延长答复期限最长不得超过20个工作日（条例第三十三条），请改为20个工作日以内');
    const old = record([{ type: 'registered', on: '2019-03-01', receivedOn: '2019-03-01', channel: 'in_person' }]);
    const err2 = refusal(() => applyEvent(old, { type: 'extension_requested', on: '2019-03-05', days: 16, reason: '档案量大' }, ctx));
    expect(err2.code).toBe('EXTENSION_TOO_LONG');
    expect(err2.message).toContain('15个工作日');
  });

  it('an extension must be approved on or before the current due date', () => {
    const v = record([...PATHS.in_progress, { type: 'extension_requested', on: '2024-10-29', days: 10, reason: '档案量大' }]);
    expect(applyEvent(v, { type: 'extension_approved', on: '2024-10-30', days: 10 }, ctx).deadline?.dueOn).toBe('2024-11-13');
    const err = refusal(() => applyEvent(v, { type: 'extension_approved', on: '2024-10-31', days: 10 }, ctx));
    expect(err.code).toBe('EXTENSION_TOO_LATE');
    expect(err.message).toContain('答复期限已于2024-10-30届满');
  });

  it('approving without a pending request, or more days than asked, is refused', () => {
    expect(refusal(() => applyEvent(record(PATHS.in_progress), SAMPLE.extension_approved, ctx)).message).toBe('没有待审批的延期申请，请先提出延期申请');
    const v = record([...PATHS.in_progress, { type: 'extension_requested', on: '2024-10-21', days: 5, reason: '档案量大' }]);
    expect(refusal(() => applyEvent(v, { type: 'extension_approved', on: '2024-10-21', days: 8 }, ctx)).code).toBe('VALIDATION');
    const rejected = applyEvent(v, { type: 'extension_rejected', on: '2024-10-22', reason: '理由不足' }, ctx);
    expect(rejected.extension).toEqual({ requested: null, approvedDays: 0, approvedOn: null, rejections: 1 });
    expect(rejected.deadline?.dueOn).toBe('2024-10-30');
  });

  it('a reply cannot be sent before approval and secrecy review, in that order', () => {
    const drafted = record(PATHS.reply_drafted);
    expect(refusal(() => applyEvent(drafted, SAMPLE.replied, ctx)).message).toBe('当前状态为“答复待审核”，不能执行“发出答复”。答复须经审核通过并通过保密审查后方可发出');
    expect(refusal(() => applyEvent(drafted, SAMPLE.secrecy_review_passed, ctx)).message).toContain('请先由审核人审核通过');
    const approved = record(PATHS.reply_approved);
    expect(refusal(() => applyEvent(approved, SAMPLE.replied, ctx)).message).toBe('当前状态为“待保密审查”，不能执行“发出答复”。答复须通过保密审查后方可发出（条例第十七条）');
  });

  it('a secrecy rejection sends the draft back to handling and clears the approval', () => {
    const v = applyEvent(record(PATHS.reply_approved), { type: 'secrecy_review_rejected', on: '2024-10-14', comment: '附件三含内部人员名单' }, ctx);
    expect(v).toMatchObject({ state: 'in_progress', approvedOn: null, clearedOn: null, returns: [{ on: '2024-10-14', stage: 'secrecy', comment: '附件三含内部人员名单' }] });
    expect(v.draft?.outcome).toBe('disclosed');
    const redrafted = applyEvent(v, { ...DRAFT, on: '2024-10-15' }, ctx);
    expect(redrafted.state).toBe('reply_drafted');
  });

  it('the office may answer 重复申请 directly from registered, but not 予以公开', () => {
    const v = record([REG]);
    const dup = applyEvent(v, { type: 'reply_drafted', on: '2024-09-30', outcome: 'not_processed_duplicate', reasons: '您于2024年8月提出的相同申请已于2024年9月2日答复', legalBasis: '《政府信息公开条例》第三十六条第（六）项' }, ctx);
    expect(dup.state).toBe('reply_drafted');
    const err = refusal(() => applyEvent(v, { ...DRAFT, on: '2024-09-30' }, ctx));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.message).toContain('答复类型“予以公开”须先分派承办单位检索办理');
    // Returned from review, it goes back to registered (no department).
    const returned = applyEvent(dup, { type: 'reply_returned', on: '2024-10-08', comment: '请附原答复文号' }, ctx);
    expect(returned.state).toBe('registered');
  });

  it('reply content is validated', () => {
    const v = record(PATHS.in_progress);
    expect(refusal(() => applyEvent(v, { ...DRAFT, legalBasis: ' ' }, ctx)).message).toContain('请填写法律依据');
    expect(refusal(() => applyEvent(v, { ...DRAFT, outcome: 'withheld_process_info', reasons: '' }, ctx)).message).toContain('须说明理由');
    expect(refusal(() => applyEvent(v, { ...DRAFT, outcome: 'nonsense' as never }, ctx)).code).toBe('VALIDATION');
    expect(refusal(() => applyEvent(v, { ...DRAFT, outcome: 'unavailable_unclear', reasons: '内容不明确' }, ctx)).message).toContain('只适用于已告知补正的申请');
    expect(refusal(() => applyEvent(v, { ...DRAFT, outcome: 'unavailable_not_held', reasons: '不属于本机关', otherAgency: { name: '市自然资源局', contact: '' } }, ctx)).message).toContain('联系方式');
    const ok = applyEvent(v, { ...DRAFT, outcome: 'unavailable_not_held', reasons: '该信息由市自然资源局制作', otherAgency: { name: '市自然资源局', contact: '010-12345678' } }, ctx);
    expect(ok.draft?.otherAgency).toEqual({ name: '市自然资源局', contact: '010-12345678' });
  });

  it('closing needs delivery first; post delivery needs a tracking number', () => {
    expect(refusal(() => applyEvent(record(PATHS.replied), SAMPLE.closed, ctx)).message).toBe('当前状态为“已答复”，不能执行“办结归档”。请先登记送达，再办结归档');
    expect(refusal(() => applyEvent(record(PATHS.replied), { type: 'delivered', on: '2024-10-18', method: 'post' }, ctx)).message).toBe('邮寄送达须填写挂号信或快递单号');
  });

  it('events must be in date order', () => {
    const err = refusal(() => applyEvent(record(PATHS.in_progress), { type: 'consultation_started', on: '2024-09-29', party: 'third_party', name: '甲' }, ctx));
    expect(err.code).toBe('DATE_OUT_OF_ORDER');
    expect(err.message).toBe('“征求意见”的日期2024-09-29早于上一办理事项的日期2024-09-30，请核对日期');
  });

  it('malformed fields are refused with the field named', () => {
    expect(refusal(() => applyEvent(null, { ...REG, receivedOn: '2024-13-01' } as RequestEvent, ctx)).message).toBe('收到申请日期“2024-13-01”不是有效日期，请按 YYYY-MM-DD 填写');
    expect(refusal(() => applyEvent(null, { ...REG, receivedOn: '2024-09-28' } as RequestEvent, ctx)).message).toBe('收到申请日期2024-09-28不能晚于登记日期2024-09-27');
    expect(refusal(() => applyEvent(null, { ...REG, channel: 'pigeon' } as never, ctx)).message).toBe('申请方式无效，应为：当面、信函、传真、网络、电子邮件、其他');
    expect(refusal(() => applyEvent(record([REG]), { type: 'supplement_requested', on: '2024-10-08', items: '', periodDays: 5 }, ctx)).details).toMatchObject({ field: 'items' });
    expect(refusal(() => applyEvent(record([REG]), { type: 'supplement_requested', on: '2024-10-08', items: '补充', periodDays: 2.5 }, ctx)).message).toBe('补正期限须为正整数（工作日）');
    expect(refusal(() => applyEvent(record(PATHS.in_progress), { type: 'assigned', on: '2024-10-08', lead: '11', assisting: ['11'] }, ctx)).message).toBe('主办单位不能同时作为协办单位');
    expect(refusal(() => applyEvent(null, { type: 'bogus', on: '2024-10-08' } as never, ctx)).message).toBe('未知的办理事项“bogus”');
  });
});

describe('online submission (Art.31(三): receipt = day both sides confirm)', () => {
  it('confirmation sets the receipt date and starts the clock', () => {
    const v = record([{ type: 'submitted', on: '2024-09-28', channel: 'online' }, { type: 'registered', on: '2024-09-30', receivedOn: '2024-09-30', channel: 'online', evidence: '网上确认记录' }]);
    expect(v).toMatchObject({ state: 'registered', submittedOn: '2024-09-28', receivedOn: '2024-09-30', channel: 'online' });
    // 20 working days after 2024-09-30: 10-08 … 10-11 (4), 10-12 调休 (5), … → 2024-11-01.
    expect(v.deadline?.dueOn).toBe('2024-11-01');
  });

  it('the confirmation cannot predate the submission nor change the channel', () => {
    const s = record([{ type: 'submitted', on: '2024-09-28', channel: 'online' }]);
    expect(s.deadline).toBeNull();
    expect(refusal(() => applyEvent(s, { type: 'registered', on: '2024-09-30', receivedOn: '2024-09-27', channel: 'online' }, ctx)).message).toContain('不能早于提交日期2024-09-28');
    expect(refusal(() => applyEvent(s, { type: 'registered', on: '2024-09-30', receivedOn: '2024-09-30', channel: 'letter' }, ctx)).message).toBe('确认网上申请时，申请方式应为“网络”');
  });
});

describe('third-party consultation pauses the clock (Art.32, Art.33 ¶2)', () => {
  it('two parties consulted at once: the clock runs again only when both answered', () => {
    let v = record(PATHS.in_progress); // due 2024-10-30
    v = applyEvent(v, { type: 'consultation_started', on: '2024-10-09', party: 'third_party', name: '甲公司' }, ctx);
    v = applyEvent(v, { type: 'consultation_started', on: '2024-10-10', party: 'other_agency', name: '市财政局' }, ctx);
    // While both are open the due date assumes each runs to its limit (10-29, 10-30): 16 working days excluded.
    expect(v.deadline).toMatchObject({ dueOn: '2024-11-21', pausedWorkingDays: 16 });
    expect(refusal(() => applyEvent(v, { type: 'consultation_ended', on: '2024-10-15' }, ctx)).message).toBe('有2项征求意见尚未结束（甲公司、市财政局），请指明结束哪一项');
    v = applyEvent(v, { type: 'consultation_ended', on: '2024-10-15', name: '甲公司', opinion: 'agree' }, ctx);
    expect(v.state).toBe('consulting');
    expect(v.deadline?.dueOn).toBe('2024-11-21');
    // 逾期未提出意见 cannot be recorded before the agency's 15 working days are over (Art.34).
    expect(refusal(() => applyEvent(v, { type: 'consultation_ended', on: '2024-10-18', name: '市财政局', opinion: 'none' }, ctx)).code).toBe('PERIOD_NOT_EXPIRED');
    v = applyEvent(v, { type: 'consultation_ended', on: '2024-10-18', name: '市财政局', opinion: 'agree' }, ctx);
    expect(v.state).toBe('in_progress');
    // Paused working days 10-10 … 10-18 (10-12 调休 included): 8 → 2024-10-30 + 8 = 2024-11-11.
    expect(v.deadline).toMatchObject({ dueOn: '2024-11-11', pausedWorkingDays: 8 });
  });

  it('statusOn flags a party that let its 15 working days pass', () => {
    // Started 2024-10-09, receipt recorded 10-14 → 15 working days (10-12 调休 counts before) → answer due 2024-11-04.
    const sent = record(PATHS.consulting);
    expect(statusOn(sent, '2024-10-10', ctx).notes).toEqual(['正在征求某某建设有限公司的意见，请登记对方收到征求意见书的日期；暂按发出之日计算，至2024-10-29止不计入答复期限']);
    const v = applyEvent(sent, { type: 'consultation_delivered', on: '2024-10-14' }, ctx);
    expect(v.consultations[0]).toMatchObject({ letterReceivedOn: '2024-10-14', responseDueOn: '2024-11-04', pauseLimitOn: '2024-11-04' });
    expect(statusOn(v, '2024-10-20', ctx).notes).toEqual(['某某建设有限公司应于2024-11-04前（含当日）提出意见']);
    const late = statusOn(v, '2024-11-05', ctx);
    expect(late.notes).toEqual(['某某建设有限公司的意见期限已于2024-11-04届满，此后的时间计入答复期限，请登记结束征求意见（或写明理由延长）']);
    // 4 of 20 working days had run (09-29, 09-30, 10-08, 10-09) before the pause; 16 remain after 11-04 → 11-26.
    expect(late.due).toMatchObject({ state: 'on_time', paused: false, dueOn: '2024-11-26' });
  });

  it('the pause ends at the limit even when staff close the consultation late (issue 11 item 2)', () => {
    const started = record(PATHS.consulting); // third party, letter sent 2024-10-09; statutory due 2024-10-30
    // Old wrong result: closing on 2024-11-29 stopped the clock for 35 working days (due 2024-12-18 or so).
    const lateNoReceipt = applyEvent(started, { type: 'consultation_ended', on: '2024-11-29', opinion: 'object' }, ctx);
    expect(lateNoReceipt.deadline).toMatchObject({ dueOn: '2024-11-20', pausedWorkingDays: 15 });
    expect(lateNoReceipt.history.at(-1)?.note).toBe('某某建设有限公司：不同意公开；征求意见期限已于2024-10-29届满，此后的时间计入答复期限');
    // With the receipt recorded (10-14) the limit is the party's own 15 working days: 2024-11-04.
    const received = applyEvent(started, { type: 'consultation_delivered', on: '2024-10-14' }, ctx);
    const silent = applyEvent(received, { type: 'consultation_ended', on: '2024-11-29', opinion: 'none' }, ctx);
    expect(silent.deadline).toMatchObject({ dueOn: '2024-11-26', pausedWorkingDays: 19 });
    expect(silent.history.at(-1)?.note).toContain('由本机关依照条例决定（条例第三十二条）');
    // An opinion before the limit ends the pause on its day.
    expect(applyEvent(received, { type: 'consultation_ended', on: '2024-10-18', opinion: 'agree' }, ctx).deadline).toMatchObject({ dueOn: '2024-11-11', pausedWorkingDays: 8 });
  });

  it('keeping a consultation open longer needs a recorded reason and a later date', () => {
    const received = applyEvent(record(PATHS.consulting), { type: 'consultation_delivered', on: '2024-10-14' }, ctx);
    expect(refusal(() => applyEvent(received, { type: 'consultation_prolonged', on: '2024-11-01', until: '2024-11-15', reason: '' }, ctx)).details).toMatchObject({ field: 'reason' });
    expect(refusal(() => applyEvent(received, { type: 'consultation_prolonged', on: '2024-11-01', until: '2024-11-04', reason: '第三方书面申请延长' }, ctx)).message).toBe('延长后的日期须晚于现有征求意见期限2024-11-04');
    const longer = applyEvent(received, { type: 'consultation_prolonged', on: '2024-11-01', until: '2024-11-15', reason: '第三方书面申请延长，需核实商业秘密范围' }, ctx);
    expect(longer.consultations[0]).toMatchObject({ pauseLimitOn: '2024-11-15', prolongReason: '第三方书面申请延长，需核实商业秘密范围' });
    expect(applyEvent(longer, { type: 'consultation_ended', on: '2024-11-15', opinion: 'object' }, ctx).deadline).toMatchObject({ dueOn: '2024-12-09' });
  });
});

describe('fee notice (国办函〔2020〕109号): pause, resume, expiry', () => {
  const base: RequestEvent[] = [
    { type: 'registered', on: '2025-03-03', receivedOn: '2025-03-03', channel: 'online' },
    { type: 'assigned', on: '2025-03-04', lead: '11', assisting: [] },
  ];

  it('pauses from the notice to the payment, then resumes', () => {
    let v = record(base);
    expect(v.deadline?.dueOn).toBe('2025-03-31');
    v = applyEvent(v, { type: 'fee_notice_issued', on: '2025-03-20', amountYuan: 1500, basis: 'per_page', noticeReceivedOn: '2025-03-21' }, ctx);
    expect(v).toMatchObject({ state: 'awaiting_fee', fee: { paymentDueOn: '2025-04-21', status: 'pending' }, deadline: { dueOn: null, remainingWorkingDays: 7 } });
    v = applyEvent(v, { type: 'fee_paid', on: '2025-04-10' }, ctx);
    expect(v).toMatchObject({ state: 'in_progress', fee: { status: 'paid', paidOn: '2025-04-10' }, deadline: { dueOn: '2025-04-21', pausedWorkingDays: 14 } });
  });

  it('does not pause when the setting is off', () => {
    const off: LifecycleContext = { calendar: TEST_CALENDAR, settings: { ...DEFAULT_DEADLINE_SETTINGS, pauseDuringFeeNotice: false } };
    const v = record([...base, { type: 'fee_notice_issued', on: '2025-03-20', amountYuan: 1500, basis: 'per_page' }], off);
    expect(v.deadline?.dueOn).toBe('2025-03-31');
    expect(v.history.at(-1)?.clockChanged).toBe(false);
  });

  it('the payment window runs from the RECEIPT of the notice; no 逾期未缴费 before the receipt is known (issue 11 item 3)', () => {
    let v = record([...base, { type: 'fee_notice_issued', on: '2025-03-20', amountYuan: 300, basis: 'per_request', deliveryMethod: 'post' }]);
    // Old wrong result: the window was counted from the issue date (due 2025-04-18) and expiry accepted on 04-21.
    expect(v.fee).toMatchObject({ paymentDueOn: null, noticeReceivedOn: null });
    const unknown = refusal(() => applyEvent(v, { type: 'fee_expired', on: '2025-04-21' }, ctx));
    expect(unknown.code).toBe('PERIOD_NOT_EXPIRED');
    expect(unknown.message).toBe('缴费期限自申请人收到收费通知次日起计算（国办函〔2020〕109号），尚未登记申请人收到通知的日期，不能登记逾期未缴费。请先登记收费通知送达');
    expect(statusOn(v, '2025-04-21', ctx).notes).toEqual(['缴费期限自申请人收到收费通知次日起20个工作日，请登记收费通知送达日期']);
    // An office that presumes postal delivery after 5 working days (setting) may close it once that window is over.
    const presumed: LifecycleContext = { calendar: TEST_CALENDAR, settings: { ...DEFAULT_DEADLINE_SETTINGS, presumedDeliveryDays: { post: 5 } } };
    const p = record([...base, { type: 'fee_notice_issued', on: '2025-03-20', amountYuan: 300, basis: 'per_request', deliveryMethod: 'post' }], presumed);
    expect(p.fee).toMatchObject({ paymentDueOn: '2025-04-25', paymentDuePresumed: true });
    expect(refusal(() => applyEvent(p, { type: 'fee_expired', on: '2025-04-25' }, presumed)).code).toBe('PERIOD_NOT_EXPIRED');
    expect(applyEvent(p, { type: 'fee_expired', on: '2025-04-28' }, presumed).outcome).toBe('other_unpaid_fee');
    v = applyEvent(v, { type: 'fee_notice_delivered', on: '2025-03-24' }, ctx);
    expect(v.fee).toMatchObject({ noticeReceivedOn: '2025-03-24', paymentDueOn: '2025-04-22' });
    const late = refusal(() => applyEvent(v, { type: 'fee_paid', on: '2025-04-23' }, ctx));
    expect(late.code).toBe('FEE_PAYMENT_TOO_LATE');
    expect(late.message).toContain('缴费期限已于2025-04-22届满');
    const early = refusal(() => applyEvent(v, { type: 'fee_expired', on: '2025-04-22' }, ctx));
    expect(early.code).toBe('PERIOD_NOT_EXPIRED');
    const expired = applyEvent(v, { type: 'fee_expired', on: '2025-04-23' }, ctx);
    expect(expired).toMatchObject({ state: 'closed', outcome: 'other_unpaid_fee', closedOn: '2025-04-23', closedOnTime: true });
  });

  it('the notice must go out within the reply period and not before the 办法 applied', () => {
    const err = refusal(() => applyEvent(record(base), { type: 'fee_notice_issued', on: '2025-04-01', amountYuan: 100, basis: 'per_request' }, ctx));
    expect(err.code).toBe('FEE_NOTICE_TOO_LATE');
    expect(err.message).toBe('收费通知须在答复期限内发出（国办函〔2020〕109号），本申请答复期限至2025-03-31，已届满');
    expect(refusal(() => applyEvent(record(PATHS.in_progress.map((e) => ({ ...e, on: '2020-06-01', ...(e.type === 'registered' ? { receivedOn: '2020-06-01' } : {}) })) as RequestEvent[]), { type: 'fee_notice_issued', on: '2020-06-02', amountYuan: 100, basis: 'per_request' }, ctx)).message)
      .toBe('信息处理费自2021-01-01起方可收取（国办函〔2020〕109号）');
    expect(refusal(() => applyEvent(record(base), { type: 'fee_notice_issued', on: '2025-03-20', amountYuan: 0.001, basis: 'per_request' }, ctx)).details).toMatchObject({ field: 'amountYuan' });
  });
});

describe('closures without a reply', () => {
  it('补正 not received in time: closed as 其他处理-逾期不补正 (Art.30), not before the period ends', () => {
    const sent = record(PATHS.awaiting_supplement); // period 10 working days; the notice prints 2024-10-21
    expect(sent.supplement).toMatchObject({ dueOn: '2024-10-21', expiresAfter: null });
    expect(sent.deadline).toBeNull();
    // Old wrong result: expiry accepted on 10-22 though nobody knew when (or whether) the applicant got the notice.
    expect(refusal(() => applyEvent(sent, { type: 'supplement_expired', on: '2024-10-22' }, ctx)).message)
      .toBe('补正期限自申请人收到补正告知书之日起计算，尚未登记申请人收到告知书的日期，不能登记逾期未补正。请先登记补正告知送达（条例第三十条）');
    // Received by post on 10-10: 10 working days from the next day (10-12 调休 counts) → 2024-10-23.
    const v = applyEvent(sent, { type: 'supplement_delivered', on: '2024-10-10' }, ctx);
    expect(v.supplement?.expiresAfter).toBe('2024-10-23');
    expect(statusOn(v, '2024-10-22', ctx).notes).toEqual(['补正期限至2024-10-23']);
    const early = refusal(() => applyEvent(v, { type: 'supplement_expired', on: '2024-10-23' }, ctx));
    expect(early.code).toBe('PERIOD_NOT_EXPIRED');
    expect(early.message).toBe('补正期限至2024-10-23，尚未届满，期满后（2024-10-23之后）方可登记逾期未补正');
    const closed = applyEvent(v, { type: 'supplement_expired', on: '2024-10-24' }, ctx);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'other_no_supplement', closedOn: '2024-10-24', deadline: null });
    expect(clockInputOf(closed)).toBeNull();
  });

  it('a late supplement accepted by the office restarts the clock and is flagged', () => {
    const v = applyEvent(record(PATHS.awaiting_supplement), { type: 'supplement_received', on: '2024-10-25' }, ctx);
    expect(v).toMatchObject({ state: 'registered', clockStartOn: '2024-10-25', supplement: { receivedLate: true } });
    expect(v.deadline?.dueOn).toBe('2024-11-22');
  });

  it('a withdrawal ends the request on its day as 其他处理-其他; archiving keeps that date (issue 11 item 8)', () => {
    // Old wrong result: outcome and closing date were set only when the withdrawn request was archived.
    const w = record(PATHS.withdrawn);
    expect(w).toMatchObject({ state: 'withdrawn', outcome: 'other', closedOn: '2024-09-30', deadline: { dueOn: '2024-10-30' } });
    const v = applyEvent(w, SAMPLE.closed, ctx);
    expect(v).toMatchObject({ state: 'closed', outcome: 'other', closedOn: '2024-09-30', withdrawal: { on: '2024-09-30', reason: '申请人书面撤回' }, closedOnTime: null });
  });
});

describe('timeliness (按时办结 / 延期办结 / 逾期)', () => {
  const upTo = (repliedOn: string, extra: RequestEvent[] = []) => record([
    REG, ASSIGNED, ...extra,
    { ...DRAFT, on: '2024-10-21' }, { type: 'reply_approved', on: '2024-10-21' }, { type: 'secrecy_review_passed', on: '2024-10-21' },
    { type: 'replied', on: repliedOn },
  ]);
  it.each([
    ['2024-10-30', [], 'on_time', true],
    ['2024-10-31', [], 'late', false],
    ['2024-11-05', [{ type: 'extension_requested', on: '2024-10-15', days: 5, reason: '档案量大' }, { type: 'extension_approved', on: '2024-10-16', days: 5 }], 'extended', false],
    ['2024-11-07', [{ type: 'extension_requested', on: '2024-10-15', days: 5, reason: '档案量大' }, { type: 'extension_approved', on: '2024-10-16', days: 5 }], 'late', false],
  ] as [string, RequestEvent[], string, boolean][])('replied %s → %s', (repliedOn, extra, timeliness, onTime) => {
    expect(upTo(repliedOn, extra)).toMatchObject({ timeliness, closedOnTime: onTime, outcome: 'disclosed' });
  });
});

describe('replay mode does not re-judge stored events on their dates', () => {
  it('a 补正 recorded under an older calendar still replays after a correction', () => {
    const events: RequestEvent[] = [REG, { type: 'supplement_requested', on: '2024-10-14', items: '补充', periodDays: 5 }];
    expect(refusal(() => record(events)).code).toBe('SUPPLEMENT_TOO_LATE');
    expect(replayEvents(events, ctx).state).toBe('awaiting_supplement');
    const strict = refusal(() => replayEvents(events, { ...ctx, mode: 'record' }));
    expect(strict.message.startsWith('第2条办理记录：补正告知须')).toBe(true);
    expect(strict.details).toMatchObject({ eventIndex: 1 });
  });

  it('timelines stored before the Art.35 and one-补正 rules still replay (they apply when recording)', () => {
    const oldExcessive: RequestEvent[] = [REG, ASSIGNED, { type: 'reply_drafted', on: '2024-10-08', outcome: 'not_processed_excessive', reasons: '理由不合理', legalBasis: '第三十五条' }];
    expect(refusal(() => record(oldExcessive)).details).toMatchObject({ field: 'outcome' });
    expect(replayEvents(oldExcessive, ctx).state).toBe('reply_drafted');
    const twice: RequestEvent[] = [REG, { type: 'supplement_requested', on: '2024-10-08', items: '补充', periodDays: 5 }, { type: 'supplement_received', on: '2024-10-09' }, { type: 'supplement_requested', on: '2024-10-10', items: '再补充', periodDays: 5 }];
    expect(refusal(() => record(twice)).details).toMatchObject({ field: 'justification' });
    expect(replayEvents(twice, ctx).supplementCount).toBe(2);
  });

  it('the transition table still applies', () => {
    expect(refusal(() => replayEvents([REG, SAMPLE.replied], ctx)).code).toBe('INVALID_TRANSITION');
    expect(refusal(() => replayEvents([], ctx)).message).toBe('没有任何办理记录');
  });
});

describe('allowedEvents and statusOn', () => {
  it.each([
    ['submitted', ['registered', 'withdrawn']],
    ['registered', ['supplement_requested', 'assigned', 'reasons_requested', 'extension_requested', 'reply_drafted', 'withdrawn']],
    ['awaiting_supplement', ['supplement_delivered', 'supplement_received', 'supplement_expired', 'withdrawn']],
    ['consulting', ['consultation_started', 'consultation_delivered', 'consultation_prolonged', 'consultation_ended', 'extension_requested', 'withdrawn']],
    ['awaiting_fee', ['extension_requested', 'fee_notice_delivered', 'fee_paid', 'fee_expired', 'fee_waived', 'withdrawn']],
    ['reply_cleared', ['extension_requested', 'reply_returned', 'replied', 'withdrawn']],
    ['replied', ['delivered']],
    ['closed', []],
  ] as [RequestState, EventType[]][])('%s → %j', (state, expected) => {
    expect(allowedEvents(record(PATHS[state]))).toEqual(expected);
  });

  it('a view with nothing yet allows only the two starts', () => {
    expect(allowedEvents(null)).toEqual(['submitted', 'registered']);
  });

  it('statusOn gives label, colour, phase and the due status', () => {
    const v = record(PATHS.in_progress);
    expect(statusOn(v, '2024-10-28', ctx)).toEqual({
      state: 'in_progress', label: '办理中', color: 'processing', phase: 'handling', phaseLabel: '办理',
      due: { workingDaysLeft: 2, state: 'due_soon', paused: false, dueOn: '2024-10-30' }, notes: [],
    });
    expect(statusOn(v, '2024-11-01', ctx).due?.state).toBe('overdue');
    expect(statusOn(record(PATHS.closed), '2024-11-01', ctx)).toMatchObject({ label: '已办结', phase: 'done', due: null });
    expect(statusOn(record(PATHS.awaiting_supplement), '2024-10-23', ctx).notes).toEqual(['补正期限自申请人收到告知书次日起计算（告知书载明2024-10-21前），请登记告知书送达日期']);
    expect(statusOn(record([...PATHS.awaiting_supplement, { type: 'supplement_delivered', on: '2024-10-08' }]), '2024-10-23', ctx).notes).toEqual(['补正期限已于2024-10-21届满，可登记逾期未补正']);
  });

  it('statusOn warns when the deadline runs into a year without a holiday notice', () => {
    const v = record([{ type: 'registered', on: '2026-12-15', receivedOn: '2026-12-15', channel: 'in_person' }]);
    expect(v.deadline).toMatchObject({ dueOn: '2027-01-12', provisional: true });
    expect(statusOn(v, '2026-12-16', ctx).notes).toEqual(['答复期限跨越尚未公布放假安排的年度，暂按周末推算，仅供参考']);
  });
});

describe('Art.35 数量、频次明显超过合理范围: 说明理由 first, then 不予处理 or 延迟答复 (issue 11 item 1)', () => {
  const ASKED: RequestEvent = { type: 'reasons_requested', on: '2024-10-08', details: '申请人本月已提出同类申请35件', periodDays: 10 };
  const EXCESSIVE_DRAFT: RequestEvent = { type: 'reply_drafted', on: '2024-10-22', outcome: 'not_processed_excessive', reasons: '申请人逾期未说明理由', legalBasis: '《政府信息公开条例》第三十五条' };

  it('不予处理 straight after registration is refused until the applicant was asked for reasons', () => {
    // Old wrong result: accepted from `registered`, and the 答复书 claimed reasons had been asked for.
    const err = refusal(() => applyEvent(record([REG]), { ...EXCESSIVE_DRAFT, on: '2024-09-30' }, ctx));
    expect(err.message).toBe('“不予处理-无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条）：请先执行“要求说明理由”');
    const asked = record([REG, ASSIGNED, ASKED]);
    expect(asked.excessive).toMatchObject({ requestedOn: '2024-10-08', replyByOn: '2024-10-21', finding: null });
    expect(asked.state).toBe('in_progress');
    expect(refusal(() => applyEvent(asked, { ...EXCESSIVE_DRAFT, on: '2024-10-15' }, ctx)).message).toBe('已要求申请人于2024-10-21前说明理由，请先登记收到的理由或逾期未说明，再作出不予处理答复（条例第三十五条）');
    expect(statusOn(asked, '2024-10-15', ctx).notes).toEqual(['已要求申请人于2024-10-21前说明理由']);
  });

  it('逾期未说明理由 only after the reply-by date; then 不予处理 may be drafted', () => {
    const asked = record([REG, ASSIGNED, ASKED]);
    expect(refusal(() => applyEvent(asked, { type: 'reasons_expired', on: '2024-10-21' }, ctx)).code).toBe('PERIOD_NOT_EXPIRED');
    const lapsed = applyEvent(asked, { type: 'reasons_expired', on: '2024-10-22' }, ctx);
    expect(lapsed.excessive).toMatchObject({ finding: 'not_given', answeredOn: '2024-10-22' });
    expect(allowedEvents(lapsed)).not.toContain('delay_set');
    expect(applyEvent(lapsed, EXCESSIVE_DRAFT, ctx).draft?.outcome).toBe('not_processed_excessive');
    expect(refusal(() => applyEvent(lapsed, { type: 'delay_set', on: '2024-10-22', newDueOn: '2024-12-20', reason: '需逐件检索' }, ctx)).code).toBe('INVALID_TRANSITION');
  });

  it('unreasonable reasons → 不予处理; reasonable reasons → no 不予处理, but a 延迟答复 date that moves the due date', () => {
    const asked = record([REG, ASSIGNED, ASKED]);
    const unreasonable = applyEvent(asked, { type: 'reasons_received', on: '2024-10-15', finding: 'unreasonable', summary: '称为研究需要，但未说明与所申请信息的关联' }, ctx);
    expect(applyEvent(unreasonable, { ...EXCESSIVE_DRAFT, reasons: '所称研究需要与申请的35件信息无关联' }, ctx).draft?.outcome).toBe('not_processed_excessive');

    const reasonable = applyEvent(asked, { type: 'reasons_received', on: '2024-10-15', finding: 'reasonable', summary: '系课题研究需要，已提供立项文件' }, ctx);
    expect(refusal(() => applyEvent(reasonable, EXCESSIVE_DRAFT, ctx)).message).toBe('申请理由经审查合理的，不能以“无正当理由大量反复申请”不予处理；无法按期答复的，请确定延迟答复期限（条例第三十五条）');
    expect(refusal(() => applyEvent(reasonable, { type: 'delay_set', on: '2024-10-16', newDueOn: '2024-10-30', reason: '需逐件检索' }, ctx)).message)
      .toBe('延迟答复期限2024-10-30须晚于当前答复期限2024-10-30；能在法定期限内答复的，无需延迟答复（条例第三十五条）');
    const delayed = applyEvent(reasonable, { type: 'delay_set', on: '2024-10-16', newDueOn: '2024-12-20', reason: '所申请35件信息分散在三个承办单位的档案中，需逐件检索' }, ctx);
    // Old wrong result: the clock never moved, so a reply on 12-18 counted as 逾期.
    expect(delayed.deadline).toMatchObject({ baseDueOn: '2024-10-30', dueOn: '2024-12-20' });
    expect(statusOn(delayed, '2024-11-01', ctx)).toMatchObject({ due: { state: 'on_time', dueOn: '2024-12-20' }, notes: ['已确定延迟答复期限至2024-12-20（条例第三十五条）'] });
    const replied = record([
      REG, ASSIGNED, ASKED,
      { type: 'reasons_received', on: '2024-10-15', finding: 'reasonable' },
      { type: 'delay_set', on: '2024-10-16', newDueOn: '2024-12-20', reason: '需逐件检索' },
      { ...DRAFT, on: '2024-12-16' }, { type: 'reply_approved', on: '2024-12-16' }, { type: 'secrecy_review_passed', on: '2024-12-17' },
      { type: 'replied', on: '2024-12-18' },
    ]);
    expect(replied).toMatchObject({ timeliness: 'extended', closedOnTime: false });
    expect(refusal(() => applyEvent(delayed, { type: 'delay_set', on: '2024-10-17', newDueOn: '2024-12-27', reason: '再延' }, ctx)).code).toBe('CONFLICT');
  });

  it('the 2008 条例 had no 说明理由 step', () => {
    const old = record([{ type: 'registered', on: '2019-03-01', receivedOn: '2019-03-01', channel: 'in_person' }]);
    expect(allowedEvents(old)).not.toContain('reasons_requested');
    expect(refusal(() => applyEvent(old, { ...ASKED, on: '2019-03-05' }, ctx)).message).toBe('2008年条例（国务院令第492号）没有要求说明理由的规定，2019年5月15日前收到的申请不能要求说明理由');
  });
});
