/**
 * 我的待办 in the browser (崇明区局's demo): the campaign office finds the menu's count, its inbox by
 * kind and a report to review that opens the report; the legal reviewer finds the case at 核审 on
 * the home page and opens it; the district's administrator finds an account never used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
beforeAll(() => void ({ page, ui } = session));

describe('inbox', () => {
  it('the office sees what waits for it by kind and opens a report to review', async () => {
    await ui.loginAs('cm_office', '/inbox');
    await page.locator('.rs-inbox-report_review').waitFor();
    expect(await page.locator('.rs-inbox-count').first().innerText()).toMatch(/^\d+\+?$/);
    expect(await page.locator('.rs-inbox-report_review .ant-card-head').innerText()).toContain('待审核的报表');
    expect(await page.locator('.rs-inbox-case_overdue .rs-inbox-item').count()).toBeGreaterThan(0);
    await session.shot('inbox-office');
    await page.locator('.rs-inbox-report_review .rs-inbox-item a').first().click();
    await page.waitForURL(/\/campaigns\/[^/]+\/report\?/);
  });

  it('the legal reviewer finds the case at 核审 on the home page and opens it', async () => {
    await ui.loginAs('cm_reviewer', '/');
    const card = page.locator('.rs-inbox-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('待我核审的案件');
    await session.shot('inbox-reviewer-home', false);
    // The 核审 item, wherever the merge puts it among the reviewer's other work (复查 of a group he is in).
    await card.locator('.rs-inbox-item', { hasText: '待我核审的案件' }).locator('a').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  });

  it("the district's administrator finds the account he opened and nobody used, and opens it in the users list", async () => {
    await ui.loginAs('cm_admin', '/inbox');
    const group = page.locator('.rs-inbox-user_first_login');
    await group.waitFor();
    expect(await group.innerText()).toContain('尚未首次登录修改初始密码');
    await session.shot('inbox-admin');
    await group.locator('.rs-inbox-item a').first().click();
    await page.waitForURL(/\/users\?q=cm_xinren/);
    await page.locator('.ant-table').getByText('cm_xinren').waitFor();
  });
});
