import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../core/requests/events.js';
import { PUBLICATION_EVENT_TYPES } from '../core/publications/workflow.js';
import { REPORT_STEPS } from '../core/reports/publishing.js';
import { AUDIT_TARGET_LABELS, auditActionLabel, auditDetailItems, auditTargetLabel, hasAuditActionLabel } from './audit-labels.js';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every audit action and object type the server code writes: `appendAudit(…{ action, targetType })` and SQL inserts. */
function writtenInCode(): { actions: Set<string>; dynamic: Set<string>; targets: Set<string> } {
  const actions = new Set<string>();
  const dynamic = new Set<string>();
  const targets = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    // Literal actions, also inside a conditional (`action: current ? 'report.corrected' : 'report.published'`).
    for (const m of text.matchAll(/action: ([^,\n`(]+)/g)) for (const q of m[1].matchAll(/'([^']+)'/g)) actions.add(q[1]);
    for (const m of text.matchAll(/action: `([^`]+)`/g)) dynamic.add(m[1].replace(/\$\{[^}]+\}/g, '*'));
    for (const m of text.matchAll(/targetType: '([^']+)'/g)) targets.add(m[1]);
    for (const m of text.matchAll(/INSERT INTO audit_log \(([^)]*)\)\s*SELECT ([^\n]+)/g)) {
      const cols = m[1].split(',').map((c) => c.trim());
      const vals = m[2].split(',').map((v) => v.trim());
      const a = vals[cols.indexOf('action')];
      const t = vals[cols.indexOf('target_type')];
      if (a?.startsWith("'")) actions.add(a.slice(1, -1));
      if (t?.startsWith("'")) targets.add(t.slice(1, -1));
    }
  }
  return { actions, dynamic, targets };
}

describe('audit log labels (审计员 sees Chinese, never codes or JSON)', () => {
  const written = writtenInCode();

  it('finds the actions the code writes (the scan itself works)', () => {
    expect(written.actions.size).toBeGreaterThan(30);
    expect(written.actions).toContain('request.submitted_online'); // written in SQL by the batched public submission
    expect(written.actions).toContain('report.published');
    expect(written.dynamic).toEqual(new Set(['request.*', 'publication.*', 'report.*']));
  });

  it('every action written in the code has a Chinese label', () => {
    const missing = [...written.actions].filter((a) => !hasAuditActionLabel(a));
    expect(missing, `审计操作缺少中文名称（src/shared/audit-labels.ts）：${missing.join(', ')}`).toEqual([]);
  });

  it('every request event, publication event and report step recorded as request.<event> / publication.<event> / report.<step> has a label', () => {
    const missing = [...EVENT_TYPES.map((t) => `request.${t}`), ...PUBLICATION_EVENT_TYPES.map((t) => `publication.${t}`), ...Object.keys(REPORT_STEPS).map((t) => `report.${t}`)]
      .filter((a) => !hasAuditActionLabel(a));
    expect(missing).toEqual([]);
    expect(auditActionLabel('request.secrecy_review_passed')).toBe('申请办理：保密审查通过');
    expect(auditActionLabel('publication.review_passed')).toBe('主动公开：保密审查通过');
    expect(auditActionLabel('report.published')).toBe('发布年度报告');
  });

  it('every object type written in the code has a Chinese label', () => {
    const missing = [...written.targets].filter((t) => !AUDIT_TARGET_LABELS[t]);
    expect(missing, `审计对象类型缺少中文名称：${missing.join(', ')}`).toEqual([]);
    expect(auditTargetLabel('annual_report', '2025')).toBe('年度报告 2025');
  });

  it('details read as Chinese lines, coded values by their names', () => {
    expect(auditDetailItems({ ref: 'GK-2026-000001', channel: 'in_person', receivedOn: '2026-12-01' })).toEqual([
      { label: '受理编号', value: 'GK-2026-000001' }, { label: '渠道', value: '当面' }, { label: '收到日期', value: '2026-12-01' },
    ]);
    expect(auditDetailItems({ username: 'shenji', roles: ['auditor'], active: true })).toEqual([
      { label: '用户名', value: 'shenji' }, { label: '角色', value: '审计员' }, { label: '启用', value: '是' },
    ]);
    expect(auditDetailItems({ outcome: 'withheld_third_party', thirdParty: { name: '某公司', opinion: 'object' } }).map((i) => `${i.label}：${i.value}`))
      .toEqual([expect.stringMatching(/^答复结果：[^a-z_]+$/), '第三方：名称：某公司，意见：不同意公开']);
    expect(auditDetailItems({ type: 'receipt', noticeId: 240 })[0].value).not.toBe('receipt');
    expect(auditDetailItems({ format: 'gov-2021' })[0].value).toBe('国办公开办函〔2021〕30号格式');
    expect(auditDetailItems(null)).toEqual([]);
  });
});
