/**
 * Issue 11 "Proactive-disclosure catalogue": the portal shows one 政府信息公开目录 (国办公开办函〔2019〕61号) as a tree with
 * counts, a click on a node lists its items; staff file items in the same tree and see the 索引号机关代码 they publish with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, expectClean, launchBrowser, login, openPage, screenshot, startServer, type TestServer } from './helpers.js';

describe.skipIf(!HAS_CHROMIUM)('政府信息公开目录：门户目录树与起草选项（浏览器）', () => {
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

  it('门户：一棵目录树（四个一级栏目，带条数），点击节点列出该目录的信息', async () => {
    const t = await openPage(browser, DESKTOP);
    await t.page.goto(`${server.baseUrl}/publications`);
    const tree = t.page.getByTestId('catalogue-tree');
    await tree.getByText('法定主动公开内容（', { exact: false }).waitFor({ timeout: 30_000 });
    const roots = await tree.locator('.ant-tree-treenode[aria-expanded], .ant-tree-treenode').evaluateAll((nodes) => nodes.filter((n) => n.querySelectorAll('.ant-tree-indent-unit').length === 0).map((n) => n.textContent?.trim()));
    expect(roots.map((r) => r?.replace(/（\d+）$/, ''))).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
    expect(await tree.innerText()).not.toMatch(/通知公告|办事指南（|M0\d\d/);
    const node = tree.getByText(/^行政处罚和行政强制（\d+）$/);
    const count = Number(/（(\d+)）/.exec(await node.innerText())![1]);
    expect(count).toBeGreaterThan(0);
    await node.click();
    await t.page.getByTestId('catalogue-current').getByText(`法定主动公开内容 › 行政处罚和行政强制（${count}条）`).waitFor();
    await t.page.getByTestId('search-total').getByText(`共 ${count} 条`).waitFor();
    expect(await t.page.getByTestId('catalogue-current').innerText()).toContain('条例第二十条第（六）项');
    await screenshot(t.page, 'catalogue-01-portal-tree');
    expectClean(t);
    await t.context.close();
  });

  it('公开指南不含 localhost', async () => {
    const t = await openPage(browser, DESKTOP);
    await t.page.goto(`${server.baseUrl}/guide`);
    await t.page.getByText('政府信息公开工作机构').first().waitFor({ timeout: 30_000 });
    expect(await t.page.locator('body').innerText()).not.toMatch(/localhost|127\.0\.0\.1/);
    await t.context.close();
  });

  it('工作台：目录页显示索引号机关代码；起草时在同一棵目录树中选到最末一级', async () => {
    const t = await openPage(browser, DESKTOP);
    const { page } = t;
    await login(page, server.baseUrl, 'fabu');
    await page.goto(`${server.baseUrl}/staff/publications?view=catalogue`);
    await page.getByTestId('agency-code-card').getByText('MB0143028').first().waitFor({ timeout: 30_000 });
    await page.getByText('法定主动公开内容').first().waitFor();
    await screenshot(page, 'catalogue-02-staff-catalogue');
    await page.goto(`${server.baseUrl}/staff/publications/new`);
    await page.getByLabel('公开目录').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.getByText('0306 行政处罚和行政强制').waitFor();
    await screenshot(page, 'catalogue-03-staff-form');
    await dropdown.getByText('0306 行政处罚和行政强制').click();
    expect(await page.locator('.ant-form-item', { hasText: '公开目录' }).first().innerText()).toContain('0306 行政处罚和行政强制');
    expectClean(t);
    await t.context.close();
  });
});
