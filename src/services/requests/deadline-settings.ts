import { DomainError } from '../../core/errors.js';
import { NOTICE_CHANNELS, REPEAT_SUPPLEMENT_POLICIES, type NoticeChannel, type RepeatSupplementPolicy } from '../../core/deadlines/rules.js';
import { DELIVERY_METHOD_LABELS } from '../../core/requests/events.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { getDeadlineSettings, invalidateSettingsCache, putSetting, type DeadlineSettingsRow } from '../settings.js';
import { recomputeOpenDeadlines } from './recompute.js';

/** Longest presumed delivery an office may set (working days): beyond it the presumption would mean nothing. */
export const MAX_PRESUMED_DELIVERY_DAYS = 30;

export interface DeadlineSettingsInput {
  pauseDuringFeeNotice?: boolean;
  dueSoonWorkingDays?: number;
  presumedDeliveryDays?: Partial<Record<NoticeChannel, number | null>>;
  /** A `RepeatSupplementPolicy`; any other text is refused in Chinese. */
  repeatSupplement?: string;
}

function refuse(field: string, message: string): never {
  throw new DomainError('VALIDATION', message, { problems: [{ field, message }] });
}

/**
 * The office's deadline settings (where the law leaves a choice, see core `DeadlineSettings`): whether the fee notice
 * stops the clock; the "due soon" threshold; the presumed delivery per channel for periods counted from the
 * applicant's receipt (国办函〔2020〕109号 fee window, 条例 Art.30 补正期限; default: none, receipt must be recorded);
 * the repeat-补正 policy (Art.30 一次性告知). Admin only, audited; open deadlines are recomputed.
 */
export async function saveDeadlineSettings(ctx: ServiceContext, input: DeadlineSettingsInput): Promise<DeadlineSettingsRow> {
  const actor = requireRole(ctx.actor, 'admin');
  const current = await getDeadlineSettings(ctx.db);
  const next: DeadlineSettingsRow = { ...current, presumedDeliveryDays: { ...current.presumedDeliveryDays } };
  if (input.pauseDuringFeeNotice !== undefined) {
    if (typeof input.pauseDuringFeeNotice !== 'boolean') refuse('pauseDuringFeeNotice', '缴费期间是否暂停计算答复期限须为“是”或“否”');
    next.pauseDuringFeeNotice = input.pauseDuringFeeNotice;
  }
  if (input.dueSoonWorkingDays !== undefined) {
    const n = input.dueSoonWorkingDays;
    if (!Number.isInteger(n) || n < 0 || n > 20) refuse('dueSoonWorkingDays', `“即将到期”的提前天数须为0至20的整数（工作日），收到“${String(n)}”`);
    next.dueSoonWorkingDays = n;
  }
  if (input.presumedDeliveryDays !== undefined) {
    if (typeof input.presumedDeliveryDays !== 'object' || input.presumedDeliveryDays === null) refuse('presumedDeliveryDays', '推定送达天数须按送达方式分别填写');
    for (const [k, v] of Object.entries(input.presumedDeliveryDays)) {
      if (!(NOTICE_CHANNELS as readonly string[]).includes(k)) refuse(`presumedDeliveryDays.${k}`, `送达方式“${k}”无效，应为：${NOTICE_CHANNELS.map((c) => DELIVERY_METHOD_LABELS[c]).join('、')}`);
      const label = DELIVERY_METHOD_LABELS[k as NoticeChannel];
      if (v !== null && (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX_PRESUMED_DELIVERY_DAYS)) {
        refuse(`presumedDeliveryDays.${k}`, `${label}的推定送达天数须为0至${MAX_PRESUMED_DELIVERY_DAYS}的整数（工作日），或留空表示须登记实际收到日期，收到“${String(v)}”`);
      }
      next.presumedDeliveryDays![k as NoticeChannel] = v;
    }
  }
  if (input.repeatSupplement !== undefined) {
    if (!(REPEAT_SUPPLEMENT_POLICIES as readonly string[]).includes(input.repeatSupplement)) refuse('repeatSupplement', `再次补正的规则“${String(input.repeatSupplement)}”无效，应为：justified（写明理由且在收到申请7个工作日内）或 never（只告知一次）`);
    next.repeatSupplement = input.repeatSupplement as RepeatSupplementPolicy;
  }
  await ctx.db.transaction(async (tx) => {
    await putSetting(tx, 'deadlines', next);
    await appendAudit(tx, actor, { action: 'settings.deadlines_saved', targetType: 'settings', targetId: 'deadlines', detail: input as Record<string, unknown> }, ctx.ip ?? null, ctx.now);
  });
  invalidateSettingsCache();
  await recomputeOpenDeadlines(ctx);
  return next;
}
