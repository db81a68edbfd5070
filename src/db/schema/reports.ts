import { date, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './core.js';

/**
 * Published annual reports (条例 Art.49: published by 31 January): the HTML page as posted on the portal and the
 * report JSON it was rendered from, one per year (publishing again replaces it; the audit log keeps the history).
 */
export const publishedReports = pgTable('published_reports', {
  year: integer('year').primaryKey(),
  format: text('format').notNull(),
  title: text('title').notNull(),
  html: text('html').notNull(),
  report: jsonb('report').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  publishedBy: integer('published_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every version of a year's annual report on its way to, on and off the portal (core/reports/publishing.ts):
 * submitted (frozen report JSON + page) → 保密审查 → 审核 → published; a correction is a new version with a public
 * 更正说明 and the version it replaces becomes `superseded` (still readable); a withdrawal keeps its reason.
 * `published_reports` holds the current published version of each year (read by the cross-year check).
 */
export const annualReportVersions = pgTable('annual_report_versions', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull(),
  version: integer('version').notNull(),
  state: text('state').notNull(),
  format: text('format').notNull(),
  title: text('title').notNull(),
  html: text('html').notNull(),
  report: jsonb('report').notNull(),
  /** Explanations of failing checks, by rule. */
  explanations: jsonb('explanations').notNull().default({}),
  /** 更正说明 (public) when this version corrects a published one. */
  correctionNote: text('correction_note'),
  submittedBy: integer('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  reviewedBy: integer('reviewed_by').references(() => users.id),
  approvedBy: integer('approved_by').references(() => users.id),
  returnedReason: text('returned_reason'),
  publishedOn: date('published_on', { mode: 'string' }),
  publishedBy: integer('published_by').references(() => users.id),
  supersededOn: date('superseded_on', { mode: 'string' }),
  withdrawnOn: date('withdrawn_on', { mode: 'string' }),
  withdrawnReason: text('withdrawn_reason'),
}, (t) => [uniqueIndex('annual_report_versions_year_version_idx').on(t.year, t.version)]);
