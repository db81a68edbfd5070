import { queryPrepared, type Db } from '../../db/client.js';
import { batchCalls } from '../../db/batch-calls.js';
import { describeState } from '../../core/requests/index.js';
import { DomainError } from '../../core/errors.js';
import { OUTCOME_LABELS, type Outcome } from '../../core/requests/outcomes.js';
import { sm3 } from '../../security/crypto.js';
import type { ServiceContext } from '../context.js';

/** Plain-words timeline for the applicant (no internal names, no reviewers' comments). */
const PUBLIC_EVENT_TEXT: Record<string, string> = {
  submitted: '您的申请已提交，等待受理机关确认',
  registered: '受理机关已确认收到您的申请',
  supplement_requested: '受理机关请您补正申请内容',
  supplement_received: '受理机关已收到您的补正材料',
  supplement_expired: '补正期限已过',
  assigned: '申请已交承办单位办理',
  reasons_requested: '受理机关请您说明申请理由（条例第三十五条）',
  reasons_received: '受理机关已收到您说明的理由',
  reasons_expired: '说明理由的期限已过',
  delay_set: '受理机关已确定延迟答复的期限（条例第三十五条）',
  consultation_started: '正在征求有关方面意见（所需时间不计入答复期限，最长至对方收到征求意见书后15个工作日）',
  consultation_ended: '征求意见已结束',
  extension_approved: '经批准延长答复期限',
  fee_notice_issued: '已向您发出信息处理费收费通知',
  fee_paid: '已收到信息处理费',
  fee_expired: '逾期未缴纳信息处理费',
  replied: '已作出答复',
  delivered: '答复已送达',
  withdrawn: '申请已撤回',
  closed: '办理完毕',
};

/** States in which the applicant sees the outcome and the reply (and no longer a due date). */
const ANSWERED_STATES = ['replied', 'delivered', 'closed'];

type StatusRow = {
  trackingCode: string; ref: string; accessKeyHash: string | null; state: string; receivedOn: string | null; dueOn: string | null;
  outcome: string | null; repliedOn: string | null; deliveredOn: string | null; description: string;
  events: { on: string; type: string }[] | null; reply: { docNumber: string | null; html: string } | null;
};

/**
 * The whole public answer for a set of tracking codes in one statement: the request, its event dates/types and,
 * once answered, the final reply notice as sent. Each code is looked up through the unique index (LATERAL … LIMIT 1
 * keeps the planner from hashing the whole table when it is small; measured 0.33 → 0.25 ms for 20 codes on 1,000
 * requests, and one index probe instead of a table scan for a lone lookup).
 */
const STATUS_SQL = `SELECT x.* FROM unnest($1::text[], $2::text[]) AS c(code, key_hash) CROSS JOIN LATERAL (
    SELECT r.tracking_code AS "trackingCode", r.ref, r.access_key_hash AS "accessKeyHash", r.state,
      r.received_on::text AS "receivedOn", r.due_on::text AS "dueOn", r.outcome, r.replied_on::text AS "repliedOn",
      r.delivered_on::text AS "deliveredOn", r.description,
      (SELECT json_agg(json_build_object('on', e.on, 'type', e.type) ORDER BY e.seq) FROM request_events e WHERE e.request_id = r.id) AS events,
      CASE WHEN r.state IN (${ANSWERED_STATES.map((s) => `'${s}'`).join(', ')}) THEN
        (SELECT json_build_object('docNumber', n.doc_number, 'html', n.html) FROM notices n
          WHERE n.request_id = r.id AND n.type = 'reply' AND n.status = 'final' ORDER BY n.id DESC LIMIT 1) END AS reply
    FROM requests r WHERE r.tracking_code = c.code AND r.access_key_hash = c.key_hash LIMIT 1) x`;

/**
 * One lookup function per database: concurrent queries are coalesced into one statement (db/batch-calls.ts), run
 * through `queryPrepared` (a named prepared statement on PostgreSQL). One statement at a time: the lookups that
 * arrive meanwhile wait and go together in the next one. Measured against four in flight (same batch sizes, about
 * 18 codes each): 25–26k vs 21k answers/s, because one busy PostgreSQL backend competes less with Node for the cores
 * than four do; a statement takes 0.1–0.3 ms, so nobody waits long behind it.
 */
const lookups = new WeakMap<object, (codeAndKeyHash: string) => Promise<StatusRow | undefined>>();
function statusLookup(db: Db): (codeAndKeyHash: string) => Promise<StatusRow | undefined> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = batchCalls(async (pairs: string[]) => {
      const split = pairs.map((p) => p.split(' '));
      const rows = await queryPrepared<StatusRow>(db, 'gk_public_status_keyed', STATUS_SQL, [split.map((x) => x[0]), split.map((x) => x[1])]);
      return new Map(rows.map((r) => [`${r.trackingCode} ${r.accessKeyHash}`, r]));
    }, { maxInFlight: 1 });
    lookups.set(db, lookup);
  }
  return lookup;
}

/**
 * Use case: the public progress query by tracking code and access key. An unknown code and a wrong key look the same
 * and cost the same: the key is matched inside the statement, so a real code with a wrong key no longer fetches the
 * timeline and the reply before being refused (it answered ~0.3 ms slower than an unknown code, issue 12 item 8).
 */
export async function getPublicStatus(ctx: ServiceContext, trackingCode: string, accessKey: string) {
  const code = trackingCode.trim().toUpperCase().replace(/\s/g, '');
  const row = await statusLookup(ctx.db)(`${code} ${sm3(accessKey.trim().toUpperCase())}`);
  if (!row) throw new DomainError('NOT_FOUND', '未找到该申请：请核对查询码和查询密码');
  const timeline = (row.events ?? []).filter((e) => PUBLIC_EVENT_TEXT[e.type]).map((e) => ({ on: e.on, type: e.type, text: PUBLIC_EVENT_TEXT[e.type] }));
  const answered = ANSWERED_STATES.includes(row.state);
  return {
    ref: row.ref, status: row.state, statusLabel: describeState(row.state as never).label,
    description: row.description, receivedOn: row.receivedOn, dueOn: answered ? null : row.dueOn,
    repliedOn: row.repliedOn, deliveredOn: row.deliveredOn,
    outcome: answered ? row.outcome : null, outcomeLabel: answered && row.outcome ? OUTCOME_LABELS[row.outcome as Outcome] ?? null : null,
    reply: answered && row.reply ? { docNumber: row.reply.docNumber, html: row.reply.html } : null,
    timeline,
  };
}
