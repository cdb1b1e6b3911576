/**
 * 督查 in the browser (崇明区局's demo): the office opens the district plan's 督查 tab, sees its four
 * groups with their areas and downloads the 分片督查表; the group leader cm_supervisor opens 督查工作
 * (我的督查组) and records a visit to a unit of his area in the second round.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);

/** A date `days` before today in China (the server's "today"). */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

describe('supervision groups and visits', () => {
  it('the office sees four groups on the plan’s 督查 tab and downloads the 分片督查表', async () => {
    await ui.loginAs('cm_office', '/campaigns');
    const draws = (await (await page.request.get(`${baseUrl}/api/random-draws`)).json()) as {
      items: { campaignId: string }[];
    };
    await page.goto(`${baseUrl}/campaigns/${draws.items[0].campaignId}?tab=supervision`);
    const groups = page.locator('.rs-supervision-groups');
    await groups.locator('.ant-table-row', { hasText: '第四督查组' }).waitFor();
    await expect(groups.locator('.ant-table-row').count()).resolves.toBe(4);
    await expect(groups.innerText()).resolves.toContain('城桥市场监管所');
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith('/supervision-areas.xlsx')),
      ui.button(groups, '下载分片督查表').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(download.suggestedFilename()).toMatch(/分片督查表\.xlsx$/);
    await shot('supervision-tab');
  });

  it('the round page shows the random draw with its seed, and 复核 confirms it', async () => {
    const groups = page.locator('.rs-supervision-groups');
    await groups.waitFor();
    await page.getByRole('link', { name: '第二次督查' }).first().click();
    await page.waitForURL(/\/supervision\/rounds\//);
    const draws = page.locator('.rs-supervision-draws');
    await draws.getByText('种子').first().waitFor();
    await ui.button(draws, '复核').first().click();
    await page.getByText('复核一致', { exact: false }).waitFor();
    await shot('supervision-round');
  });

  it('the supervisor records a visit to a unit of his area', async () => {
    await ui.loginAs('cm_supervisor', '/supervision');
    const card = page.locator('.ant-card', { hasText: '第二督查组' }).first();
    await card.waitFor();
    await ui.button(card, '新建督查记录').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await ui.pick(ui.item(dialog, '督查轮次').locator('.ant-select'), '第二次督查');
    await ui.pick(ui.item(dialog, '被督查单位').locator('.ant-select'), '堡镇市场监管所');
    const date = ui.item(dialog, '督查日期').locator('input');
    await date.click();
    await date.fill(daysAgo(5));
    await page.keyboard.press('Enter');
    await ui.item(dialog, '督查内容').locator('textarea').fill('执法记录仪使用和案件台账');
    await ui.item(dialog, '总体情况').locator('textarea').fill('台账完整，执法记录仪使用规范。');
    await shot('supervision-visit-form', false);
    await ui.button(dialog, '保存').click();
    await page.waitForURL(/\/supervision\/visits\/[0-9a-f-]{36}$/);
    await page.getByText('执法记录仪使用和案件台账').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('堡镇市场监管所');
    await shot('supervision-visit');
  });
});
