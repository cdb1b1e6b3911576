/**
 * 协查与通报 in the browser (the demo's two districts, seedDemoAssistance): 崇明's office (cm_office)
 * sends a 协查函 to 浦东新区局 with a file; 浦东's office (pd_office) finds it under 收到, accepts and
 * answers; cm_office reads the answer. The crossing stays narrow: pd_office opening a 崇明 case's
 * address gets the not-found page.
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

const TITLE = '浏览器测试：关于协查某冷链食品经营者进货查验情况的函';
const ANSWER = '经查，该经营者进货查验记录完整，冷链食品均有检验检疫证明，复印件附后。';
let requestPath = '';
let cmCaseId = '';

const statusShown = (status: string) =>
  page.locator('.rs-assistance-status .ant-tag', { hasText: new RegExp(`^${status}$`) }).waitFor();

describe('a 协查函 from 崇明 to 浦东, answered', () => {
  it('崇明’s office sends it with a file', async () => {
    await ui.loginAs('cm_office', '/assistance');
    const cases = (await (await page.request.get(`${baseUrl}/api/cases?pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    cmCaseId = cases.items[0].id;
    await ui.button(page, '发函').click();
    const dialog = page.getByRole('dialog', { name: '发出协查函或线索通报' });
    await ui.pick(ui.item(dialog, '受理单位').locator('.ant-select'), '上海市浦东新区市场监督管理局');
    await dialog.getByLabel('文号').fill('沪崇市监协〔2026〕9号');
    await dialog.getByLabel('标题').fill(TITLE);
    await dialog.getByLabel('基本情况').fill('我局在检查中发现某冷链食品经营者的货源来自浦东新区。');
    await dialog.getByLabel('协查事项').fill('请协查供货单位的进货查验记录。');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '情况说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n情况说明') });
    await dialog.getByText('情况说明.pdf').waitFor();
    await shot('assistance-send');
    await ui.button(dialog, '发函').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL((u) => /^\/assistance\/[0-9a-f-]{36}$/.test(u.pathname));
    requestPath = new URL(page.url()).pathname;
    await statusShown('待受理');
    await page.locator('.ant-list-item', { hasText: '情况说明.pdf' }).waitFor();
    await page.getByText('本单位发出').waitFor();
  });

  it('浦东’s office finds it under 收到, accepts and answers', async () => {
    await ui.loginAs('pd_office', '/assistance');
    await page.locator('.rs-assistance-direction').getByText('收到').click();
    await page.waitForURL((u) => u.searchParams.get('direction') === 'received');
    const row = page.locator('.rs-assistance-list tr', { hasText: TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('上海市崇明区市场监督管理局');
    await shot('assistance-received');
    await row.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((u) => u.pathname === requestPath);
    await page.getByText('本单位收到').waitFor();
    // The sender's own records are not the receiver's: no link to them on its page.
    expect(await page.locator('a[href^="/cases/"]').count()).toBe(0);
    await ui.button(page, '受理').click();
    await statusShown('已受理');
    await ui.button(page, '答复').click();
    const dialog = page.getByRole('dialog', { name: '答复' });
    await dialog.getByLabel('答复内容').fill(ANSWER);
    await ui.button(dialog, '答复').click();
    await dialog.waitFor({ state: 'hidden' });
    await statusShown('已答复');
    await page.locator('.rs-assistance-replies', { hasText: ANSWER }).waitFor();
  });

  it('崇明’s office reads the answer', async () => {
    await ui.loginAs('cm_office', requestPath);
    await statusShown('已答复');
    await page.locator('.rs-assistance-replies', { hasText: ANSWER }).waitFor();
    await shot('assistance-answered');
  });

  it('崇明’s office accepts 浦东’s 线索通报 as a lead of its own', async () => {
    await ui.loginAs('cm_office', '/assistance?direction=received');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns?pageSize=100`)).json()) as {
      items: { id: string; name: string; status: string; unitId: string }[];
    };
    const campaign = campaigns.items.find((c) => c.status === 'active')!;
    const detail = (await (await page.request.get(`${baseUrl}/api/campaigns/${campaign.id}`)).json()) as {
      categories: { label: string }[];
    };
    const row = page.locator('.rs-assistance-list tr', { hasText: '假冒白酒' });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await statusShown('待受理');
    await ui.button(page, '受理').click();
    const dialog = page.getByRole('dialog', { name: '受理' });
    await ui.pick(ui.item(dialog, '专项行动').locator('.ant-select'), campaign.name);
    await ui.pick(ui.item(dialog, '违法类型').locator('.ant-select'), detail.categories[0].label);
    await dialog.getByLabel('当事人').fill('陈家镇某农家乐');
    await ui.button(dialog, '受理').click();
    await dialog.waitFor({ state: 'hidden' });
    await statusShown('已受理');
    await page.getByText('由本通报登记的本单位线索').waitFor();
    await shot('assistance-lead-registered');
  });

  it('浦东’s office opening a 崇明 case gets the not-found page', async () => {
    await ui.loginAs('pd_office', `/cases/${cmCaseId}`);
    await page.locator('.ant-result-404').waitFor();
    await shot('assistance-case-not-found');
  });
});
