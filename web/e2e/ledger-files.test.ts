/**
 * The ledger's files in the browser (崇明区局's demo): the campaign office imports a ledger — a file
 * with a bad row is refused with the row and column named, the corrected one comes in — exports the
 * filtered ledger, then on a case uploads a photo and downloads the typical-case form (annex 3).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { antd } from './antd';
import { startJourney, type Journey } from './harness';

let journey: Journey | undefined;
let page: Page;
let ui: ReturnType<typeof antd>;
let campaignId = '';
const run = Math.random().toString(36).slice(2, 6).toUpperCase();
const shot = (name: string, fullPage = true) => journey!.shot(name, fullPage);
const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  journey = await startJourney();
  page = journey.page;
  ui = antd(page, journey.baseUrl);
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await journey?.recordFailure(task.name);
});
afterAll(async () => {
  await journey?.stop();
});

describe('ledger import, export and case files', () => {
  it('imports a ledger all or nothing: the bad row is named, the corrected file comes in', async () => {
    await ui.loginAs('cm_office', '/cases');
    const campaigns = (await (await page.request.get(`${journey!.baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaignId = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!.id;
    await page.goto(`${journey!.baseUrl}/cases?campaignId=${campaignId}`);
    await ui.button(page, '导入台账').click();
    const dialog = page.getByRole('dialog', { name: '导入案件台账' });
    await dialog.waitFor();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '崇明台账.csv',
      mimeType: 'text/csv',
      buffer: csv(
        `导入〔2026〕${run}1号,CM-ZFDD,食品安全违法,某店销售过期食品案,某食品店,,2026-03-10,,1200,3000,0,0,否,是,否,,经营`,
        `导入〔2026〕${run}2号,CM-ZFDD,食品安全违法,日期有误案,某商行,,2026-02-30,,0,0,0,0,否,否,否,,`,
      ),
    });
    await ui.button(dialog, '开始导入').click();
    const errors = dialog.locator('.ant-table');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('立案日期');
    expect(text).toMatch(/3\s+立案日期\s+“2026-02-30”不是有效日期/);
    await expect(dialog.innerText()).resolves.toContain('全部未导入');
    await shot('import-refused', false);

    await ui.button(dialog, '重新选择文件').click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '崇明台账.csv',
      mimeType: 'text/csv',
      buffer: csv(
        `导入〔2026〕${run}1号,CM-ZFDD,食品安全违法,某店销售过期食品案,某食品店,,2026-03-10,,1200,3000,0,0,否,是,否,,经营`,
        `导入〔2026〕${run}2号,CM-ZFDD,食品安全违法,某商行销售假冒白酒案,某商行,,2026-02-28,,0,0,0,0,否,否,否,,`,
      ),
    });
    await ui.button(dialog, '开始导入').click();
    await dialog.getByText('导入成功：共 2 条').waitFor();
    await shot('import-done', false);
    await ui.button(dialog, '完成').click();
    await page.locator('.rs-case-ledger').getByText(`导入〔2026〕${run}1号`).waitFor();
  });

  it('exports the filtered ledger as .xlsx', async () => {
    const download = page.waitForEvent('download');
    await ui.button(page, '导出 Excel').click();
    const file = await download;
    expect(file.suggestedFilename()).toContain('重点案件查办工作台账');
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('uploads a photo to a case and downloads its typical-case form', async () => {
    await page.locator('.rs-case-ledger').getByText(`导入〔2026〕${run}1号`).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const files = page.locator('.ant-card', { hasText: '案卷材料' });
    await files.waitFor();
    await files.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await files.getByText('现场照片.png').waitFor();
    await expect(files.innerText()).resolves.toContain('莫涛');
    const download = page.waitForEvent('download');
    await ui.button(page, '典型案件报送信息表（附件3）').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^典型案件报送信息表-.*\.docx$/);
    await files.scrollIntoViewIfNeeded();
    await shot('case-files');
  });
});
