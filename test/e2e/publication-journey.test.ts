/**
 * Issue 6 "done when": a publisher drafts, a secrecy reviewer rejects then passes (先审查后公开, by another person),
 * the reviewer approves, the publisher publishes; the item appears on the portal and is found by a Chinese query
 * whose words come in another order than in the title (word segmentation, not substring matching).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, PHONE, expectClean, launchBrowser, login, openPage, runAction, screenshot, startServer, type TestServer, type TrackedPage } from './helpers.js';

/** Unique per run, so the journey also works against a long-running server (GONGKAI_E2E_URL). */
const TITLE = `示范市2026年度国有建设用地供应计划（第${Date.now() % 100000}号）`;
const QUERY = '供应计划 建设用地';

async function publicationState(page: Page, label: string): Promise<void> {
  await page.locator('.gk-page-title .ant-tag', { hasText: label }).first().waitFor({ timeout: 30_000 });
}

describe.skipIf(!HAS_CHROMIUM)('主动公开：起草、保密审查、发布、检索（浏览器）', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: TrackedPage;
  let detailUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await openPage(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('发布员起草并提交保密审查', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'fabu');
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '主动公开' }).click();
    await page.getByRole('button', { name: '起草' }).click();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('公开目录').click();
    await page.locator('.ant-select-dropdown:visible').getByText('规划计划', { exact: false }).first().click();
    await page.getByLabel('文号').fill('示自然资发〔2026〕8号');
    await page.getByLabel('正文').fill('根据国家和省有关规定，结合本市实际，编制本计划。\n本年度计划供应国有建设用地总面积为320公顷，其中工矿仓储用地、住宅用地和基础设施用地分别安排……');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/staff\/publications\/\d+$/);
    detailUrl = page.url();
    await publicationState(page, '草稿');
    await runAction(page, 'submitted');
    await publicationState(page, '待保密审查');
    await screenshot(page, 'pub-01-submitted');
    expectClean(staff);
  });

  it('保密审查员退回，发布员修改后再次提交，审查通过', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'baomi');
    await page.goto(detailUrl);
    await runAction(page, 'review_rejected', async (dialog) => { await dialog.getByLabel('理由').fill('附表中含有个别地块的权利人信息，请删除后重新提交。'); });
    await publicationState(page, '草稿');
    await login(page, server.baseUrl, 'fabu');
    await page.goto(detailUrl);
    await page.getByText('附表中含有个别地块的权利人信息').first().waitFor();
    await runAction(page, 'submitted');
    await login(page, server.baseUrl, 'baomi');
    await page.goto(detailUrl);
    await runAction(page, 'review_passed');
    await publicationState(page, '待审核');
    await screenshot(page, 'pub-02-review-passed');
    expectClean(staff);
  });

  it('审核人同意，发布员发布', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'shenhe');
    await page.goto(detailUrl);
    await runAction(page, 'approved');
    await publicationState(page, '待发布');
    await login(page, server.baseUrl, 'fabu');
    await page.goto(detailUrl);
    await runAction(page, 'published');
    await publicationState(page, '已发布');
    await screenshot(page, 'pub-03-published');
    expectClean(staff);
  });

  it('公众在门户检索到该信息（关键词顺序与标题不同）并打开', async () => {
    const t = await openPage(browser, PHONE);
    await t.page.goto(`${server.baseUrl}/publications`);
    await t.page.getByLabel('检索主动公开信息').fill(QUERY);
    await t.page.getByLabel('检索主动公开信息').press('Enter');
    const link = t.page.getByRole('link', { name: TITLE });
    await link.waitFor({ timeout: 30_000 });
    await screenshot(t.page, 'pub-04-portal-search');
    await link.click();
    await t.page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await t.page.locator('.ant-descriptions').innerText()).toContain('索引号');
    await screenshot(t.page, 'pub-05-portal-item');
    expectClean(t);
    await t.context.close();
  });
});
