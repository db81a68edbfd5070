import { date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
