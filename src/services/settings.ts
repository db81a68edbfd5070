import { eq } from 'drizzle-orm';
import { settings } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';

import type { AgencyProfile } from '../shared/agency.js';
import type { NoticeChannel, RepeatSupplementPolicy } from '../core/deadlines/rules.js';

export type { AgencyProfile };

export const DEFAULT_AGENCY: AgencyProfile = {
  name: '示范市自然资源和规划局',
  shortName: '示范市自然资源局',
  docPrefix: '示自然资公开',
  level: 'local_gov_dept',
  parentBody: '示范市人民政府',
  reconsiderationBody: null,
  litigationCourt: null,
  address: '示范市人民路1号',
  postcode: '100000',
  officeHours: '工作日 上午9:00—12:00，下午13:30—17:00',
  phone: '010-12345678',
  fax: '010-12345679',
  email: 'gongkai@example.gov.cn',
  website: '', // no public address until the administrator sets one (the 公开指南 then omits it)
  officeName: '办公室（政府信息公开工作机构）',
};

export interface DeadlineSettingsRow {
  /** 国办函〔2020〕109号: whether the fee notice pauses the reply clock (legally unverified, see legal-facts §2.1). */
  pauseDuringFeeNotice: boolean;
  dueSoonWorkingDays: number;
  /**
   * Working days after which a notice sent by post / e-mail / online / in person is presumed received when no receipt
   * is recorded (fee window, 补正期限). null per channel (default) = no presumption: 逾期未缴费 / 逾期未补正 wait for
   * the recorded receipt. See core `DeadlineSettings.presumedDeliveryDays`.
   */
  presumedDeliveryDays?: Partial<Record<NoticeChannel, number | null>>;
  /** 'justified' (default): a second 补正 only with a recorded reason within the original 7 working days; 'never'. */
  repeatSupplement?: RepeatSupplementPolicy;
}
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettingsRow = { pauseDuringFeeNotice: true, dueSoonWorkingDays: 3, presumedDeliveryDays: { post: null, email: null, online: null, in_person: null }, repeatSupplement: 'justified' };

export async function getSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? { ...fallback, ...(row.value as object) } as T : fallback;
}

export async function putSetting(db: Executor, key: string, value: unknown): Promise<void> {
  if (key === 'deadlines') invalidateSettingsCache();
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

export const getAgency = (db: Executor) => getSetting(db, 'agency', DEFAULT_AGENCY);
let deadlineCache: { at: number; value: DeadlineSettingsRow } | null = null;
/** Deadline settings, cached per process for 30 s like the calendar (read on every request event). */
export async function getDeadlineSettings(db: Executor): Promise<DeadlineSettingsRow> {
  if (deadlineCache && Date.now() - deadlineCache.at < 30_000) return deadlineCache.value;
  const value = await getSetting(db, 'deadlines', DEFAULT_DEADLINE_SETTINGS);
  deadlineCache = { at: Date.now(), value };
  return value;
}
export function invalidateSettingsCache(): void { deadlineCache = null; }
