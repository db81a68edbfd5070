import type { NormativeKind } from './workflow.js';
import type { PublicationState } from './workflow.js';

/**
 * 三同步 (政策文件与解读材料 同步组织、同步审签、同步部署): a 行政规范性文件 is published together with its policy
 * interpretation (政策解读). Basis: 国务院办公厅《关于全面推进政务公开工作的意见》(中办发〔2016〕8号) and
 * 《政务公开工作要点》, implementing 条例 Art.20(一) (行政规范性文件 are proactively disclosed).
 *
 * Rule enforced by Gongkai: publishing a 行政规范性文件 needs at least one linked interpretation that has itself
 * passed review and approval (state `approved` — it is then published in the same transaction — or already
 * `published`), unless a reviewer recorded why no interpretation is needed (`waiverReason`).
 */
export interface SyncCheckInput {
  normativeKind: NormativeKind | null;
  /** Reason recorded by the secrecy reviewer or the approving reviewer for publishing without interpretation. */
  waiverReason: string | null;
  /** States of the interpretations linked to the document. */
  interpretationStates: readonly PublicationState[];
}

export type SyncCheckResult =
  | { ok: true; publishTogether: boolean; waived: boolean }
  | { ok: false; message: string };

/** Checks the 三同步 rule before publishing (see module comment for the legal basis). */
export function checkInterpretationSync(input: SyncCheckInput): SyncCheckResult {
  if (input.normativeKind !== 'normative') return { ok: true, publishTogether: input.interpretationStates.includes('approved'), waived: false };
  const ready = input.interpretationStates.filter((s) => s === 'approved' || s === 'published');
  if (ready.length > 0) return { ok: true, publishTogether: input.interpretationStates.includes('approved'), waived: false };
  if (input.waiverReason?.trim()) return { ok: true, publishTogether: false, waived: true };
  const pending = input.interpretationStates.length > 0;
  return {
    ok: false,
    message: pending
      ? '该行政规范性文件关联的政策解读尚未通过保密审查和审核。请先完成解读材料的审查审核，与文件同步发布（三同步）。'
      : '行政规范性文件须与政策解读同步发布（三同步）：请先起草并关联政策解读，或由审核人在审核时填写无需解读的理由。',
  };
}

/**
 * Whether an interpretation may be published now: an interpretation goes out together with (or after) the document
 * it explains, never before it (同步发布).
 */
export function canPublishInterpretation(documentState: PublicationState): boolean {
  return documentState === 'published';
}
