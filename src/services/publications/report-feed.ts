import { isNotNull, sql, and } from 'drizzle-orm';
import { publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { computeProactiveFigures, type ProactiveFigures, type PublicationFigureRow } from '../../core/publications/figures.js';
import type { NormativeKind, PublicationChannel, Validity } from '../../core/publications/workflow.js';

export type { ProactiveFigures } from '../../core/publications/figures.js';

/**
 * Report section 二 (gov-2021 / gov-2019) and gov-2014 一、主动公开情况, counted from publications (条例 Art.50(一)):
 * see core/publications/figures.ts for every definition. `present` is false when the agency has no published item
 * in the system (then the report falls back to the entered annual facts).
 *
 * gov-2014 row keys: published = 主动公开政府信息数, publishedNormative = 其中：主动公开规范性文件数, normativeIssued =
 * 制发规范性文件总数, byChannel.{gazette, website, weibo, wechat, other} = 1.政府公报 … 5.其他方式.
 */
export async function proactiveFigures(db: Executor, year: number): Promise<ProactiveFigures> {
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  // 规章 and 行政规范性文件 are few (hundreds): all of them go through the core's definitions.
  const normative = await db.select({
    normativeKind: publications.normativeKind, writtenOn: publications.writtenOn, publishedOn: publications.publishedOn, withdrawnOn: publications.withdrawnOn,
    validity: publications.validity, validityChangedOn: publications.validityChangedOn, channels: publications.channels,
  }).from(publications).where(and(isNotNull(publications.publishedOn), isNotNull(publications.normativeKind)));
  const rows: PublicationFigureRow[] = normative.map((r) => ({ ...r, normativeKind: r.normativeKind as NormativeKind, validity: r.validity as Validity, channels: r.channels as PublicationChannel[] }));
  const figures = computeProactiveFigures(rows, year);
  // Ordinary items only matter for the gov-2014 counts of the year: count them in SQL (there may be hundreds of thousands).
  const counted = await db.execute(sql`
    SELECT count(*)::int AS published,
           count(*) FILTER (WHERE channels ? 'gazette')::int AS gazette, count(*) FILTER (WHERE channels ? 'website')::int AS website,
           count(*) FILTER (WHERE channels ? 'weibo')::int AS weibo, count(*) FILTER (WHERE channels ? 'wechat')::int AS wechat,
           count(*) FILTER (WHERE channels ? 'other')::int AS other,
           (SELECT count(*)::int FROM ${publications} WHERE published_on IS NOT NULL) AS ever
    FROM ${publications} WHERE normative_kind IS NULL AND published_on BETWEEN ${start} AND ${end}`);
  const c = (counted as unknown as { rows: Record<string, number>[] }).rows[0];
  figures.present = c.ever > 0;
  figures.gov2014.published += c.published;
  for (const k of ['gazette', 'website', 'weibo', 'wechat', 'other'] as const) figures.gov2014.byChannel[k] += c[k];
  return figures;
}
