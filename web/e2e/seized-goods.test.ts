/**
 * 罚没物品台账 in the browser (崇明区局's demo): a handler of the 执法大队 (cm_handler) registers custody
 * of goods with an exact quantity (1234.567 公斤), destroys them (销毁: date, 无害化处理, two witnesses),
 * finds them in the ledger as 已处置, downloads the ledger, and imports that very file back through
 * the 导入 dialog (its template one click away): the ledger then holds the goods twice.
 * Form fields are found by their labels, not by where they sit in the form.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);
const run = Math.random().toString(36).slice(2, 6);
const GOODS = `浏览器测试冻肉${run}`;
let campaignId = '';
let ledgerFile = '';

/** The input of the form item labelled so (antd's AutoComplete and tag Select included). */
const input = (scope: Locator, label: string) => ui.item(scope, label).locator('input').first();
const ledgerRows = () => page.locator('.rs-seized-goods-list .ant-table-row', { hasText: GOODS });

describe('罚没物品: custody, 销毁, the ledger', () => {
  it('a handler registers custody of goods with an exact quantity', async () => {
    await ui.loginAs('cm_handler', '/seized-goods');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaignId = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!.id;
    await page.goto(`${baseUrl}/seized-goods?campaignId=${campaignId}`);
    await ui.button(page, '登记保管').click();
    const dialog = page.getByRole('dialog', { name: '登记保管' });
    await dialog.waitFor();
    await ui.pick(ui.item(dialog, '违法类型').locator('.ant-select'), '食品安全违法');
    await input(dialog, '物品名称').fill(GOODS);
    await input(dialog, '数量').fill('1234.567');
    await input(dialog, '计量单位').fill('公斤');
    await page.keyboard.press('Escape'); // the unit's suggestions
    await input(dialog, '规格/描述').fill('冷冻猪肉，纸箱包装');
    await input(dialog, '存放地点').fill('崇明区市场监管局涉案财物仓库 冷库2号');
    await input(dialog, '当事人').fill('崇明城桥某冻品经营部');
    await shot('seized-goods-form', false);
    await ui.button(dialog, '保存').click();
    await page.waitForURL(/\/seized-goods\/[0-9a-f-]{36}$/);
    const header = page.locator('.ant-page-header, h1, h4', { hasText: GOODS }).first();
    await header.waitFor();
    await expect(header.innerText()).resolves.toContain('1234.567');
    await expect(page.locator('body').innerText()).resolves.toContain('在库');
  });

  it('destroys them: 销毁 with a date, a method and two witnesses', async () => {
    await ui.button(page, '处置').click();
    const dialog = page.getByRole('dialog', { name: `处置：${GOODS}` });
    await dialog.waitFor();
    await dialog.getByText('销毁', { exact: true }).click();
    // The date is today and the quantity what is held (1234.567), both filled in already.
    await expect(input(dialog, '处置数量').inputValue()).resolves.toBe('1234.567');
    await expect(input(dialog, '处置日期').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await input(dialog, '方式').fill('无害化处理');
    const witnesses = input(dialog, '见证人');
    for (const name of ['王建国', '李秀英']) {
      await witnesses.click();
      await witnesses.pressSequentially(name);
      await page.keyboard.press('Enter');
    }
    await shot('seized-goods-destroy', false);
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    const disposals = page.locator('.ant-card', { hasText: '处置记录' }).locator('.ant-table-row').first();
    await disposals.waitFor();
    const row = await disposals.innerText();
    for (const part of ['销毁', '1234.567', '无害化处理', '王建国', '李秀英']) expect(row).toContain(part);
    await page
      .locator('.ant-tag', { hasText: /^已处置$/ })
      .first()
      .waitFor();
    await shot('seized-goods-destroyed');
  });

  it('the ledger shows them 已处置, and downloads as .xlsx', async () => {
    await page.goto(`${baseUrl}/seized-goods?campaignId=${campaignId}&q=${encodeURIComponent(GOODS)}`);
    await ledgerRows().first().waitFor();
    await expect(ledgerRows().count()).resolves.toBe(1);
    const text = await ledgerRows().first().innerText();
    expect(text).toContain('1234.567');
    expect(text).toContain('已处置');
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/api/seized-goods.xlsx')),
      ui.button(page, '导出台账').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(download.suggestedFilename()).toMatch(/^罚没物品台账.*\.xlsx$/);
    ledgerFile = await download.path();
    expect(readFileSync(ledgerFile).subarray(0, 2).toString()).toBe('PK'); // an Office Open XML file is a zip
    await shot('seized-goods-ledger');
  });

  it('imports the downloaded ledger back (导入, with its template): the goods come in again, 已处置', async () => {
    await ui.button(page, '导入').click();
    const dialog = page.getByRole('dialog', { name: '导入罚没物品台账' });
    await dialog.waitFor();
    const [template] = await Promise.all([page.waitForEvent('download'), ui.button(dialog, '下载导入模板').click()]);
    expect(template.suggestedFilename()).toBe('罚没物品台账导入模板.xlsx');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '罚没物品台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(ledgerFile),
    });
    await ui.button(dialog, '开始导入').click();
    await dialog.getByText('导入成功：共 1 条').waitFor();
    await shot('seized-goods-imported', false);
    await ui.button(dialog, '完成').click();
    await expect.poll(() => ledgerRows().count()).toBe(2);
    for (const row of await ledgerRows().all()) {
      const text = await row.innerText();
      expect(text).toContain('1234.567');
      expect(text).toContain('已处置');
    }
  });
});
