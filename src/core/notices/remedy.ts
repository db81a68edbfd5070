import { DomainError } from '../errors.js';
import type { Outcome } from '../requests/outcomes.js';
import type { IsoDate } from '../types.js';
import { formatCitation, type Provision } from './citations.js';
import { parseIsoDate } from './format.js';
import { ARTS_14_16_GROUNDS, type AgencyInfo, type PartialWithheldGround, type RemedyMode } from './types.js';

/**
 * The remedy clause (救济途径) of a decision: 行政复议 and/or 行政诉讼, with the right body and time limits.
 *
 * Law applied by the date the decision is issued:
 * - from 2024-01-01, the 2023 行政复议法 (Art.90): 60 days (Art.20); 复议机关 by Arts.24/25/27; 复议前置 for
 *   "申请政府信息公开，行政机关不予公开" (Art.23 ¶1 (四)), which the agency must tell the applicant (Art.23 ¶2).
 *   Per the SPC's note on 法释〔2025〕8号, "不予公开" means decisions under 条例 Arts.14, 15, 16 (legal-facts 2nd pass §5).
 * - before 2024-01-01, the earlier 行政复议法 (1999, amended 2009/2017): 60 days (Art.9); 复议机关 by Arts.12–14;
 *   no 复议前置 for 政府信息公开.
 * - 行政诉讼法: 6 months from knowing (Art.46), 15 days after a 复议 decision (Art.45). Decisions issued before
 *   2015-05-01 fall under the 1989 行政诉讼法: 3 months (Art.39) [M: 1989 text not in the corpora].
 */

/** First day of the 2023 行政复议法 (第九十条 "本法自2024年1月1日起施行"). */
export const RECONSIDERATION_LAW_2023_FROM: IsoDate = '2024-01-01';
/** First day of the 2014 amendment of the 行政诉讼法 (6-month limit of Art.46) [M]. */
export const LITIGATION_LAW_2014_FROM: IsoDate = '2015-05-01';

/**
 * Outcomes that refuse disclosure under 条例 Arts.14/15/16 and are therefore 复议前置 from 2024-01-01
 * (行政复议法 2023 Art.23 ¶1 (四)). `withheld_query_matter` is an Art.36(七) referral, not Arts.14–16, so it is not
 * here. `partly_disclosed` is 复议前置 only when its withheld part rests on Arts.14–16 (`remedyModeFor` with the
 * withheld grounds); a part withheld as 行政查询事项 (Art.36(七)) or as 不属于政府信息 leaves 复议 or 诉讼 open.
 */
export const RECONSIDERATION_FIRST_OUTCOMES: readonly Outcome[] = [
  'partly_disclosed',
  'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party',
  'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file',
];

/** Outcomes where the statute leaves no choice: an override to 'either' is refused. */
const STATUTORY_FIRST: readonly Outcome[] = RECONSIDERATION_FIRST_OUTCOMES.filter((o) => o !== 'partly_disclosed');

export interface Remedy {
  mode: RemedyMode;
  /** The clause as printed. */
  text: string;
  /** 行政复议机关 named in the clause. */
  reconsiderationBody: string;
  /** Which 行政复议法 applied. */
  reconsiderationLaw: '2023' | 'pre-2024';
  /** Full citations of the provisions the clause relies on. */
  citations: string[];
}

export interface RemedyOptions {
  /** How the addressee is called: 您 / 贵单位. Default 您. */
  pronoun?: string;
  /** What is challenged: 本答复 (default) / 本决定. */
  subject?: string;
  /** The document received: 本答复书 (default) / 本告知书. */
  document?: string;
  /** For `partly_disclosed`: the grounds of the withheld part (decide 复议前置, see `remedyModeFor`). */
  withheldGrounds?: readonly PartialWithheldGround[];
}

/**
 * The remedy clause for a decision with `outcome` (null for a decision that is not an outcome, e.g. the
 * 决定公开告知书 to a third party) issued by `agency` on `issuedOn` — see the module comment for the law.
 * 复议前置 applies from 2024-01-01 to `RECONSIDERATION_FIRST_OUTCOMES`, unless the agency's `remedyPolicy`
 * overrides a non-statutory case; the wording then is "应当先申请行政复议，对复议决定不服的，可以自收到复议决定书
 * 之日起十五日内依法提起行政诉讼" (行政诉讼法 Art.45). Otherwise: "可以…申请行政复议，也可以…提起行政诉讼".
 */
export function buildRemedy(outcome: Outcome | null, agency: AgencyInfo, issuedOn: IsoDate, options: RemedyOptions = {}): Remedy {
  parseIsoDate(issuedOn);
  const pronoun = options.pronoun ?? '您';
  const subject = options.subject ?? '本答复';
  const document = options.document ?? '本答复书';
  const is2023 = issuedOn >= RECONSIDERATION_LAW_2023_FROM;
  const mode = remedyModeFor(outcome, agency, issuedOn, options.withheldGrounds);
  const { body, provisions: jurisdiction } = is2023 ? reconsiderationBody2023(agency) : reconsiderationBodyBefore2024(agency);
  const court = agency.litigationCourt?.trim() || '人民法院';
  const months = issuedOn >= LITIGATION_LAW_2014_FROM ? '六个月' : '三个月';

  const provisions: Provision[] = [];
  let text: string;
  if (mode === 'reconsideration_first') {
    const art23: Provision = { law: 'reconsideration', article: 23, paragraph: 1, item: 4 };
    provisions.push(art23, { law: 'reconsideration', article: 23, paragraph: 2 }, { law: 'reconsideration', article: 20 }, ...jurisdiction,
      { law: 'litigation', article: 45 });
    text =
      `如${pronoun}对${subject}不服，根据《中华人民共和国行政复议法》第二十三条的规定，` +
      `应当先申请行政复议，对复议决定不服的，可以自收到复议决定书之日起十五日内依法提起行政诉讼。` +
      `申请行政复议的，请自收到${document}之日起六十日内向${body}提出。`;
  } else {
    provisions.push({ law: 'reconsideration', article: is2023 ? 20 : 9 }, ...jurisdiction);
    if (issuedOn >= LITIGATION_LAW_2014_FROM) provisions.push({ law: 'litigation', article: 44 }, { law: 'litigation', article: 46 });
    text =
      `如${pronoun}对${subject}不服，可以自收到${document}之日起六十日内向${body}申请行政复议，` +
      `也可以自收到${document}之日起${months}内依法向${court}提起行政诉讼。`;
  }
  const citations = provisions.map(formatCitation);
  if (issuedOn < LITIGATION_LAW_2014_FROM && mode === 'either') citations.push('《中华人民共和国行政诉讼法》（1989年）第三十九条');
  return { mode, text, reconsiderationBody: body, reconsiderationLaw: is2023 ? '2023' : 'pre-2024', citations };
}

/**
 * 复议前置 or free choice for a decision issued on `issuedOn` (see `buildRemedy`). Refuses an agency override that
 * would drop the statutory 复议前置 of a refusal under 条例 Arts.14–16 (2023 行政复议法 Art.23 ¶2 makes telling it a duty).
 *
 * A `partly_disclosed` reply is 复议前置 only when at least one ground of its withheld part is one of Arts.14–16
 * (`ARTS_14_16_GROUNDS`; SPC note on 法释〔2025〕8号: "不予公开" = decisions under Arts.14, 15, 16). Decided reading
 * for mixed grounds: one Arts.14–16 ground makes the whole reply 复议前置 (a 复议 is always open, so the applicant
 * loses no remedy; telling them they may sue directly would lose a 复议前置 case). Without grounds (legacy data)
 * the former, protective default 复议前置 stays.
 */
export function remedyModeFor(outcome: Outcome | null, agency: AgencyInfo, issuedOn: IsoDate, withheldGrounds?: readonly PartialWithheldGround[]): RemedyMode {
  if (issuedOn < RECONSIDERATION_LAW_2023_FROM || outcome === null) return 'either';
  let statutory: RemedyMode = RECONSIDERATION_FIRST_OUTCOMES.includes(outcome) ? 'reconsideration_first' : 'either';
  const partialFirst = outcome === 'partly_disclosed' && withheldGrounds !== undefined && withheldGrounds.length > 0;
  if (partialFirst) statutory = withheldGrounds.some((g) => ARTS_14_16_GROUNDS.includes(g)) ? 'reconsideration_first' : 'either';
  const override = agency.remedyPolicy?.[outcome];
  if (override === undefined) return statutory;
  if (override === 'either' && (STATUTORY_FIRST.includes(outcome) || (partialFirst && statutory === 'reconsideration_first'))) {
    throw new DomainError(
      'VALIDATION',
      '依据《中华人民共和国行政复议法》第二十三条，对依照《政府信息公开条例》第十四条、第十五条、第十六条不予公开的决定，应当先申请行政复议，机关设置不能改为“可以直接起诉”，请删除该项救济途径设置',
      { outcome },
    );
  }
  return override;
}

function requireParent(agency: AgencyInfo, what: string, article: string): string {
  const body = agency.parentBody?.trim();
  if (!body) {
    throw new DomainError(
      'VALIDATION',
      `无法确定行政复议机关：请在机关设置中填写${what}（${article}），或直接填写行政复议机关`,
      { level: agency.level },
    );
  }
  return body;
}

/** 2023 行政复议法: Art.24 ¶1 (一) 本级人民政府 / (二) 上一级人民政府; Art.25 (一) the department itself; Art.27 上一级主管部门. */
function reconsiderationBody2023(agency: AgencyInfo): { body: string; provisions: Provision[] } {
  const override = agency.reconsiderationBody?.trim();
  if (override) return { body: override, provisions: [] };
  switch (agency.level) {
    case 'local_gov_dept':
      return {
        body: requireParent(agency, '本级人民政府名称', '《中华人民共和国行政复议法》第二十四条'),
        provisions: [{ law: 'reconsideration', article: 24, paragraph: 1, item: 1 }],
      };
    case 'local_gov':
      return {
        body: requireParent(agency, '上一级人民政府名称', '《中华人民共和国行政复议法》第二十四条'),
        provisions: [{ law: 'reconsideration', article: 24, paragraph: 1, item: 2 }],
      };
    case 'state_council_dept':
      return { body: agency.name, provisions: [{ law: 'reconsideration', article: 25, item: 1 }] };
    case 'vertical':
      return {
        body: requireParent(agency, '上一级主管部门名称', '《中华人民共和国行政复议法》第二十七条'),
        provisions: [{ law: 'reconsideration', article: 27 }],
      };
  }
}

/**
 * 行政复议法 before 2024 (1999 text as amended 2009/2017): Art.12 ¶1 a local department → 本级人民政府 or
 * 上一级主管部门 (the applicant chooses); Art.12 ¶2 vertical agencies and 国家安全机关 → 上一级主管部门;
 * Art.13 a local government → 上一级地方人民政府; Art.14 a 国务院部门 → the department itself.
 */
function reconsiderationBodyBefore2024(agency: AgencyInfo): { body: string; provisions: Provision[] } {
  const override = agency.reconsiderationBody?.trim();
  if (override) return { body: override, provisions: [] };
  switch (agency.level) {
    case 'local_gov_dept': {
      const government = requireParent(agency, '本级人民政府名称', '《中华人民共和国行政复议法》第十二条');
      const superior = agency.superiorDepartment?.trim() || '上一级主管部门';
      return { body: `${government}或者${superior}`, provisions: [{ law: 'reconsideration', article: 12, paragraph: 1 }] };
    }
    case 'local_gov':
      return {
        body: requireParent(agency, '上一级人民政府名称', '《中华人民共和国行政复议法》第十三条'),
        provisions: [{ law: 'reconsideration', article: 13 }],
      };
    case 'state_council_dept':
      return { body: agency.name, provisions: [{ law: 'reconsideration', article: 14 }] };
    case 'vertical':
      return {
        body: requireParent(agency, '上一级主管部门名称', '《中华人民共和国行政复议法》第十二条第二款'),
        provisions: [{ law: 'reconsideration', article: 12, paragraph: 2 }],
      };
  }
}
