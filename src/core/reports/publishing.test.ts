import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from './annual-report.js';
import { factFieldsFor } from './facts.js';
import { buildNarrative } from './narrative.js';
import { assertConfirmsYear, nextReportState, publishingProblems, reportYearEnded } from './publishing.js';
import { ledger2024 } from './testing.js';

/** Every entered figure and text of a gov-2021 report filled in ("/" where not applicable). */
function completeFacts(): Record<string, number | string> {
  return Object.fromEntries(factFieldsFor('gov-2021').map((f) => [f.key, f.kind === 'text' ? `${f.label}：已填写。` : f.kind === 'amount' ? '/' : 0]));
}
function build(year: number, facts: Record<string, number | string> = completeFacts()) {
  const report = buildAnnualReport({ format: 'gov-2021', year, agency: '某局', ...ledger2024(), facts });
  return { report, narrative: buildNarrative(report, facts) };
}

describe('publishing the annual report (条例 Art.49–50, Art.17; issue 11 "Publishing the annual report")', () => {
  it('the year must have ended: on 2026-12-04 the 2026 report is refused, the 2025 one is not', () => {
    expect(reportYearEnded(2026, '2026-12-04')).toBe(false);
    expect(reportYearEnded(2026, '2026-12-31')).toBe(false);
    expect(reportYearEnded(2026, '2027-01-01')).toBe(true);
    expect(reportYearEnded(2025, '2026-12-04')).toBe(true);
  });

  it('reproduction: an unfinished report (2024 ledger, nothing entered) on 2024-12-04 lists the open year, every placeholder and every empty cell', () => {
    const { report, narrative } = build(2024, {});
    const problems = publishingProblems({ year: 2024, today: '2024-12-04', report, narrative });
    const kinds = new Set(problems.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['year_open', 'placeholder', 'empty_cell']));
    expect(problems[0].message).toBe('2024年度尚未结束（今天是2024-12-04）：年度报告只能在次年1月1日以后发布（条例第四十九条：每年1月31日前公布上一年度报告）');
    expect(problems.some((p) => p.message.startsWith('“一、总体情况”仍是待填写的占位文字【请填写：本机关主动公开'))).toBe(true);
    expect(problems.some((p) => p.message.startsWith('表格中“行政许可 本年处理决定数量”'))).toBe(true);
    expect(problems.some((p) => p.message.startsWith('表格中“举报投诉数量'))).toBe(true);
  });

  it('a complete report of an ended year with green checks has no problem', () => {
    const { report, narrative } = build(2024);
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(publishingProblems({ year: 2024, today: '2025-01-10', report, narrative })).toEqual([]);
  });

  it('a failing check blocks until it is explained', () => {
    const { report, narrative } = build(2024);
    report.checks.push({ rule: '复议、诉讼案件的结果均可识别', ok: false, detail: '1件案件的结果“维持”无法识别' });
    const p = publishingProblems({ year: 2024, today: '2025-01-10', report, narrative });
    expect(p).toEqual([{ kind: 'check', rule: '复议、诉讼案件的结果均可识别', message: '校验未通过且未说明原因：复议、诉讼案件的结果均可识别（1件案件的结果“维持”无法识别）' }]);
    expect(publishingProblems({ year: 2024, today: '2025-01-10', report, narrative, explanations: { '复议、诉讼案件的结果均可识别': '该案为上级机关移送，结果待法院文书送达后更正' } })).toEqual([]);
  });

  it('the confirmation must name the year', () => {
    expect(() => assertConfirmsYear(2025, undefined)).toThrow('请输入报告年度“2025”确认发布');
    expect(() => assertConfirmsYear(2025, '2026')).toThrow('请输入报告年度“2025”确认发布（输入的是“2026”）');
    expect(() => assertConfirmsYear(2025, '确定')).toThrow(/2025/);
    expect(() => assertConfirmsYear(2025, '2025')).not.toThrow();
    expect(() => assertConfirmsYear(2025, '2025年度')).not.toThrow();
  });

  it('保密审查 then 审核, by someone other than the submitter; 退回 needs a reason', () => {
    const base = { actorId: 7, submittedBy: 3 };
    expect(nextReportState({ ...base, state: 'pending_review', step: 'review_passed', actorRoles: ['secrecy_reviewer'] })).toBe('pending_approval');
    expect(nextReportState({ ...base, state: 'pending_approval', step: 'approved', actorRoles: ['reviewer'] })).toBe('approved');
    expect(() => nextReportState({ ...base, state: 'pending_review', step: 'approved', actorRoles: ['reviewer'] })).toThrow('该版本当前为“待保密审查”，不能“审核同意发布”');
    expect(() => nextReportState({ ...base, state: 'pending_review', step: 'review_passed', actorRoles: ['reviewer'] })).toThrow('“保密审查通过”须由保密审查员办理');
    expect(() => nextReportState({ ...base, actorId: 3, state: 'pending_approval', step: 'approved', actorRoles: ['reviewer'] })).toThrow(/条例第十七条/);
    expect(() => nextReportState({ ...base, state: 'pending_review', step: 'review_rejected', actorRoles: ['secrecy_reviewer'], reason: ' ' })).toThrow('请填写“保密审查退回”的理由');
    expect(nextReportState({ ...base, state: 'pending_review', step: 'review_rejected', actorRoles: ['secrecy_reviewer'], reason: '第三部分含个人信息' })).toBe('returned');
  });
});
