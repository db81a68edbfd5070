import { chineseNumeral } from './format.js';

/**
 * Legal citations as data, formatted the way 国办 documents cite them ("第二十条第（一）项", "第十六条第二款",
 * "第二十三条第一款第（四）项"): article and paragraph (款) in words, item (项) in words inside full-width brackets.
 */

/** The instruments notices cite. */
export const LAWS = {
  /** 2019 条例 (国务院令第711号, in force 2019-05-15). */
  ogi2019: '《中华人民共和国政府信息公开条例》',
  /**
   * 2008 条例 (国务院令第492号, in force 2008-05-01 to 2019-05-14). Named with its order number so that a legacy
   * notice can never be mistaken for one under the current text.
   */
  ogi2008: '《中华人民共和国政府信息公开条例》（国务院令第492号）',
  /** 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号, applied from 2021-01-01. */
  fees2020: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  /** 行政复议法: the 2023 revision from 2024-01-01; before that the 1999 law as amended 2009/2017 (same article numbers). */
  reconsideration: '《中华人民共和国行政复议法》',
  /** 行政诉讼法 (2014/2017 amendments; Arts.44–46). Before 2015-05-01 the 1989 text (Art.39: 三个月) [M]. */
  litigation: '《中华人民共和国行政诉讼法》',
  /**
   * 《国务院办公厅关于做好政府信息依申请公开工作的意见》 (2010), the pre-2019 basis for "告知通过其他途径办理"
   * [C2 title, cited by a 2012 Hangzhou rule; document number not verified, so it is not printed].
   */
  ogiOpinion2010: '《国务院办公厅关于做好政府信息依申请公开工作的意见》',
} as const;
export type LawId = keyof typeof LAWS;

/** A provision: article (条), optional paragraph (款) and item (项). */
export interface Provision {
  law: LawId;
  article: number;
  paragraph?: number;
  item?: number;
}

/** `{article: 36, item: 3}` → `第三十六条第（三）项`; `{article: 16, paragraph: 2}` → `第十六条第二款`. */
export function formatProvision(p: Provision): string {
  let s = `第${chineseNumeral(p.article)}条`;
  if (p.paragraph !== undefined) s += `第${chineseNumeral(p.paragraph)}款`;
  if (p.item !== undefined) s += `第（${chineseNumeral(p.item)}）项`;
  return s;
}

/** Full citation with the instrument's title: `《中华人民共和国政府信息公开条例》第三十六条第（三）项`. */
export function formatCitation(p: Provision): string {
  return `${LAWS[p.law]}${formatProvision(p)}`;
}

/**
 * Several provisions in one phrase, grouped by instrument in first-mention order, duplicates dropped:
 * `《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项` or `《A》第一条和《B》第二条`.
 */
export function citeAll(provisions: readonly Provision[]): string {
  const groups = new Map<LawId, Provision[]>();
  for (const p of provisions) {
    const list = groups.get(p.law) ?? [];
    if (!list.some((q) => formatProvision(q) === formatProvision(p))) list.push(p);
    groups.set(p.law, list);
  }
  return [...groups.entries()]
    .map(([law, list]) => {
      // "第三十三条第二款、第三款": a provision of the same article as the previous one drops the repeated "第…条"
      const parts = list.map((p, i) => {
        const full = formatProvision(p);
        const prev = list[i - 1];
        const sameArticle = prev !== undefined && prev.article === p.article && (p.paragraph !== undefined || p.item !== undefined);
        return sameArticle ? full.replace(`第${chineseNumeral(p.article)}条`, '') : full;
      });
      return `${LAWS[law]}${parts.join('、')}`;
    })
    .join('和');
}

/** Shorthands used by the builders. */
export const ogi = (article: number, opts: { paragraph?: number; item?: number } = {}): Provision => ({ law: 'ogi2019', article, ...opts });
export const ogi2008 = (article: number, opts: { paragraph?: number; item?: number } = {}): Provision => ({ law: 'ogi2008', article, ...opts });
