import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { departments, users } from './core.js';

/** PostgreSQL bytea (attachment bytes: stored in the database so that PGlite and PostgreSQL deployments back up alike). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** PostgreSQL tsvector (read-only here: generated from the segmented text columns). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A lexeme `mYYYYMM` for the month of publication, added to both vectors: the public search walks a broad query's
 * matches month by month, newest first, letting the GIN index intersect the query with one month at a time
 * (services/publications/search.ts). Only immutable functions, as a generated column requires.
 */
const MONTH_LEXEME = sql.raw(`coalesce(' m' || (extract(year from published_on) * 100 + extract(month from published_on))::int::text, '')`);

/** 公开目录 categories (条例 Art.12), a tree; `code` is the category part of the 索引号. */
export const catalogueCategories = pgTable('catalogue_categories', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: integer('parent_id').references((): AnyPgColumn => catalogueCategories.id),
  sortOrder: integer('sort_order').notNull().default(0),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('catalogue_categories_code_uq').on(t.code), index('catalogue_categories_parent_idx').on(t.parentId)]);

/**
 * 主动公开 items. The truth of the workflow is `publication_events`; `state` and the dates are a cache refreshed in the
 * same transaction as each event. `search_title` / `search_text` hold jieba-segmented, space-joined text (title; title +
 * body) and `search_vector` / `title_vector` are generated from them (title weighted A), so PostgreSQL full-text search with the
 * `simple` configuration works on Chinese (STACK.md) — identically on PGlite and PostgreSQL.
 */
export const publications = pgTable('publications', {
  id: serial('id').primaryKey(),
  /** 索引号: assigned when first published (or taken over from an import); unique. */
  indexNo: text('index_no'),
  title: text('title').notNull(),
  docNumber: text('doc_number'),
  issuer: text('issuer').notNull(),
  /** 成文日期. */
  writtenOn: date('written_on', { mode: 'string' }),
  /** Date the information was formed or last changed: start of the Art.26 20-working-day period. */
  formedOn: date('formed_on', { mode: 'string' }).notNull(),
  publishedOn: date('published_on', { mode: 'string' }),
  withdrawnOn: date('withdrawn_on', { mode: 'string' }),
  categoryId: integer('category_id').references(() => catalogueCategories.id),
  topic: text('topic'),
  disclosureMode: text('disclosure_mode').notNull().default('主动公开'),
  summary: text('summary'),
  bodyHtml: text('body_html').notNull().default(''),
  bodyText: text('body_text').notNull().default(''),
  searchTitle: text('search_title').notNull().default(''),
  searchText: text('search_text').notNull().default(''),
  searchVector: tsvector('search_vector').generatedAlwaysAs(sql`setweight(to_tsvector('simple'::regconfig, search_title), 'A') || to_tsvector('simple'::regconfig, search_text || ${MONTH_LEXEME})`),
  /** Title words only: the public search puts title hits first when a query matches very many items. */
  titleVector: tsvector('title_vector').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_title || ${MONTH_LEXEME})`),
  validity: text('validity').notNull().default('effective'),
  validityChangedOn: date('validity_changed_on', { mode: 'string' }),
  /** regulation (规章) | normative (行政规范性文件) | null. */
  normativeKind: text('normative_kind'),
  channels: jsonb('channels').$type<string[]>().notNull().default(sql`'["website"]'::jsonb`),
  /** Set on a 政策解读: the document it interprets (三同步). */
  interpretsId: integer('interprets_id').references((): AnyPgColumn => publications.id),
  /** Why a 行政规范性文件 goes out without interpretation, recorded by a reviewer (三同步 exception). */
  syncWaiverReason: text('sync_waiver_reason'),
  departmentId: integer('department_id').references(() => departments.id),
  state: text('state').notNull(),
  source: text('source').notNull().default('workbench'), // workbench | import | suggestion
  sourceRequestIds: jsonb('source_request_ids').$type<number[]>(),
  createdBy: integer('created_by').references(() => users.id),
  eventCount: integer('event_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('publications_index_no_uq').on(t.indexNo),
  index('publications_state_published_idx').on(t.state, t.publishedOn.desc(), t.id.desc()),
  index('publications_category_idx').on(t.categoryId, t.publishedOn),
  index('publications_issuer_idx').on(t.issuer),
  index('publications_state_formed_idx').on(t.state, t.formedOn),
  index('publications_interprets_idx').on(t.interpretsId),
  index('publications_doc_number_idx').on(t.docNumber),
  index('publications_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
  // The portal only ever searches published items: partial indexes keep them small, and let PostgreSQL count matches
  // from the index without visiting the table.
  index('publications_public_search_idx').using('gin', t.searchVector).where(sql`state = 'published'`),
  index('publications_public_title_idx').using('gin', t.titleVector).where(sql`state = 'published'`),
]);

/** Append-only workflow log of a publication (起草、保密审查、审核、发布、撤回 …). */
export const publicationEvents = pgTable('publication_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  publicationId: integer('publication_id').notNull().references(() => publications.id),
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  on: date('on', { mode: 'string' }).notNull(),
  payload: jsonb('payload').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('publication_events_seq_uq').on(t.publicationId, t.seq), index('publication_events_type_on_idx').on(t.type, t.on)]);

/** Attachments of publications; the content type is the one sniffed from the bytes (core/publications/sniff.ts). */
export const attachments = pgTable('attachments', {
  id: serial('id').primaryKey(),
  publicationId: integer('publication_id').notNull().references(() => publications.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  kind: text('kind').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attachments_publication_idx').on(t.publicationId)]);

/** 政府信息公开指南 sections (条例 Art.12 ¶2), maintained by the publisher, shown on the portal. */
export const guideSections = pgTable('guide_sections', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  bodyHtml: text('body_html').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Decisions on Art.44 suggestions (a group of requests drafted as a publication, or dismissed with a reason). */
export const publicationSuggestions = pgTable('publication_suggestions', {
  id: serial('id').primaryKey(),
  clusterKey: text('cluster_key').notNull(),
  requestIds: jsonb('request_ids').$type<number[]>().notNull(),
  status: text('status').notNull(), // drafted | dismissed
  publicationId: integer('publication_id').references(() => publications.id),
  reason: text('reason'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('publication_suggestions_key_uq').on(t.clusterKey)]);
