/**
 * 考核 in the browser (崇明区局's demo, issue 18): the office reads seed 003's KPIs on the city's
 * 假冒伪劣 plan for last year (达标, with the draws behind the coverage), the 铁拳 plan's scorecard
 * (a published ranking; a score opens its cases), the task-progress grid with its inactive 牵头
 * unit, selects a nominated typical case, puts the 执法大队's 工作实施计划 on record (备案) and
 * compares the statistics table with last year's plan (同比).
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

/** This year in China (the demo's year). */
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
let tiequanId = '';

async function campaignId(match: (c: { name: string; status: string }) => boolean) {
  const list = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
    items: { id: string; name: string; status: string }[];
  };
  return list.items.find(match)!.id;
}

describe('assessment and accountability', () => {
  it('shows last year’s 双随机 coverage of seed 003’s plan as met, with the checks behind it', async () => {
    await ui.loginAs('cm_office', '/campaigns');
    const cityPlan = await campaignId((c) => c.name.startsWith('上海市市场监督管理局') && c.name.includes('假冒伪劣'));
    tiequanId = await campaignId(
      (c) => c.status === 'active' && c.name.startsWith('上海市崇明区') && c.name.includes('铁拳'),
    );
    await page.goto(`${baseUrl}/campaigns/${cityPlan}?tab=kpis`);
    const coverage = page.locator('.ant-card:not(:has(.ant-card))', { hasText: '“双随机”抽查覆盖企业比例' });
    await coverage.waitFor();
    await ui.pick(page.locator('.ant-select', { hasText: String(year) }).first(), String(year - 1));
    await coverage
      .getByText(String(year - 1))
      .first()
      .waitFor();
    const row = coverage.locator('.ant-table-row', { hasText: '崇明' });
    await expect(row.innerText()).resolves.toContain('达标');
    // The 崇明区局 row divides the entities checked by the register (123): 5 % or more.
    const actual = row.locator('td').nth(1);
    expect(await actual.innerText()).toMatch(/\d+(\.\d+)?%\s*\(\d+\/123\)/);
    const checked = Number((await actual.innerText()).match(/\((\d+)\/123\)/)![1]);
    await actual.locator('button').click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section', { hasText: '“双随机”抽查覆盖企业比例' });
    await drawer.locator('.ant-list-item').first().waitFor();
    await expect(drawer.locator('.ant-list-item').count()).resolves.toBe(checked);
    await shot('assessment-kpis');
  });

  it('the 铁拳 plan’s scorecard ranks the units, and a score opens its cases', async () => {
    await page.goto(`${baseUrl}/campaigns/${tiequanId}?tab=scorecards`);
    const published = page.locator('.ant-card', { hasText: '已公布的考核结果' });
    await published.locator('.ant-list-item').first().waitFor();
    const first = page.locator('.ant-table-row').first();
    await first.waitFor();
    await expect(first.innerText()).resolves.toMatch(/^1\s/);
    // 立案数 of the first unit: the drawer lists that many cases, each a link to the case.
    const filed = first.locator('td').nth(2);
    const count = Number((await filed.innerText()).trim());
    expect(count).toBeGreaterThan(0);
    await filed.locator('button, a').first().click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section');
    await drawer.locator('.ant-list-item').first().waitFor();
    await expect(drawer.locator('.ant-list-item').count()).resolves.toBe(count);
    await expect(drawer.locator('a[href^="/cases/"]').count()).resolves.toBe(count);
    await shot('assessment-scorecard');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await published
      .getByRole('button', { name: /查\s*看/ })
      .first()
      .click();
    const frozen = page.locator('.ant-modal', { has: page.locator('.ant-table-row') });
    await frozen.locator('.ant-table-row').first().waitFor();
    await expect(frozen.innerText()).resolves.toContain('执法大队');
    await page.keyboard.press('Escape');
  });

  it('the task grid flags the 牵头 unit without progress', async () => {
    await page.goto(`${baseUrl}/campaigns/${tiequanId}?tab=task-progress`);
    const idle = page
      .locator('[data-testid^="task-cell-"]', { hasText: '知识产权科' })
      .filter({ hasText: /\d+周无进展/ });
    await idle.first().waitFor();
    await shot('assessment-task-progress');
    await idle.first().click();
    // The cell's drawer: its records and notes, and the cell in the address (the inbox links there).
    await page.locator('.ant-drawer-open .ant-drawer-section').waitFor();
    expect(new URL(page.url()).searchParams.get('taskId')).toBeTruthy();
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
  });

  it('the office selects a nominated typical case with its reason', async () => {
    await page.goto(`${baseUrl}/campaigns/${tiequanId}?tab=recognition`);
    const waiting = page.locator('.ant-table-row', { hasText: '待评选' }).first();
    await waiting.waitFor();
    const caseName = (await waiting.locator('td').first().innerText()).trim();
    await ui.button(waiting, '评选').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('入选', { exact: true }).check();
    await dialog.getByLabel('评选理由').fill('隐患排除及时，警示意义突出，入选特种设备类典型案例。');
    await dialog.locator('.ant-btn-primary').click();
    await page.getByText('已评选').first().waitFor();
    const row = page.locator('.ant-table-row', { hasText: caseName });
    await expect(row.innerText()).resolves.toContain('入选');
    await expect(row.innerText()).resolves.not.toContain('待评选');
  });

  it('puts the 执法大队’s 工作实施计划 on record, and compares the table with last year', async () => {
    await page.goto(`${baseUrl}/campaigns/${tiequanId}?tab=work-plans`);
    const brigade = page.locator('.ant-table-row', { hasText: '执法大队' }).first();
    await ui.button(brigade, '备案').click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(async () => brigade.innerText(), { timeout: 20_000 }).toContain('已备案');
    await page.goto(`${baseUrl}/campaigns/${tiequanId}?tab=stats`);
    await page.getByRole('checkbox', { name: '同比' }).check();
    // The columns show at once; the caption waits for the answer that carries last year's plan.
    await expect
      .poll(async () => page.locator('body').innerText(), { timeout: 20_000 })
      .toMatch(/同比：上海市崇明区市场监督管理局\d{4}年/);
    await shot('assessment-stats-compare');
  });
});
