/**
 * 办理结果 (outcomes) — DESIGN.md "Outcomes". Each closed request has exactly one outcome. Codes are stable;
 * labels are what users type. Two vocabularies are accepted in any year:
 *  - the 2019 条例 (国务院令第711号) set, which maps onto the gov-2021 / gov-2019 table rows, and
 *  - the 2008 条例 (国务院令第492号) set used by the gov-2014 统计表 (国办发〔2014〕32号).
 * `already_public`, `disclosed` and `partly_disclosed` are shared by both.
 */
export const OUTCOMES_2019 = [
  'already_public', 'disclosed', 'partly_disclosed',
  'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party',
  'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file', 'withheld_query_matter',
  'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear',
  'not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_excessive',
  'not_processed_confirmation',
  'other_no_supplement', 'other_unpaid_fee', 'other',
] as const;

export const OUTCOMES_2008 = [
  'legacy_state_secret', 'legacy_commercial_secret', 'legacy_privacy', 'legacy_security_stability',
  'legacy_not_government_info', 'legacy_other_law', 'legacy_not_this_agency', 'legacy_not_exist', 'legacy_other_channel',
] as const;

export const OUTCOMES = [...OUTCOMES_2019, ...OUTCOMES_2008] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  already_public: '已主动公开',
  disclosed: '予以公开',
  partly_disclosed: '部分公开',
  withheld_state_secret: '不予公开-属于国家秘密',
  withheld_prohibited_by_law: '不予公开-其他法律行政法规禁止公开',
  withheld_security_stability: '不予公开-危及“三安全一稳定”',
  withheld_third_party: '不予公开-保护第三方合法权益',
  withheld_internal_affairs: '不予公开-属于三类内部事务信息',
  withheld_process_info: '不予公开-属于四类过程性信息',
  withheld_enforcement_file: '不予公开-属于行政执法案卷',
  withheld_query_matter: '不予公开-属于行政查询事项',
  unavailable_not_held: '无法提供-本机关不掌握相关政府信息',
  unavailable_needs_creation: '无法提供-没有现成信息需要另行制作',
  unavailable_unclear: '无法提供-补正后申请内容仍不明确',
  not_processed_petition: '不予处理-信访举报投诉类申请',
  not_processed_duplicate: '不予处理-重复申请',
  not_processed_publication: '不予处理-要求提供公开出版物',
  not_processed_excessive: '不予处理-无正当理由大量反复申请',
  not_processed_confirmation: '不予处理-要求行政机关确认或重新出具已获取信息',
  other_no_supplement: '其他处理-逾期不补正',
  other_unpaid_fee: '其他处理-逾期未缴纳信息处理费',
  other: '其他处理-其他',
  legacy_state_secret: '不同意公开-涉及国家秘密',
  legacy_commercial_secret: '不同意公开-涉及商业秘密',
  legacy_privacy: '不同意公开-涉及个人隐私',
  legacy_security_stability: '不同意公开-危及国家安全、公共安全、经济安全和社会稳定',
  legacy_not_government_info: '不同意公开-不是《条例》所指政府信息',
  legacy_other_law: '不同意公开-法律法规规定的其他情形',
  legacy_not_this_agency: '不属于本行政机关公开',
  legacy_not_exist: '申请信息不存在',
  legacy_other_channel: '告知通过其他途径办理',
};

/** Labels of the 2008 table for the three shared codes (DESIGN.md, pre-2019 outcomes). */
export const OUTCOME_LABELS_2008_SHARED: Partial<Record<Outcome, string>> = {
  already_public: '属于已主动公开范围',
  disclosed: '同意公开',
  partly_disclosed: '同意部分公开',
};

/** Groups of the statutory table (gov-2021 三、（一）…（六）), used for pickers and reports. */
export const OUTCOME_GROUPS = [
  { key: 'disclose', label: '予以公开', outcomes: ['already_public', 'disclosed'] },
  { key: 'partly', label: '部分公开', outcomes: ['partly_disclosed'] },
  { key: 'withheld', label: '不予公开', outcomes: ['withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party', 'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file', 'withheld_query_matter'] },
  { key: 'unavailable', label: '无法提供', outcomes: ['unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear'] },
  { key: 'not_processed', label: '不予处理', outcomes: ['not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_excessive', 'not_processed_confirmation'] },
  { key: 'other', label: '其他处理', outcomes: ['other_no_supplement', 'other_unpaid_fee', 'other'] },
  { key: 'legacy', label: '2008年条例答复类型（历史数据）', outcomes: [...OUTCOMES_2008] },
] as const satisfies readonly { key: string; label: string; outcomes: readonly Outcome[] }[];

export function isOutcome(v: unknown): v is Outcome {
  return typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);
}

/** Parses a code, a 2019 label or a 2008 label (whitespace-insensitive, full-width hyphen tolerated). */
export function parseOutcome(value: string): Outcome | undefined {
  const v = value.replace(/\s+/g, '').replace(/[－—–]/g, '-');
  if (isOutcome(v)) return v;
  for (const o of OUTCOMES) {
    if (OUTCOME_LABELS[o].replace(/[“”"]/g, '') === v.replace(/[“”"]/g, '')) return o;
  }
  for (const [o, label] of Object.entries(OUTCOME_LABELS_2008_SHARED)) {
    if (label === v) return o as Outcome;
  }
  return undefined;
}
