/**
 * Annual facts (年度填报数据): the values of the annual report no record can produce, entered once a year by staff
 * (core/reports/facts.ts describes every field; the report marks them `entered`). Stored per year in annual_facts.
 */
import { eq } from 'drizzle-orm';
import { annualFacts } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { ANNUAL_FACT_FIELDS, factFieldsFor, validateAnnualFacts, type AnnualFacts } from '../../core/reports/facts.js';
import { defaultFormatForYear, REPORT_FORMAT_LABELS, type ReportFormat } from '../../core/reports/formats.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Role, ServiceContext } from '../context.js';

/** Who may see reports and facts, and who may enter facts (publishing: core/reports/publishing.ts). */
export const REPORT_READ_ROLES: Role[] = ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'publisher', 'admin', 'auditor'];
export const FACTS_WRITE_ROLES: Role[] = ['registrar', 'reviewer', 'admin'];

export function assertReportYear(year: number): void {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new DomainError('VALIDATION', `报告年度“${year}”无效，请填写2008年以后的四位年份`);
}

/** The stored facts of a year (empty when none were entered). */
export async function loadAnnualFacts(db: Executor, year: number): Promise<{ facts: AnnualFacts; updatedAt: Date | null }> {
  const [row] = await db.select().from(annualFacts).where(eq(annualFacts.year, year));
  return { facts: (row?.facts ?? {}) as AnnualFacts, updatedAt: row?.updatedAt ?? null };
}

/** The facts form of a year: the fields of the year's format (or the one asked for) and the stored values. */
export async function getAnnualFactsForm(ctx: ServiceContext, year: number, format?: ReportFormat) {
  requireRole(ctx.actor, ...REPORT_READ_ROLES);
  assertReportYear(year);
  const f = format ?? defaultFormatForYear(year);
  const { facts, updatedAt } = await loadAnnualFacts(ctx.db, year);
  return {
    year, format: f, formatLabel: REPORT_FORMAT_LABELS[f],
    fields: factFieldsFor(f).map((x) => ({ key: x.key, label: x.label, unit: x.unit, kind: x.kind, section: x.section, path: x.path })),
    facts, updatedAt,
  };
}

/**
 * Use case: save the facts of a year. Null or absent keys mean "not reported". The whole set is replaced; every
 * problem is reported at once (core validateAnnualFacts). Audited with the values before and after.
 */
export async function putAnnualFacts(ctx: ServiceContext, year: number, facts: Record<string, unknown>): Promise<AnnualFacts> {
  const actor = requireRole(ctx.actor, ...FACTS_WRITE_ROLES);
  assertReportYear(year);
  const cleaned: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined || v === null || v === '') continue;
    cleaned[k] = typeof v === 'string' && ANNUAL_FACT_FIELDS.find((f) => f.key === k)?.kind !== 'text' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v;
  }
  const problems = validateAnnualFacts(cleaned);
  if (problems.length > 0) throw new DomainError('VALIDATION', problems.join('；'), { problems: problems.map((message) => ({ field: 'facts', message })) });
  return ctx.db.transaction(async (tx) => {
    const before = await loadAnnualFacts(tx, year);
    await tx.insert(annualFacts).values({ year, facts: cleaned, updatedBy: actor.id > 0 ? actor.id : null })
      .onConflictDoUpdate({ target: annualFacts.year, set: { facts: cleaned, updatedBy: actor.id > 0 ? actor.id : null, updatedAt: new Date() } });
    await appendAudit(tx, actor, { action: 'report.facts_saved', targetType: 'annual_facts', targetId: year, detail: { before: before.facts, after: cleaned } }, ctx.ip ?? null, ctx.now);
    return cleaned as AnnualFacts;
  });
}
