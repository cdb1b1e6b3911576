/**
 * The browser journey: a district administrator creates a unit and finds it in the audit log.
 * Starts the built server (server/dist, web/dist: run `npm run build` first) on a free port with a
 * fresh data directory, and drives the system Chromium (never downloads one). Pass DATABASE_URL to
 * run it on PostgreSQL instead of the embedded database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const WEB_DIR = path.resolve(import.meta.dirname, '..');
const SERVER_ENTRY = process.env.REDSHIELD_SERVER_ENTRY ?? path.resolve(WEB_DIR, '../server/dist/main.js');
const WEB_DIST = path.resolve(WEB_DIR, 'dist');
const RESULTS = path.resolve(WEB_DIR, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_PASSWORD = 'Admin12345e2e';
const DEMO_PASSWORD = 'Redshield2026';

let server: ChildProcess | undefined;
let serverLog = '';
let dataDir = '';
let baseUrl = '';
let browser: Browser | undefined;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${serverLog}`);
}

const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  for (const [what, file] of [
    ['server build (cd server && node build.mjs)', SERVER_ENTRY],
    ['web build (npm run build -w web)', path.join(WEB_DIST, 'index.html')],
    ['Chromium (apt-get install -y chromium fonts-noto-cjk)', CHROMIUM],
  ]) {
    if (!existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'redshield-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;

  server = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      WEB_DIST,
      LOG_LEVEL: 'warn',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (serverLog += String(chunk)));
  server.stderr?.on('data', (chunk) => (serverLog += String(chunk)));
  await waitForHealth(baseUrl, 90_000);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('RedShield web journey', () => {
  const code = `CM-XHS-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const name = '新河市场监管所';

  it('logs in as the 崇明区局 administrator', async () => {
    await page.goto(baseUrl);
    await page.getByText('市场监管专项行动管理平台').first().waitFor();
    await expect(page.title()).resolves.toContain('红盾');
    await shot('login');

    await page.getByLabel('用户名').fill('cm_admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await page.locator('.rs-header').waitFor();
    await expect(page.locator('.rs-user-menu').innerText()).resolves.toContain('陈立');
    await expect(page.locator('.rs-user-menu').innerText()).resolves.toContain('上海市崇明区市场监督管理局');
  });

  it('creates a unit under 崇明区局 and sees it in the tree', async () => {
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.waitForURL(/\/units$/);
    const tree = page.locator('.rs-unit-tree');
    await tree.getByText('上海市崇明区市场监督管理局', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '上海市崇明区市场监督管理局' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: '新建下级单位' }).click();
    const dialog = page.getByRole('dialog', { name: /新建单位/ });
    await dialog.waitFor();
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByLabel('单位代码').fill(code);
    await dialog.getByText('市场监管所', { exact: true }).click();
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const node = tree.locator(`[data-unit-code="${code}"]`);
    await node.waitFor();
    await expect(node.innerText()).resolves.toContain(name);
    // The new unit is selected, and its details show what was entered.
    await expect(page.getByRole('heading', { name }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.ant-descriptions').innerText()).resolves.toContain(code);
    await shot('units');
  });

  it('finds the unit.create entry in the audit log', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/audit$/);
    const row = page.locator('.ant-table-row', { hasText: name }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('新建单位');
    await expect(row.innerText()).resolves.toContain('陈立');

    // Its details list the unit as created.
    await row.locator('.ant-table-row-expand-icon').click();
    const details = page.locator('.ant-table-expanded-row').first();
    await details.waitFor();
    await expect(details.innerText()).resolves.toContain(code);
    await shot('audit');
  });
});
