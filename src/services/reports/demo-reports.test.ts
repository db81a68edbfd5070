import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import type { DbHandle } from '../../db/client.js';
import { CASE_RESULTS } from '../../core/reports/cases.js';
import type { TableReport } from '../../core/reports/types.js';
import { SYSTEM_ACTOR } from '../context.js';
import { loadDemo } from '../demo.js';
import { loadDemoPublications } from '../publications/demo.js';
import { buildYearReport } from './annual-report.js';
import { publishDemoReports } from './demo-reports.js';
import { getPublishedReportHtml, listPublishedReports } from './publishing.js';

/**
 * Issue 11 item 5 and the demo's realism: the demo stored case results as labels (维持/撤销…), which the report
 * counted as 其他结果 — its 2024 table 四 read 复议 0/0/12/0. Loading the demo and building its reports must give
 * table 四 equal to its case ledger, and the published reports must be finished ones of ended years.
 */
describe('demo agency: reports equal the case ledger; only ended years published, without placeholders', () => {
  let handle: DbHandle;
  beforeAll(async () => { handle = await getTestDb(); }, 60_000);
  const ctx = () => ({ db: handle.db, keys: TEST_KEYS, now: new Date('2026-12-04T02:00:00Z'), today: '2026-12-04', actor: SYSTEM_ACTOR, ip: null });

  it('loads the demo (as `gongkai demo` does)', async () => {
    await loadDemo(ctx());
    await loadDemoPublications(ctx());
    expect(await publishDemoReports(ctx(), [2024, 2025, 2026])).toEqual([2024, 2025]);
  }, 300_000);

  it('stores every case result as a code', async () => {
    const rows = (await handle.db.execute(sql`SELECT DISTINCT result FROM cases WHERE result IS NOT NULL`) as unknown as { rows: { result: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(CASE_RESULTS).toContain(r.result);
  });

  it('table 四 of every year equals the case ledger counted by hand (维持/驳回 → 维持, 撤销/确认违法/责令履行 → 纠正, 终止/撤诉 → 其他)', async () => {
    const ledger = (await handle.db.execute(sql`SELECT kind, route, received_on::text AS received_on, closed_on::text AS closed_on, result FROM cases`) as unknown as { rows: { kind: string; route: string | null; received_on: string; closed_on: string | null; result: string | null }[] }).rows;
    const cell = (result: string | null, closedOn: string | null, year: number) => {
      if (closedOn === null || closedOn > `${year}-12-31` || result === null) return 'pending';
      if (result === 'upheld' || result === 'dismissed') return 'upheld';
      if (['revoked', 'confirmed_illegal', 'ordered_to_perform'].includes(result)) return 'corrected';
      return 'other';
    };
    for (const year of [2024, 2025, 2026]) {
      const expected = { reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }, litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }, litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 } };
      for (const c of ledger.filter((x) => x.received_on.startsWith(String(year)))) {
        const g = c.kind === 'reconsideration' ? expected.reconsideration : c.route === 'after_reconsideration' ? expected.litigationAfterReconsideration : expected.litigationDirect;
        g[cell(c.result, c.closed_on, year)] += 1;
        g.total += 1;
      }
      const { report } = await buildYearReport(handle.db, year);
      expect((report as TableReport).reviews, `${year}`).toEqual(expected);
      expect(report.checks.find((c) => c.rule === '复议、诉讼案件的结果均可识别')?.ok).toBe(true);
    }
    // The reproduction: 2024 复议 was 0/0/12/0 (every result counted as 其他结果).
    const { report } = await buildYearReport(handle.db, 2024);
    const rc = (report as TableReport).reviews.reconsideration;
    expect(rc).toEqual({ upheld: 4, corrected: 4, other: 4, pending: 0, total: 12 });
  }, 120_000);

  it('publishes 2024 and 2025 in the following January, no 2026 report, no placeholder in the public text', async () => {
    const list = await listPublishedReports(handle.db);
    expect(list.map((r) => [r.year, r.publishedOn, r.state])).toEqual([[2025, '2026-01-20', 'published'], [2024, '2025-01-20', 'published']]);
    for (const y of [2024, 2025]) {
      const { html } = await getPublishedReportHtml(handle.db, y);
      expect(html).not.toMatch(/【[^】]*】/);
      expect(html).not.toContain('localhost');
      expect(html).toContain(`${y}年政府信息公开工作年度报告`);
    }
    await expect(getPublishedReportHtml(handle.db, 2026)).rejects.toThrow(/2026年度报告尚未发布/);
    // The catalogue's 年度报告 items: last year's report each January, none for a year not yet over (was: 2026's dated July 2026).
    const items = (await handle.db.execute(sql`SELECT title, published_on::text AS on FROM publications WHERE title LIKE '%政府信息公开工作年度报告' ORDER BY published_on`) as unknown as { rows: { title: string; on: string }[] }).rows;
    expect(items).toEqual([
      { title: '示范市自然资源和规划局2024年政府信息公开工作年度报告', on: '2025-01-20' },
      { title: '示范市自然资源和规划局2025年政府信息公开工作年度报告', on: '2026-01-20' },
    ]);
    const audit = (await handle.db.execute(sql`SELECT action, actor_name FROM audit_log WHERE target_type = 'annual_report' AND target_id = '2025' ORDER BY id`) as unknown as { rows: { action: string; actor_name: string }[] }).rows;
    expect(audit.map((a) => a.action)).toEqual(['report.submitted', 'report.review_passed', 'report.approved', 'report.published']);
    expect(audit.map((a) => a.actor_name)).toEqual(['王登记(dengji)', '周保密(baomi)', '陈审核(shenhe)', '吴发布(fabu)']);
  });
});
