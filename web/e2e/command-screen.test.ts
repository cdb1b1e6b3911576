/**
 * 大屏 in the browser at 1920×1080 (崇明区局's demo): a leader opens the command screen from the
 * header (a tab of its own); its totals equal the statistics' 合计 for the same campaign and unit,
 * the charts draw on canvases, and the ticker lists the newest cases and leads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));

describe('the command screen (大屏)', () => {
  it('a leader opens it from the header; it shows the campaign in big numerals, charts and ticker', async () => {
    await ui.loginAs('cm_leader', '/');
    const link = page.getByRole('link', { name: /指挥大屏/ });
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('href')).resolves.toBe('/screen');

    await page.setViewportSize({ width: 1920, height: 1080 });
    // The demo's 铁拳 实施方案 of 崇明 (other journeys may have issued newer plans on a shared database).
    const plans = (await (
      await page.request.get(`${baseUrl}/api/campaigns?status=active&page=1&pageSize=100`)
    ).json()) as { items: { id: string; name: string; docNumber: string | null }[] };
    const tiequan = plans.items.find((c) => c.name.includes('铁拳') && c.docNumber?.startsWith('沪崇市监执'));
    expect(tiequan).toBeDefined();
    const answered = page.waitForResponse((r) => r.url().includes('/api/command-screen') && r.ok());
    await page.goto(`${baseUrl}/screen?campaignId=${tiequan!.id}`);
    const screen = page.getByTestId('command-screen');
    await screen.locator('.rs-screen-kpi').first().waitFor();
    // No menu: the screen stands outside the layout.
    await expect(page.locator('.rs-header').count()).resolves.toBe(0);

    const data = (await (await answered).json()) as { campaignId: string; unitId: string; campaignName: string };
    const stats = (await (
      await page.request.get(`${baseUrl}/api/campaigns/${data.campaignId}/stats?unitId=${data.unitId}`)
    ).json()) as { rows: { category: string; values: Record<string, number | string> }[] };
    const total = stats.rows.find((r) => r.category === 'total')!.values;
    const kpi = async (name: string) =>
      (await screen.getByTestId(`kpi-${name}`).locator('.rs-screen-kpi-number').innerText()).trim();
    expect(Number(total.casesFiled)).toBeGreaterThan(0);
    await expect(kpi('casesFiled')).resolves.toBe(String(total.casesFiled));
    await expect(kpi('casesClosed')).resolves.toBe(String(total.casesClosed));
    await expect(kpi('staffDeployed')).resolves.toBe(String(total.staffDeployed));
    await expect(kpi('transferredToJudiciary')).resolves.toBe(String(total.transferredToJudiciary));
    // 罚没款 in 万元, two decimals: the 元 of the table divided by 10,000.
    await expect(kpi('finesAndConfiscations')).resolves.toBe(
      (Math.round(Number(total.finesAndConfiscations) / 100) / 100).toFixed(2),
    );
    await expect(screen.locator('.rs-screen-title').innerText()).resolves.toContain(data.campaignName);

    // The trend, the map panel and the ranking draw on canvases.
    await expect.poll(() => screen.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    // The ticker lists cases and leads.
    const cases = screen.getByRole('list', { name: '最新立案' }).locator('.rs-ticker-row');
    const leads = screen.getByRole('list', { name: '最新线索' }).locator('.rs-ticker-row');
    await expect(cases.count()).resolves.toBeGreaterThan(0);
    await expect(leads.count()).resolves.toBeGreaterThan(0);
    // Nothing spills out of the 1920×1080 window.
    const overflow = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
      screen: document.querySelector('.rs-screen')!.scrollWidth,
    }));
    expect(overflow.w).toBeLessThanOrEqual(1920);
    expect(overflow.screen).toBeLessThanOrEqual(1920);
    expect(overflow.h).toBeLessThanOrEqual(1080);
    // The big numerals are big: readable from across the room.
    const size = await screen
      .getByTestId('kpi-casesFiled')
      .locator('.rs-screen-kpi-value')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    // And every numeral is shown whole, however long (no tile cuts it with an ellipsis).
    const clipped = await screen
      .locator('.rs-screen-kpi-value')
      .evaluateAll((values) => values.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    await page.mouse.move(0, 0);
    await session.shot('command-screen', false);
  });
});
