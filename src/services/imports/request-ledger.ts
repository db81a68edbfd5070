/**
 * One row of a request ledger (DESIGN.md "Ledger import format"): reading and checking its cells, and turning it
 * into the same lifecycle events a live request goes through (registered → 补正 → assigned → extension → reply
 * drafted/approved/secrecy-cleared → replied), derived through core `applyEvent` in 'replay' mode — the mode for
 * facts that already happened, which does not re-judge their dates (a 补正 sent after 7 working days, an extension
 * approved after the due date stay as recorded; core/requests/request-view.ts LifecycleContext.mode).
 */
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, parseCode, type ApplicantType, type Channel, type IsoDate } from '../../core/types.js';
import { OUTCOME_LABELS, parseOutcome, type Outcome } from '../../core/requests/outcomes.js';
import { applyEvent, OFFICE_REPLY_OUTCOMES, type RequestEvent, type RequestView } from '../../core/requests/index.js';
import { DEADLINE_RULES, FEE_RULES_FROM } from '../../core/deadlines/rules.js';
import { isDomainError } from '../../core/errors.js';
import { forbiddenCharacter } from '../../core/validators/text.js';
import type { Calendar } from '../../core/calendar/working-days.js';
import type { DeadlineSettings } from '../../core/deadlines/rules.js';
import { cachedColumns } from '../requests/record-event.js';
import { REQUEST_LEDGER_COLUMNS, type HeaderMap, type RequestLedgerKey } from './columns.js';
import { cellText, isBlank, parseLedgerDate, parseYesNo, parseYuan, type CellValue } from './values.js';
import { quoteCell } from './common.js';

/** One problem of a ledger file: spreadsheet row (header = 1), column as headed in the file, the value, what to fix. */
export interface LedgerError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A checked ledger row. */
export interface RequestLedgerRecord {
  row: number;
  ref: string;
  receivedOn: IsoDate;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  description: string;
  department: string | null;
  supplementRequestedOn: IsoDate | null;
  supplementReceivedOn: IsoDate | null;
  extended: boolean;
  repliedOn: IsoDate | null;
  outcome: Outcome | null;
  feeYuan: number | null;
}

/**
 * Lead department of imported requests whose ledger row names no 承办单位 but whose outcome needs a department's
 * search (core refuses such replies straight from `registered`: OFFICE_REPLY_OUTCOMES). The department is created
 * inactive (it is not offered for new assignments) and exports write an empty 承办单位 for it.
 */
export const IMPORT_DEFAULT_DEPARTMENT = '政府信息公开工作机构（台账未填写承办单位）';
/** Written into event payloads and the actor column of imported events. */
export const IMPORT_ACTOR_NAME = '台账导入';
const LEGAL_BASIS = '《中华人民共和国政府信息公开条例》（据导入台账，未载明具体条款）';
const REASONS = '据导入台账记载';
/** 补正期限 given to the applicant when the ledger does not say (working days; Art.30 "合理的补正期限"). */
export const IMPORT_SUPPLEMENT_PERIOD_DAYS = 15;

const CHANNEL_ALIASES: Record<string, Channel> = {
  网上: 'online', 网上申请: 'online', 在线: 'online', 互联网: 'online', 网络申请: 'online', 网站: 'online',
  邮件: 'email', 电邮: 'email', email: 'email', 'e-mail': 'email', 电子邮件申请: 'email',
  信件: 'letter', 邮寄: 'letter', 信函申请: 'letter', 来信: 'letter',
  现场: 'in_person', 窗口: 'in_person', 当面申请: 'in_person', 当面提交: 'in_person',
  传真申请: 'fax',
};
const APPLICANT_ALIASES: Record<string, ApplicantType> = {
  公民: 'natural', 个人: 'natural', 自然人申请: 'natural',
  企业: 'commercial', 公司: 'commercial', 商业: 'commercial',
  科研: 'research', 社会组织: 'publicInterest', 公益组织: 'publicInterest',
  律师事务所: 'legalService', 律所: 'legalService', 法律服务: 'legalService',
  其他组织: 'otherOrg', 其他法人或其他组织: 'otherOrg',
};

export function parseChannel(v: string): Channel | undefined {
  return parseCode(CHANNEL_LABELS, v) ?? CHANNEL_ALIASES[v.replace(/\s+/g, '').toLowerCase()];
}
export function parseApplicantType(v: string): ApplicantType | undefined {
  return parseCode(APPLICANT_TYPE_LABELS, v) ?? APPLICANT_ALIASES[v.replace(/\s+/g, '')];
}

const CHANNEL_LIST = Object.values(CHANNEL_LABELS).join('、');
const APPLICANT_LIST = Object.values(APPLICANT_TYPE_LABELS).join('、');
const MAX_TEXT = 5000;

/** Header text of a column as the file spells it (or DESIGN.md's header when the column is absent). */
export function columnText<K extends string>(header: HeaderMap<K>, key: K, fallback: string): string {
  return header.text[key] ?? fallback;
}

const HEADER_OF = Object.fromEntries(REQUEST_LEDGER_COLUMNS.map((c) => [c.key, c.header])) as Record<RequestLedgerKey, string>;

/**
 * Reads and checks one row: required cells, enumerations, dates (not after `today`), the order of the dates,
 * 答复日期 ⇒ 办理结果, and the combinations the lifecycle can record. Every problem of the row is returned.
 */
export function parseRequestRow(row: number, values: Partial<Record<RequestLedgerKey, CellValue>>, header: HeaderMap<RequestLedgerKey>, today: IsoDate): { record: RequestLedgerRecord | null; errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const col = (k: RequestLedgerKey) => columnText(header, k, HEADER_OF[k]);
  const err = (k: RequestLedgerKey, message: string) => errors.push({ row, column: col(k), value: quoteCell(cellText(values[k])), message });
  const present = (k: RequestLedgerKey) => header.index[k] !== undefined;
  for (const [k, v] of Object.entries(values) as [RequestLedgerKey, CellValue][]) {
    const bad = typeof v === 'string' ? forbiddenCharacter(v) : null;
    if (bad) err(k, `含有不允许的控制字符（${bad}），请删除后重新导入`);
  }

  const text = (k: RequestLedgerKey, what: string, required: boolean): string | null => {
    const s = cellText(values[k]);
    if (s === '') {
      if (required && present(k)) err(k, `${what}不能为空，请填写`);
      return null;
    }
    if (s.length > MAX_TEXT) {
      err(k, `${what}超过${MAX_TEXT}字，请精简`);
      return null;
    }
    return s;
  };
  const dateOf = (k: RequestLedgerKey, required: boolean): IsoDate | null => {
    if (isBlank(values[k])) {
      if (required && present(k)) err(k, '日期不能为空，请填写（如 2024-01-05）');
      return null;
    }
    const d = parseLedgerDate(values[k]);
    if (d === undefined) {
      err(k, '不是有效日期，请写成 2024-01-05、2024/1/5 或 2024年1月5日');
      return null;
    }
    if (d > today) {
      err(k, `日期晚于今天（${today}），请核对`);
      return null;
    }
    if (d < '1990-01-01') {
      err(k, '日期早于1990年，请核对');
      return null;
    }
    return d;
  };

  const ref = text('ref', '受理编号', true);
  if (ref !== null && ref.length > 100) err('ref', '受理编号过长（最多100字），请核对');
  const receivedOn = dateOf('receivedOn', true);
  let channel: Channel | null = null;
  const channelText = text('channel', '申请方式', true);
  if (channelText !== null) {
    channel = parseChannel(channelText) ?? null;
    if (channel === null) err('channel', `无法识别的申请方式，应为：${CHANNEL_LIST}`);
  }
  let applicantType: ApplicantType | null = null;
  const typeText = text('applicantType', '申请人类型', true);
  if (typeText !== null) {
    applicantType = parseApplicantType(typeText) ?? null;
    if (applicantType === null) err('applicantType', `无法识别的申请人类型，应为：${APPLICANT_LIST}`);
  }
  const applicantName = text('applicantName', '申请人', true);
  const description = text('description', '申请内容', true);
  const department = text('department', '承办单位', false);
  if (department !== null && department.length > 100) err('department', '承办单位名称过长（最多100字）');
  const supplementRequestedOn = dateOf('supplementRequestedOn', false);
  const supplementReceivedOn = dateOf('supplementReceivedOn', false);
  const extended = parseYesNo(values.extended);
  if (extended === undefined) err('extended', '延期应填写“是”或“否”（不延期可留空）');
  const repliedOn = dateOf('repliedOn', false);
  let outcome: Outcome | null = null;
  if (!isBlank(values.outcome)) {
    outcome = parseOutcome(cellText(values.outcome)) ?? null;
    if (outcome === null) err('outcome', '无法识别的办理结果，请使用办理结果表中的名称或代码（如“予以公开”“不予公开-属于国家秘密”“同意公开”）');
  }
  let feeYuan: number | null = null;
  if (!isBlank(values.feeYuan)) {
    const fee = parseYuan(values.feeYuan);
    if (fee === undefined) err('feeYuan', '收费金额应为不小于0的金额（单位：元，最多两位小数），不收费请留空');
    else feeYuan = fee > 0 ? fee : null;
  }

  // Dates in the order the procedure has them.
  if (receivedOn !== null) {
    if (supplementRequestedOn !== null && supplementRequestedOn < receivedOn) err('supplementRequestedOn', `补正告知日期早于收到日期（${receivedOn}），请核对`);
    if (repliedOn !== null && repliedOn < receivedOn) err('repliedOn', `答复日期早于收到日期（${receivedOn}），请核对`);
  }
  if (supplementReceivedOn !== null) {
    if (supplementRequestedOn === null) {
      if (isBlank(values.supplementRequestedOn)) err('supplementReceivedOn', '填写了补正收到日期，但没有补正告知日期，请补填补正告知日期');
    } else if (supplementReceivedOn < supplementRequestedOn) err('supplementReceivedOn', `补正收到日期早于补正告知日期（${supplementRequestedOn}），请核对`);
    if (repliedOn !== null && repliedOn < supplementReceivedOn) err('repliedOn', `答复日期早于补正收到日期（${supplementReceivedOn}），请核对`);
  } else if (supplementRequestedOn !== null && repliedOn !== null && repliedOn < supplementRequestedOn) {
    err('repliedOn', `答复日期早于补正告知日期（${supplementRequestedOn}），请核对`);
  }

  // Combinations the procedure allows.
  if (repliedOn !== null && outcome === null && isBlank(values.outcome)) err('outcome', '已填写答复日期，须填写办理结果');
  if (repliedOn === null && outcome !== null && isBlank(values.repliedOn)) err('repliedOn', '填写了办理结果但没有答复日期：已答复的请填写答复日期，尚在办理的请清空办理结果');
  const awaitingSupplement = supplementRequestedOn !== null && supplementReceivedOn === null && isBlank(values.supplementReceivedOn);
  if (outcome === 'other_no_supplement') {
    if (supplementRequestedOn === null && isBlank(values.supplementRequestedOn)) err('supplementRequestedOn', '办理结果为“其他处理-逾期不补正”的，须填写补正告知日期');
    else if (!awaitingSupplement && supplementReceivedOn !== null) err('outcome', '已填写补正收到日期，办理结果不能是“其他处理-逾期不补正”，请核对');
    if (extended === true) err('extended', '逾期不补正的申请未进入答复期限，不能延期，请改为“否”');
  } else if (awaitingSupplement && repliedOn !== null && outcome !== null) {
    err('supplementReceivedOn', `已告知补正且已答复的，须填写补正收到日期；申请人未补正而终止的，办理结果应为“${OUTCOME_LABELS.other_no_supplement}”`);
  }
  if (awaitingSupplement && repliedOn === null && extended === true) err('extended', '尚待补正的申请不能延期（答复期限自收到补正之日起重新计算），请改为“否”');
  if (outcome === 'unavailable_unclear' && supplementRequestedOn === null && isBlank(values.supplementRequestedOn)) {
    err('outcome', '“无法提供-补正后申请内容仍不明确”只适用于已告知补正的申请，请填写补正告知日期和补正收到日期，或改用其他办理结果');
  }
  if (outcome === 'other_unpaid_fee' && feeYuan === null && isBlank(values.feeYuan)) err('feeYuan', '办理结果为“其他处理-逾期未缴纳信息处理费”的，须填写收费金额');
  if (feeYuan !== null && awaitingSupplement) err('feeYuan', '尚待补正的申请不能发出收费通知，请核对');
  if (feeYuan !== null) {
    const last = repliedOn ?? today;
    if (last < FEE_RULES_FROM) {
      err('feeYuan', `信息处理费自${FEE_RULES_FROM}起依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取，系统不能登记此前的收费；请清空该单元格，当年收费总额可在年度报告的“年度填报数据”中填写`);
    }
  }

  if (errors.length > 0 || ref === null || receivedOn === null || channel === null || applicantType === null || applicantName === null || description === null) {
    return { record: null, errors };
  }
  return {
    record: {
      row, ref, receivedOn, channel, applicantType, applicantName, description, department,
      supplementRequestedOn, supplementReceivedOn, extended: extended ?? false, repliedOn, outcome, feeYuan,
    },
    errors,
  };
}

export interface LedgerClock {
  calendar: Calendar;
  settings?: DeadlineSettings;
}

export interface BuiltRequest {
  events: RequestEvent[];
  view: RequestView;
  /** Name of the lead department (the ledger's 承办单位, or IMPORT_DEFAULT_DEPARTMENT), null when none assigned. */
  lead: string | null;
}

/** The ledger column an event comes from, for error messages. */
const EVENT_COLUMN: Partial<Record<RequestEvent['type'], RequestLedgerKey>> = {
  registered: 'receivedOn', supplement_requested: 'supplementRequestedOn', supplement_received: 'supplementReceivedOn',
  supplement_expired: 'outcome', assigned: 'department', extension_requested: 'extended', extension_approved: 'extended',
  fee_notice_issued: 'feeYuan', fee_paid: 'feeYuan', fee_expired: 'outcome', reply_drafted: 'outcome',
  reply_approved: 'repliedOn', secrecy_review_passed: 'repliedOn', replied: 'repliedOn',
};

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * The lifecycle events of a checked ledger row, applied one by one through core `applyEvent` in 'replay' mode
 * (dates as recorded, not re-judged). Events the ledger does not date are placed on the nearest date it does:
 * assignment on the receipt (or supplement) date; the extension on the base due date, or the reply date when
 * earlier; drafting, approval and secrecy review on the reply date. A fee (收费金额) becomes a fee notice, paid
 * when the request was answered (国办函〔2020〕109号). Departments are referred to by name (`lead`); the caller
 * maps names to ids. Throws a `LedgerError` when core refuses an event (a combination the checks above missed).
 */
export function buildLedgerEvents(rec: RequestLedgerRecord, clock: LedgerClock, today: IsoDate, header?: HeaderMap<RequestLedgerKey>): BuiltRequest {
  const ctx = { calendar: clock.calendar, settings: clock.settings, mode: 'replay' as const };
  const events: RequestEvent[] = [];
  let view: RequestView | null = null;
  let last: IsoDate = rec.receivedOn;
  const push = (event: RequestEvent) => {
    try {
      view = applyEvent(view, event, ctx);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const key = EVENT_COLUMN[event.type] ?? 'ref';
      const column = header ? columnText(header, key, HEADER_OF[key]) : HEADER_OF[key];
      const value = key === 'extended' ? (rec.extended ? '是' : '否') : key === 'outcome' ? (rec.outcome ? OUTCOME_LABELS[rec.outcome] : '')
        : key === 'department' ? (rec.department ?? '') : key === 'feeYuan' ? String(rec.feeYuan ?? '') : String((rec as unknown as Record<string, unknown>)[key] ?? '');
      const err: LedgerError = { row: rec.row, column, value, message: `按办理流程无法登记（${e.message}），请核对本行` };
      throw err;
    }
    events.push(event);
    last = event.on;
  };

  push({ type: 'registered', on: rec.receivedOn, receivedOn: rec.receivedOn, channel: rec.channel, evidence: IMPORT_ACTOR_NAME });
  if (rec.supplementRequestedOn !== null) {
    push({ type: 'supplement_requested', on: rec.supplementRequestedOn, items: '据导入台账记载已告知补正', periodDays: IMPORT_SUPPLEMENT_PERIOD_DAYS });
    if (rec.supplementReceivedOn !== null) push({ type: 'supplement_received', on: rec.supplementReceivedOn });
  }
  const awaitingSupplement = rec.supplementRequestedOn !== null && rec.supplementReceivedOn === null;
  if (awaitingSupplement) {
    if (rec.outcome === 'other_no_supplement' && rec.repliedOn !== null) push({ type: 'supplement_expired', on: rec.repliedOn });
    return { events, view: view as unknown as RequestView, lead: null };
  }

  const closed = rec.repliedOn !== null && rec.outcome !== null;
  const needsDepartment = rec.feeYuan !== null || (closed && !OFFICE_REPLY_OUTCOMES.includes(rec.outcome as Outcome));
  const lead = rec.department ?? (needsDepartment ? IMPORT_DEFAULT_DEPARTMENT : null);
  if (lead !== null) push({ type: 'assigned', on: last, lead, assisting: [] });

  const end = rec.repliedOn ?? today;
  if (rec.extended) {
    const v = view as unknown as RequestView;
    const days = DEADLINE_RULES[v.regime].maxExtensionDays;
    const on = maxDate(last, minDate(v.deadline?.baseDueOn ?? last, end));
    push({ type: 'extension_requested', on, days, reason: '据导入台账记载延期答复' });
    push({ type: 'extension_approved', on, days });
  }
  if (rec.feeYuan !== null) {
    const on = maxDate(last, FEE_RULES_FROM);
    push({ type: 'fee_notice_issued', on, amountYuan: rec.feeYuan, basis: 'per_request' });
    if (rec.outcome === 'other_unpaid_fee' && rec.repliedOn !== null) {
      push({ type: 'fee_expired', on: rec.repliedOn });
      return { events, view: view as unknown as RequestView, lead };
    }
    if (closed) push({ type: 'fee_paid', on });
  }
  if (closed) {
    const on = rec.repliedOn as IsoDate;
    push({ type: 'reply_drafted', on, outcome: rec.outcome as Outcome, reasons: REASONS, legalBasis: LEGAL_BASIS });
    push({ type: 'reply_approved', on });
    push({ type: 'secrecy_review_passed', on });
    push({ type: 'replied', on });
  }
  return { events, view: view as unknown as RequestView, lead };
}

/**
 * The cached columns of `requests` for an imported request (record-event.ts `cachedColumns`, one place for all
 * writers), without the lead department id (the caller maps the name) and with the collected fee of a paid notice.
 */
export function importedColumns(view: RequestView) {
  const { leadDepartmentId: _lead, ...cols } = cachedColumns(view);
  return { ...cols, feeCollectedYuan: view.fee?.status === 'paid' ? view.fee.amountYuan : null };
}

/** Events as stored: `lead` replaced by the department id. */
export function withDepartmentIds(events: readonly RequestEvent[], ids: ReadonlyMap<string, number>): RequestEvent[] {
  return events.map((e) => (e.type === 'assigned' ? { ...e, lead: String(ids.get(e.lead) ?? e.lead), assisting: e.assisting.map((a) => String(ids.get(a) ?? a)) } : e));
}
