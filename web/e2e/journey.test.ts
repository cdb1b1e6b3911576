/**
 * The browser journey: a district administrator creates a unit and finds it in the audit log.
 * The server and the browser come from harness.ts (the built server on a free port, fresh data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness';

let journey: Journey | undefined;
let baseUrl = '';
let page: Page;
const shot = (name: string) => journey!.shot(name);

beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, page } = journey);
});

afterAll(async () => {
  await journey?.stop();
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
