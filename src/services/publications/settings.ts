import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { isUsableIndexAgencyCode, normalizeIndexAgencyCode } from '../../core/publications/index-number.js';
import { DEFAULT_RISK_WORKING_DAYS } from '../../core/publications/timeliness.js';
import { getAgency, getSetting, putSetting } from '../settings.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { appendAudit } from '../audit.js';

/** Settings of the proactive-disclosure module (stored in `settings` under the key `publications`). */
export interface PublicationSettings {
  /**
   * Agency part of new 索引号: the 9-character 组织机构代码 (given as such, or derived from the 18-character 统一社会信用代码,
   * core/publications/index-number.ts). Empty until the office sets it; publishing is refused while empty.
   */
  agencyCode: string;
  /** Default 发布机构 of new items; empty = the agency name. */
  defaultIssuer: string;
  /** Art.26 dashboard: an unpublished item is "at risk" with this many working days or fewer left. */
  riskWorkingDays: number;
  /** Upper bound of one attachment, MB. */
  maxAttachmentMb: number;
}

export const DEFAULT_PUBLICATION_SETTINGS: PublicationSettings = { agencyCode: '', defaultIssuer: '', riskWorkingDays: DEFAULT_RISK_WORKING_DAYS, maxAttachmentMb: 50 };

export async function getPublicationSettings(db: Executor): Promise<PublicationSettings> {
  const s = await getSetting(db, 'publications', DEFAULT_PUBLICATION_SETTINGS);
  if (!s.defaultIssuer) s.defaultIssuer = (await getAgency(db)).name;
  // The placeholder `000000000` of earlier versions names no agency (issue 11): treated as not set.
  if (!isUsableIndexAgencyCode(s.agencyCode)) s.agencyCode = '';
  return s;
}

/**
 * Use case: the publisher (or admin) sets the 索引号 agency code (组织机构代码, or the 统一社会信用代码 it is taken from) and
 * the dashboard window.
 */
export async function updatePublicationSettings(ctx: ServiceContext, patch: Partial<PublicationSettings>): Promise<PublicationSettings> {
  const actor = requireRole(ctx.actor, 'publisher', 'admin');
  const problems: string[] = [];
  if (patch.agencyCode !== undefined) {
    const code = normalizeIndexAgencyCode(patch.agencyCode);
    if (code.ok) patch = { ...patch, agencyCode: code.code };
    else problems.push(code.message);
  }
  if (patch.riskWorkingDays !== undefined && !(Number.isInteger(patch.riskWorkingDays) && patch.riskWorkingDays >= 0 && patch.riskWorkingDays <= 20)) problems.push('预警工作日数应为0–20的整数');
  if (patch.maxAttachmentMb !== undefined && !(Number.isInteger(patch.maxAttachmentMb) && patch.maxAttachmentMb >= 1 && patch.maxAttachmentMb <= 190)) problems.push('附件大小上限应为1–190 MB');
  if (problems.length) throw new DomainError('VALIDATION', problems.join('；'), { problems });
  return ctx.db.transaction(async (tx) => {
    const current = await getSetting(tx, 'publications', DEFAULT_PUBLICATION_SETTINGS);
    const next = { ...current, ...patch };
    await putSetting(tx, 'publications', next);
    await appendAudit(tx, actor, { action: 'publication.settings_updated', targetType: 'settings', targetId: 'publications', detail: patch }, ctx.ip ?? null, ctx.now);
    return getPublicationSettings(tx);
  });
}
