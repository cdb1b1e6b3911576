/**
 * 经济户口 in the browser: the office opens an entity from the register and sees its history (the
 * demo's outings beside the credit demo's case); 城桥所 records an outing naming it, picked from
 * the register by name; the outing's page lists it and the entity's history shows the new finding.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
const ENTITY = '上海崇明某超市有限公司';
const finding = `冷柜温度记录缺失（测试 ${Math.random().toString(36).slice(2, 6)}）`;
let entityUrl = '';

describe('entities (经济户口)', () => {
  it('the office opens an entity from the register and sees its history', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await ui.loginAs('cm_office', '/market-entities');
    await page.getByPlaceholder('名称或统一社会信用代码').fill('某超市有限公司');
    await page.getByPlaceholder('名称或统一社会信用代码').press('Enter');
    await page.locator('.rs-entity-list').getByRole('link', { name: ENTITY }).click();
    await page.waitForURL(/\/market-entities\/[0-9a-f-]{36}$/);
    entityUrl = page.url();
    const history = page.locator('.rs-entity-history');
    await history.getByText('2个品种的月饼标签未标注生产日期', { exact: false }).first().waitFor();
    const text = await history.innerText();
    expect(text).toContain('执法检查');
    expect(text).toContain('案件');
    expect(text).toContain('崇明某超市销售标签不符合规定的预包装食品案');
    // Each item links to its record: the case opens.
    await history.getByRole('link', { name: /崇明某超市销售标签不符合规定的预包装食品案/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  });

  it('城桥所 records an outing naming the entity, and its history shows the finding', async () => {
    await ui.loginAs('cm_liaison', '/inspections');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    const campaign = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!;
    await page.goto(`${baseUrl}/inspections/new?campaignId=${campaign.id}`);
    const form = page.locator('form');
    await ui.item(form, '违法类型').waitFor();
    await ui.pick(ui.item(form, '违法类型').locator('.ant-select'), '食品安全违法');
    await ui.pickTree(ui.item(form, '检查单位').locator('.ant-select'), '城桥市场监管所');
    await ui.pick(ui.item(form, '检查方式').locator('.ant-select'), '日常检查');
    await form.getByLabel('出动人次').fill('2');
    await form.getByLabel('检查家次').fill('1');
    await ui.button(form, '添加检查对象').click();
    await ui.pick(form.locator('.rs-entity-picker'), ENTITY);
    await ui.item(form.locator('.rs-outing-entity'), '检查情况').locator('textarea').fill(finding);
    await session.shot('entities-outing-form');
    await ui.button(page, '保存检查记录').last().click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const card = page.locator('.rs-outing-entities');
    await card.getByText(finding).waitFor();
    await expect(card.innerText()).resolves.toContain(ENTITY);

    await page.goto(entityUrl);
    const history = page.locator('.rs-entity-history');
    await history.getByText(finding, { exact: false }).first().waitFor();
    // 城桥所's liaison sees the 所's records only: the brigade's case is not hers to see.
    await expect(history.innerText()).resolves.not.toContain('崇明某超市销售标签不符合规定的预包装食品案');
    await session.shot('entities-history');
  });
});
