import type { IsoDate } from '../../core/types.js';
import type { RequestEvent } from '../../core/requests/index.js';
import { replayEvents } from '../../core/requests/index.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { loadClockContext, loadEvents, toCoreEvent } from './record-event.js';
import { recordRequestEvent } from './record-request-event.js';

/** The notices whose receipt starts or ends a legal period, and so are recorded as delivered (电子送达). */
export type DeliverableNotice = 'supplement' | 'fee' | 'reply';
/** How the applicant received it electronically: opened in the thread on the portal, or accepted by their mail server. */
export type ElectronicChannel = 'thread' | 'email';

/**
 * 电子送达: records the delivery of a notice that reached the applicant electronically — the first opening in the
 * applicant's thread, or the receiving mail server's acceptance of the e-mail carrying it, whichever comes first
 * (民事诉讼法 Art.90 第二款 by analogy: 以送达信息到达受送达人特定系统的日期为送达日期; 条例 Art.40 lets the agency
 * deliver in the form the applicant asked for). The second channel finds the delivery recorded and does nothing.
 * Returns true when it recorded the delivery now. Records as the system (the applicant is not a staff actor).
 */
export async function recordElectronicDelivery(ctx: ServiceContext, requestId: number, notice: DeliverableNotice, on: IsoDate, via: ElectronicChannel): Promise<boolean> {
  const clock = await loadClockContext(ctx.db);
  const stored = await loadEvents(ctx.db, requestId);
  if (!stored.length) return false;
  const view = replayEvents(stored.map(toCoreEvent), clock);
  let event: RequestEvent | null = null;
  if (notice === 'supplement' && view.supplement && !view.supplement.noticeReceivedOn && view.state === 'awaiting_supplement') event = { type: 'supplement_delivered', on };
  if (notice === 'fee' && view.fee && !view.fee.noticeReceivedOn && view.state === 'awaiting_fee') event = { type: 'fee_notice_delivered', on };
  if (notice === 'reply' && view.repliedOn && !view.deliveredOn) event = { type: 'delivered', on, method: via === 'email' ? 'email' : 'online' };
  if (!event) return false;
  await recordRequestEvent({ ...ctx, actor: SYSTEM_ACTOR }, requestId, event);
  return true;
}
