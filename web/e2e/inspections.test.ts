/**
 * Field work in the browser: an inspector of 崇明区局's brigade records an outing on a phone screen
 * (390 × 844) — figures, a place, seized goods, findings — and opens a lead from the finding; the
 * totals per unit and category count the new outing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
let campaign = { id: '', name: '' };
const findings = `农村集市某摊位销售无标签散装白酒（测试 ${Math.random().toString(36).slice(2, 6)}）`;
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);
const totalsOf = async () =>
  (
    (await (await page.request.get(`${baseUrl}/api/inspections/totals?campaignId=${campaign.id}`)).json()) as {
      total: { outings: number; staffDeployed: number; entitiesInspected: number };
    }
  ).total;

describe('inspections', () => {
  it('an inspector records an outing on a phone and opens a lead from the finding', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.loginAs('cm_handler', '/inspections');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaign = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!;
    const before = await totalsOf();

    await page.goto(`${baseUrl}/inspections/new?campaignId=${campaign.id}`);
    const form = page.locator('form');
    await ui.item(form, '违法类型').waitFor();
    await ui.pick(ui.item(form, '违法类型').locator('.ant-select'), '食品安全违法');
    await ui.pickTree(ui.item(form, '检查单位').locator('.ant-select'), '执法大队');
    await form.getByLabel('出动人次').fill('6');
    await form.getByLabel('检查家次').fill('14');
    await form.getByRole('checkbox', { name: '农村集市' }).check();
    await ui.button(form, '添加查扣物品').click();
    await form.getByLabel('物品名称').fill('无标签散装白酒');
    await form.getByLabel('数量').fill('36');
    await ui.pick(ui.item(form, '计量单位').locator('.ant-select'), '瓶');
    await form.getByLabel('检查发现').fill(findings);
    // Nothing wider than the phone: the form fits the screen without sideways scrolling.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot('inspection-phone-form');
    await ui.button(page, '保存检查记录').last().click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page.getByText(findings).first().waitFor();
    await shot('inspection-phone-record');

    const after = await totalsOf();
    expect(after).toMatchObject({
      outings: before.outings + 1,
      staffDeployed: before.staffDeployed + 6,
      entitiesInspected: before.entitiesInspected + 14,
    });

    await ui.button(page, '由检查发现登记线索').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当事人').fill('某散装白酒摊位');
    await ui.button(dialog, '登记线索').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByText('某散装白酒摊位').first().waitFor();
    await expect(page.locator('body').innerText()).resolves.toContain('监督检查');
  });

  it('the totals count the outing per unit and category', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/inspections?campaignId=${campaign.id}&tab=totals`);
    const total = await totalsOf();
    const summary = page.locator('.ant-table-summary');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain(String(total.staffDeployed));
    await shot('inspections-totals');
  });

  it('on a phone, a bureau user finds the unit switcher in the menu drawer (the header has no room for it)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.loginAs('cm_office', '/');
    await page.getByRole('button', { name: '展开菜单' }).click();
    const menu = page.locator('.ant-drawer-open');
    await expect(menu.getByRole('combobox', { name: '当前单位' }).isVisible()).resolves.toBe(true);
    await shot('phone-menu', false);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
