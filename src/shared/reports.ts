/**
 * API contract schemas of the annual report, ledger imports and cases (shared by server and web; no Node imports).
 */
import { z } from 'zod';
import { DbIdParam } from './ids.js';
import { IsoDateSchema } from './dates.js';
import { CASE_RESULTS, unknownCaseResultMessage } from '../core/reports/cases.js';

export const ReportFormatSchema = z.enum(['gov-2021', 'gov-2019', 'gov-2014']);
export const ReportFileTypeSchema = z.enum(['json', 'xlsx', 'docx', 'html']);
export const ReportYearSchema = z.coerce.number().int().min(2008, '报告年度应为2008年以后的四位年份').max(2100, '报告年度应为四位年份');

/** GET /api/reports/annual?year=&format= */
export const AnnualReportQuery = z.object({ year: ReportYearSchema, format: ReportFormatSchema.optional() });
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

/** GET /api/reports/annual/download?year=&format=&type= */
export const AnnualReportDownloadQuery = AnnualReportQuery.extend({ type: ReportFileTypeSchema.default('json') });
export type AnnualReportDownloadQuery = z.infer<typeof AnnualReportDownloadQuery>;

/** POST /api/reports/annual/publish?year= — publishes the approved version; the body must name the year. */
export const PublishReportQuery = z.object({ year: ReportYearSchema });
export const PublishReportBody = z.object({ confirmYear: z.string().max(20).optional() });

/** POST /api/reports/annual/submit?year=&format= — submit for 保密审查 (first publication or a correction). */
export const SubmitReportBody = z.object({
  explanations: z.record(z.string().max(500), z.string().max(2000)).optional(),
  correctionNote: z.string().max(2000).nullable().optional(),
});
/** POST /api/reports/annual/:year/versions/:version/steps — 保密审查 / 审核. */
export const ReportStepParams = z.object({ year: ReportYearSchema, version: z.coerce.number().int().min(1).max(1000) });
export const ReportStepBody = z.object({
  step: z.enum(['review_passed', 'review_rejected', 'approved', 'approval_returned']),
  reason: z.string().max(2000).nullable().optional(),
});
/** POST /api/reports/annual/withdraw?year= */
export const WithdrawReportBody = z.object({ reason: z.string().max(2000) });

export const YearParams = z.object({ year: ReportYearSchema });

/** PUT /api/reports/facts/:year — values keyed as core/reports/facts.ts ANNUAL_FACT_FIELDS; null/absent = not reported. */
export const AnnualFactsBody = z.object({
  facts: z.record(z.string(), z.union([z.number(), z.string().max(20000), z.null()])),
});
export type AnnualFactsBody = z.infer<typeof AnnualFactsBody>;

export const FactsQuery = z.object({ format: ReportFormatSchema.optional() });

/** One ledger error: spreadsheet row (header = row 1), column as headed in the file, the value, what to fix. */
export const LedgerErrorSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
export type LedgerErrorSchema = z.infer<typeof LedgerErrorSchema>;

/** POST /api/imports/requests|cases → 202 */
export const ImportAccepted = z.object({ jobId: z.string(), message: z.string() });

/** GET /api/imports/:jobId */
export const ImportJobSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  filename: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  phase: z.enum(['validating', 'writing', 'done']).nullable(),
  processed: z.number(),
  total: z.number().nullable(),
  inserted: z.number(),
  updated: z.number(),
  errors: z.array(LedgerErrorSchema),
  errorCount: z.number(),
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
export const JobParams = z.object({ jobId: DbIdParam });

export const CaseKindSchema = z.enum(['reconsideration', 'litigation']);
export const CaseRouteSchema = z.enum(['direct', 'after_reconsideration']);
/** 结果 codes (core/reports/cases.ts); anything else is refused with a message naming the value (never counted as 其他结果). */
export const CaseResultSchema = z.enum(CASE_RESULTS, { error: (iss) => unknownCaseResultMessage(iss.input) });

/** POST /api/cases */
export const CaseBody = z.object({
  ref: z.string().trim().min(1, '请填写案件编号').max(100),
  kind: CaseKindSchema,
  route: CaseRouteSchema.nullable().optional(),
  requestRef: z.string().max(100).nullable().optional(),
  receivedOn: IsoDateSchema,
  closedOn: IsoDateSchema.nullable().optional(),
  result: CaseResultSchema.nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
export type CaseBody = z.infer<typeof CaseBody>;
/** PATCH /api/cases/:id */
export const CasePatchBody = CaseBody.partial();
export type CasePatchBody = z.infer<typeof CasePatchBody>;

/** GET /api/cases */
export const ListCasesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: CaseKindSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
  requestRef: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
