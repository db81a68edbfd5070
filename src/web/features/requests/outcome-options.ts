import { OUTCOME_GROUPS, OUTCOME_LABELS, OUTCOME_LABELS_2008_SHARED, type Outcome } from '../../../core/requests/outcomes.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];

export interface OutcomeOption {
  value: Outcome;
  /** Short label inside its group, numbered like the statutory table ("1. 属于国家秘密"). */
  label: string;
  /** Full label, e.g. "不予公开-属于国家秘密" (what the select shows once chosen). */
  title: string;
}

export interface OutcomeOptionGroup {
  key: string;
  /** "（三）不予公开" — the row heading of the gov-2021 table, part 三. */
  label: string;
  options: OutcomeOption[];
}

/**
 * The outcome picker's groups, in the order and numbering of the statutory table (国办公开办函〔2021〕30号 三、
 * （一）…（六）). Requests under the 2008 条例 (received before 2019-05-15) also get the 2008 reply types.
 * `only` restricts the outcomes (e.g. the office's direct replies before assignment); empty groups are dropped.
 */
export function outcomeOptionGroups(regime: '2008' | '2019', only?: readonly Outcome[]): OutcomeOptionGroup[] {
  const groups: OutcomeOptionGroup[] = [];
  let n = 0;
  for (const g of OUTCOME_GROUPS) {
    if (g.key === 'legacy' && regime !== '2008') continue;
    const isLegacy = g.key === 'legacy';
    const heading = isLegacy ? g.label : `（${NUMERALS[n++]}）${g.label}`;
    const numbered = !isLegacy && g.outcomes.length > 1 && g.key !== 'disclose';
    const options: OutcomeOption[] = [];
    g.outcomes.forEach((o: Outcome, i: number) => {
      if (only && !only.includes(o)) return;
      const full = regime === '2008' && OUTCOME_LABELS_2008_SHARED[o] ? `${OUTCOME_LABELS[o]}（${OUTCOME_LABELS_2008_SHARED[o]}）` : OUTCOME_LABELS[o];
      const short = OUTCOME_LABELS[o].includes('-') ? OUTCOME_LABELS[o].split('-').slice(1).join('-') : OUTCOME_LABELS[o];
      options.push({ value: o, label: numbered ? `${i + 1}. ${short}` : full, title: full });
    });
    if (options.length) groups.push({ key: g.key, label: heading, options });
  }
  return groups;
}
