import type { Outcome } from './outcomes.js';
import type { Regime } from '../deadlines/rules.js';

const ACT_2019 = '《中华人民共和国政府信息公开条例》（国务院令第711号）';
const ACT_2008 = '《中华人民共和国政府信息公开条例》（国务院令第492号）';

/**
 * The articles a reply of each outcome rests on (DESIGN.md outcome table, legal-facts §2.4 mapping), used to
 * pre-fill the draft's legal basis; the handler may add to it (e.g. the law that forbids disclosure). Kept equal to
 * what the 答复书 cites (core/notices reply-content); the 答复书 prints its own 条例 articles and only the other
 * laws of this text (`otherLawOf`), and the reviewer sees the 答复书's legal basis, not this text (issue 11).
 * 2019 条例: Arts.14–16 grounds, Art.30 补正, Art.35 excessive, Arts.36(一)–(七), 37, 38, 39, 42.
 * 2008 条例 (requests received before 2019-05-15): Arts.14, 21, 23 [M: 2008 wording not re-checked, legal-facts §1.4].
 */
export const DEFAULT_LEGAL_BASIS_2019: Record<Outcome, string> = {
  already_public: '第三十六条第（一）项',
  disclosed: '第三十六条第（二）项',
  // The 答复书 cites the ground of the withheld part and Art.37 (core/notices reply-content); the ground is added there.
  partly_disclosed: '第三十七条',
  withheld_state_secret: '第十四条、第三十六条第（三）项',
  withheld_prohibited_by_law: '第十四条、第三十六条第（三）项',
  withheld_security_stability: '第十四条、第三十六条第（三）项',
  withheld_third_party: '第十五条、第三十二条、第三十六条第（三）项',
  withheld_internal_affairs: '第十六条第一款、第三十六条第（三）项',
  withheld_process_info: '第十六条第二款、第三十六条第（三）项',
  withheld_enforcement_file: '第十六条第二款、第三十六条第（三）项',
  withheld_query_matter: '第三十六条第（七）项',
  unavailable_not_held: '第三十六条第（四）项或者第（五）项',
  unavailable_needs_creation: '第三十八条',
  unavailable_unclear: '第二十九条第二款第（二）项、第三十条',
  not_processed_petition: '第三十九条第一款',
  not_processed_duplicate: '第三十六条第（六）项',
  not_processed_publication: '第三十九条第二款',
  not_processed_excessive: '第三十五条',
  // No article speaks to requests for confirmation; practice cites Art.38 (only existing information is provided).
  not_processed_confirmation: '第二条、第三十八条',
  other_no_supplement: '第三十条',
  other_unpaid_fee: '第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  other: '',
  legacy_state_secret: '第十四条、第二十一条第（二）项',
  legacy_commercial_secret: '第十四条、第二十三条、第二十一条第（二）项',
  legacy_privacy: '第十四条、第二十三条、第二十一条第（二）项',
  legacy_security_stability: '第八条、第二十一条第（二）项',
  legacy_not_government_info: '第二条',
  legacy_other_law: '第十四条、第二十一条第（二）项',
  legacy_not_this_agency: '第二十一条第（三）项',
  legacy_not_exist: '第二十一条第（三）项',
  legacy_other_channel: '第二十一条',
};

export function defaultLegalBasis(outcome: Outcome, regime: Regime): string {
  const legacyCode = outcome.startsWith('legacy_');
  const act = regime === '2008' || legacyCode ? ACT_2008 : ACT_2019;
  const articles = DEFAULT_LEGAL_BASIS_2019[outcome];
  return articles ? `${act}${articles}` : act;
}
