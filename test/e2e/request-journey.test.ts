/**
 * Issue 4 "done when": the main journeys end to end in headless Chromium against a real server and database —
 * a citizen applies online and queries progress; a registrar confirms it and registers a letter request; a handler
 * drafts a reply; a reviewer approves; the secrecy reviewer passes it; delivery is recorded; the applicant's query
 * shows it answered; an officer imports a ledger and downloads the annual report. Screenshots at 1366×768 and
 * 390×844 go to SHOTS_DIR. Every page must be free of console errors.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, HAS_CHROMIUM, PHONE, SHOTS_DIR, cleanupDir, expectClean, launchBrowser, login, logout, openPage, runAction, screenshot, startServer, type TestServer, type TrackedPage } from './helpers.js';

const LEDGER_YEAR = 2025;
const LEDGER_CSV = [
  '受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,承办单位,答复日期,办理结果',
  `E2E-${LEDGER_YEAR}-001,${LEDGER_YEAR}/3/4,信函,自然人,测试甲,${LEDGER_YEAR}年某地块土地出让合同,政策法规司,${LEDGER_YEAR}-03-20,予以公开`,
  `E2E-${LEDGER_YEAR}-002,${LEDGER_YEAR}年4月8日,网络,商业企业,某测试有限公司,某项目用地预审意见,,${LEDGER_YEAR}-04-30,部分公开`,
].join('\n');

async function stateTag(page: Page, label: string): Promise<void> {
  await page.locator('.gk-page-title .ant-tag', { hasText: label }).first().waitFor({ timeout: 30_000 });
}

/** Chooses an option of a searchable select in the open dialog by typing it, then checks that it took. */
async function pickOption(page: Page, fieldLabel: string | RegExp, optionText: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(fieldLabel);
  // `has` is evaluated inside each form item, so the inner locator must not start from the dialog.
  const item = page.getByRole('dialog').locator('.ant-form-item').filter({ has: page.getByLabel(fieldLabel) }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.pressSequentially(optionText);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().waitFor();
    await input.press('Enter');
    if ((await item.innerText()).includes(optionText)) return;
  }
  throw new Error(`未能在“${String(fieldLabel)}”中选中“${optionText}”`);
}

describe.skipIf(!HAS_CHROMIUM)('依申请公开全流程（浏览器）', () => {
  let server: TestServer;
  let browser: Browser;
  let citizen: TrackedPage;
  let staff: TrackedPage;
  const tmp = mkdtempSync(join(tmpdir(), 'gongkai-e2e-files-'));
  let trackingCode = '';
  let accessKey = '';
  let requestUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    citizen = await openPage(browser, PHONE);
    staff = await openPage(browser, DESKTOP);
    console.log(`截图保存在 ${SHOTS_DIR}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cleanupDir(tmp);
  });

  it('公众在手机上提交申请，获得查询码和查询密码', async () => {
    const { page } = citizen;
    await page.goto(`${server.baseUrl}/`);
    await screenshot(page, 'phone-01-home');
    await page.getByRole('link', { name: /我要申请/ }).click();
    await page.getByLabel('姓名').fill('陈晓明');
    await page.getByLabel('身份证号码').fill('110105194912310021');
    await expect.poll(() => page.getByText(/身份证号码校验位错误/).count()).toBeGreaterThan(0);
    await page.getByLabel('身份证号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13900139000');
    await page.getByLabel(/所需信息的名称/).fill('2024年南湖镇北坡村土地征收补偿安置方案及批复文件');
    await page.getByRole('checkbox').check();
    await screenshot(page, 'phone-02-apply-filled');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/apply\/done/);
    trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
    accessKey = (await page.getByTestId('access-key').innerText()).trim();
    expect(trackingCode).toMatch(/^[A-Z0-9]{6,}$/);
    expect(accessKey).toMatch(/^[A-Z0-9]{6,}$/);
    await screenshot(page, 'phone-03-receipt');
    expectClean(citizen);
  });

  it('公众查询进度：已提交、待确认', async () => {
    const { page } = citizen;
    await page.getByRole('link', { name: /查询办理进度/ }).click();
    await page.getByText('已提交，等待受理机关确认收到').first().waitFor();
    await screenshot(page, 'phone-04-track-submitted');
    expectClean(citizen);
  });

  it('登记员确认网上申请并分派承办单位', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'dengji');
    await screenshot(page, 'desk-01-dashboard-registrar');
    await page.getByRole('menuitem', { name: /申请管理/ }).click();
    await page.getByLabel('搜索').fill(trackingCode);
    await page.getByLabel('搜索').press('Enter');
    await page.locator('.ant-table-row', { hasText: '陈*' }).first().getByRole('link').click();
    await stateTag(page, '待确认');
    requestUrl = page.url();
    await runAction(page, 'registered');
    await stateTag(page, '已登记');
    await runAction(page, 'assigned', async () => { await pickOption(page, '主办单位', '政策法规司'); });
    await stateTag(page, '办理中');
    await screenshot(page, 'desk-02-request-assigned');
    expectClean(staff);
  });

  it('登记员登记一件信函申请', async () => {
    const { page } = staff;
    await page.getByRole('menuitem', { name: /登记申请/ }).click();
    await page.getByLabel('收到日期的证据').fill('挂号信签收单 XA20261127');
    await page.getByLabel('姓名').fill('刘建国');
    await page.getByLabel('联系电话').fill('010-66558740');
    await page.getByLabel(/所需政府信息的名称/).fill('示范市2025年度建设用地供应计划');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText(/已登记，受理编号/).waitFor();
    await screenshot(page, 'desk-03-letter-registered');
    expectClean(staff);
    await logout(page);
  });

  it('承办人起草答复（办理结果按法定表格分组选择）', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'chengban');
    await page.goto(requestUrl);
    await stateTag(page, '办理中');
    await runAction(page, 'reply_drafted', async (dialog) => {
      await pickOption(page, '办理结果', '予以公开');
      await expect.poll(() => dialog.getByLabel('法律依据').inputValue()).toContain('第三十六条第（二）项');
      await dialog.getByLabel(/说明/).fill('现将所申请的补偿安置方案及批复文件随本答复书提供。');
    });
    await stateTag(page, '答复待审核');
    await screenshot(page, 'desk-04-reply-drafted');
    expectClean(staff);
    await logout(page);
  });

  it('审核人预览答复书并审核通过', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'shenhe');
    await page.goto(requestUrl);
    await page.getByRole('button', { name: '预览答复书' }).click();
    await page.frameLocator('iframe[title^="预览"]').getByText('政府信息公开申请答复书').waitFor();
    await screenshot(page, 'desk-05-reply-preview');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await runAction(page, 'reply_approved');
    await stateTag(page, '待保密审查');
    expectClean(staff);
    await logout(page);
  });

  it('保密审查员审查通过', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'baomi');
    await page.getByRole('menuitem', { name: /我的待办/ }).click();
    await page.getByRole('tab', { name: /待保密审查/ }).waitFor();
    await page.goto(requestUrl);
    await runAction(page, 'secrecy_review_passed');
    await stateTag(page, '待发出');
    expectClean(staff);
    await logout(page);
  });

  it('登记员发出答复并登记送达', async () => {
    const { page } = staff;
    await login(page, server.baseUrl, 'dengji');
    await page.goto(requestUrl);
    await runAction(page, 'replied');
    await stateTag(page, '已答复');
    await runAction(page, 'delivered', async (dialog) => { await dialog.getByLabel('网上送达').check(); });
    await stateTag(page, '已送达');
    await screenshot(page, 'desk-06-delivered');
    expectClean(staff);
  });

  it('公众查询显示已答复及答复书', async () => {
    const { page } = citizen;
    await page.goto(`${server.baseUrl}/track`);
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('查询密码').fill(accessKey);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('答复已送达').first().waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('予以公开');
    await page.frameLocator('iframe[title="答复书"]').getByText('政府信息公开申请答复书').waitFor();
    await screenshot(page, 'phone-05-track-answered');
    expectClean(citizen);
  });

  it('登记员导入台账并下载年度报告', async () => {
    const { page } = staff;
    const file = join(tmp, '申请台账.csv');
    writeFileSync(file, `\uFEFF${LEDGER_CSV}\n`);
    await page.getByRole('menuitem', { name: /台账导入/ }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(/导入完成/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'desk-07-import-done');
    const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Excel（\.xlsx）/ }).click()]);
    expect(ledger.suggestedFilename()).toMatch(/^依申请公开台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ledgerFile = join(tmp, ledger.suggestedFilename());
    await ledger.saveAs(ledgerFile);
    expect(statSync(ledgerFile).size).toBeGreaterThan(2000);
    await page.getByRole('menuitem', { name: /年度报告/ }).click();
    await page.getByLabel('报告年度').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${LEDGER_YEAR}年度` }).click();
    await page.getByRole('table', { name: '收到和处理政府信息公开申请情况' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'desk-08-annual-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /统计表（XLSX）/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(2000);
    expectClean(staff);
  });
});
