import { and, desc, eq, ne, or, sql } from 'drizzle-orm';
import { applicants, requests } from '../../db/schema/index.js';
import { queryPrepared, type Executor } from '../../db/client.js';
import { applyEvent, isLikelyDuplicate, type RequestEvent } from '../../core/requests/index.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type Channel } from '../../core/types.js';
import { encryptPii, randomCode, sm3 } from '../../security/crypto.js';
import { appendAudit } from '../audit.js';
import { chainTag } from '../audit-chain.js';
import { requireRole } from '../authorize.js';
import type { Actor, ServiceContext } from '../context.js';
import { assertApplicant, idNumberHash, insertApplicant, type ApplicantInput } from './applicant.js';
import { appendEvents, createRequestRecord, loadClockContext } from './record-event.js';
import { batchCalls } from '../../db/batch-calls.js';
import { issueNotice } from '../notices/notices.js';

export const DELIVERY_METHODS = ['email', 'post', 'pickup', 'online'] as const;
export const DELIVERY_METHOD_LABELS: Record<(typeof DELIVERY_METHODS)[number], string> = { email: '电子邮件', post: '邮寄', pickup: '自行领取', online: '网上获取' };
export const FORMATS = ['paper', 'electronic'] as const;
export const FORMAT_LABELS: Record<(typeof FORMATS)[number], string> = { paper: '纸质', electronic: '电子' };

export interface PublicRequestInput {
  applicant: ApplicantInput;
  description: string;
  deliveryMethod: (typeof DELIVERY_METHODS)[number];
  format: (typeof FORMATS)[number];
}

export interface SubmitResult { id: number; ref: string; trackingCode: string; accessKey: string }

/** 受理编号 GK-YYYY-NNNNNN from a database sequence (never reused, safe across processes). */
function refSql(year: number) {
  return sql`${`GK-${year}-`} || lpad(nextval('request_ref_seq')::text, 6, '0')`;
}

function assertDescription(d: string): void {
  if (!d?.trim()) throw new DomainError('VALIDATION', '请填写申请公开的政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）', { problems: [{ field: 'description', message: '申请内容不能为空' }] });
  if (d.length > 5000) throw new DomainError('VALIDATION', '申请内容不能超过5000字', { problems: [{ field: 'description', message: '申请内容过长' }] });
}

async function insertRequest(tx: Executor, ctx: ServiceContext, input: { applicant: ApplicantInput; description: string; channel: Channel; deliveryMethod?: string | null; format?: string | null; source: string }, events: RequestEvent[], actor: Actor | null) {
  const applicantId = await insertApplicant(tx, ctx.keys, input.applicant);
  const trackingCode = randomCode(10);
  const accessKey = randomCode(8);
  const clock = await loadClockContext(tx);
  const created = await createRequestRecord(tx, {
    ref: refSql(Number(ctx.today.slice(0, 4))) as unknown as string, trackingCode, accessKeyHash: sm3(accessKey), applicantId,
    applicantType: input.applicant.type, applicantName: input.applicant.name.trim(),
    description: input.description.trim(), channel: input.channel,
    deliveryMethod: input.deliveryMethod ?? null, format: input.format ?? null, source: input.source,
  }, events, actor, clock);
  return { id: created.id, ref: created.ref, trackingCode, accessKey };
}

/** One online submission, every value computed (validated, encrypted, hashed) before it reaches the database. */
interface Submission {
  applicant: [type: string, name: string, idType: string, idNumberEnc: string | null, idNumberHash: string | null, phoneEnc: string | null, emailEnc: string | null, addressEnc: string | null, contactEnc: string | null];
  refPrefix: string; trackingCode: string; accessKeyHash: string; description: string; deliveryMethod: string; format: string;
  state: string; regime: string | null; on: string; at: string; ip: string | null;
}

/**
 * Submissions in one statement (one round trip, atomic): applicants, requests, their first events and the audit
 * entries, for one or many submissions at once. Applicant ids and 受理编号 are drawn from their sequences first so
 * that every row of the batch is linked by its ordinal, not by RETURNING order (which SQL does not promise).
 */
const SUBMIT_SQL = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
      $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::date[], $19::text[], $20::text[], $21::text[], $22::text[])
      WITH ORDINALITY AS t(type, name, id_type, id_number_enc, id_number_hash, phone_enc, email_enc, address_enc, contact_enc,
        ref_prefix, tracking_code, access_key_hash, description, delivery_method, format, state, regime, on_date, at, ip, event_tag, audit_tag, ord)),
  ids AS MATERIALIZED (SELECT ord, nextval('applicants_id_seq') AS applicant_id, nextval('request_ref_seq') AS ref_no FROM input ORDER BY ord),
  a AS (
    INSERT INTO applicants (id, type, name, id_type, id_number_enc, id_number_hash, phone_enc, email_enc, address_enc, contact_enc)
    SELECT ids.applicant_id, i.type, i.name, i.id_type, i.id_number_enc, i.id_number_hash, i.phone_enc, i.email_enc, i.address_enc, i.contact_enc
    FROM input i JOIN ids USING (ord)),
  r AS (
    INSERT INTO requests (ref, tracking_code, access_key_hash, applicant_id, applicant_type, applicant_name, description, channel, delivery_method, format, source, state, regime, event_count)
    SELECT i.ref_prefix || lpad(ids.ref_no::text, 6, '0'), i.tracking_code, i.access_key_hash, ids.applicant_id, i.type, i.name, i.description,
      'online', i.delivery_method, i.format, 'online', i.state, i.regime, 1
    FROM input i JOIN ids USING (ord)
    RETURNING id, ref, tracking_code),
  e AS (
    INSERT INTO request_events (request_id, seq, type, "on", payload, actor_name, tag)
    SELECT r.id, 1, 'submitted', i.on_date, '{"channel":"online"}'::jsonb, '申请人', i.event_tag FROM r JOIN input i USING (tracking_code)),
  au AS (
    INSERT INTO audit_log (at, actor_name, action, target_type, target_id, detail, ip, tag)
    SELECT i.at, '公众', 'request.submitted_online', 'request', r.id::text, jsonb_build_object('ref', r.ref), i.ip, i.audit_tag FROM r JOIN input i USING (tracking_code))
  SELECT id, ref, tracking_code AS "trackingCode" FROM r`;

type Written = { id: number; ref: string } | { error: unknown };

async function writeSubmissions(db: ServiceContext['db'], rows: Submission[]): Promise<Map<Submission, Written>> {
  const columns = (pick: (s: Submission) => unknown) => rows.map(pick);
  const values = [
    ...Array.from({ length: 9 }, (_, k) => columns((s) => s.applicant[k])),
    columns((s) => s.refPrefix), columns((s) => s.trackingCode), columns((s) => s.accessKeyHash), columns((s) => s.description),
    columns((s) => s.deliveryMethod), columns((s) => s.format), columns((s) => s.state), columns((s) => s.regime),
    columns((s) => s.on), columns((s) => s.at), columns((s) => s.ip),
    columns(() => chainTag('request_events')), columns(() => chainTag('audit_log')),
  ];
  const written = await queryPrepared<{ id: number; ref: string; trackingCode: string }>(db, 'gk_public_submit', SUBMIT_SQL, values);
  const byCode = new Map(written.map((r) => [r.trackingCode, { id: Number(r.id), ref: r.ref }]));
  return new Map(rows.map((s) => [s, byCode.get(s.trackingCode) ?? { error: new Error('提交未写入') }]));
}

/** One writer per database: submissions arriving together are committed by one statement (db/batch-calls.ts). */
const writers = new WeakMap<object, (s: Submission) => Promise<Written | undefined>>();
function submissionWriter(db: ServiceContext['db']) {
  let write = writers.get(db);
  if (!write) {
    write = batchCalls(async (rows: Submission[]) => {
      try {
        return await writeSubmissions(db, rows);
      } catch (err) {
        if (rows.length === 1) return new Map([[rows[0], { error: err }]]);
        // One bad row must not sink the others: write them one by one, each with its own answer.
        const out = new Map<Submission, Written>();
        for (const row of rows) out.set(row, (await writeSubmissions(db, [row]).catch((error: unknown) => new Map([[row, { error }]]))).get(row)!);
        return out;
      }
    });
    writers.set(db, write);
  }
  return write;
}

/**
 * Use case: a member of the public submits a request online (Art.29). It waits for the office's confirmation
 * (Art.31(三)). The answer (tracking code and access key) is given only after the submission is committed.
 */
export async function submitPublicRequest(ctx: ServiceContext, input: PublicRequestInput): Promise<SubmitResult> {
  assertApplicant(input.applicant, true);
  assertDescription(input.description);
  const clock = await loadClockContext(ctx.db);
  const view = applyEvent(null, { type: 'submitted', on: ctx.today, channel: 'online' }, clock);
  const a = input.applicant;
  const trackingCode = randomCode(10);
  const accessKey = randomCode(8);
  const written = await submissionWriter(ctx.db)({
    applicant: [a.type, a.name.trim(), a.idType?.trim() || (a.type === 'natural' ? '身份证' : '统一社会信用代码'), encryptPii(ctx.keys, a.idNumber?.trim().toUpperCase()),
      idNumberHash(ctx.keys, a.idNumber), encryptPii(ctx.keys, a.phone?.trim()), encryptPii(ctx.keys, a.email?.trim()), encryptPii(ctx.keys, a.address?.trim()),
      encryptPii(ctx.keys, a.contactName?.trim())],
    refPrefix: `GK-${ctx.today.slice(0, 4)}-`, trackingCode, accessKeyHash: sm3(accessKey), description: input.description.trim(),
    deliveryMethod: input.deliveryMethod, format: input.format, state: view.state, regime: view.regime ?? null,
    on: ctx.today, at: ctx.now.toISOString(), ip: ctx.ip ?? null,
  });
  if (!written || 'error' in written) throw written?.error ?? new Error('提交未写入');
  return { id: written.id, ref: written.ref, trackingCode, accessKey };
}

export interface RegisterRequestInput {
  applicant: ApplicantInput;
  description: string;
  channel: Channel;
  /** Legal receipt date (Art.31): in person = submission day; post = signed-for day; fax/online/email = confirmed day. */
  receivedOn: string;
  /** Evidence of the receipt date: 签收单号、邮件确认记录 … */
  evidence?: string | null;
  deliveryMethod?: string | null;
  format?: string | null;
}

/** Use case: the registrar registers a paper / in-person / fax / letter / email request. */
export async function registerRequest(ctx: ServiceContext, input: RegisterRequestInput): Promise<SubmitResult & { duplicateOfId: number | null; receiptHtml: string | null }> {
  const actor = requireRole(ctx.actor, 'registrar');
  assertApplicant(input.applicant, false);
  assertDescription(input.description);
  if (!isIsoDate(input.receivedOn)) throw new DomainError('VALIDATION', `收到日期 "${input.receivedOn}" 不是有效日期`, { problems: [{ field: 'receivedOn', message: '日期格式应为 YYYY-MM-DD' }] });
  if (input.receivedOn > ctx.today) throw new DomainError('VALIDATION', `收到日期 ${input.receivedOn} 晚于今天，请核对`, { problems: [{ field: 'receivedOn', message: '收到日期不能晚于今天' }] });
  return ctx.db.transaction(async (tx) => {
    const created = await insertRequest(tx, ctx, { ...input, source: 'staff' }, [{ type: 'registered', on: input.receivedOn, receivedOn: input.receivedOn, channel: input.channel, evidence: input.evidence ?? undefined }], actor);
    const duplicateOfId = await markLikelyDuplicate(tx, ctx, created.id);
    // The 登记回执 printed now carries the 查询码 and 查询密码 (the key exists in clear only here; it is stored hashed).
    const receipt = await issueNotice(tx, created.id, 'receipt', input.receivedOn, actor, ctx.now, { accessKey: created.accessKey });
    await appendAudit(tx, actor, { action: 'request.registered', targetType: 'request', targetId: created.id, detail: { ref: created.ref, channel: input.channel, receivedOn: input.receivedOn } }, ctx.ip ?? null, ctx.now);
    return { ...created, duplicateOfId, receiptHtml: receipt.printHtml ?? null };
  });
}

/** Use case: the office confirms an online request; the confirmation day is the legal receipt date (Art.31(三)). */
export async function confirmOnlineRequest(ctx: ServiceContext, requestId: number, input: { receivedOn?: string; evidence?: string }) {
  const actor = requireRole(ctx.actor, 'registrar');
  const receivedOn = input.receivedOn ?? ctx.today;
  if (!isIsoDate(receivedOn) || receivedOn > ctx.today) throw new DomainError('VALIDATION', `确认日期 "${receivedOn}" 无效或晚于今天`);
  return ctx.db.transaction(async (tx) => {
    const clock = await loadClockContext(tx);
    const view = await appendEvents(tx, requestId, [{ type: 'registered', on: receivedOn, receivedOn, channel: 'online', evidence: input.evidence ?? '网上申请双方确认' } as RequestEvent], actor, clock);
    await markLikelyDuplicate(tx, ctx, requestId);
    await issueNotice(tx, requestId, 'receipt', receivedOn, actor, ctx.now);
    await appendAudit(tx, actor, { action: 'request.confirmed', targetType: 'request', targetId: requestId, detail: { receivedOn } }, ctx.ip ?? null, ctx.now);
    return view;
  });
}

/**
 * Duplicate detection (Art.36(六) 重复申请): an earlier request by the same applicant (same ID number, or same name
 * when no ID was given) with the same or near-same description. The handler is shown it and decides.
 */
export async function markLikelyDuplicate(tx: Executor, ctx: ServiceContext, requestId: number): Promise<number | null> {
  const [me] = await tx.select({ id: requests.id, description: requests.description, applicantName: requests.applicantName, idHash: applicants.idNumberHash })
    .from(requests).leftJoin(applicants, eq(applicants.id, requests.applicantId)).where(eq(requests.id, requestId));
  if (!me) return null;
  const sameApplicant = me.idHash ? eq(applicants.idNumberHash, me.idHash) : eq(requests.applicantName, me.applicantName);
  const earlier = await tx.select({ id: requests.id, description: requests.description })
    .from(requests).leftJoin(applicants, eq(applicants.id, requests.applicantId))
    .where(and(sameApplicant, ne(requests.id, requestId), or(sql`${requests.id} < ${requestId}`)))
    .orderBy(desc(requests.id)).limit(50);
  const hit = earlier.find((e) => isLikelyDuplicate(e.description, me.description));
  if (hit) await tx.update(requests).set({ duplicateOfId: hit.id }).where(eq(requests.id, requestId));
  void idNumberHash; void ctx;
  return hit?.id ?? null;
}
