import { CONSULTATION_OPINION_LABELS, CONSULTED_PARTY_LABELS, DELIVERY_METHOD_LABELS, EVENT_LABELS, FEE_BASIS_LABELS, type EventType } from '../core/requests/events.js';
import { OUTCOME_LABELS } from '../core/requests/outcomes.js';
import { NOTICE_TYPE_LABELS } from '../core/notices/types.js';
import { REPORT_FORMAT_LABELS } from '../core/reports/formats.js';
import { CHANNEL_LABELS } from '../core/types.js';
import { PUBLICATION_EVENT_LABELS, type PublicationEventType } from '../core/publications/workflow.js';
import { ROLE_LABELS, type Role } from './roles.js';

/**
 * Chinese names of what the audit log records, for the 审计员's page: every action the code writes
 * (`audit-labels.test.ts` fails when one has no name), the objects acted on, and the keys of the details.
 * Request events (`request.<event>`) and publication events (`publication.<event>`) take the lifecycle's own names.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败（密码错误）',
  'auth.logout': '退出登录',
  'user.created': '新增用户',
  'user.updated': '修改用户',
  'user.password_changed': '修改密码',
  'department.created': '新增承办单位',
  'department.updated': '修改承办单位',
  'calendar.year_saved': '保存节假日安排',
  'settings.agency_saved': '修改机关信息',
  'settings.updated': '修改系统设置',
  'settings.deadlines_saved': '修改期限设置（推定送达、再次补正）',
  'request.registered': '登记申请',
  'request.confirmed': '确认网上申请',
  'request.submitted_online': '网上提交申请',
  'notice.issued': '生成文书',
  'notice.downloaded': '下载文书',
  'notice_template.saved': '修改文书模板',
  'import.requests': '导入申请台账',
  'import.requests.replaced': '导入申请台账（替换已有申请的办理记录）',
  'import.cases': '导入行政复议、行政诉讼台账',
  'export.requests': '导出申请台账',
  'case.created': '新增行政复议、行政诉讼案件',
  'case.updated': '修改行政复议、行政诉讼案件',
  'report.facts_saved': '保存年度报告基础数据',
  'report.facts_imported': '导入年度报告基础数据',
  'report.published': '发布年度报告',
  'report.submitted': '提交年度报告审查',
  'report.review_passed': '年度报告保密审查通过',
  'report.review_rejected': '年度报告保密审查退回',
  'report.approved': '年度报告审核同意发布',
  'report.approval_returned': '年度报告审核退回',
  'report.corrected': '更正已发布的年度报告',
  'report.withdrawn': '撤回已发布的年度报告',
  'publication.created': '新建主动公开信息',
  'publication.edited': '修改主动公开信息',
  'publication.published': '发布主动公开信息',
  'publication.imported': '导入主动公开信息',
  'publication.guide_saved': '修改政府信息公开指南',
  'publication.settings_updated': '修改主动公开设置',
  'publication.attachment_added': '添加附件',
  'publication.attachment_removed': '删除附件',
  'publication.suggestion_drafted': '依申请公开转主动公开（起草）',
  'publication.suggestion_dismissed': '忽略转主动公开建议',
  'catalogue.created': '新增公开目录栏目',
  'catalogue.updated': '修改公开目录栏目',
  'demo.loaded': '载入演示数据',
  'audit.chain_resealed': '审计链升级为密钥链（一次性重新封链）',
  'audit.chain_reanchored': '恢复备份后重设审计链外部锚点',
  'backup.restored': '从备份恢复数据',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  request: '申请',
  requests: '申请台账',
  user: '用户',
  department: '承办单位',
  calendar: '节假日安排',
  settings: '系统设置',
  publication: '主动公开信息',
  notice_template: '文书模板',
  import_job: '导入任务',
  guide: '公开指南',
  catalogue_category: '公开目录栏目',
  suggestion: '转主动公开建议',
  case: '复议/诉讼案件',
  annual_facts: '年度报告基础数据',
  annual_report: '年度报告',
  audit: '审计日志',
};

/** Names of the detail keys written with audit entries and request events. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  ref: '受理编号', title: '标题', username: '用户名', displayName: '姓名', roles: '角色', departmentId: '承办单位编号',
  password: '密码', active: '启用', mustChangePassword: '须修改密码', file: '文件', total: '总条数', inserted: '新增',
  updated: '更新', departmentsCreated: '新建承办单位', warnings: '提示', format: '格式', count: '条数',
  failingChecks: '未通过的校验', indexNo: '索引号', togetherWith: '同时公开', name: '名称', code: '代码', notice: '通知',
  holidays: '放假天数', workdays: '调休上班天数', noticeId: '文书编号', receivedOn: '收到日期', changed: '修改项',
  kind: '种类', channel: '渠道', requestIds: '申请编号', reason: '理由', requests: '申请', cases: '案件',
  sections: '章节', sourceRequestIds: '来源申请编号', type: '类型', docNumber: '文号', version: '版本',
  attachmentId: '附件编号', filename: '文件名', contentType: '文件类型', size: '大小（字节）', sha256: 'SHA-256 摘要',
  fields: '修改项', before: '修改前', after: '修改后', year: '年度', on: '日期', outcome: '答复结果', lead: '主办单位',
  assisting: '协办单位', documentNo: '文号', evidence: '收到凭证', deliveryMethod: '提供方式', note: '说明',
  dueOn: '期限', days: '天数', amount: '金额', yuan: '金额（元）', party: '征求对象', opinion: '意见', comment: '意见',
  auditRows: '审计日志条数', eventRows: '办理记录条数', legacyChain: '原 SM3 链', source: '备份来源', withheld: '不予公开',
  grounds: '理由', pages: '页数', basis: '收费依据', validity: '效力状态', category: '栏目', agency: '机关', reviewer: '审查人',
  items: '补正事项', periodDays: '补正期限（天）', amountYuan: '金额（元）', noticeReceivedOn: '收费通知送达日期', reasons: '理由',
  legalBasis: '法律依据', body: '正文', thirdParty: '第三方', otherAgency: '其他机关', contact: '联系方式', method: '送达方式',
  trackingNo: '邮件单号',
};

/** Coded values shown by their Chinese names, per detail key. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  channel: CHANNEL_LABELS, outcome: OUTCOME_LABELS, party: CONSULTED_PARTY_LABELS, opinion: CONSULTATION_OPINION_LABELS,
  method: DELIVERY_METHOD_LABELS, basis: FEE_BASIS_LABELS, deliveryMethod: DELIVERY_METHOD_LABELS,
  type: NOTICE_TYPE_LABELS, format: REPORT_FORMAT_LABELS,
};

/** The Chinese name of an audit action (a fallback that shows the code, never an empty cell). */
export function auditActionLabel(action: string): string {
  const fixed = AUDIT_ACTION_LABELS[action];
  if (fixed) return fixed;
  const dot = action.indexOf('.');
  const head = action.slice(0, dot);
  const tail = action.slice(dot + 1);
  if (head === 'request' && tail in EVENT_LABELS) return `申请办理：${EVENT_LABELS[tail as EventType]}`;
  if (head === 'publication' && tail in PUBLICATION_EVENT_LABELS) return `主动公开：${PUBLICATION_EVENT_LABELS[tail as PublicationEventType]}`;
  return `其他操作（${action}）`;
}

/** Whether `auditActionLabel` knows the action (used by the test over every action the code writes). */
export function hasAuditActionLabel(action: string): boolean {
  return !auditActionLabel(action).startsWith('其他操作（');
}

export function auditTargetLabel(type: string | null, id: string | null): string {
  if (!type) return '—';
  return `${AUDIT_TARGET_LABELS[type] ?? type}${id ? ` ${id}` : ''}`;
}

function valueText(key: string, v: unknown, depth: number): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => ROLE_LABELS[r as Role] ?? String(r)).join('、') || '—';
  if (Array.isArray(v)) return v.length === 0 ? '无' : v.map((x) => valueText('', x, depth + 1)).join('、');
  if (typeof v === 'object') {
    if (depth > 1) return '…';
    const parts = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => `${AUDIT_DETAIL_LABELS[k] ?? k}：${valueText(k, x, depth + 1)}`);
    return parts.length ? parts.join('，') : '无';
  }
  const s = VALUE_LABELS[key]?.[String(v)] ?? String(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

/** The details of an entry as readable lines ("受理编号：GK-2026-000001"), never raw JSON. */
export function auditDetailItems(detail: unknown): { label: string; value: string }[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ label: '详情', value: valueText('', detail, 0) }];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ({ label: AUDIT_DETAIL_LABELS[k] ?? k, value: valueText(k, v, 1) }));
}
