import { DomainError } from '../errors.js';
import type { IsoDate } from '../types.js';
import type { RequestEvent } from '../requests/events.js';
import type { RequestView } from '../requests/request-view.js';
import { isProvisionalPeriod } from './provisional.js';
import type { Calendar } from './working-days.js';

interface ReliedPeriod { what: string; from: IsoDate; to: IsoDate }

/** Whether `event` declares a working-day period run out (so that {@link assertExpiryPeriodFinal} has work to do). */
export function isExpiryEvent(event: RequestEvent): boolean {
  return event.type === 'supplement_expired' || event.type === 'fee_expired' || event.type === 'reasons_expired'
    || (event.type === 'consultation_ended' && event.opinion === 'none');
}

/**
 * The working-day period an expiry event relies on, or null when the event is not an expiry: 补正期限 (条例第三十条,
 * `supplement_expired`), 缴费期限 (国办函〔2020〕109号, 20 working days, `fee_expired`), 说明理由期限 (条例第三十五条,
 * `reasons_expired`), and the 15 working days a
 * consulted party has to answer (条例第三十二条、第三十四条), relied on when a consultation is closed without an opinion.
 */
function reliedPeriod(view: RequestView | null, event: RequestEvent): ReliedPeriod | null {
  if (!view) return null;
  switch (event.type) {
    case 'supplement_expired':
      return view.supplement ? { what: '补正期限', from: view.supplement.requestedOn, to: view.supplement.dueOn } : null;
    case 'fee_expired':
      // Without a recorded or presumed receipt there is no period yet; the lifecycle refuses the event itself.
      return view.fee?.noticeReceivedOn && view.fee.paymentDueOn
        ? { what: '缴费期限', from: view.fee.noticeReceivedOn, to: view.fee.paymentDueOn } : null;
    case 'reasons_expired':
      // Art.35: the date by which the applicant was asked to explain its reasons.
      return view.excessive ? { what: '说明理由期限', from: view.excessive.requestedOn, to: view.excessive.replyByOn } : null;
    case 'consultation_ended': {
      if (event.opinion !== 'none') return null;
      const open = [...view.consultations].reverse().find((c) => c.endedOn === null && (!event.name || c.name === event.name));
      // The date the lifecycle relies on: 15 working days from receipt, or from sending until receipt is recorded.
      const until = open ? open.responseDueOn ?? open.pauseLimitOn : null;
      return open && until ? { what: `${open.name}提出意见的期限`, from: open.startedOn, to: until } : null;
    }
    default:
      return null;
  }
}

/**
 * Refuses an expiry event whose period runs through a year without a loaded holiday notice (issue 11 item 4): such
 * a period is counted on weekends and presumed statutory holidays only (暂定), and the notice may add days off (调休,
 * 补假) that move its end — so "逾期" cannot be established yet. Throws PERIOD_NOT_EXPIRED with a Chinese message
 * saying what to load and where; returns quietly for every other event.
 */
export function assertExpiryPeriodFinal(view: RequestView | null, event: RequestEvent, cal: Calendar): void {
  const p = reliedPeriod(view, event);
  if (!p || !isProvisionalPeriod(p.from, p.to, cal)) return;
  const years: number[] = [];
  for (let y = Number(p.from.slice(0, 4)); y <= Number(p.to.slice(0, 4)); y++) if (!cal.coveredYears.has(y)) years.push(y);
  const y = years.join('、');
  throw new DomainError('PERIOD_NOT_EXPIRED',
    `${p.what}（至${p.to}）跨入${y}年，而${y}年节假日安排尚未载入，该期限为暂定，暂不能登记逾期。`
    + `请系统管理员在“系统管理 → 节假日日历”中录入国务院办公厅发布的${y}年节假日安排后再登记。`,
    { provisional: true, from: p.from, dueOn: p.to, missingYears: years });
}
