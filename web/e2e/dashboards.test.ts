/**
 * 数据看板 (the home page) in the browser, on the demo: every role lands on / and sees its charts
 * with data (a unit with no units below has no ranking); a click on a bar opens the records behind
 * it (穿透), whose count equals the bar; 导出PDF gives a one-page PDF. Screenshots at 1440 × 900 go
 * to web/test-results/dashboards-*.png.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
beforeAll(() => void ({ page, ui } = session));

type Values = { casesFiled: number; casesClosed: number; finesAndConfiscations: string };
type Categories = { rows: { category: string; label: string; values: Values }[] };
const hasData = (v: Values) => v.casesFiled > 0 || v.casesClosed > 0 || Number(v.finesAndConfiscations) > 0;

/** Logs in, lands on /, and returns the categories' answer the page drew its bar chart from. */
async function landOnDashboard(username: string) {
  const answer = page.waitForResponse(
    (r: Response) => r.url().includes('/api/dashboards/categories') && r.status() === 200,
    { timeout: 30_000 },
  );
  await ui.loginAs(username, '/');
  const categories = (await (await answer).json()) as Categories;
  await page.locator('.rs-chart-card canvas').first().waitFor();
  await page.waitForTimeout(800); // the charts' entry animation
  return categories;
}

describe('dashboards', () => {
  for (const user of [
    'cm_leader',
    'cm_office',
    'sh_office',
    'cm_handler',
    'cm_liaison',
    'cm_reviewer',
    'cm_supervisor',
  ])
    it(`${user} lands on a dashboard with data`, async () => {
      const categories = await landOnDashboard(user);
      expect(await page.locator('.rs-chart-card canvas').count()).toBeGreaterThanOrEqual(2);
      expect(
        categories.rows.some((r) => r.category !== 'total' && hasData(r.values)),
        user,
      ).toBe(true);
      await session.shot(`dashboards-${user}`, false);
    });

  it('a click on a category bar opens its records, as many as the bar says', async () => {
    const categories = await landOnDashboard('cm_leader');
    const rows = categories.rows.filter((r) => r.category !== 'total');
    const card = page.locator('.rs-chart-card').filter({ hasText: '按违法类型' });
    const canvas = card.locator('canvas').first();
    const box = (await canvas.boundingBox())!;
    // The bar chart's plot: 56 px from the left, 16 from the right, the axis 64 px above the bottom.
    const band = (box.width - 72) / rows.length;
    let opened = -1;
    for (let i = 0; i < rows.length && opened < 0; i++) {
      if (rows[i].values.casesFiled === 0) continue;
      await page.mouse.click(box.x + 56 + (i + 0.5) * band, box.y + box.height - 64 - 2);
      try {
        await page.locator('.ant-drawer-open [data-testid="drill-summary"]').waitFor({ timeout: 3000 });
        opened = i;
      } catch {
        // not on a bar: the next category
      }
    }
    expect(opened, 'a bar opened the drill-down').toBeGreaterThanOrEqual(0);
    const summary = page.locator('.ant-drawer-open [data-testid="drill-summary"]');
    expect(Number(await summary.getAttribute('data-total'))).toBe(rows[opened].values.casesFiled);
    expect(await page.locator('.ant-drawer-open .ant-drawer-title').innerText()).toContain(rows[opened].label);
    expect(await page.locator('.ant-drawer-open .ant-table-row').count()).toBe(
      Math.min(20, rows[opened].values.casesFiled),
    );
    await session.shot('dashboards-drill', false);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
  });

  it('导出PDF downloads a one-page PDF', async () => {
    await landOnDashboard('cm_office');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: /导出PDF/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^数据看板-.+\.pdf$/);
    const file = await download.path();
    const bytes = readFileSync(file!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });
});
