import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { renderWithApp, stubApi } from '../../test-utils.js';
import { PublicationTimelinessPage } from './publications-timeliness-page.js';
import { PublicationSuggestionsPage } from './publications-suggestions-page.js';

afterEach(() => cleanup());

const me = (roles: string[]) => () => ({ body: { user: { id: 1, username: 'fabu', displayName: '发布员', roles, departmentId: null }, csrfToken: 'x', roleLabels: {} } });

describe('公开时效 (条例第二十六条)', () => {
  it('shows totals, departments and the items to act on, in Chinese', async () => {
    stubApi({
      'GET /api/publications/timeliness': () => ({
        body: {
          asOf: '2024-09-03', from: '2024-01-01', to: '2024-09-03', riskWorkingDays: 5,
          departments: [{ departmentId: 3, department: '耕地保护处', pending: 0, atRisk: 1, overdue: 1, onTime: 4, late: 1 }],
          totals: { pending: 0, atRisk: 1, overdue: 1, onTime: 4, late: 1 },
          items: [
            { id: 7, title: '超期未发布的通知', state: 'pending_review', stateLabel: '待保密审查', department: '耕地保护处', formedOn: '2024-08-01', publishedOn: null, dueOn: '2024-08-29', status: 'overdue', workingDaysLeft: 0, workingDaysLate: 3 },
            { id: 8, title: '即将超期的公告', state: 'draft', stateLabel: '草稿', department: null, formedOn: '2024-08-12', publishedOn: null, dueOn: '2024-09-09', status: 'at_risk', workingDaysLeft: 4, workingDaysLate: null },
          ],
        },
      }),
    });
    renderWithApp(<PublicationTimelinessPage />);
    expect(await screen.findByText('超期未发布的通知')).toBeTruthy();
    expect(screen.getByText(/截至2024年9月3日/)).toBeTruthy();
    expect(screen.getAllByText('耕地保护处').length).toBeGreaterThan(0);
    const overdueRow = screen.getByText('超期未发布的通知').closest('tr')!;
    expect(within(overdueRow).getByText('已超期未发布')).toBeTruthy();
    expect(within(overdueRow).getByText('超 3 个')).toBeTruthy();
    expect(within(overdueRow).getByText('2024年8月29日')).toBeTruthy();
    expect((screen.getByText('超期未发布的通知').closest('a') as HTMLAnchorElement).getAttribute('href')).toBe('/staff/publications/7');
    const riskRow = screen.getByText('即将超期的公告').closest('tr')!;
    expect(within(riskRow).getByText('剩 4 个')).toBeTruthy();
    expect(within(riskRow).getByText('未指定单位')).toBeTruthy();
  });
});

describe('转主动公开建议 (条例第四十四条)', () => {
  const suggestion = {
    key: '1,2,3', requestIds: [1, 2, 3], applicantCount: 3, disclosedCount: 2, topTerms: ['耕地', '占补', '平衡'],
    suggestedTitle: '2023年示范市耕地占补平衡指标交易情况', firstReceivedOn: '2024-03-01', lastReceivedOn: '2024-05-01',
    requests: [
      { id: 1, ref: 'GK-2024-000001', description: '申请公开2023年示范市耕地占补平衡指标交易情况', receivedOn: '2024-03-01', outcome: 'disclosed', outcomeLabel: '予以公开' },
      { id: 2, ref: 'GK-2024-000002', description: '请提供示范市2023年度耕地占补平衡指标交易明细', receivedOn: '2024-04-01', outcome: 'partly_disclosed', outcomeLabel: '部分公开' },
      { id: 3, ref: 'GK-2024-000003', description: '公开示范市耕地占补平衡指标交易情况', receivedOn: '2024-05-01', outcome: null, outcomeLabel: '办理中' },
    ],
  };

  it('lists the group and turns it into a draft with one click', async () => {
    const calls = stubApi({
      'GET /api/auth/me': me(['publisher']),
      'GET /api/publications/suggestions': () => ({ body: { from: '2023-09-03', to: '2024-09-03', suggestions: [suggestion] } }),
      'POST /api/publications/suggestions/draft': () => ({ status: 201, body: { id: 42 } }),
      'GET /api/publications': () => ({ body: { total: 0, page: 1, pageSize: 20, items: [] } }),
    });
    renderWithApp(
      <Routes>
        <Route path="/staff/publications/suggestions" element={<PublicationSuggestionsPage />} />
        <Route path="/staff/publications/:id/edit" element={<p>编辑草稿页</p>} />
      </Routes>,
      { route: '/staff/publications/suggestions' },
    );
    expect(await screen.findByText('2023年示范市耕地占补平衡指标交易情况')).toBeTruthy();
    expect(screen.getByText('3 位申请人')).toBeTruthy();
    expect(screen.getByText('2 件已公开')).toBeTruthy();
    expect(screen.getByText('GK-2024-000002')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '生成主动公开草稿' }));
    expect(await screen.findByText('编辑草稿页')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ requestIds: [1, 2, 3], title: '2023年示范市耕地占补平衡指标交易情况' });
  });

  it('a dismissal asks for the reason', async () => {
    const calls = stubApi({
      'GET /api/auth/me': me(['publisher']),
      'GET /api/publications/suggestions': () => ({ body: { from: '2023-09-03', to: '2024-09-03', suggestions: [suggestion] } }),
      'POST /api/publications/suggestions/dismiss': () => ({ body: { ok: true } }),
    });
    renderWithApp(<PublicationSuggestionsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '不予采纳' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    expect(await screen.findByText('请填写不予采纳的理由')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('理由'), { target: { value: '涉及申请人本人信息' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ requestIds: [1, 2, 3], reason: '涉及申请人本人信息' });
  });

  it('others see the groups without the buttons; an empty list says so', async () => {
    stubApi({
      'GET /api/auth/me': me(['reviewer']),
      'GET /api/publications/suggestions': () => ({ body: { from: '2023-09-03', to: '2024-09-03', suggestions: [] } }),
    });
    renderWithApp(<PublicationSuggestionsPage />);
    expect(await screen.findByText('暂无建议：没有多位申请人申请相同且已公开的信息')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '生成主动公开草稿' })).toBeNull();
  });
});
