import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp, stubApi } from '../../test-utils.js';
import { DeadlineSettingsPage } from './deadline-settings-page.js';

afterEach(() => cleanup());

/** What the server answers before any change (services/settings.ts DEFAULT_DEADLINE_SETTINGS). */
const DEFAULTS = { pauseDuringFeeNotice: true, dueSoonWorkingDays: 3, presumedDeliveryDays: { post: null, email: null, online: null, in_person: null }, repeatSupplement: 'justified' };

/** Clicks 保存, checks the confirmation lists `changes` and warns of the recompute, and confirms. */
async function confirmSave(changes: string[]) {
  fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
  const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
  expect(dialog.textContent).toContain('所有尚未办结的申请将按新设置重新计算');
  expect([...within(dialog).getByTestId('settings-changes').querySelectorAll('li')].map((li) => li.textContent)).toEqual(changes);
  fireEvent.click(within(dialog).getByRole('button', { name: '确定保存' }));
}

describe('期限设置 page', () => {
  it('shows the defaults with their legal reasons and PUTs the changed presumption and 补正 rule after confirmation', async () => {
    const calls = stubApi({
      'GET /api/settings/deadlines': () => ({ body: DEFAULTS }),
      'PUT /api/settings/deadlines': (c) => ({ body: { ...DEFAULTS, ...(c.body as object) } }),
    });
    renderWithApp(<DeadlineSettingsPage />);
    const post = await screen.findByTestId('presume-post', {}, { timeout: 30_000 });
    expect(document.body.textContent).toContain('国办函〔2020〕109号');
    expect(document.body.textContent).toContain('第三十条');
    expect(document.body.textContent).toContain('不能登记“逾期未缴费”或“逾期未补正”');
    // Default: no presumption on any channel, so no day count is asked for.
    expect(within(post).getByRole('radio', { name: '不推定，须登记实际收到日期' })).toHaveProperty('checked', true);
    expect(within(post).queryByRole('spinbutton')).toBeNull();

    // 邮寄: presumed received 5 working days after sending (the value filled in on switching), then changed to 7.
    fireEvent.click(within(post).getByRole('radio', { name: '推定送达' }));
    const days = await within(post).findByRole('spinbutton', { name: '邮寄推定送达天数' });
    expect((days as HTMLInputElement).value).toBe('5');
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.blur(days);
    // 当面领取: presumed the same day (0).
    const inPerson = screen.getByTestId('presume-in_person');
    fireEvent.click(within(inPerson).getByRole('radio', { name: '推定送达' }));
    expect((await within(inPerson).findByRole('spinbutton') as HTMLInputElement).value).toBe('0');
    // 再次补正: not allowed.
    fireEvent.click(screen.getByRole('radio', { name: /不允许：每件申请只告知补正一次/ }));

    await confirmSave([
      '邮寄：不推定（须登记实际收到日期） → 发出后7个工作日视为收到',
      '当面领取：不推定（须登记实际收到日期） → 发出当日视为收到',
      '再次告知补正：确有必要时允许再次告知 → 不允许再次告知',
    ]);
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true), { timeout: 10_000 });
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/settings/deadlines');
    expect(put.body).toEqual({
      presumedDeliveryDays: { post: 7, email: null, online: null, in_person: 0 },
      repeatSupplement: 'never',
      pauseDuringFeeNotice: true,
      dueSoonWorkingDays: 3,
    });
    expect(await screen.findByText('期限设置已保存，所有未结申请的期限已按新设置重新计算')).toBeTruthy();
  }, 60_000);

  it('shows the server\'s Chinese refusal under the field and above the form', async () => {
    const refusal = '邮寄的推定送达天数须为0至30的整数（工作日），或留空表示须登记实际收到日期，收到“31”';
    const calls = stubApi({
      'GET /api/settings/deadlines': () => ({ body: { ...DEFAULTS, presumedDeliveryDays: { post: 5, email: 1, online: null, in_person: 0 } } }),
      'PUT /api/settings/deadlines': () => ({ status: 400, body: { error: { id: 'validation', code: 'VALIDATION', message: refusal, details: { problems: [{ field: 'presumedDeliveryDays.post', message: refusal }] } } } }),
    });
    renderWithApp(<DeadlineSettingsPage />);
    const post = await screen.findByTestId('presume-post', {}, { timeout: 30_000 });
    expect((within(post).getByRole('spinbutton') as HTMLInputElement).value).toBe('5');
    expect((within(screen.getByTestId('presume-email')).getByRole('spinbutton') as HTMLInputElement).value).toBe('1');

    const days = within(post).getByRole('spinbutton');
    fireEvent.change(days, { target: { value: '6' } });
    fireEvent.blur(days);
    await confirmSave(['邮寄：发出后5个工作日视为收到 → 发出后6个工作日视为收到']);
    await waitFor(() => expect(screen.getByTestId('save-error').textContent).toContain(refusal), { timeout: 10_000 });
    expect(within(post).getByRole('alert').textContent).toBe(refusal);
    expect(screen.getAllByText(refusal).length).toBeGreaterThanOrEqual(2); // field, alert (and the toast)
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      presumedDeliveryDays: { post: 6, email: 1, online: null, in_person: 0 }, repeatSupplement: 'justified', pauseDuringFeeNotice: true, dueSoonWorkingDays: 3,
    });
  }, 60_000);

  it('does not send an unchanged form', async () => {
    const calls = stubApi({ 'GET /api/settings/deadlines': () => ({ body: DEFAULTS }) });
    renderWithApp(<DeadlineSettingsPage />);
    await screen.findByTestId('presume-post', {}, { timeout: 30_000 });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('期限设置没有改动，无需保存')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  }, 60_000);
});
