/**
 * Every page a user can reach is reachable from the navigation and opens without console errors, in Chinese:
 * the public portal (desktop and phone) and the workbench menu of each demo role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, PHONE, expectClean, launchBrowser, login, loginWithInitialPassword, openPage, screenshot, startServer, type TestServer } from './helpers.js';

const PUBLIC_NAV = ['申请公开', '进度查询', '公开指南', '主动公开', '年度报告'];
const PUBLIC_TITLES: Record<string, string> = { 申请公开: '政府信息公开申请', 进度查询: '办理进度查询', 公开指南: '政府信息公开指南', 主动公开: '主动公开', 年度报告: '政府信息公开工作年度报告' };

/** Demo accounts and the menu entries each must see (三员分立: admin roles do not handle requests). */
const ROLES: { user: string; menu: string[] }[] = [
  { user: 'dengji', menu: ['工作台', '我的待办', '申请管理', '登记申请', '年度报告', '复议诉讼', '台账导入'] },
  { user: 'chengban', menu: ['工作台', '我的待办', '申请管理', '年度报告', '复议诉讼'] },
  { user: 'shenhe', menu: ['工作台', '我的待办', '申请管理', '主动公开', '年度报告', '复议诉讼'] },
  { user: 'baomi', menu: ['工作台', '我的待办', '申请管理', '主动公开', '年度报告', '复议诉讼'] },
  { user: 'fabu', menu: ['工作台', '主动公开', '年度报告'] },
  { user: 'anquan', menu: ['工作台', '用户与角色'] },
  { user: 'shenji', menu: ['工作台', '申请管理', '主动公开', '年度报告', '复议诉讼', '审计日志'] },
];

/** Latin letters allowed on pages: codes, file types, units. Anything else in English is a translation gap. */
const ENGLISH_WORDS = /\b(Loading|Submit|Cancel|Search|Error|Page|items|Next|Previous|No data|Select)\b/;

describe.skipIf(!HAS_CHROMIUM)('导航与页面可达性（浏览器）', () => {
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

  it('门户网站：桌面端导航到每个栏目', async () => {
    const t = await openPage(browser, DESKTOP);
    await t.page.goto(`${server.baseUrl}/`);
    for (const name of PUBLIC_NAV) {
      await t.page.locator('.gk-portal-nav').getByRole('menuitem', { name }).click();
      await t.page.locator('h3', { hasText: PUBLIC_TITLES[name] }).first().waitFor();
      await t.page.waitForLoadState('networkidle');
      expect(await t.page.locator('body').innerText()).not.toMatch(ENGLISH_WORDS);
      await screenshot(t.page, `nav-desk-${name}`);
    }
    expectClean(t);
    await t.context.close();
  });

  it('门户网站：手机端通过抽屉菜单到达每个栏目', async () => {
    const t = await openPage(browser, PHONE);
    await t.page.goto(`${server.baseUrl}/`);
    for (const name of PUBLIC_NAV) {
      await t.page.getByRole('button', { name: '打开导航' }).click();
      await t.page.locator('.ant-drawer').getByRole('menuitem', { name }).click();
      await t.page.locator('h3', { hasText: PUBLIC_TITLES[name] }).first().waitFor();
      await t.page.waitForLoadState('networkidle');
      const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} 页面在手机上出现横向滚动`).toBeLessThanOrEqual(1);
      await screenshot(t.page, `nav-phone-${name}`);
    }
    expectClean(t);
    await t.context.close();
  });

  for (const role of ROLES) {
    it(`工作台：${role.user} 的菜单逐项可达`, async () => {
      const t = await openPage(browser, DESKTOP);
      // anquan and shenji are first-start accounts (三员分立) with printed initial passwords, not demo ones
      const initial = server.initialPasswords[role.user];
      if (initial) await loginWithInitialPassword(t.page, server.baseUrl, role.user, initial);
      else await login(t.page, server.baseUrl, role.user);
      const sider = t.page.locator('.ant-layout-sider');
      if (role.menu.some((m) => ['用户与角色', '承办单位', '节假日日历', '机关信息'].includes(m))) {
        await sider.getByText('系统管理').click();
      }
      const shown = (await sider.getByRole('menuitem').allInnerTexts()).map((x) => x.trim()).filter((x) => x && x !== '系统管理');
      expect(shown.sort()).toEqual([...role.menu].sort());
      for (const name of role.menu) {
        await sider.getByRole('menuitem', { name }).click();
        await t.page.locator('.gk-staff-content h3', { hasText: name }).first().waitFor();
        await t.page.waitForLoadState('networkidle');
        expect(await t.page.locator('.gk-staff-content').innerText()).not.toMatch(ENGLISH_WORDS);
        await screenshot(t.page, `nav-${role.user}-${name}`);
      }
      expectClean(t);
      await t.context.close();
    });
  }

  it('系统管理员：承办单位、节假日日历、机关信息、期限设置、文书模板可达（用户与角色属安全管理员）', async () => {
    expect(server.adminPassword, '演示数据的输出中应有管理员初始密码（使用 GONGKAI_E2E_URL 时请设置 GONGKAI_E2E_ADMIN_PASSWORD）').toBeTruthy();
    if (!server.adminPassword) return;
    const t = await openPage(browser, DESKTOP);
    // The first login with the initial password changes it first (a new one that passes the password policy).
    await loginWithInitialPassword(t.page, server.baseUrl, 'admin', server.adminPassword);
    const sider = t.page.locator('.ant-layout-sider');
    await sider.getByText('系统管理').click();
    for (const name of ['承办单位', '节假日日历', '机关信息', '期限设置', '文书模板']) {
      await sider.getByRole('menuitem', { name }).click();
      await t.page.locator('.gk-staff-content h3', { hasText: name }).first().waitFor();
      await t.page.waitForLoadState('networkidle');
      await screenshot(t.page, `nav-admin-${name}`);
    }
    expectClean(t);
    await t.context.close();
  });
});

