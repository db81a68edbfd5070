import { DomainError } from '../errors.js';

/**
 * The life of a proactively disclosed item (主动公开) as data.
 *
 * 条例 Art.17: "行政机关应当建立健全政府信息公开审查机制 … 对拟公开的政府信息进行审查" — nothing reaches the
 * portal before a secrecy review (保密审查) has passed ("先审查后公开、一事一审"), and the reviewer is a different person
 * from anyone who wrote the draft. After the review, an office head approves (审核批准); only then does a publisher
 * publish. A published item can be withdrawn (撤回/下线); to change its content it is reopened as a draft and goes
 * through review again. Its legal validity (有效/废止/失效) changes by `validity_changed` and does not take it offline.
 */
export const PUBLICATION_STATES = ['draft', 'pending_review', 'pending_approval', 'approved', 'published', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  draft: '草稿',
  pending_review: '待保密审查',
  pending_approval: '待审核',
  approved: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

export const PUBLICATION_EVENT_TYPES = [
  'created', 'edited', 'submitted', 'review_passed', 'review_rejected', 'approved', 'approval_returned',
  'published', 'withdrawn', 'reopened', 'validity_changed', 'imported',
] as const;
export type PublicationEventType = (typeof PUBLICATION_EVENT_TYPES)[number];

export const PUBLICATION_EVENT_LABELS: Record<PublicationEventType, string> = {
  created: '起草',
  edited: '修改',
  submitted: '提交保密审查',
  review_passed: '保密审查通过',
  review_rejected: '保密审查退回',
  approved: '审核同意发布',
  approval_returned: '审核退回',
  published: '发布',
  withdrawn: '撤回',
  reopened: '重新编辑',
  validity_changed: '变更效力状态',
  imported: '导入（视为已审查并发布）',
};

/** Roles that may record each event (role names of services/context.ts). */
export const PUBLICATION_EVENT_ROLES: Record<PublicationEventType, readonly string[]> = {
  created: ['publisher'],
  edited: ['publisher'],
  submitted: ['publisher'],
  review_passed: ['secrecy_reviewer'],
  review_rejected: ['secrecy_reviewer'],
  approved: ['reviewer'],
  approval_returned: ['reviewer'],
  published: ['publisher'],
  withdrawn: ['publisher'],
  reopened: ['publisher'],
  validity_changed: ['publisher'],
  imported: ['publisher'],
};

/** Events that the people who wrote the draft may not record on it (Art.17 review by another person). */
export const INDEPENDENT_EVENTS: ReadonlySet<PublicationEventType> = new Set(['review_passed', 'review_rejected', 'approved', 'approval_returned']);

/** Events that need a reason (退回、撤回 are explained to the author and kept in the log). */
export const REASON_REQUIRED: ReadonlySet<PublicationEventType> = new Set(['review_rejected', 'approval_returned', 'withdrawn']);

/** `created` and `imported` start a publication; the table says where every later event may happen. */
export const PUBLICATION_TRANSITIONS: Readonly<Record<PublicationState, Readonly<Partial<Record<PublicationEventType, PublicationState>>>>> = {
  draft: { edited: 'draft', submitted: 'pending_review' },
  pending_review: { review_passed: 'pending_approval', review_rejected: 'draft' },
  pending_approval: { approved: 'approved', approval_returned: 'draft' },
  approved: { published: 'published', approval_returned: 'draft' },
  published: { withdrawn: 'withdrawn', validity_changed: 'published' },
  withdrawn: { reopened: 'draft' },
};

/** The events allowed in a state, in table order (for the UI's buttons). */
export function allowedPublicationEvents(state: PublicationState): PublicationEventType[] {
  return Object.keys(PUBLICATION_TRANSITIONS[state]) as PublicationEventType[];
}

export interface TransitionCheck {
  state: PublicationState;
  event: PublicationEventType;
  /** Who records the event. */
  actorId: number;
  actorRoles: readonly string[];
  /** Everyone who created or edited the current draft (Art.17: the reviewer must be someone else). */
  authorIds: readonly number[];
  reason?: string | null;
}

/**
 * The next state after `event` (条例 Art.17 review workflow). Throws DomainError: INVALID_TRANSITION when the event
 * is not allowed in the state, FORBIDDEN when the actor lacks the role or reviews their own draft, VALIDATION when a
 * required reason is missing.
 */
export function nextPublicationState(c: TransitionCheck): PublicationState {
  const to = PUBLICATION_TRANSITIONS[c.state][c.event];
  if (!to) {
    const allowed = allowedPublicationEvents(c.state).map((e) => PUBLICATION_EVENT_LABELS[e]).join('、') || '无';
    throw new DomainError('INVALID_TRANSITION', `当前状态为“${PUBLICATION_STATE_LABELS[c.state]}”，不能执行“${PUBLICATION_EVENT_LABELS[c.event]}”（可执行：${allowed}）`, { state: c.state, event: c.event });
  }
  const roles = PUBLICATION_EVENT_ROLES[c.event];
  if (!roles.some((r) => c.actorRoles.includes(r))) {
    throw new DomainError('FORBIDDEN', `“${PUBLICATION_EVENT_LABELS[c.event]}”需要由${roles.map(roleLabel).join('或')}办理`, { event: c.event });
  }
  if (INDEPENDENT_EVENTS.has(c.event) && c.authorIds.includes(c.actorId)) {
    throw new DomainError('FORBIDDEN', `您参与了本信息的起草或修改，不能对其${c.event.startsWith('review') ? '进行保密审查' : '进行审核'}（条例第十七条：审查须由起草人以外的人员进行）。请交由其他${roleLabel(roles[0])}办理。`, { event: c.event });
  }
  if (REASON_REQUIRED.has(c.event) && !c.reason?.trim()) {
    throw new DomainError('VALIDATION', `请填写“${PUBLICATION_EVENT_LABELS[c.event]}”的理由`, { problems: [{ field: 'reason', message: '理由不能为空' }] });
  }
  return to;
}

function roleLabel(role: string): string {
  return ({ publisher: '发布员', secrecy_reviewer: '保密审查员', reviewer: '审核人' } as Record<string, string>)[role] ?? role;
}

/** Whether an item in this state may be shown on the public portal (Art.17: only after review, approval and publishing). */
export function isPublicState(state: PublicationState): boolean {
  return state === 'published';
}

export const VALIDITY_VALUES = ['effective', 'repealed', 'invalid'] as const;
export type Validity = (typeof VALIDITY_VALUES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = { effective: '有效', repealed: '废止', invalid: '失效' };

/** 规章 / 行政规范性文件 (条例 Art.20(一)); these feed report section 二 and the 三同步 rule. */
export const NORMATIVE_KINDS = ['regulation', 'normative'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];
export const NORMATIVE_KIND_LABELS: Record<NormativeKind, string> = { regulation: '规章', normative: '行政规范性文件' };

/** Publication channels (gov-2014 table 一（二）: 政府公报 / 政府网站 / 政务微博 / 政务微信 / 其他方式). */
export const PUBLICATION_CHANNELS = ['website', 'gazette', 'weibo', 'wechat', 'other'] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];
export const PUBLICATION_CHANNEL_LABELS: Record<PublicationChannel, string> = { website: '网站', gazette: '公报', weibo: '微博', wechat: '微信', other: '其他' };
