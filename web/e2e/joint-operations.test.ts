/**
 * 联合执法 in the browser: 崇明区局's office (cm_office) opens its 铁拳 implementation plan's 联合执法 tab,
 * records a joint action with two departments (公安机关 and 卫生健康部门) and its figures; the tab's totals
 * count it, the 联合执法 list shows it, its page names the departments, and the campaign's summary draft
 * counts it in its sentence.
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

const TITLE = `浏览器测试：节前食品市场联合执法检查（${Math.random().toString(36).slice(2, 6)}）`;
let campaignId = '';
interface Totals {
  actions: number;
  meetings: number;
  staffDeployed: number;
  entitiesInspected: number;
}
const totalsOf = async () =>
  (
    (await (await page.request.get(`${baseUrl}/api/joint-operations?campaignId=${campaignId}`)).json()) as {
      totals: Totals;
    }
  ).totals;
/** Waits until a 统计 card of the tab shows the figure (the totals load after the page). */
const statisticShows = (title: string, value: number) =>
  page
    .locator('.rs-joint-totals .ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) })
    .locator('.ant-statistic-content-value', { hasText: new RegExp(`^${value}$`) })
    .waitFor();

describe('联合执法', () => {
  let before: Totals;

  it('the office records a joint action with two departments on the campaign’s tab, and the totals count it', async () => {
    await ui.loginAs('cm_office', '/campaigns');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaignId = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!.id;
    before = await totalsOf();
    // The demo's two joint actions and its 联席会议 are there.
    expect(before.actions).toBeGreaterThanOrEqual(2);
    expect(before.meetings).toBeGreaterThanOrEqual(1);

    await page.goto(`${baseUrl}/campaigns/${campaignId}?tab=joint-operations`);
    await page.locator('.rs-joint-operation-list').waitFor();
    await statisticShows('联合执法行动', before.actions);

    await ui.button(page, '登记联合执法').click();
    const dialog = page.getByRole('dialog', { name: '登记联合执法' });
    await dialog.getByLabel('名称', { exact: true }).fill(TITLE);
    const departments = ui.item(dialog, '会同部门').locator('.ant-select');
    await ui.pick(departments, '公安机关');
    await ui.pick(departments, '卫生健康部门');
    await dialog.getByLabel('部门名称').fill('崇明公安分局、区卫健委');
    await dialog.getByLabel('工作内容').fill('联合检查节前食品市场，重点检查冷链食品和散装熟食。');
    await dialog.getByLabel('出动执法人员').fill('18');
    await dialog.getByLabel('检查经营主体').fill('25');
    await shot('joint-operations-form');
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('.rs-joint-operation-list tr', { hasText: TITLE }).waitFor();
    const after = await totalsOf();
    expect(after).toMatchObject({
      actions: before.actions + 1,
      meetings: before.meetings,
      staffDeployed: before.staffDeployed + 18,
      entitiesInspected: before.entitiesInspected + 25,
    });
    await statisticShows('联合执法行动', after.actions);
    await statisticShows('出动执法人员', after.staffDeployed);
    await shot('joint-operations-campaign-tab');
  });

  it('the list shows it, and its page names both departments', async () => {
    await page.goto(`${baseUrl}/joint-operations`);
    const row = page.locator('.rs-joint-operation-list tr', { hasText: TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('公安机关、卫生健康部门');
    await shot('joint-operations-list');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/joint-operations\/[0-9a-f-]{36}$/);
    await page.getByText('崇明公安分局、区卫健委').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toContain('公安机关');
    expect(body).toContain('卫生健康部门');
    expect(body).toContain('18 人次');
  });

  it('the campaign’s summary draft counts the new action', async () => {
    const totals = await totalsOf();
    const draft = (await (
      await page.request.get(`${baseUrl}/api/campaigns/${campaignId}/briefing-draft?kind=stage_summary`)
    ).json()) as { paragraphs: string[] };
    const sentence = draft.paragraphs.find((p) => p.includes('联合执法行动'));
    expect(sentence).toContain(`开展联合执法行动${totals.actions}次，出动执法人员${totals.staffDeployed}人次`);
    expect(sentence).toContain('卫健');
  });
});
