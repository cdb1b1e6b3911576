/**
 * Tables that work (issue 19): at 1440 × 900 the case ledger shows its key columns without
 * horizontal scrolling, sorts by filing date on the server, and a column hidden in the chooser stays
 * hidden after a reload (kept per person on the server); on a phone (390 × 844) the leads and the
 * cases are cards with number, party, stage and due date, and nothing scrolls sideways.
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

const KEY_HEADERS = ['案件编号', '案件名称', '阶段', '违法类型', '立案日期', '决定期限', '承办单位'];
const ledger = '.rs-case-ledger';

/** The table's scrolling box: its content fits when nothing is wider than the box. */
const tableFits = () =>
  page.evaluate((selector) => {
    const box = document.querySelector(`${selector} .ant-table-body, ${selector} .ant-table-content`)!;
    return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
  }, ledger);
const pageFits = () =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
const headers = () => page.locator(`${ledger} .ant-table-thead th`).allInnerTexts();
const filingDates = async () =>
  (await page.locator(`${ledger} .ant-table-row`).allInnerTexts()).map((r) => /\d{4}-\d{2}-\d{2}/.exec(r)?.[0] ?? '');
const settled = () => page.locator(`${ledger} .ant-spin-blur`).waitFor({ state: 'detached' });

describe('tables', () => {
  it('shows the ledger’s key columns at 1440 × 900 without scrolling sideways', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await ui.loginAs('cm_office', '/cases');
    await page.locator(`${ledger} .ant-table-row`).first().waitFor();
    const fit = await tableFits();
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    for (const title of KEY_HEADERS) {
      const th = page.locator(`${ledger} .ant-table-thead th`, { hasText: title }).first();
      const box = (await th.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
    }
    expect((await pageFits()).scrollWidth).toBeLessThanOrEqual(1440);
    await shot('tables-ledger-1440');
  });

  it('sorts the ledger by filing date on the server, and the address keeps the order', async () => {
    const newestFirst = await filingDates();
    expect([...newestFirst].sort().reverse()).toEqual(newestFirst);
    // The order comes from the server: wait for the page it answers in the new order, then its rows.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/cases?') && r.url().includes('sort=filingDate.asc')),
      page.locator(`${ledger} .ant-table-thead th`, { hasText: '立案日期' }).click(),
    ]);
    await page.waitForURL(/sort=filingDate\.asc/);
    await settled();
    await page.waitForFunction(
      ([selector, first]) => !document.querySelector(`${selector} .ant-table-row`)?.textContent?.includes(first),
      [ledger, newestFirst[0]] as const,
    );
    const oldestFirst = await filingDates();
    expect([...oldestFirst].sort()).toEqual(oldestFirst);
    expect(oldestFirst[0]).not.toBe(newestFirst[0]);
    await page.reload();
    await page.locator(`${ledger} .ant-table-row`).first().waitFor();
    expect(await filingDates()).toEqual(oldestFirst);
  });

  it('hides a column from the chooser, and it stays hidden after a reload', async () => {
    await page.goto(`${baseUrl}/cases`);
    await page.locator(`${ledger} .ant-table-row`).first().waitFor();
    expect(await headers()).toContain('当事人');
    await page.locator('.rs-column-chooser-button').click();
    const chooser = page.locator('.rs-column-chooser');
    await chooser.waitFor();
    // A key column cannot be hidden.
    await expect(chooser.getByRole('checkbox', { name: /案件编号/ }).isDisabled()).resolves.toBe(true);
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/me/preferences/table.cases') && r.request().method() === 'PUT',
    );
    // The popover opens with an animation: click once it stands still, then see the box cleared.
    const party = chooser.getByRole('checkbox', { name: '当事人' });
    await page.locator('.ant-popover:not([class*="-enter"]) .rs-column-chooser').waitFor();
    await party.click();
    await expect.poll(() => party.isChecked()).toBe(false);
    expect((await saved).status()).toBe(200);
    expect(await headers()).not.toContain('当事人');
    await page.reload();
    await page.locator(`${ledger} .ant-table-row`).first().waitFor();
    expect(await headers()).not.toContain('当事人');
    expect(await headers()).toEqual(expect.arrayContaining(KEY_HEADERS));
  });

  it('shows leads and cases as cards on a phone, with nothing scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/leads`);
    const leadCards = page.locator('.rs-lead-list.rs-record-cards .rs-record-card');
    await leadCards.first().waitFor();
    const lead = await leadCards.first().innerText();
    expect(lead).toMatch(/核查中|已立案|不予立案|移送|\S/); // a status
    await expect(leadCards.first().locator('.ant-tag').count()).resolves.toBeGreaterThan(0);
    expect(lead).toMatch(/\d{4}-\d{2}-\d{2}|—|暂停/); // the due date (or why there is none)
    let fit = await pageFits();
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    await shot('tables-leads-phone');

    await page.goto(`${baseUrl}/cases`);
    const caseCards = page.locator('.rs-case-ledger.rs-record-cards .rs-record-card');
    await caseCards.first().waitFor();
    const first = caseCards.first();
    await expect(first.locator('.rs-record-card-number').innerText()).resolves.toMatch(/\S+/);
    await expect(first.locator('.rs-record-card-party').innerText()).resolves.toMatch(/\S+/);
    await expect(first.locator('.ant-tag').count()).resolves.toBeGreaterThan(0);
    expect(await first.innerText()).toMatch(/\d{4}-\d{2}-\d{2}|—/);
    fit = await pageFits();
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    await shot('tables-cases-phone');
  });
});
