/**
 * 信用监管 in the browser (崇明区局's demo, seedDemoCredit wired in demo.ts): 崇明's office opens the
 * 处罚信息公示 ledger filtered to 逾期未公示, records the publication of the overdue decision (case
 * no. 3) in the dialog, and the row turns 已公示 (补公示: after its due date); the 严重违法失信名单
 * tab shows the entry listed on that case, with its 期满移出 date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
beforeAll(() => void ({ page, ui } = session));

describe('penalty publication and the credit lists', () => {
  it('cm_office records the publication of an overdue decision and it turns 已公示', async () => {
    await ui.loginAs('cm_office', '/credit?status=overdue');
    const table = page.locator('.rs-credit-publications');
    const row = table.locator('tr', { hasText: '003号' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('逾期未公示');
    await expect(page.locator('.rs-credit-totals').innerText()).resolves.toContain('逾期未公示');
    await session.shot('credit-overdue');
    await ui.button(row, '登记公示').click();
    const dialog = page.getByRole('dialog', { name: '登记公示' });
    await dialog.getByLabel('网址或编号').fill('https://www.gsxt.gov.cn/demo-003');
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    // Filtered to 逾期未公示, the row leaves the list; unfiltered it shows 已公示 and 补公示.
    await row.waitFor({ state: 'detached' });
    await page.goto(`${session.baseUrl}/credit?status=done`);
    const done = page.locator('.rs-credit-publications tr', { hasText: '003号' });
    await done.waitFor();
    await expect(done.innerText()).resolves.toMatch(/已公示[\s\S]*补公示/);
    await session.shot('credit-published');
  });

  it('the 严重违法失信名单 shows the entry listed on case no. 3', async () => {
    await page.getByRole('tab', { name: '严重违法失信名单' }).click();
    const entry = page.locator('.rs-credit-serious tr', { hasText: '崇明某商行' });
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('列入中');
    expect(text).toContain('003号');
    await session.shot('credit-serious');
  });
});
