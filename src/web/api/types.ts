/**
 * Shapes of the API replies the pages read. Request bodies come from the shared zod contract (src/shared/api.ts);
 * replies are written here as the server presents them (src/services/**, presenters).
 */
import type { RequestView } from '../../core/requests/request-view.js';
import type { ApplicantType, Channel } from '../../core/types.js';

import type { Role } from '../../shared/roles.js';

export type { Role };

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
  mustChangePassword?: boolean;
}

export interface MeResponse {
  user: SessionUser | null;
  csrfToken: string | null;
  roleLabels: Record<Role, string>;
}

export type DueState = 'on_time' | 'due_soon' | 'overdue';

export interface RequestListItem {
  id: number;
  ref: string;
  trackingCode: string | null;
  applicantName: string;
  applicantType: ApplicantType;
  description: string;
  channel: Channel | null;
  state: string;
  stateLabel: string;
  stateColor: string;
  receivedOn: string | null;
  dueOn: string | null;
  provisional: boolean;
  extended: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  repliedOn: string | null;
  leadDepartment: string | null;
  duplicateOfId: number | null;
  source: string;
  workingDaysLeft: number | null;
  dueState: DueState | null;
}

export interface Paged<T> {
  total: number;
  items: T[];
  page: number;
  pageSize: number;
}

export type { ListRequestsFilter as RequestFilters } from '../../shared/api.js';

export interface TimelineEntry {
  seq: number;
  type: string;
  label: string;
  on: string;
  payload: Record<string, unknown> | null;
  actorName: string | null;
  at: string;
}

export interface RequestDetail {
  id: number;
  ref: string;
  trackingCode: string | null;
  source: string;
  description: string;
  channel: Channel | null;
  deliveryMethod: string | null;
  format: string | null;
  createdAt: string;
  applicant: {
    type: ApplicantType;
    name: string;
    idType: string | null;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    /** 联系人 of an organisation. */
    contactName: string | null;
  } | null;
  state: string;
  stateLabel: string;
  stateColor: string;
  view: RequestView;
  due: { workingDaysLeft: number; state: DueState; paused: boolean; dueOn: string | null } | null;
  departments: { id: number; name: string; role: string }[];
  notices: { id: number; type: string; docNumber: string | null; issuedOn: string | null; status: string }[];
  /** `visible: false`: the earlier request is another department's; its content is withheld (description null). */
  duplicateOf: { id: number; ref: string; description: string | null; state: string; outcome: string | null; repliedOn: string | null; visible: boolean } | null;
  timeline: TimelineEntry[];
  allowedActions: string[];
}

export interface RegisterCreated {
  id: number;
  ref: string;
  trackingCode: string;
  accessKey: string;
  duplicateOfId: number | null;
  /** The 登记回执 as printed now, with the 查询码 and 查询密码 (not stored; the stored copy omits the key). */
  receiptHtml?: string | null;
}

export interface Department {
  id: number;
  name: string;
  code: string | null;
  active: boolean;
  createdAt?: string;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
  departmentName: string | null;
  active: boolean;
  /** Initial or reset password not yet replaced by the user. */
  mustChangePassword: boolean;
  /** 三员分立 problem of this account's roles (data from before the rule), or null. */
  roleProblem: string | null;
  createdAt: string;
}

export interface CalendarYear {
  year: number;
  notice: string;
  title: string;
  issuedOn: string;
  source: string;
  holidays: string[];
  workdays: string[];
  origin: string;
  updatedAt: string;
}

export type { AgencyProfile } from '../../shared/agency.js';
import type { AgencyProfile } from '../../shared/agency.js';

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  message: string;
  /** Every finding of the check (first bad row first), each naming its row. */
  findings?: { chain: 'audit_log' | 'request_events'; id: number | null; message: string }[];
}

export interface AlertItem {
  id: number;
  ref: string;
  dueOn: string;
  workingDaysLeft: number;
  description: string;
}

export interface AlertsResponse {
  today: string;
  groups: { departmentId: number | null; department: string; dueSoon: AlertItem[]; overdue: AlertItem[] }[];
}

/** Public portal */
export interface PublicCreated {
  trackingCode: string;
  accessKey: string;
  ref: string;
  message: string;
}

export interface PublicStatus {
  ref: string;
  status: string;
  statusLabel: string;
  description: string;
  receivedOn: string | null;
  dueOn: string | null;
  repliedOn: string | null;
  deliveredOn: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  reply: { docNumber: string | null; html: string } | null;
  timeline: { on: string; type: string; text: string }[];
}

export interface GuideResponse {
  agency: AgencyProfile;
  [key: string]: unknown;
}

export interface PublicationHit {
  id?: number | string;
  indexNo: string;
  title: string;
  publishedOn: string | null;
  snippet?: string | null;
  docNumber?: string | null;
  issuer?: string | null;
  category?: string | null;
  url?: string | null;
  [key: string]: unknown;
}

export interface PublishedReport {
  year: number;
  title?: string;
  format?: string;
  publishedOn?: string | null;
  url?: string | null;
  /** published, or withdrawn (then url is null and the reason is public). */
  state?: 'published' | 'withdrawn';
  version?: number;
  correctionNote?: string | null;
  firstPublishedOn?: string | null;
  withdrawnOn?: string | null;
  withdrawnReason?: string | null;
  versions?: { version: number; state: string; publishedOn: string | null; supersededOn: string | null; correctionNote: string | null; url: string | null }[];
  [key: string]: unknown;
}

export interface ReportCheck {
  rule: string;
  ok: boolean;
  detail: string;
}
