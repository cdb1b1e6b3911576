/**
 * What reporting adds beyond the schedule, in the browser (崇明区局's demo): 城桥所 reports a
 * 重大情况 at once and the campaign office writes its 批示; the office issues the drafted 工作简报
 * (numbered 第2期) and 城桥所 sees it; the liaison's bell tells of the office's chase and opens the
 * report, with its files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
let campaignId = '';
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);
const EVENT_TITLE = '景区“一日游”低价揽客涉嫌虚假宣传，涉及多家旅行社';

describe('reporting outside the schedule and what the office sends back', () => {
  it('a 所 reports a 重大情况 at once, outside the schedule', async () => {
    await ui.loginAs('cm_liaison', '/campaigns');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaignId = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!.id;
    await page.goto(`${baseUrl}/campaigns/${campaignId}?tab=majorEvents`);
    await ui.button(page, '报告重大情况').click();
    const dialog = page.getByRole('dialog', { name: '报告重大情况' });
    await ui.pick(ui.item(dialog, '类别').locator('.ant-select'), '疑难问题');
    await ui.item(dialog, '标题').locator('input').fill(EVENT_TITLE);
    await ui
      .item(dialog, '基本情况')
      .locator('textarea')
      .fill('本周接到群众投诉5起，均反映景区门口“一日游”低价揽客后强制购物。');
    await ui.item(dialog, '已采取措施').locator('textarea').fill('已约谈两家旅行社，固定宣传单页证据。');
    await ui.item(dialog, '需上级协调事项').locator('textarea').fill('涉及文旅部门职责，请专项办协调联合执法。');
    await ui.button(dialog, '上报').click();
    await page.getByText('已报告，等待专项办阅示').waitFor();
    const row = page.locator('tr.ant-table-row', { hasText: EVENT_TITLE });
    await expect(row.innerText()).resolves.toContain('待阅示');
    await shot('major-event-reported');
  });

  it('the office reads it and writes its 批示; the 所 sees the answer', async () => {
    await ui.loginAs('cm_office', `/campaigns/${campaignId}?tab=majorEvents`);
    await page.getByRole('button', { name: EVENT_TITLE }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('请专项办协调联合执法').waitFor();
    await ui
      .item(drawer, '阅示意见')
      .locator('textarea')
      .fill('同意，由执法监督管理科牵头会同区文旅局开展联合检查，每周续报。');
    await ui.button(drawer, '阅示').click();
    await drawer.getByText('每周续报').waitFor();
    await drawer.getByText(/阅示：莫涛/).waitFor();
    await shot('major-event-acknowledged', false);

    await ui.loginAs('cm_liaison', `/campaigns/${campaignId}?tab=majorEvents`);
    const row = page.locator('tr.ant-table-row', { hasText: EVENT_TITLE });
    await expect(row.innerText()).resolves.toContain('已阅示');
  });

  it('the office issues the drafted 简报 as 第2期 and the 所 reads it in the campaign', async () => {
    await ui.loginAs('cm_office', `/campaigns/${campaignId}?tab=briefings`);
    const draft = page.locator('tr.ant-table-row', { hasText: '草稿' }).first();
    await draft.waitFor();
    await draft.getByText('打开').click();
    const dialog = page.getByRole('dialog');
    await ui.button(dialog, '签发').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('签发后不能修改', { exact: false }).waitFor();
    await ui.button(confirm, '签发').click();
    await page.getByText('已签发：第2期').first().waitFor();
    await page.keyboard.press('Escape');
    const issued = page.locator('tr.ant-table-row', { hasText: '第2期' });
    await expect(issued.innerText()).resolves.toContain('已签发');
    await shot('briefings-issued');

    await ui.loginAs('cm_liaison', `/campaigns/${campaignId}?tab=briefings`);
    await page.locator('tr.ant-table-row', { hasText: '第2期' }).waitFor();
    await expect(page.locator('tr.ant-table-row', { hasText: '草稿' }).count()).resolves.toBe(0);
  });

  it("the liaison's bell tells of the chase and opens the report with its files", async () => {
    await page.goto(`${baseUrl}/`);
    const bell = page.locator('.rs-header').getByRole('button', { name: /条未读/ });
    await bell.click();
    const drawer = page.locator('.ant-drawer-open', { hasText: '消息通知' });
    const chase = drawer.locator('.ant-list-item', { hasText: '催报' }).first();
    await chase.waitFor();
    await shot('notifications', false);
    await chase.click();
    await page.waitForURL(/\/campaigns\/[^/]+\/report\?/);
    await page.getByText('附件').first().waitFor();
    await shot('report-from-notification');
  });
});
