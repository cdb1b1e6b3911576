/**
 * 双随机、一公开 in the browser (崇明区局's demo): the campaign office draws 5 % of the district's
 * register for its campaign and checks that the stored draw reproduces itself; a drawn inspector
 * records a result; the office publishes it; the campaign shows its coverage and publication rate;
 * the public page lists the result without login and without anybody's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS } from './harness';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
let drawUrl = '';
let checkedEntity = '';
/** The checked entity's row, by its exact name: 某食品经营部9 is a prefix of 某食品经营部93. */
const checkedRow = () =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.getByText(checkedEntity, { exact: true }) });
let campaign = { id: '', name: '' };
const drawName = `崇明区双随机抽查（浏览器测试 ${Math.random().toString(36).slice(2, 6)}）`;
/** The district's law-enforcement staff (handlers), the newcomer 吴昊 of 城桥所 among them. */
const INSPECTORS = ['黄志强', '陆佳', '沈丽', '吴昊', '张永明'];
/**
 * The inspectors who can sign in with the demo password. The draw is random: whichever of them
 * it named records the result (the two newcomers must change their password first).
 */
const INSPECTOR_LOGINS: Record<string, string> = { 黄志强: 'cm_handler', 陆佳: 'cm_handler2', 沈丽: 'cm_liaison' };
let drawnInspector = { name: '', username: '' };
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);

describe('random inspections', () => {
  it('the office draws 5 % of the district register and the draw verifies', async () => {
    await ui.loginAs('cm_office', '/random-checks');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaign = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!;
    await page.getByText('（第一批）').first().waitFor();
    await shot('random-checks-draws');

    await ui.button(page, '新建抽查').click();
    const dialog = page.getByRole('dialog', { name: '新建抽查' });
    await dialog.getByLabel('抽查任务').fill(drawName);
    // The unit the user acts for is chosen already.
    await expect(ui.item(dialog, '抽查单位').innerText()).resolves.toContain('上海市崇明区市场监督管理局');
    await ui.pick(ui.item(dialog, '专项行动').locator('.ant-select'), campaign.name);
    await expect(dialog.getByRole('spinbutton', { name: '按比例' }).inputValue()).resolves.toBe('5.00');
    await ui.button(dialog, '随机抽取').click();

    // 123 entities in the register (120 imported, two of the credit demo, one registered on an outing):
    // 5 % is 7 (a share rounds up), each with two of the district's handlers.
    await page.waitForURL(/\/random-checks\/draws\//);
    drawUrl = page.url();
    await page.getByText('抽中的检查对象（7 户）').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(7);
    const rowTexts = await rows.allInnerTexts();
    for (const text of rowTexts) {
      expect(INSPECTORS.filter((name) => text.includes(name))).toHaveLength(2);
    }
    const name = Object.keys(INSPECTOR_LOGINS).find((n) => rowTexts.some((text) => text.includes(n)))!;
    drawnInspector = { name, username: INSPECTOR_LOGINS[name]! };
    await ui.button(page, '复核抽取').click();
    await page.getByText(/复核一致/).waitFor();
    await shot('random-checks-draw');
  });

  it('a drawn inspector records the result of a check', async () => {
    await ui.loginAs(drawnInspector.username, new URL(drawUrl).pathname);
    const row = page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: drawnInspector.name })
      .filter({ has: page.locator('button', { hasText: /登记结果/ }) })
      .first();
    await row.waitFor();
    checkedEntity = (await row.locator('td').nth(1).locator('span').first().innerText()).trim();
    await row.locator('button', { hasText: /登记结果/ }).click();
    const dialog = page.getByRole('dialog', { name: /登记检查结果/ });
    await ui.pick(ui.item(dialog, '检查结果').locator('.ant-select'), '发现问题已责令改正');
    await dialog.getByLabel('情况说明').fill('未明码标价，已当场责令改正');
    await ui.button(dialog, '保存').click();
    await page.getByText('检查结果已登记').waitFor();
    await expect(checkedRow().innerText()).resolves.toContain('发现问题已责令改正');
  });

  it('the office publishes, and the campaign shows coverage and publication rate', async () => {
    await ui.loginAs('cm_office', new URL(drawUrl).pathname);
    await ui.button(page, '公示结果').click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已公示 1 条检查结果').waitFor();
    await expect(checkedRow().innerText()).resolves.toContain('已公示');

    const kpis = (await (await page.request.get(`${baseUrl}/api/campaigns/${campaign.id}/random-checks`)).json()) as {
      inspectedEntities: number;
      registered: number;
      published: number;
      completed: number;
    };
    await page.goto(`${baseUrl}/campaigns/${campaign.id}`);
    const card = page.locator('.ant-card-small', { has: page.getByText('抽查覆盖率') });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(`已检查 ${kpis.inspectedEntities} 户 / 名录 ${kpis.registered} 户`);
    expect(text).toContain(`已公示 ${kpis.published} / 已完成 ${kpis.completed}`);
    expect(kpis.registered).toBe(123);
    await card.screenshot({ path: `${RESULTS}/random-checks-kpis.png` });
  });

  it('the public page lists the result without login and without names', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: /双随机抽查结果公示/ }).click();
    await page.waitForURL(/\/public\/check-results/);
    await page.getByRole('heading', { name: '双随机抽查结果公示' }).waitFor();
    await page.getByPlaceholder('按市场主体名称或统一社会信用代码查询').fill(checkedEntity);
    await page.keyboard.press('Enter');
    // The demo's own draw may have checked and published the same entity: take this draw's row.
    const row = page
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ has: page.getByText(checkedEntity, { exact: true }) })
      .filter({ hasText: drawName });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('发现问题已责令改正');
    const body = await page.locator('body').innerText();
    for (const name of INSPECTORS) expect(body).not.toContain(name);
    await shot('random-checks-public');
  });
});
