/**
 * What every browser journey needs: the built server (server/dist, web/dist: run `npm run build`
 * first) on a free port with a fresh data directory (demo seeded), and the system Chromium (never
 * downloads one). Pass DATABASE_URL to run on PostgreSQL instead of the embedded database: each
 * journey file then gets a fresh database of its own on that server, dropped at its end, so that
 * no file sees what another changed (as with the embedded database's fresh directory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createScratchDatabase } from '../../server/test/helpers/scratch-database';

const WEB_DIR = path.resolve(import.meta.dirname, '..');
const SERVER_ENTRY = process.env.REDSHIELD_SERVER_ENTRY ?? path.resolve(WEB_DIR, '../server/dist/main.js');
const WEB_DIST = path.resolve(WEB_DIR, 'dist');
export const RESULTS = path.resolve(WEB_DIR, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'Admin12345e2e';
export const DEMO_PASSWORD = 'Redshield2026';

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

export interface Journey {
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** A screenshot into web/test-results/<name>.png (the whole page unless told otherwise). */
  shot: (name: string, fullPage?: boolean) => Promise<Buffer>;
  /** What the server has written so far (LOG_LEVEL=warn: its warnings and errors). */
  serverLog: () => string;
  /**
   * After a failed step: a screenshot `failed-<step>.png`, and on stderr (so that CI's log keeps it)
   * the page's address, the messages and alerts it shows, and the end of the server's log.
   */
  recordFailure: (step: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the server and a browser page (1440 × 900, zh-CN). */
export async function startJourney(): Promise<Journey> {
  for (const [what, file] of [
    ['server build (cd server && node build.mjs)', SERVER_ENTRY],
    ['web build (npm run build -w web)', path.join(WEB_DIST, 'index.html')],
    ['Chromium (apt-get install -y chromium fonts-noto-cjk)', CHROMIUM],
  ]) {
    if (!existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  // The database first: a server that cannot be reached leaves no directory behind.
  const database = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL, 'rs_e2e')
    : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'redshield-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverLog = '';

  const server: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      WEB_DIST,
      LOG_LEVEL: 'warn',
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (serverLog += String(chunk)));
  server.stderr?.on('data', (chunk) => (serverLog += String(chunk)));

  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-audit`, { recursive: true, force: true }); // the audit key and checkpoints beside it
    await database?.drop();
  };

  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`);
      if (Date.now() > deadline) throw new Error(`server did not become healthy within 180 s:\n${serverLog}`);
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const shot = async (name: string, fullPage = true) => {
      // A full page is taken from the top (the header and the menu are sticky).
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300); // let tab and dialog animations finish
      return page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage });
    };
    const recordFailure = async (step: string) => {
      await shot(`failed-${step.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`, false).catch(() => undefined);
      const shown = await page
        .locator('.ant-message-notice, .ant-notification-notice, .ant-alert, .ant-form-item-explain-error')
        .allInnerTexts()
        .catch((e: unknown) => [`(not readable: ${String(e)})`]);
      console.error(
        [
          `failed step: ${step}`,
          `page: ${page.url()}`,
          `shown: ${shown.length ? shown.join(' | ') : '(no message or alert)'}`,
          `server log (end): ${serverLog.slice(-4000) || '(empty)'}`,
        ].join('\n'),
      );
    };
    return { baseUrl, browser, page, shot, serverLog: () => serverLog, recordFailure, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
