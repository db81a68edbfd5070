/**
 * Browser end-to-end helpers: a real Gongkai server (bin/gongkai.mjs, embedded PGlite in a temp dir, demo data)
 * driven by Debian's Chromium through playwright-core. Set GONGKAI_E2E_URL to run against a server that is already
 * up (it must have the demo data); set GONGKAI_E2E_SHOTS to choose where screenshots go.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_PASSWORD = 'Shifan#2026';
export const SHOTS_DIR = process.env.GONGKAI_E2E_SHOTS ?? join(tmpdir(), 'gongkai-e2e-screenshots');

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/gongkai.mjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`gongkai ${args.join(' ')} 失败（${r.status}）：\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** True when dist/web is missing or older than any file under src/web, src/shared or src/core (pages import both). */
function webBuildIsStale(): boolean {
  const built = join(ROOT, 'dist/web/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (dir: string): boolean => readdirSync(dir, { withFileTypes: true }).some((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? newer(p) : statSync(p).mtimeMs > builtAt;
  });
  return ['src/web', 'src/shared', 'src/core'].some((d) => existsSync(join(ROOT, d)) && newer(join(ROOT, d)));
}

export interface TestServer {
  baseUrl: string;
  adminPassword: string | null;
  /** Initial passwords of the first-start administrator accounts (三员分立: admin, anquan, shenji), by user name. */
  initialPasswords: Record<string, string>;
  stop(): Promise<void>;
}

/** Builds the pages when missing, loads the demo agency into a fresh data dir and starts the server on a free port. */
export async function startServer(): Promise<TestServer> {
  if (process.env.GONGKAI_E2E_URL) return { baseUrl: process.env.GONGKAI_E2E_URL.replace(/\/$/, ''), adminPassword: process.env.GONGKAI_E2E_ADMIN_PASSWORD ?? null, initialPasswords: JSON.parse(process.env.GONGKAI_E2E_INITIAL_PASSWORDS ?? '{}') as Record<string, string>, stop: async () => {} };
  if (webBuildIsStale()) {
    const b = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (b.status !== 0) throw new Error(`vite build 失败：\n${b.stdout}\n${b.stderr}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, TZ: process.env.TZ ?? 'UTC', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const demo = run(['demo'], env);
  const adminPassword = /admin\s+\S+\s+初始密码：(\S+)/.exec(demo)?.[1] ?? null;
  const initialPasswords = Object.fromEntries([...demo.matchAll(/^\s+(\S+)\s+\S+\s+初始密码：(\S+)$/gm)].map((m) => [m[1], m[2]]));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/gongkai.mjs'), 'serve', '--port', String(port)], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output += String(d); });
  child.stderr?.on('data', (d) => { output += String(d); });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务未能启动（退出码 ${child.exitCode}）：\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`服务启动超时：\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    adminPassword,
    initialPasswords,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 10_000); });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records console errors, uncaught exceptions and failed API calls, to assert "no console errors". */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /** Expected failures (e.g. a 404 the test provokes) are matched here and not reported. */
  allow(pattern: RegExp): void;
}

export async function openPage(browser: Browser, viewport = DESKTOP): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  const note = (s: string) => { if (!allowed.some((a) => a.test(s))) problems.push(s); };
  page.on('console', (m) => { if (m.type() === 'error') note(`console: ${m.text()}`); });
  page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 500) note(`HTTP ${r.status()} ${r.url()}`); });
  return { page, context, problems, allow: (p) => allowed.push(p) };
}

/** Asserts that nothing went wrong on the page since the last check, then starts afresh. */
export function expectClean(t: TrackedPage): void {
  const found = t.problems.splice(0);
  if (found.length) throw new Error(`页面出现错误：\n${found.join('\n')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Logs in through the login page and waits for the workbench. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies(); // a previous user's session, if a test stopped before logging out
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/staff/);
  await page.getByTestId('current-user').waitFor();
}

/**
 * First login of an account with an initial password (the first-start administrator accounts): logs in, replaces
 * the password in the dialog the workbench opens first, and returns the new one. Later logins use that.
 */
const changedPasswords = new Map<string, string>();
export async function loginWithInitialPassword(page: Page, baseUrl: string, username: string, initial: string): Promise<string> {
  const known = changedPasswords.get(username);
  if (known) { await login(page, baseUrl, username, known); return known; }
  await login(page, baseUrl, username, initial);
  const next = `Lanting#${username.length}2026x`;
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('当前密码').fill(initial);
  await dialog.getByLabel('新密码', { exact: true }).fill(next);
  await dialog.getByLabel('确认新密码').fill(next);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await dialog.waitFor({ state: 'detached' });
  changedPasswords.set(username, next);
  return next;
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '当前用户菜单' }).hover();
  await page.getByText('退出登录').click();
  await page.waitForURL(/\/login/);
}

/** Clicks an action button of the request detail page and confirms its modal. */
export async function runAction(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  // Under load the modal's zoom-in animation can still be running; a click then may not reach the button.
  await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  const ok = dialog.getByRole('button', { name: '确定' });
  await ok.click();
  try {
    try {
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    } catch {
      // Still open with no error shown: the click was lost, not refused (a refusal shows a field error or a message).
      const shown = (await dialog.locator('.ant-form-item-explain-error').count()) + (await page.locator('.ant-message-notice').count());
      if (shown > 0) throw new Error('refused');
      const saving = (await ok.locator('.ant-btn-loading-icon').count()) > 0;
      if (!saving) await ok.click();
      await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    }
  } catch (err) {
    // Say why: the form's field errors and the error message the page showed.
    const fieldErrors = await dialog.locator('.ant-form-item-explain-error').allInnerTexts().catch(() => []);
    const messages = await page.locator('.ant-message-notice').allInnerTexts().catch(() => []);
    await screenshot(page, `failed-${action}`);
    throw new Error(`操作“${action}”未完成：${[...fieldErrors, ...messages].join('；') || String(err)}`);
  }
}

export function cleanupDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
