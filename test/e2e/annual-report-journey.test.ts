/**
 * Issue 11 "Publishing the annual report", done-when: on 2026-12-04 the current year's report is refused with its
 * reasons; last year's report goes through 保密审查 and 审核 and is published with the year typed in; it is then
 * corrected by a new version with a 更正说明; the portal shows the new version, the 更正说明 and the earlier version.
 * The demo published 2025 in January 2026, so the journey first withdraws it (with a public reason) to publish it
 * again from the start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, expectClean, launchBrowser, login, openPage, screenshot, startServer, type TestServer, type TrackedPage } from './helpers.js';

const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const NOTE = `更正第二部分“行政处罚 本年处理决定数量”：原报告误填为38件，应为39件（${Date.now() % 100000}）。`;

/** Opens the staff annual report of `year` on its 发布与版本 tab. */
async function openPublishing(page: Page, baseUrl: string, year: number): Promise<void> {
  await page.goto(`${baseUrl}/staff/reports/annual`);
  const select = page.getByLabel('报告年度');
  await select.waitFor();
  if (year !== THIS_YEAR) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible').getByText(`${year}年度`, { exact: true }).click();
  }
  await page.getByRole('tab', { name: '发布与版本' }).click();
  await page.getByTestId('report-publishing').waitFor({ timeout: 60_000 });
}

async function step(page: Page, button: string): Promise<void> {
  await page.getByTestId('report-publishing').getByRole('button', { name: button }).click();
  await page.locator('.ant-message-notice').first().waitFor();
}

async function publishWithYear(page: Page, year: number): Promise<void> {
  await page.getByTestId('publish-report').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('输入报告年度确认').fill(String(year));
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(!HAS_CHROMIUM)('年度报告：未结束年度不能发布；审查后发布；更正；门户显示新版本和更正说明（浏览器）', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: TrackedPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await openPage(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('登记员提交本年度报告：被拒绝并列明原因', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'dengji');
    await openPublishing(page, server.baseUrl, THIS_YEAR);
    const blockers = page.getByTestId('publish-blockers');
    await expect(blockers.innerText()).resolves.toContain(`${THIS_YEAR}年度尚未结束`);
    staff.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
    await page.getByTestId('submit-report').click();
    const refused = page.getByTestId('publish-refused');
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain(`${THIS_YEAR}年度尚未结束`);
    expect(text).toContain('【请填写');
    await screenshot(page, 'report-01-current-year-refused');
    expectClean(staff);
  });

  it('发布员撤回上年度报告（理由公开），登记员重新提交，保密审查、审核后发布（输入年度确认）', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'fabu');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await page.getByRole('button', { name: '撤回已发布的报告' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('撤回理由').fill('演示：撤回后按审查流程重新发布。');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('report-publishing').getByText('已撤回').first().waitFor();

    await login(page, server.baseUrl, 'dengji');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await page.getByTestId('submit-report').click();
    await page.getByTestId('open-version').getByText('待保密审查').waitFor();

    await login(page, server.baseUrl, 'baomi');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await step(page, '保密审查通过');
    await page.getByTestId('open-version').getByText('待审核').waitFor();

    await login(page, server.baseUrl, 'shenhe');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await step(page, '审核同意发布');
    await page.getByTestId('open-version').getByText('待发布').waitFor();

    await login(page, server.baseUrl, 'fabu');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await page.getByTestId('publish-report').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByLabel('输入报告年度确认').fill(String(THIS_YEAR));
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await page.getByTestId('publish-refused').getByText(`请输入报告年度“${LAST_YEAR}”确认发布（输入的是“${THIS_YEAR}”）`).waitFor();
    await publishWithYear(page, LAST_YEAR);
    await page.getByTestId('report-publishing').getByRole('button', { name: '撤回已发布的报告' }).waitFor();
    expectClean(staff);
  });

  it('登记员提交更正版本（更正说明），经审查审核后发布', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'dengji');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await page.getByLabel('更正说明').fill(NOTE);
    await page.getByTestId('submit-report').click();
    await page.getByTestId('open-version').getByText(`更正说明：${NOTE}`).waitFor();
    await login(page, server.baseUrl, 'baomi');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await step(page, '保密审查通过');
    await login(page, server.baseUrl, 'shenhe');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await step(page, '审核同意发布');
    await login(page, server.baseUrl, 'fabu');
    await openPublishing(page, server.baseUrl, LAST_YEAR);
    await publishWithYear(page, LAST_YEAR);
    await page.getByTestId('report-publishing').getByText('已被更正版本替代').waitFor();
    await screenshot(page, 'report-02-staff-versions');
    expectClean(staff);
  });

  it('门户显示新版本、更正说明和原版本', async () => {
    const visitor = await openPage(browser, DESKTOP);
    const { page } = visitor;
    await page.goto(`${server.baseUrl}/reports`);
    const row = page.getByTestId(`report-${LAST_YEAR}`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('已更正（第3版）');
    expect(text).toContain(`更正说明：${NOTE}`);
    expect(text).toContain('第2版');
    expect(text).toContain('第1版');
    expect(await page.getByTestId(`report-${THIS_YEAR}`).count()).toBe(0);
    await screenshot(page, 'report-03-portal-list');
    const current = await page.request.get(`${server.baseUrl}/api/public/reports/${LAST_YEAR}`);
    expect(current.status()).toBe(200);
    const html = await current.text();
    expect(html).toContain('更正说明（第3版）');
    expect(html).toContain(NOTE);
    expect(html).not.toContain('【请填写');
    const earlier = await page.request.get(`${server.baseUrl}/api/public/reports/${LAST_YEAR}/v/2`);
    expect(earlier.status()).toBe(200);
    expect(await earlier.text()).not.toContain('更正说明');
    await page.goto(`${server.baseUrl}/api/public/reports/${LAST_YEAR}`);
    await screenshot(page, 'report-04-portal-corrected-page');
    expectClean(visitor);
    await visitor.context.close();
  });
});
