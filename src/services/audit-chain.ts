import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { hmacSm3 } from '../security/crypto.js';

/**
 * The two tamper-evident chains: the audit log and the request event log (the system's source of truth).
 *
 * - Writers stamp each row with a keyed `tag` (nonce + HMAC-SM3): a row inserted by someone without the key is never
 *   sealed and is reported by `verifyChains`.
 * - The sealer links committed, tagged rows in id order: hash = HMAC-SM3(key, chain|seq|prev|tag|canonical row), the
 *   key derived from the deployment's key file (never in the database), then appends a signed checkpoint of both chain
 *   heads to an append-only file outside the database, so deleting the newest rows is detected too. Before extending a
 *   chain it checks that the database still holds the last anchored head, so it never re-seals a rewritten tail.
 * - Rows the system itself removes (re-imported event logs) leave keyed tombstones in `chain_tombstones`.
 * - Verification only reads: it never seals before it checks.
 */
export type ChainName = 'audit_log' | 'request_events';
export const CHAINS: readonly ChainName[] = ['audit_log', 'request_events'];
export const CHAIN_LABELS: Record<ChainName, string> = { audit_log: '审计日志', request_events: '办理记录' };
export const CHAIN_GENESIS = '0'.repeat(64);
/** Rows still unsealed this long after they were written are a finding (sealer runs every 2 s; margin for long transactions). */
export const SEAL_GRACE_MS = 60_000;
const SEAL_LOCK = 724012;

interface ChainConfig { key: Buffer; anchorFile: string | null }
let config: ChainConfig | null = null;

/** Sets the chain key (from the key file, `Keys.chain`) and the anchor file of this process; called when a deployment is opened. */
export function configureAuditChain(key: Buffer, anchorFile: string | null): void {
  config = { key, anchorFile };
  anchorCache = null;
}

export function auditChainConfigured(): boolean {
  return config !== null;
}

function mac(data: string): string {
  return hmacSm3(config!.key, data);
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The writer's mark for a new row of `chain` (null when no key is configured: such a row is never sealed). Given the
 * row's content (as `contentForTag` rebuilds it from the stored row), the mark also binds it, so even an unsealed row
 * cannot be edited unnoticed; writers that learn some columns only in SQL (the batched public submission) mark
 * the row without content, and the sealer binds it within seconds.
 */
export function chainTag(chain: ChainName, content?: Record<string, unknown>): string | null {
  if (!config) return null;
  const nonce = randomBytes(12).toString('hex');
  if (content === undefined) return `u.${nonce}.${mac(`tag|${chain}|${nonce}`)}`;
  return `b.${nonce}.${mac(`tag|${chain}|${nonce}|${canonical(JSON.parse(JSON.stringify(content)))}`)}`;
}

/** The content a bound mark covers: every stored column of the row but the event's database-set `at`. */
function contentForTag(chain: ChainName, r: Row): Record<string, unknown> {
  if (chain === 'audit_log') return r.content;
  const { atMs: _atMs, ...rest } = r.content;
  return rest;
}

function tagValid(chain: ChainName, r: Row): boolean {
  if (!config || !r.tag) return false;
  const [kind, nonce, m, extra] = r.tag.split('.');
  if (extra !== undefined || !nonce || !m) return false;
  if (kind === 'u') return sameHex(m, mac(`tag|${chain}|${nonce}`));
  if (kind === 'b') return sameHex(m, mac(`tag|${chain}|${nonce}|${canonical(contentForTag(chain, r))}`));
  return false;
}

export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

interface Row { id: number; tag: string | null; seq: number | null; prev: string | null; hash: string | null; atMs: number; content: Record<string, unknown>; name: string }

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const SPECS: Record<ChainName, { columns: SQL; row(r: Record<string, unknown>): Omit<Row, 'id' | 'tag' | 'seq' | 'prev' | 'hash'> }> = {
  audit_log: {
    columns: sql`at, actor_id, actor_name, action, target_type, target_id, detail, ip`,
    row: (r) => ({
      atMs: Date.parse(String(r.at)),
      content: { at: r.at, actorId: num(r.actor_id), actorName: r.actor_name, action: r.action, targetType: r.target_type, targetId: r.target_id, detail: r.detail ?? null, ip: r.ip },
      name: `审计日志第 ${r.id} 条`,
    }),
  },
  request_events: {
    // `at` hashed as epoch milliseconds: the same on PostgreSQL and PGlite, and after a restore through JavaScript.
    columns: sql`request_id, seq AS event_seq, type, "on"::text AS on_date, payload, actor_id, actor_name, floor(extract(epoch from at) * 1000)::bigint AS at_ms`,
    row: (r) => ({
      atMs: Number(r.at_ms),
      content: { requestId: num(r.request_id), seq: num(r.event_seq), type: r.type, on: r.on_date, payload: r.payload ?? null, actorId: num(r.actor_id), actorName: r.actor_name, atMs: Number(r.at_ms) },
      name: `办理记录第 ${r.id} 条（申请 ${r.request_id} 的第 ${r.event_seq} 项）`,
    }),
  },
};

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

async function selectRows(db: Executor, chain: ChainName, where: SQL, order: SQL, limit: number): Promise<Row[]> {
  const spec = SPECS[chain];
  const r = await db.execute(sql`SELECT id, tag, chain_seq, prev_hash, hash, ${spec.columns} FROM ${sql.raw(chain)} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`);
  return rowsOf(r).map((x) => ({ id: Number(x.id), tag: (x.tag as string | null) ?? null, seq: num(x.chain_seq), prev: (x.prev_hash as string | null) ?? null, hash: (x.hash as string | null) ?? null, ...spec.row(x) }));
}

function linkHash(chain: ChainName, seq: number, prev: string, r: Row): string {
  return mac(`${chain}|${seq}|${prev}|${r.tag ?? ''}|${canonical(r.content)}`);
}

function tombMac(chain: ChainName, seq: number, hash: string): string {
  return mac(`tombstone|${chain}|${seq}|${hash}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Anchor file: one JSON line per checkpoint, each signed; only the last valid line is the current anchor.

export interface Head { seq: number; hash: string; id: number | null }
type Heads = Record<ChainName, Head>;
interface AnchorLine { v: 1; kind: 'checkpoint' | 'restore' | 'reseal'; at: string; heads: Heads; mac: string }
interface AnchorState { last: AnchorLine | null; bad: number[]; size: number }
let anchorCache: (AnchorState & { file: string }) | null = null;

function lineMac(l: Omit<AnchorLine, 'mac'>): string {
  return mac(`anchor|${canonical({ v: l.v, kind: l.kind, at: l.at, heads: l.heads })}`);
}

function readAnchor(): AnchorState | null {
  const file = config?.anchorFile;
  if (!file) return null;
  if (!existsSync(file)) return { last: null, bad: [], size: 0 };
  const size = statSync(file).size;
  if (anchorCache && anchorCache.file === file && anchorCache.size === size) return anchorCache;
  const lines = readFileSync(file, 'utf8').split('\n');
  let last: AnchorLine | null = null;
  const bad: number[] = [];
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    try {
      const l = JSON.parse(text) as AnchorLine;
      if (typeof l.mac === 'string' && sameHex(l.mac, lineMac(l))) last = l;
      else bad.push(i + 1);
    } catch { bad.push(i + 1); }
  });
  anchorCache = { file, last, bad, size };
  return anchorCache;
}

function writeAnchor(kind: AnchorLine['kind'], heads: Heads): void {
  const file = config?.anchorFile;
  if (!file) return;
  const body = { v: 1 as const, kind, at: new Date().toISOString(), heads };
  const line = `${JSON.stringify({ ...body, mac: lineMac(body) })}\n`;
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  try { writeSync(fd, line); fsyncSync(fd); } finally { closeSync(fd); }
}

async function head(db: Executor, chain: ChainName): Promise<Head> {
  const r = rowsOf(await db.execute(sql`SELECT * FROM (
      (SELECT chain_seq, hash, id FROM ${sql.raw(chain)} WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1)
      UNION ALL (SELECT chain_seq, hash, NULL::bigint AS id FROM chain_tombstones WHERE chain = ${chain} ORDER BY chain_seq DESC LIMIT 1)) h
    ORDER BY chain_seq DESC LIMIT 1`))[0];
  return r ? { seq: Number(r.chain_seq), hash: String(r.hash), id: num(r.id) } : { seq: 0, hash: CHAIN_GENESIS, id: null };
}

async function heads(db: Executor): Promise<Heads> {
  return { audit_log: await head(db, 'audit_log'), request_events: await head(db, 'request_events') };
}

/** The hash the database holds at chain position `seq` (a row or a tombstone), or null. */
async function hashAt(db: Executor, chain: ChainName, seq: number): Promise<string | null> {
  const r = rowsOf(await db.execute(sql`SELECT hash FROM ${sql.raw(chain)} WHERE chain_seq = ${seq}
    UNION ALL SELECT hash FROM chain_tombstones WHERE chain = ${chain} AND chain_seq = ${seq}`))[0];
  return r ? String(r.hash) : null;
}

export class ChainAnchorMismatch extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Sealing

async function sealChain(db: Db, chain: ChainName, batch: number, allowLegacy: boolean): Promise<number> {
  let sealed = 0;
  let afterId = 0;
  let checkedAnchor = false;
  for (;;) {
    const r = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`);
      const pending = await selectRows(tx, chain, sql`chain_seq IS NULL AND id > ${afterId}`, sql`id`, batch);
      if (pending.length === 0) return { n: 0, seen: 0, lastId: afterId };
      const h = await head(tx, chain);
      if (!checkedAnchor) {
        const cp = readAnchor()?.last?.heads[chain];
        if (cp && cp.seq > 0 && (h.seq < cp.seq || (await hashAt(tx, chain, cp.seq)) !== cp.hash)) {
          throw new ChainAnchorMismatch(`${CHAIN_LABELS[chain]}与外部锚点不一致（锚点链序 ${cp.seq}），停止封链：请运行 gongkai audit verify`);
        }
        checkedAnchor = true;
      }
      let seq = h.seq;
      let prev = h.hash;
      const rows: { id: number; seq: number; prev: string; hash: string }[] = [];
      for (const p of pending) {
        if (!tagValid(chain, p) && !(allowLegacy && p.tag?.startsWith('legacy:'))) continue; // not written by the system: left for verify to report
        const hash = linkHash(chain, ++seq, prev, p);
        rows.push({ id: p.id, seq, prev, hash });
        prev = hash;
      }
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = sql.join(chunk.map((c) => sql`(${c.id}::bigint, ${c.seq}::bigint, ${c.prev}, ${c.hash})`), sql`, `);
        const done = rowsOf(await tx.execute(sql`UPDATE ${sql.raw(chain)} AS a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
          FROM (VALUES ${values}) AS v(id, seq, prev, hash) WHERE a.id = v.id AND a.chain_seq IS NULL RETURNING a.id`));
        // A row removed meanwhile (re-import) would leave a gap: undo and seal again next time.
        if (done.length !== chunk.length) throw new Error('retry');
      }
      return { n: rows.length, seen: pending.length, lastId: pending[pending.length - 1].id };
    }).catch((e: unknown) => { if ((e as Error).message === 'retry') return { n: 0, seen: 0, lastId: afterId }; throw e; });
    sealed += r.n;
    afterId = r.lastId;
    if (r.seen < batch) return sealed;
  }
}

/**
 * Links committed, tagged rows of both chains (one sealer at a time), then anchors the new heads outside the
 * database. Throws ChainAnchorMismatch (and seals nothing) when the database no longer holds the anchored head.
 */
export async function sealChains(db: Db, opts: { batch?: number; allowLegacy?: boolean; anchorKind?: AnchorLine['kind'] } = {}): Promise<number> {
  if (!config) return 0;
  let sealed = 0;
  for (const chain of CHAINS) sealed += await sealChain(db, chain, opts.batch ?? 2000, opts.allowLegacy ?? false);
  const anchor = readAnchor();
  if (anchor && (sealed > 0 || anchor.last === null || opts.anchorKind)) {
    const h = await heads(db);
    if (sealed > 0 || opts.anchorKind || h.audit_log.seq > 0 || h.request_events.seq > 0) writeAnchor(opts.anchorKind ?? 'checkpoint', h);
  }
  return sealed;
}

/**
 * Deletes chain rows the system itself replaces (`where` selects them; e.g. a re-imported request's event log) and
 * leaves a keyed tombstone for each sealed one, so the chain still verifies. Returns how many rows were deleted.
 */
export async function deleteChainRows(tx: Executor, chain: ChainName, where: SQL, reason: string): Promise<number> {
  const gone = rowsOf(await tx.execute(sql`DELETE FROM ${sql.raw(chain)} WHERE ${where} RETURNING chain_seq, hash`));
  const sealed = gone.filter((g) => g.chain_seq !== null && g.chain_seq !== undefined);
  if (sealed.length && config) {
    const at = new Date().toISOString();
    for (let i = 0; i < sealed.length; i += 500) {
      const values = sql.join(sealed.slice(i, i + 500).map((g) => {
        const seq = Number(g.chain_seq);
        return sql`(${chain}, ${seq}::bigint, ${String(g.hash)}, ${tombMac(chain, seq, String(g.hash))}, ${at}, ${reason})`;
      }), sql`, `);
      await tx.execute(sql`INSERT INTO chain_tombstones (chain, chain_seq, hash, mac, at, reason) VALUES ${values}`);
    }
  }
  return gone.length;
}

/**
 * Re-marks not-yet-sealed rows the system itself just rewrote in SQL (the demo naming its staff on the timeline),
 * so their bound marks match the content again. Only for the system's own bulk edits, never for sealed rows.
 */
export async function remarkUnsealedRows(tx: Executor, chain: ChainName, where: SQL): Promise<number> {
  if (!config) return 0;
  let n = 0;
  let afterId = 0;
  for (;;) {
    const rows = await selectRows(tx, chain, sql`chain_seq IS NULL AND id > ${afterId} AND (${where})`, sql`id`, 2000);
    if (rows.length === 0) return n;
    const values = sql.join(rows.map((r) => sql`(${r.id}::bigint, ${chainTag(chain, contentForTag(chain, r))})`), sql`, `);
    await tx.execute(sql`UPDATE ${sql.raw(chain)} AS a SET tag = v.tag FROM (VALUES ${values}) AS v(id, tag) WHERE a.id = v.id AND a.chain_seq IS NULL`);
    n += rows.length;
    afterId = rows[rows.length - 1].id;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Verification (read only)

export interface ChainFinding { chain: ChainName; id: number | null; message: string }

export interface ChainVerifyResult {
  ok: boolean;
  /** Audit log rows checked (kept for the API), and per chain. */
  checked: number;
  checkedByChain: Record<ChainName, number>;
  /** Rows written within the sealing grace period, not yet sealed (not a finding). */
  pending: number;
  /** First bad row of the audit log (kept for the API) and the first finding of either chain. */
  firstBadId: number | null;
  firstBad: ChainFinding | null;
  findings: ChainFinding[];
  anchored: boolean;
  message: string;
}

async function walkChain(db: Db, chain: ChainName, cp: Head | null, pageSize: number, findings: ChainFinding[]): Promise<{ checked: number; lastSeq: number; lastId: number | null }> {
  const label = CHAIN_LABELS[chain];
  let prev = CHAIN_GENESIS;
  let expect = 1;
  let checked = 0;
  let lastId: number | null = null;
  const fail = (id: number | null, message: string) => { findings.push({ chain, id, message }); return { checked, lastSeq: expect - 1, lastId }; };
  const tombs = async (from: number, to: number | null) => {
    const r = rowsOf(await db.execute(sql`SELECT chain_seq, hash, mac FROM chain_tombstones WHERE chain = ${chain} AND chain_seq >= ${from}
      ${to === null ? sql`` : sql`AND chain_seq < ${to}`} ORDER BY chain_seq`));
    return new Map(r.map((t) => [Number(t.chain_seq), { hash: String(t.hash), mac: String(t.mac) }]));
  };
  // Steps over tombstones up to (not including) `until`; returns false if a position is missing or forged.
  const skip = (t: Map<number, { hash: string; mac: string }>, until: number): boolean => {
    while (expect < until) {
      const s = t.get(expect);
      if (!s || !sameHex(s.mac, tombMac(chain, expect, s.hash))) return false;
      if (cp && cp.seq === expect && cp.hash !== s.hash) return false;
      prev = s.hash;
      expect++;
    }
    return true;
  };
  for (;;) {
    const rows = await selectRows(db, chain, sql`chain_seq >= ${expect}`, sql`chain_seq`, pageSize);
    if (rows.length === 0) break;
    const t = await tombs(expect, rows[rows.length - 1].seq!);
    for (const r of rows) {
      if (!skip(t, r.seq!)) return fail(r.id, `${r.name}（链序 ${r.seq}）之前缺少链序 ${expect} 的记录：记录被删除或链序被改动`);
      const ok = r.prev !== null && r.hash !== null && sameHex(r.prev, prev) && sameHex(r.hash, linkHash(chain, r.seq!, prev, r));
      if (!ok || (cp && cp.seq === r.seq && cp.hash !== r.hash)) return fail(r.id, `${r.name}（链序 ${r.seq}）校验失败：记录被修改、调换或伪造`);
      prev = r.hash!;
      lastId = r.id;
      expect++;
      checked++;
    }
  }
  const rest = await tombs(expect, null);
  while (rest.has(expect)) { if (!skip(rest, expect + 1)) return fail(null, `${label}链序 ${expect} 的删除记录签名无效`); }
  if (rest.size > 0 && [...rest.keys()].some((s) => s >= expect)) return fail(null, `${label}链序 ${expect} 的记录缺失`);
  return { checked, lastSeq: expect - 1, lastId };
}

/** Recomputes both chains against the key and the anchor; never seals. Reports every finding, the first one first. */
export async function verifyChains(db: Db, opts: { now?: Date; pageSize?: number; ignoreAnchor?: boolean; graceMs?: number } = {}): Promise<ChainVerifyResult> {
  const now = (opts.now ?? new Date()).getTime();
  const grace = opts.graceMs ?? SEAL_GRACE_MS;
  const findings: ChainFinding[] = [];
  const checkedByChain = { audit_log: 0, request_events: 0 };
  let pending = 0;
  if (!config) {
    const message = '未载入审计密钥，无法校验';
    return { ok: false, checked: 0, checkedByChain, pending, firstBadId: null, firstBad: { chain: 'audit_log', id: null, message }, findings: [{ chain: 'audit_log', id: null, message }], anchored: false, message };
  }
  const anchor = opts.ignoreAnchor ? null : readAnchor(); // read before the walk: a checkpoint written meanwhile never exceeds what the walk sees
  for (const n of anchor?.bad ?? []) findings.push({ chain: 'audit_log', id: null, message: `外部锚点文件第 ${n} 行签名无效或无法读取` });
  for (const chain of CHAINS) {
    const label = CHAIN_LABELS[chain];
    const cp = anchor?.last?.heads[chain] ?? null;
    const walked = await walkChain(db, chain, cp, opts.pageSize ?? 5000, findings);
    checkedByChain[chain] = walked.checked;
    const unsealed = await selectRows(db, chain, sql`chain_seq IS NULL`, sql`id`, 100_000);
    const firstUnsealed = unsealed[0];
    if (cp && cp.seq > walked.lastSeq && !findings.some((f) => f.chain === chain)) {
      const lastRow = walked.lastId === null ? '' : `（第 ${walked.lastId} 条）`;
      findings.push(firstUnsealed
        ? { chain, id: firstUnsealed.id, message: `${firstUnsealed.name}起不在链上：外部锚点记录到链序 ${cp.seq}，数据库链上只到链序 ${walked.lastSeq}${lastRow}（封链被清除或记录被删除）` }
        : { chain, id: cp.id, message: `${label}链尾被删除：外部锚点记录到链序 ${cp.seq}${cp.id === null ? '' : `（第 ${cp.id} 条）`}，数据库只到链序 ${walked.lastSeq}${lastRow}` });
    }
    for (const u of unsealed) {
      if (!tagValid(chain, u)) findings.push({ chain, id: u.id, message: `${u.name}不是本系统写入的原样记录（写入标记无效：伪造或被修改），未上链` });
      else if (now - u.atMs > grace) findings.push({ chain, id: u.id, message: `${u.name}写入已超过 ${grace / 1000} 秒仍未封链（封链被清除或封链程序未运行）` });
      else pending++;
    }
  }
  const anchored = anchor !== null;
  const checked = checkedByChain.audit_log;
  if (findings.length > 0) {
    const firstBad = findings[0];
    const auditBad = findings.find((f) => f.chain === 'audit_log' && f.id !== null);
    return { ok: false, checked, checkedByChain, pending, firstBadId: auditBad?.id ?? null, firstBad, findings, anchored, message: `校验失败：${firstBad.message}` };
  }
  const message = `审计日志与办理记录完整：审计日志 ${checked} 条、办理记录 ${checkedByChain.request_events} 条，HMAC-SM3 链无断裂${anchored ? '，与外部锚点一致' : '（未配置外部锚点，无法发现链尾被删除）'}${pending ? `；另有 ${pending} 条刚写入、待封链` : ''}`;
  return { ok: true, checked, checkedByChain, pending, firstBadId: null, firstBad: null, findings, anchored, message };
}

/** Appends a signed anchor line with the database's current heads (after a restore or the one-time re-seal). */
export async function anchorCurrentHeads(db: Executor, kind: AnchorLine['kind']): Promise<Heads> {
  const h = await heads(db);
  writeAnchor(kind, h);
  return h;
}

/** The last valid anchor line (for tests and the restore). */
export function currentAnchor(): AnchorLine | null {
  return readAnchor()?.last ?? null;
}
