import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithApp, stubApi } from '../../test-utils.js';
import { PublicReportsPage } from './reports-page.js';

const TITLE = (y: number) => `示范市自然资源和规划局${y}年政府信息公开工作年度报告`;

describe('public 年度报告 page: corrections and withdrawals are shown (issue 11)', () => {
  it('shows the current version with its 更正说明 and earlier versions; a withdrawn year with its reason and no link', async () => {
    stubApi({
      'GET /api/public/guide': () => ({ body: { agency: { name: '示范市自然资源和规划局' } } }),
      'GET /api/public/reports': () => ({
        body: [
          {
            year: 2025, title: TITLE(2025), format: 'gov-2021', publishedOn: '2026-03-02', url: '/api/public/reports/2025', state: 'published', version: 2,
            correctionNote: '更正第二部分行政处罚数量。', firstPublishedOn: '2026-01-20', withdrawnOn: null, withdrawnReason: null,
            versions: [
              { version: 2, state: 'published', publishedOn: '2026-03-02', supersededOn: null, correctionNote: '更正第二部分行政处罚数量。', url: '/api/public/reports/2025/v/2' },
              { version: 1, state: 'superseded', publishedOn: '2026-01-20', supersededOn: '2026-03-02', correctionNote: null, url: '/api/public/reports/2025/v/1' },
            ],
          },
          {
            year: 2024, title: TITLE(2024), format: 'gov-2021', publishedOn: '2025-01-20', url: null, state: 'withdrawn', version: 1, correctionNote: null,
            firstPublishedOn: '2025-01-20', withdrawnOn: '2025-02-10', withdrawnReason: '统计口径有误，待更正后重新发布',
            versions: [{ version: 1, state: 'withdrawn', publishedOn: '2025-01-20', supersededOn: null, correctionNote: null, url: null }],
          },
        ],
      }),
    });
    renderWithApp(<PublicReportsPage />);
    const current = await screen.findByTestId('report-2025', {}, { timeout: 30_000 });
    expect(within(current).getByRole('link', { name: TITLE(2025) }).getAttribute('href')).toBe('/api/public/reports/2025');
    expect(current.textContent).toContain('已更正（第2版）');
    expect(current.textContent).toContain('更正说明：更正第二部分行政处罚数量。');
    expect(within(current).getByRole('link', { name: '第1版' }).getAttribute('href')).toBe('/api/public/reports/2025/v/1');
    const withdrawn = screen.getByTestId('report-2024');
    expect(within(withdrawn).queryByRole('link')).toBeNull();
    expect(withdrawn.textContent).toContain('已撤回');
    expect(withdrawn.textContent).toContain('撤回理由：统计口径有误，待更正后重新发布');
  }, 60_000);
});
