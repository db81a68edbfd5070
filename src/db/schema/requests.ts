import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, numeric, pgSequence, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { departments, users } from './core.js';

/**
 * 申请人. Personal fields (ID number, phone, email, address, an organisation's 联系人) are SM4-encrypted at rest (`*_enc`, base64 of
 * IV||ciphertext); `id_number_hash` is an HMAC-SM3 of the normalised ID number, for look-ups and duplicate detection.
 */
export const applicants = pgTable('applicants', {
  id: serial('id').primaryKey(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  idType: text('id_type'),
  idNumberEnc: text('id_number_enc'),
  idNumberHash: text('id_number_hash'),
  phoneEnc: text('phone_enc'),
  emailEnc: text('email_enc'),
  addressEnc: text('address_enc'),
  /** 联系人 of a 法人或其他组织 (the person the office calls; 条例 Art.29(一) 联系方式). */
  contactEnc: text('contact_enc'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('applicants_id_hash_idx').on(t.idNumberHash), index('applicants_name_idx').on(t.name)]);

/**
 * 依申请公开 request. The truth is `request_events`; the columns after `state` are a cache of the state derived by
 * core/requests (replayEvents), refreshed in the same transaction as each event, so lists and reports can filter in SQL.
 */
export const requests = pgTable('requests', {
  id: serial('id').primaryKey(),
  ref: text('ref').notNull(), // 受理编号
  trackingCode: text('tracking_code').notNull(),
  accessKeyHash: text('access_key_hash'),
  applicantId: integer('applicant_id').references(() => applicants.id),
  applicantType: text('applicant_type').notNull(),
  applicantName: text('applicant_name').notNull(),
  description: text('description').notNull(),
  channel: text('channel').notNull(),
  deliveryMethod: text('delivery_method'),
  format: text('format'),
  source: text('source').notNull(), // online | staff | import
  state: text('state').notNull(),
  regime: text('regime'),
  receivedOn: date('received_on', { mode: 'string' }),
  clockStartOn: date('clock_start_on', { mode: 'string' }),
  dueOn: date('due_on', { mode: 'string' }),
  baseDueOn: date('base_due_on', { mode: 'string' }),
  provisional: boolean('provisional').notNull().default(false),
  extended: boolean('extended').notNull().default(false),
  leadDepartmentId: integer('lead_department_id').references(() => departments.id),
  outcome: text('outcome'),
  repliedOn: date('replied_on', { mode: 'string' }),
  deliveredOn: date('delivered_on', { mode: 'string' }),
  closedOn: date('closed_on', { mode: 'string' }),
  closedOnTime: boolean('closed_on_time'),
  duplicateOfId: integer('duplicate_of_id'),
  feeNoticeYuan: numeric('fee_notice_yuan', { precision: 12, scale: 2, mode: 'number' }),
  feeCollectedYuan: numeric('fee_collected_yuan', { precision: 12, scale: 2, mode: 'number' }),
  eventCount: integer('event_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('requests_ref_uq').on(t.ref),
  uniqueIndex('requests_tracking_code_uq').on(t.trackingCode),
  index('requests_state_due_idx').on(t.state, t.dueOn),
  index('requests_received_idx').on(t.receivedOn),
  index('requests_replied_idx').on(t.repliedOn),
  index('requests_lead_dept_idx').on(t.leadDepartmentId, t.state),
  index('requests_applicant_idx').on(t.applicantId),
]);

/** Departments a request is assigned to: one 主办 (lead) and any 协办 (assisting). */
export const requestDepartments = pgTable('request_departments', {
  requestId: integer('request_id').notNull().references(() => requests.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  role: text('role').notNull(), // lead | assisting
}, (t) => [uniqueIndex('request_departments_uq').on(t.requestId, t.departmentId), index('request_departments_dept_idx').on(t.departmentId)]);

/** Append-only event log of a request (alaveteli's info_request_events): state and deadlines derive from it. */
export const requestEvents = pgTable('request_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  requestId: integer('request_id').notNull().references(() => requests.id),
  seq: integer('seq').notNull(),
  type: text('type').notNull(),
  on: date('on', { mode: 'string' }).notNull(),
  payload: jsonb('payload').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** Keyed writer's mark and HMAC-SM3 chain, as on audit_log (services/audit-chain.ts). */
  tag: text('tag'),
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
}, (t) => [uniqueIndex('request_events_seq_uq').on(t.requestId, t.seq), index('request_events_type_on_idx').on(t.type, t.on), uniqueIndex('request_events_chain_seq_uq').on(t.chainSeq), index('request_events_unsealed_idx').on(t.id).where(sql`chain_seq IS NULL`), uniqueIndex('request_events_tag_uq').on(t.tag)]);

/** Generated notices (登记回执, 补正告知书, 答复书 …): the stored text is what was sent, never regenerated. */
export const notices = pgTable('notices', {
  id: serial('id').primaryKey(),
  requestId: integer('request_id').notNull().references(() => requests.id),
  type: text('type').notNull(),
  docNumber: text('doc_number'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  content: jsonb('content').notNull(),
  html: text('html').notNull(),
  status: text('status').notNull().default('draft'), // draft | final
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('notices_request_idx').on(t.requestId), uniqueIndex('notices_doc_number_uq').on(t.docNumber)]);

/** Versioned agency wording of notice templates (guard rails in core/notices). */
export const noticeTemplates = pgTable('notice_templates', {
  id: serial('id').primaryKey(),
  type: text('type').notNull(),
  version: integer('version').notNull(),
  template: jsonb('template').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('notice_templates_type_version_uq').on(t.type, t.version)]);

/** 行政复议 / 行政诉讼 cases linked to requests (counted in the year received). */
export const cases = pgTable('cases', {
  id: serial('id').primaryKey(),
  ref: text('ref').notNull(),
  kind: text('kind').notNull(), // reconsideration | litigation
  route: text('route'), // direct | after_reconsideration (litigation only)
  requestId: integer('request_id').references(() => requests.id),
  requestRef: text('request_ref'),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  result: text('result'),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cases_ref_uq').on(t.ref), index('cases_received_idx').on(t.receivedOn)]);

/** Entered figures of the annual report that no record can produce (staff, budget, meetings …), per year. */
export const annualFacts = pgTable('annual_facts', {
  year: integer('year').primaryKey(),
  facts: jsonb('facts').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Numbers of 受理编号 (GK-YYYY-NNNNNN) for requests created in Gongkai. */
export const requestRefSeq = pgSequence('request_ref_seq', { startWith: 1 });
