/**
 * Mapping between the two outcome vocabularies (DESIGN.md "Outcomes": "A mapping between the two outcome sets
 * (for mixed years and for comparisons) lives in core, documented and tested").
 *
 * - 2008 条例 (国务院令第492号) answers → rows of the gov-2019/gov-2021 part 三 table (2019 条例 vocabulary), so a
 *   year that still closes legacy requests (or a ledger typed with old labels) is reported in the current format.
 * - 2019 条例 (国务院令第711号) answers → rows of the gov-2014 统计表, so a pre-2019 year whose ledger was typed
 *   with the new labels still fills the old table.
 *
 * Both maps are total: every outcome lands in exactly one row (legal-facts §2.7 rule 6, "只计这一情形"), so the
 * row sums always equal the number of closed requests. Where the target vocabulary has no exact counterpart the
 * choice is explained next to the entry and the report lists how many requests were mapped (`mappedOutcomes`).
 */
import { OUTCOMES_2019, type Outcome } from '../requests/outcomes.js';
import type { Gov2014AnswerRow, RequestRowKey, TableFormat } from './formats.js';

export type Outcome2019 = (typeof OUTCOMES_2019)[number];
export type Outcome2008Only = Exclude<Outcome, Outcome2019>;

export function isOutcome2019(o: Outcome): o is Outcome2019 {
  return (OUTCOMES_2019 as readonly string[]).includes(o);
}

/**
 * 2008 answer → 2019 outcome. Reasons:
 * - 涉及国家秘密 → 三（三）1 属于国家秘密: same ground (2008 Art.14 ¶4 / 2019 Art.14).
 * - 涉及商业秘密, 涉及个人隐私 → 三（三）4 保护第三方合法权益: 2019 Art.15 is the 商业秘密、个人隐私 clause.
 * - 危及国家安全、公共安全、经济安全和社会稳定 → 三（三）3 危及“三安全一稳定”: same ground (2019 Art.14).
 * - 法律法规规定的其他情形 → 三（三）2 其他法律行政法规禁止公开: the only 2019 ground that defers to other laws.
 * - 不是《条例》所指政府信息 → 三（六）3 其他: in 2008 practice this answer covered internal management and
 *   process information (国办发〔2010〕5号), Party and judicial information and questions that are not requests for
 *   information at all. No single 2019 ground is implied, and filing it under 不予公开 would assert a refusal
 *   ground the agency never stated, so it goes to the residual row.
 * - 不属于本行政机关公开 → 三（四）1 本机关不掌握相关政府信息: the 2019 table folds Art.36(5) (not this agency's
 *   information) into （四）1 together with Art.36(4).
 * - 申请信息不存在 → 三（四）1 本机关不掌握相关政府信息: Art.36(4) "经检索没有所申请公开信息".
 * - 告知通过其他途径办理 → 三（三）8 属于行政查询事项: the 2008 answer was used where other laws govern access
 *   (工商、不动产登记资料…), which is Art.36(7), the basis of row （三）8.
 */
export const LEGACY_TO_2019: Readonly<Record<Outcome2008Only, Outcome2019>> = {
  legacy_state_secret: 'withheld_state_secret',
  legacy_commercial_secret: 'withheld_third_party',
  legacy_privacy: 'withheld_third_party',
  legacy_security_stability: 'withheld_security_stability',
  legacy_other_law: 'withheld_prohibited_by_law',
  legacy_not_government_info: 'other',
  legacy_not_this_agency: 'unavailable_not_held',
  legacy_not_exist: 'unavailable_not_held',
  legacy_other_channel: 'withheld_query_matter',
};

/**
 * Any outcome expressed in the 2019 vocabulary (identity for 2019 outcomes; `LEGACY_TO_2019` for 2008 ones).
 * Basis: 条例 (2019) Art.36–39 answer types, as tabulated by 国办公开办函〔2021〕30号 part 三.
 */
export function toOutcome2019(outcome: Outcome): Outcome2019 {
  return isOutcome2019(outcome) ? outcome : LEGACY_TO_2019[outcome];
}

/** 2019 outcome → key of its row in the gov-2021 part 三 table (DESIGN.md "Outcomes" table). */
export const OUTCOME_2021_ROW: Readonly<Record<Outcome2019, RequestRowKey>> = {
  already_public: 'disclosed',
  disclosed: 'disclosed',
  partly_disclosed: 'partlyDisclosed',
  withheld_state_secret: 'withheldStateSecret',
  withheld_prohibited_by_law: 'withheldProhibitedByLaw',
  withheld_security_stability: 'withheldSecurityStability',
  withheld_third_party: 'withheldThirdParty',
  withheld_internal_affairs: 'withheldInternalAffairs',
  withheld_process_info: 'withheldProcessInfo',
  withheld_enforcement_file: 'withheldEnforcementFile',
  withheld_query_matter: 'withheldQueryMatter',
  unavailable_not_held: 'unavailableNotHeld',
  unavailable_needs_creation: 'unavailableNeedsCreation',
  unavailable_unclear: 'unavailableUnclear',
  not_processed_petition: 'notProcessedPetition',
  not_processed_duplicate: 'notProcessedDuplicate',
  not_processed_publication: 'notProcessedPublication',
  not_processed_excessive: 'notProcessedExcessive',
  not_processed_confirmation: 'notProcessedConfirmation',
  other_no_supplement: 'otherNoSupplement',
  other_unpaid_fee: 'otherUnpaidFee',
  other: 'otherOther',
};

/**
 * The part 三 row an outcome is counted in (国办公开办函〔2021〕30号 / 〔2019〕60号 part 三). In gov-2019 the three
 * （六）其他处理 sub-rows of gov-2021 collapse into the single row `other`.
 */
export function requestRowFor(outcome: Outcome, format: TableFormat): RequestRowKey {
  const row = OUTCOME_2021_ROW[toOutcome2019(outcome)];
  if (format === 'gov-2019' && (row === 'otherNoSupplement' || row === 'otherUnpaidFee' || row === 'otherOther')) return 'other';
  return row;
}

/**
 * 2019 outcome → gov-2014 统计表 answer row (国办发〔2014〕32号, 三（三）). Reasons for the inexact ones:
 * - 其他法律行政法规禁止公开, 属于行政执法案卷 → 法律法规规定的其他情形: refusals resting on other laws.
 * - 保护第三方合法权益 → 涉及商业秘密: Art.15 names 商业秘密 first; the ledger does not say which of the two
 *   third-party interests was at stake, so the first one named is used.
 * - 属于三类内部事务信息, 属于四类过程性信息 → 不是《条例》所指政府信息: under the 2008 条例, 国办发〔2010〕5号 treated
 *   内部管理信息 and 过程信息 as "一般不属于《条例》所指应公开的政府信息".
 * - 本机关不掌握相关政府信息 → 5.不属于本行政机关公开数: the 2008 table's row for "this agency does not hold it";
 *   没有现成信息需要另行制作 → 6.申请信息不存在数 (no existing record).
 * - 属于行政查询事项, all 不予处理 items, 补正后仍不明确 and all 其他处理 items → 8.告知通过其他途径办理数: the
 *   2008 table has no "not processed" or residual row; row 8 is the only answer row that is neither a
 *   disclosure nor a refusal, and Art.36(7)/39 answers literally point the applicant to another channel.
 *   (Row 7 告知作出更改补充数 counts 补正 notices, not final answers, so it cannot take a closed request.)
 */
export const OUTCOME_2019_TO_GOV2014: Readonly<Record<Outcome2019, Gov2014AnswerRow>> = {
  already_public: 'alreadyPublic',
  disclosed: 'disclosed',
  partly_disclosed: 'partlyDisclosed',
  withheld_state_secret: 'withheldStateSecret',
  withheld_prohibited_by_law: 'withheldOtherLaw',
  withheld_security_stability: 'withheldSecurityStability',
  withheld_third_party: 'withheldCommercialSecret',
  withheld_internal_affairs: 'withheldNotGovernmentInfo',
  withheld_process_info: 'withheldNotGovernmentInfo',
  withheld_enforcement_file: 'withheldOtherLaw',
  withheld_query_matter: 'otherChannel',
  unavailable_not_held: 'notThisAgency',
  unavailable_needs_creation: 'notExist',
  unavailable_unclear: 'otherChannel',
  not_processed_petition: 'otherChannel',
  not_processed_duplicate: 'otherChannel',
  not_processed_publication: 'otherChannel',
  not_processed_excessive: 'otherChannel',
  not_processed_confirmation: 'otherChannel',
  other_no_supplement: 'otherChannel',
  other_unpaid_fee: 'otherChannel',
  other: 'otherChannel',
};

/** 2008 answers → gov-2014 row: exact, one row per 2008 answer type (DESIGN.md pre-2019 outcome table). */
const LEGACY_GOV2014: Readonly<Record<Outcome2008Only, Gov2014AnswerRow>> = {
  legacy_state_secret: 'withheldStateSecret',
  legacy_commercial_secret: 'withheldCommercialSecret',
  legacy_privacy: 'withheldPrivacy',
  legacy_security_stability: 'withheldSecurityStability',
  legacy_not_government_info: 'withheldNotGovernmentInfo',
  legacy_other_law: 'withheldOtherLaw',
  legacy_not_this_agency: 'notThisAgency',
  legacy_not_exist: 'notExist',
  legacy_other_channel: 'otherChannel',
};

/** The gov-2014 统计表 answer row of any outcome (国办发〔2014〕32号 三（三）; 2008 条例 Art.21 answer types). */
export function gov2014RowFor(outcome: Outcome): Gov2014AnswerRow {
  return isOutcome2019(outcome) ? OUTCOME_2019_TO_GOV2014[outcome] : LEGACY_GOV2014[outcome];
}

/** The three codes that both vocabularies share (DESIGN.md: `already_public`, `disclosed`, `partly_disclosed`). */
const SHARED: ReadonlySet<Outcome> = new Set(['already_public', 'disclosed', 'partly_disclosed']);

/**
 * Whether counting `outcome` in a table of `format` crosses vocabularies (a 2008 answer in a 2019/2021 table or
 * a 2019-only answer in the 2014 table) — such counts are listed in the report's `mappedOutcomes`.
 */
export function isCrossVocabulary(outcome: Outcome, format: TableFormat | 'gov-2014'): boolean {
  if (SHARED.has(outcome)) return false;
  return format === 'gov-2014' ? isOutcome2019(outcome) : !isOutcome2019(outcome);
}
