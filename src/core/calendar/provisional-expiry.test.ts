import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { applyEvent, replayEvents } from '../requests/apply-event.js';
import type { RequestEvent } from '../requests/events.js';
import { buildCalendar } from './build-calendar.js';
import { HOLIDAY_NOTICES } from './holiday-notices.js';
import { SHIPPED_CALENDAR } from './index.js';
import { assertExpiryPeriodFinal, isExpiryEvent } from './provisional-expiry.js';
import type { Calendar } from './working-days.js';

/** The shipped calendar plus a (hypothetical) 2027 notice: 元旦 1/1–1/3, nothing else needed for January. */
const WITH_2027: Calendar = buildCalendar([...HOLIDAY_NOTICES, { year: 2027, notice: '国办发明电〔2026〕1号', title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: null, source: '测试', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }]);

const REG: RequestEvent = { type: 'registered', on: '2026-11-27', receivedOn: '2026-11-27', channel: 'letter' };
const ASSIGNED: RequestEvent = { type: 'assigned', on: '2026-11-30', lead: '1', assisting: [] };

function view(events: RequestEvent[], calendar: Calendar) {
  return replayEvents(events, { calendar });
}

function refusal(fn: () => void): DomainError {
  try { fn(); } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe('expiry events that rely on a provisional period are refused until the year’s notice is loaded', () => {
  const feeEvents: RequestEvent[] = [REG, ASSIGNED, { type: 'fee_notice_issued', on: '2026-12-03', amountYuan: 100, basis: 'per_request', noticeReceivedOn: '2026-12-04' }];

  it('逾期未缴费: the 20-working-day window from 2026-12-04 ends 2027-01-04 (暂定) → refused on 2027-01-05', () => {
    const v = view(feeEvents, SHIPPED_CALENDAR);
    expect(v.fee?.paymentDueOn).toBe('2027-01-04');
    const expired: RequestEvent = { type: 'fee_expired', on: '2027-01-05' };
    expect(isExpiryEvent(expired)).toBe(true);
    // without the guard the lifecycle accepts it (the old behaviour)
    expect(applyEvent(v, expired, { calendar: SHIPPED_CALENDAR }).fee?.status).toBe('expired');
    const e = refusal(() => assertExpiryPeriodFinal(v, expired, SHIPPED_CALENDAR));
    expect(e.code).toBe('PERIOD_NOT_EXPIRED');
    expect(e.message).toBe('缴费期限（至2027-01-04）跨入2027年，而2027年节假日安排尚未载入，该期限为暂定，暂不能登记逾期。请系统管理员在“系统管理 → 节假日日历”中录入国务院办公厅发布的2027年节假日安排后再登记。');
    expect(e.details).toMatchObject({ provisional: true, dueOn: '2027-01-04', missingYears: [2027] });
  });

  it('once the 2027 notice is loaded the same expiry is accepted (and its date follows the notice)', () => {
    const v = view(feeEvents, WITH_2027);
    expect(v.fee?.paymentDueOn).toBe('2027-01-04');
    expect(() => assertExpiryPeriodFinal(v, { type: 'fee_expired', on: '2027-01-05' }, WITH_2027)).not.toThrow();
  });

  it('逾期未补正: a 补正 period running into 2027 is refused; one inside 2026 is not', () => {
    const into2027 = view([REG, { type: 'supplement_requested', on: '2026-12-04', items: '请写明文件名称', periodDays: 20 }], SHIPPED_CALENDAR);
    expect(into2027.supplement?.dueOn).toBe('2027-01-04');
    expect(refusal(() => assertExpiryPeriodFinal(into2027, { type: 'supplement_expired', on: '2027-01-05' }, SHIPPED_CALENDAR)).message).toMatch(/^补正期限（至2027-01-04）跨入2027年/);
    const in2026 = view([REG, { type: 'supplement_requested', on: '2026-11-30', items: '请写明文件名称', periodDays: 10 }], SHIPPED_CALENDAR);
    expect(in2026.supplement?.dueOn).toBe('2026-12-14');
    expect(() => assertExpiryPeriodFinal(in2026, { type: 'supplement_expired', on: '2026-12-15' }, SHIPPED_CALENDAR)).not.toThrow();
  });

  it('征求意见逾期未答复: closing without an opinion relies on the 15 working days; closing with one does not', () => {
    const v = view([REG, ASSIGNED, { type: 'consultation_started', on: '2026-12-14', party: 'third_party', name: '某某建设有限公司' }], SHIPPED_CALENDAR);
    // No receipt recorded: the 15 working days run from the letter's sending (lifecycle's consultationPauseLimit).
    expect(v.consultations[0].responseDueOn).toBeNull();
    expect(v.consultations[0].pauseLimitOn).toBe('2027-01-05');
    const silent: RequestEvent = { type: 'consultation_ended', on: '2027-01-06', name: '某某建设有限公司', opinion: 'none' };
    expect(refusal(() => assertExpiryPeriodFinal(v, silent, SHIPPED_CALENDAR)).message).toMatch(/^某某建设有限公司提出意见的期限（至2027-01-05）跨入2027年/);
    const answered: RequestEvent = { type: 'consultation_ended', on: '2027-01-06', name: '某某建设有限公司', opinion: 'object' };
    expect(isExpiryEvent(answered)).toBe(false);
    expect(() => assertExpiryPeriodFinal(v, answered, SHIPPED_CALENDAR)).not.toThrow();
  });

  it('other events pass through untouched', () => {
    const v = view(feeEvents, SHIPPED_CALENDAR);
    expect(() => assertExpiryPeriodFinal(v, { type: 'fee_paid', on: '2027-01-04' }, SHIPPED_CALENDAR)).not.toThrow();
    expect(() => assertExpiryPeriodFinal(null, { type: 'fee_expired', on: '2027-01-05' }, SHIPPED_CALENDAR)).not.toThrow();
  });
});
