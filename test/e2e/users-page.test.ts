/**
 * 用户与角色 (三员分立, issue 12 item 3): the security administrator's first login replaces the printed initial
 * password; the page states the rules; role boxes that cannot go together are disabled with the reason; 系统管理员
 * and 审计员 accounts are managed from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, expectClean, launchBrowser, loginWithInitialPassword, openPage, screenshot, startServer, type TestServer } from './helpers.js';

describe.skipIf(!HAS_CHROMIUM)('用户与角色页面（浏览器）', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('安全管理员看到三员分立规则，不能兼任的角色不可勾选', async () => {
    const initial = server.initialPasswords.anquan;
    expect(initial, '演示数据的输出中应有 anquan 的初始密码').toBeTruthy();
    const t = await openPage(browser, DESKTOP);
    await loginWithInitialPassword(t.page, server.baseUrl, 'anquan', initial);
    const sider = t.page.locator('.ant-layout-sider');
    await sider.getByText('系统管理').click(); // the submenu opens on click
    await sider.getByRole('menuitem', { name: '用户与角色' }).click();
    await t.page.locator('.gk-staff-content h3', { hasText: '用户与角色' }).waitFor();
    await t.page.waitForLoadState('networkidle');
    const content = t.page.locator('.gk-staff-content');
    await expect(content.getByText('每个账号只能担任其中一个').first().isVisible()).resolves.toBe(true);
    expect(await content.getByText('命令行管理').count()).toBe(2); // admin and shenji
    await screenshot(t.page, 'users-page');

    await t.page.getByRole('button', { name: '新增用户' }).click();
    const dialog = t.page.getByRole('dialog');
    await dialog.waitFor();
    const box = (role: string) => dialog.locator(`input[type=checkbox][value=${role}]`);
    expect(await box('admin').isDisabled()).toBe(true);
    expect(await box('auditor').isDisabled()).toBe(true);
    expect(await box('security_admin').isDisabled()).toBe(false);
    await dialog.getByText('登记员', { exact: true }).click();
    expect(await box('security_admin').isDisabled()).toBe(true);
    expect(await box('handler').isDisabled()).toBe(false);
    await screenshot(t.page, 'users-page-new-user');
    expectClean(t);
    await t.context.close();
  });
});
