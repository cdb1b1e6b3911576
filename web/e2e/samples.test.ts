/**
 * 抽样检验 in the browser (崇明区局's demo): the campaign office records a batch of 月饼 sampled at a
 * supermarket of the register, then enters its failed result — the 核查处置 opens with 下架, 召回 and
 * 立案 and its deadline; the office records the 下架 and the 召回, opens the lead (立案), closes the
 * follow-up (已办结), and finds the batch on the pass rates page.
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
const run = Math.random().toString(36).slice(2, 6);
const PRODUCT = `浏览器测试月饼${run}`;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // 北京时间
let sampleUrl = '';

/** Types a date into an antd DatePicker found by its form label. */
async function fillDate(scope: ReturnType<Page['getByRole']>, label: string, day: string) {
  const input = ui.item(scope, label).locator('input');
  await input.click();
  await input.fill(day);
  await page.keyboard.press('Enter');
}
const followUp = () => page.locator('.rs-sample-follow-up');
const statusShown = (text: string) => followUp().locator('.ant-card-head .ant-tag', { hasText: text }).waitFor();

describe('抽检 to 办结', () => {
  it('the office records a batch sampled at a supermarket of the register', async () => {
    await ui.loginAs('cm_office', '/samples');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    const campaign = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!;
    await page.goto(`${baseUrl}/samples?campaignId=${campaign.id}`);
    await ui.button(page, '登记抽检').click();
    const dialog = page.getByRole('dialog', { name: '登记抽检' });
    await dialog.waitFor();
    await ui.pick(ui.item(dialog, '违法类型').locator('.ant-select'), '食品安全违法');
    await ui.pick(ui.item(dialog, '被抽样单位').locator('.ant-select'), '上海崇明某超市有限公司');
    await dialog.getByLabel('样品名称').fill(PRODUCT);
    await dialog.getByLabel('批号或生产日期').fill(`2026090${run.length}`);
    await dialog.getByLabel('检验机构').fill('上海市质量监督检验技术研究院');
    await shot('samples-form', false);
    await ui.button(dialog, '保存').click();
    await page.waitForURL(/\/samples\/[0-9a-f-]{36}$/);
    sampleUrl = page.url();
    await page.getByText(PRODUCT).first().waitFor();
    await page.getByText('未开启（仅不合格样品开启核查处置）').waitFor();
  });

  it('the failed result opens the 核查处置 with 下架, 召回 and 立案 and its deadline', async () => {
    await ui.button(page, '修改').click();
    const dialog = page.getByRole('dialog', { name: '修改抽检记录' });
    await dialog.waitFor();
    await dialog.getByText('不合格', { exact: true }).click();
    await fillDate(dialog, '结果日期', today());
    await dialog.getByLabel('报告编号').fill(`SH-2026-${run}`);
    await ui.item(dialog, '不合格项目').locator('textarea').fill('菌落总数超标');
    // 下架 is ticked already; the office adds 召回 and 立案.
    await expect(dialog.getByRole('checkbox', { name: '下架' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('checkbox', { name: '召回' }).check();
    await dialog.getByRole('checkbox', { name: '立案' }).check();
    await shot('samples-failed-result', false);
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await statusShown('处置中');
    const card = await followUp().innerText();
    for (const measure of ['下架', '召回', '立案']) expect(card).toContain(measure);
    expect(card).toMatch(/处置期限\s*\d{4}-\d{2}-\d{2}/);
    expect(card).toContain('未登记');
    await shot('samples-follow-up-open');
  });

  it('the office records 下架 and 召回, opens the lead and closes the follow-up', async () => {
    await ui.button(followUp(), '登记处置情况').click();
    const progress = page.getByRole('dialog', { name: '登记处置情况' });
    await progress.waitFor();
    await progress.getByLabel('下架数量').fill('48');
    await ui.pick(ui.item(progress, '计量单位').locator('.ant-select'), '盒');
    await fillDate(progress, '下架日期', today());
    await ui
      .item(progress, '召回公告（通知）及召回情况')
      .locator('textarea')
      .fill('已发布召回公告，召回已售出的 12 盒');
    await fillDate(progress, '召回日期', today());
    await ui.button(progress, '保存').click();
    await progress.waitFor({ state: 'hidden' });
    await followUp().getByText('下架 48盒').waitFor();

    await ui.button(followUp(), '立案（登记线索）').click();
    const lead = page.getByRole('dialog', { name: '立案（登记线索）' });
    await lead.waitFor();
    await lead.getByLabel('当事人').fill('上海崇明某超市有限公司');
    await ui.button(lead, '保存').click();
    // The new lead's page (抽检监测), its content written from the sample.
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByText(`抽检不合格：${PRODUCT}`, { exact: false }).waitFor();
    await shot('samples-lead-opened', false);
    await page.goto(sampleUrl);
    await followUp().getByRole('link', { name: '查看线索' }).waitFor();

    await ui.button(followUp(), '办结').click();
    const close = page.getByRole('dialog', { name: '办结' });
    await close.waitFor();
    await ui.item(close, '办结说明').locator('textarea').fill('已下架、召回，立案线索已登记，核查处置办结。');
    await ui.button(close, '保存').click();
    await close.waitFor({ state: 'hidden' });
    await statusShown('已办结');
    expect(page.url()).toBe(sampleUrl);
    await shot('samples-follow-up-closed');
  });

  it('the pass rates page counts the failed batch under its product', async () => {
    await page.goto(`${baseUrl}/samples/pass-rates`);
    const table = page.locator('.rs-pass-rates-products');
    await table.waitFor();
    const row = table.locator('tr', { hasText: PRODUCT });
    await row.waitFor();
    // One batch tested: none passed, one failed, none pending; its rate is 0.
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(1, 5)).toEqual(['1', '0', '1', '0']);
    expect(cells[5]).toMatch(/^0(\.0+)?%$/);
    await shot('samples-pass-rates');
  });
});
