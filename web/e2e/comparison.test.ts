/**
 * 分单位对比 in the browser: the city's office opens the comparison of its units (districts with
 * their division codes on the map, the 执法稽查处 as a square), sorts by a column, clicks a district
 * on the map to move down to its units, and downloads the table as .xlsx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
const shot = (name: string, fullPage = false) => session.shot(name, fullPage);

type Comparison = {
  unitId: string;
  rows: {
    unitId: string;
    unitName: string;
    divisionCode: string | null;
    cells: Record<string, Record<string, string>>;
  }[];
};

describe('comparison of units (分单位对比) with the map', () => {
  it('opens from the menu, sorts by a column, draws the map and drills into a district', async () => {
    await ui.loginAs('sh_office', '/');
    await page.getByRole('menuitem', { name: '分单位对比' }).click();
    await page.waitForURL(/\/comparison/);
    const table = page.locator('.ant-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string; status: string }[];
    };
    const city = campaigns.items.find((c) => c.name.startsWith('上海市市场监督管理局') && c.status === 'active')!;
    const api = (await (
      await page.request.get(`${baseUrl}/api/campaigns/${city.id}/stat-table/by-unit`)
    ).json()) as Comparison;
    const names = await table.locator('tr.ant-table-row td:first-child').allInnerTexts();
    expect(names).toEqual(api.rows.map((r) => r.unitName));
    expect(api.rows.filter((r) => r.divisionCode).length).toBeGreaterThanOrEqual(2);
    // The map: a canvas (ECharts) with the districts' boundaries.
    const map = page.getByRole('img', { name: /^分布图：/ });
    await map.locator('canvas').first().waitFor();
    await page.waitForTimeout(800);

    // Sort by 出动 (人次) in 合计: the rows follow the figure, largest first on the second click.
    const header = table.locator('thead th', { hasText: '出动（人次）' }).first();
    await header.click();
    await header.click();
    await page.waitForTimeout(300);
    const sorted = [...api.rows].sort(
      (a, b) => Number(b.cells.total.staffDeployed) - Number(a.cells.total.staffDeployed),
    );
    const after = await table.locator('tr.ant-table-row td:first-child').allInnerTexts();
    expect(after[0]).toBe(sorted[0].unitName);
    await shot('comparison-city', true);

    // A cell opens the records behind it (穿透).
    const first = table.locator('tr.ant-table-row').first();
    await first.locator('td').nth(1).locator('a').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('条记录').first().waitFor();
    await shot('comparison-drill');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Click 崇明区 on the map: the view moves to its units (its 科室, 大队 and 所 as squares).
    const cm = api.rows.find((r) => r.divisionCode === '310151')!;
    const box = (await map.boundingBox())!;
    const clicked = page.waitForURL((u) => u.searchParams.get('unitId') === cm.unitId);
    // Chongming is the island to the north: click in the upper part of the map until a district opens.
    const unitOf = () => new URL(page.url()).searchParams.get('unitId');
    outer: for (let y = 0.15; y < 0.5; y += 0.04)
      for (let x = 0.1; x < 0.56; x += 0.04) {
        await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
        await page.waitForTimeout(50);
        if (unitOf()) break outer;
      }
    expect(unitOf()).toBe(cm.unitId);
    await clicked;
    await table.locator('tr.ant-table-row', { hasText: '执法大队' }).waitFor();
    await page.waitForTimeout(800);
    await shot('comparison-district', true);

    // The table as .xlsx.
    const download = page.waitForEvent('download');
    await ui.button(page, '导出 .xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toContain('分单位对比');
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
