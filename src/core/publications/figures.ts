import type { IsoDate } from '../types.js';
import type { NormativeKind, PublicationChannel, Validity } from './workflow.js';

/** What the report needs of one publication (rows fetched by services/publications/report-feed.ts). */
export interface PublicationFigureRow {
  normativeKind: NormativeKind | null;
  /** 成文日期 (the date the document was made and signed: 制发/制作). */
  writtenOn: IsoDate | null;
  /** First publication date; null = never published (drafts do not count anywhere). */
  publishedOn: IsoDate | null;
  /** Taken off the portal on this date (withdrawn). */
  withdrawnOn: IsoDate | null;
  validity: Validity;
  /** Date of the current validity (废止/失效 date); null while effective. */
  validityChangedOn: IsoDate | null;
  channels: readonly PublicationChannel[];
}

export interface Gov2021KindFigures { issued: number; repealed: number; inForce: number }
export interface Gov2019KindFigures { made: number; published: number; totalPublic: number }

export interface ProactiveFigures {
  year: number;
  /** False when there is no published item at all: the report should then use the entered annual facts. */
  present: boolean;
  /** gov-2021 二、第二十条第（一）项: 本年制发件数 / 本年废止件数 / 现行有效件数. */
  gov2021: { regulations: Gov2021KindFigures; normativeDocuments: Gov2021KindFigures };
  /** gov-2019 二、第二十条第（一）项: 本年新制作数量 / 本年新公开数量 / 对外公开总数量. */
  gov2019: { regulations: Gov2019KindFigures; normativeDocuments: Gov2019KindFigures };
  /** gov-2014 一、主动公开情况. */
  gov2014: {
    /** （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）, 条. */
    published: number;
    /** 其中：主动公开规范性文件数, 条. */
    publishedNormative: number;
    /** 制发规范性文件总数, 件. */
    normativeIssued: number;
    /** （二）1–5: 政府公报 / 政府网站 / 政务微博 / 政务微信 / 其他方式, 条 (an item counts under each channel it used). */
    byChannel: Record<PublicationChannel, number>;
  };
}

const inYear = (d: IsoDate | null, year: number) => !!d && d.slice(0, 4) === String(year);
const byEnd = (d: IsoDate | null, year: number) => !!d && d <= `${year}-12-31`;

/**
 * Report section 二 (条例 Art.50(一); 国办公开办函〔2021〕30号 and 〔2019〕60号, legal-facts §2.2–2.3) and the gov-2014
 * 一、主动公开情况 rows (国办发〔2014〕32号, legal-facts §3), counted from publications. Definitions:
 * - 制发 / 新制作 in year Y: 成文日期 in Y (or, without one, the publication date), and the item was published.
 * - 废止 in Y: validity `repealed` with its date in Y (失效 by expiry is not an act of 废止 and is not counted there).
 * - 现行有效 at the end of Y: made by 12-31, published, not withdrawn by 12-31, and not repealed/expired by 12-31.
 * - 新公开 in Y: first published in Y. 对外公开总数量: published by 12-31 and not withdrawn by then.
 * - gov-2014 规范性文件 = 行政规范性文件 (规章 are not counted in that row).
 */
export function computeProactiveFigures(rows: readonly PublicationFigureRow[], year: number): ProactiveFigures {
  const end = `${year}-12-31`;
  const k21 = (): Gov2021KindFigures => ({ issued: 0, repealed: 0, inForce: 0 });
  const k19 = (): Gov2019KindFigures => ({ made: 0, published: 0, totalPublic: 0 });
  const f: ProactiveFigures = {
    year,
    present: rows.some((r) => r.publishedOn !== null),
    gov2021: { regulations: k21(), normativeDocuments: k21() },
    gov2019: { regulations: k19(), normativeDocuments: k19() },
    gov2014: { published: 0, publishedNormative: 0, normativeIssued: 0, byChannel: { gazette: 0, website: 0, weibo: 0, wechat: 0, other: 0 } },
  };
  for (const r of rows) {
    if (!r.publishedOn) continue;
    const made = r.writtenOn ?? r.publishedOn;
    const withdrawnByEnd = byEnd(r.withdrawnOn, year);
    if (inYear(r.publishedOn, year)) {
      f.gov2014.published++;
      if (r.normativeKind === 'normative') f.gov2014.publishedNormative++;
      for (const c of new Set(r.channels)) f.gov2014.byChannel[c]++;
    }
    if (r.normativeKind === 'normative' && inYear(made, year)) f.gov2014.normativeIssued++;
    if (!r.normativeKind) continue;
    const g21 = r.normativeKind === 'regulation' ? f.gov2021.regulations : f.gov2021.normativeDocuments;
    const g19 = r.normativeKind === 'regulation' ? f.gov2019.regulations : f.gov2019.normativeDocuments;
    if (inYear(made, year)) { g21.issued++; g19.made++; }
    if (r.validity === 'repealed' && inYear(r.validityChangedOn, year)) g21.repealed++;
    const endedByEnd = r.validity !== 'effective' && (r.validityChangedOn === null || r.validityChangedOn <= end);
    if (made <= end && r.publishedOn <= end && !withdrawnByEnd && !endedByEnd) g21.inForce++;
    if (inYear(r.publishedOn, year)) g19.published++;
    if (r.publishedOn <= end && !withdrawnByEnd) g19.totalPublic++;
  }
  return f;
}
