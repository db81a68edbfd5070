/**
 * Publishing the annual report (条例 Art.49–50 with Art.17). The report is government information released to the
 * public, so it goes through the same review as any publication: 保密审查 by a secrecy reviewer, then approval by a
 * reviewer (neither may be the person who submitted it), then publication with a confirmation that names the year.
 * Before it can even be submitted the year must have ended (Art.49: the report covers 上一年度), the text must hold
 * no 【请填写…】 placeholder, every table cell the office must enter must be filled ("/" marks 不适用), and every
 * failing check must be explained. A published report is corrected by a new version with a public 更正说明 (the old
 * version stays readable) or withdrawn with a reason.
 */
import { DomainError } from '../errors.js';
import type { IsoDate } from '../types.js';
import { factFieldsFor } from './facts.js';
import type { Narrative } from './narrative.js';
import { getPath } from './paths.js';
import type { AnnualReport } from './types.js';

export const REPORT_VERSION_STATES = ['pending_review', 'pending_approval', 'approved', 'published', 'superseded', 'withdrawn', 'returned'] as const;
export type ReportVersionState = (typeof REPORT_VERSION_STATES)[number];
export const REPORT_VERSION_STATE_LABELS: Record<ReportVersionState, string> = {
  pending_review: '待保密审查',
  pending_approval: '待审核',
  approved: '待发布',
  published: '已发布',
  superseded: '已被更正版本替代',
  withdrawn: '已撤回',
  returned: '已退回',
};

/** States in which a version is still on its way to the portal (only one per year at a time). */
export const OPEN_VERSION_STATES: readonly ReportVersionState[] = ['pending_review', 'pending_approval', 'approved'];

/** Steps of the review, who takes them, and where they lead (条例 Art.17 "先审查后公开"). */
export const REPORT_STEPS = {
  review_passed: { from: 'pending_review', to: 'pending_approval', roles: ['secrecy_reviewer'], label: '保密审查通过' },
  review_rejected: { from: 'pending_review', to: 'returned', roles: ['secrecy_reviewer'], label: '保密审查退回' },
  approved: { from: 'pending_approval', to: 'approved', roles: ['reviewer'], label: '审核同意发布' },
  approval_returned: { from: 'pending_approval', to: 'returned', roles: ['reviewer'], label: '审核退回' },
} as const satisfies Record<string, { from: ReportVersionState; to: ReportVersionState; roles: readonly string[]; label: string }>;
export type ReportStep = keyof typeof REPORT_STEPS;

/** Roles that may submit a report for review, and publish an approved one (发布 to the portal). */
export const REPORT_SUBMIT_ROLES = ['registrar', 'reviewer', 'publisher', 'admin'] as const;
export const REPORT_RELEASE_ROLES = ['publisher', 'reviewer', 'admin'] as const;

/** Whether the report year is over on `today` (条例 Art.49: the report covers 上一年度). */
export function reportYearEnded(year: number, today: IsoDate): boolean {
  return today > `${year}-12-31`;
}

export type PublishingProblemKind = 'year_open' | 'placeholder' | 'empty_cell' | 'check';
export interface PublishingProblem {
  kind: PublishingProblemKind;
  message: string;
  /** The failing check's rule (kind 'check'): the key its explanation is given under. */
  rule?: string;
}

export interface PublishingInput {
  year: number;
  today: IsoDate;
  report: AnnualReport;
  narrative: Narrative;
  /** Explanations of failing checks, by rule (each failing check needs one). */
  explanations?: Readonly<Record<string, string>>;
}

/**
 * Everything that stops the report of a year from being submitted for publication, in Chinese, each naming what
 * to do: the year not yet ended, each 【…】 placeholder still in the text, each entered cell still empty, each
 * failing check without an explanation. Empty means ready.
 */
export function publishingProblems(i: PublishingInput): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  if (!reportYearEnded(i.year, i.today)) {
    problems.push({ kind: 'year_open', message: `${i.year}年度尚未结束（今天是${i.today}）：年度报告只能在次年1月1日以后发布（条例第四十九条：每年1月31日前公布上一年度报告）` });
  }
  for (const part of i.narrative.parts) {
    for (const p of part.paragraphs) {
      if (p.source === 'placeholder') problems.push({ kind: 'placeholder', message: `“${part.heading}”仍是待填写的占位文字${p.text}，请在“填报数据”中填写` });
    }
  }
  for (const f of factFieldsFor(i.report.format)) {
    if (!f.path) continue;
    const v = getPath(i.report, f.path);
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      problems.push({ kind: 'empty_cell', message: `表格中“${f.label}”（${f.section}）为空，请在“填报数据”中填写（不适用的填“/”）` });
    }
  }
  for (const c of i.report.checks) {
    if (c.ok) continue;
    if (i.explanations?.[c.rule]?.trim()) continue;
    problems.push({ kind: 'check', rule: c.rule, message: `校验未通过且未说明原因：${c.rule}（${c.detail}）` });
  }
  return problems;
}

/** Throws VALIDATION with every problem when the report is not ready to be submitted. */
export function assertReadyToPublish(i: PublishingInput): void {
  const problems = publishingProblems(i);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION', `${i.year}年度报告不能提交发布：${problems.map((p) => p.message).join('；')}`, { problems: problems.map((p) => ({ field: p.kind, message: p.message, rule: p.rule })) });
  }
}

/**
 * The confirmation typed before publishing must name the year ("2025" or "2025年"): publishing the wrong year's
 * report by a slip of the mouse is what happened before (issue 11).
 */
export function assertConfirmsYear(year: number, confirm: string | null | undefined): void {
  const typed = (confirm ?? '').trim().replace(/年(度)?$/, '');
  if (typed !== String(year)) {
    throw new DomainError('VALIDATION', `请输入报告年度“${year}”确认发布${confirm?.trim() ? `（输入的是“${confirm.trim()}”）` : ''}`, { problems: [{ field: 'confirmYear', message: `请输入${year}` }] });
  }
}

/** The next state after a review step; throws when the step does not apply, the role is missing or the actor submitted it. */
export function nextReportState(c: { state: ReportVersionState; step: ReportStep; actorId: number; actorRoles: readonly string[]; submittedBy: number | null; reason?: string | null }): ReportVersionState {
  const s = REPORT_STEPS[c.step];
  if (c.state !== s.from) {
    throw new DomainError('INVALID_TRANSITION', `该版本当前为“${REPORT_VERSION_STATE_LABELS[c.state]}”，不能“${s.label}”`, { state: c.state, step: c.step });
  }
  if (!s.roles.some((r) => c.actorRoles.includes(r))) {
    throw new DomainError('FORBIDDEN', `“${s.label}”须由${s.roles[0] === 'secrecy_reviewer' ? '保密审查员' : '审核人'}办理`, { step: c.step });
  }
  if (c.submittedBy !== null && c.submittedBy === c.actorId) {
    throw new DomainError('FORBIDDEN', '您提交了本报告，不能对其审查或审核（条例第十七条：审查须由起草人以外的人员进行）', { step: c.step });
  }
  if (s.to === 'returned' && !c.reason?.trim()) {
    throw new DomainError('VALIDATION', `请填写“${s.label}”的理由`, { problems: [{ field: 'reason', message: '理由不能为空' }] });
  }
  return s.to;
}
