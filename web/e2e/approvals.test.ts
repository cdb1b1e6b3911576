/**
 * 审批 in the browser (崇明区局's demo): the handler (cm_handler) asks for the head's 30-day
 * extension of an overdue case; the due date stays as it was and the request shows on the case;
 * the 局领导 (cm_leader) finds it in 待我审批 and approves it with a comment; the case then shows
 * the due date 30 days later and the approval in its history. The demo's 立案审批 (case 008号, asked
 * by cm_handler) waits under the handler's own requests and in the leader's 待我审批.
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

// The demo's year is not always this one (before June it is last year's: seed/demo-calendar.ts).
const DEMO_CASE = /^沪市监崇处〔\d{4}〕004号$/;
let caseNumber = '';
let caseId = '';
let dueBefore = '';
const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The 决定期限 line of the clock card. */
const dueShown = () => page.locator('.rs-case-clock .ant-descriptions-item', { hasText: '决定期限' }).innerText();

describe('approvals of the decision clock', () => {
  it('the handler’s request leaves the due date unchanged', async () => {
    await ui.loginAs('cm_handler', '/cases');
    const ledger = (await (await page.request.get(`${baseUrl}/api/cases?q=004号&pageSize=20`)).json()) as {
      items: { id: string; caseNumber: string; decisionDueDate: string }[];
    };
    const row = ledger.items.find((c) => DEMO_CASE.test(c.caseNumber))!;
    caseNumber = row.caseNumber;
    caseId = row.id;
    dueBefore = row.decisionDueDate;
    await page.goto(`${baseUrl}/cases/${caseId}`);
    const clock = page.locator('.rs-case-clock');
    await clock.waitFor();
    await expect(dueShown()).resolves.toContain(dueBefore);
    await ui.button(clock, '申请延长30日').click();
    const dialog = page.getByRole('dialog', { name: '申请延长30日' });
    await dialog.getByLabel('原因').fill('需等待省级机构检验报告');
    await ui.button(dialog, '确定').click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.locator('.rs-pending-approvals');
    await card.getByText('待审批', { exact: true }).waitFor();
    await expect(card.innerText()).resolves.toContain('批准前办案期限和阶段不变');
    await expect(dueShown()).resolves.toContain(dueBefore);
    // No second request while this one waits; the handler cannot decide his own.
    await expect(ui.button(clock, '申请延长30日').count()).resolves.toBe(0);
    await expect(ui.button(card, '批准').count()).resolves.toBe(0);
    await shot('approvals-requested');
  });

  it('the leader approves it in 待我审批 and the case shows the new due date', async () => {
    await ui.loginAs('cm_leader', '/approvals');
    await expect(page.getByRole('menuitem', { name: '待我审批' }).isVisible()).resolves.toBe(true);
    const item = page.locator('.ant-list-item', { hasText: caseNumber });
    await item.waitFor();
    await shot('approvals-inbox');
    await ui.button(item, '批准').click();
    const dialog = page.getByRole('dialog', { name: '批准申请' });
    await dialog.getByLabel('审批意见').fill('同意延长30日');
    await ui.button(dialog, '批准').click();
    await dialog.waitFor({ state: 'hidden' });
    await item.waitFor({ state: 'detached' });

    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.locator('.rs-case-clock').waitFor();
    await expect(dueShown()).resolves.toContain(plusDays(dueBefore, 30));
    const card = page.locator('.rs-pending-approvals');
    await card.getByText('审批记录（1）').click();
    await expect(card.innerText()).resolves.toContain('同意延长30日');
    await expect(page.locator('.rs-clock-events').innerText()).resolves.toContain('经负责人批准延长 30 天');
    await shot('approvals-approved');
  });
});

describe('立案审批 (filing approval)', () => {
  const filingNumber = /沪市监崇处〔\d{4}〕008号/;
  it('the handler follows his request under his own requests; the named leader may approve it', async () => {
    await ui.loginAs('cm_handler', '/approvals');
    const own = page.locator('.rs-my-requests .ant-list-item', { hasText: filingNumber });
    await own.waitFor();
    await expect(own.innerText()).resolves.toContain('立案日期以批准之日为准');
    await expect(ui.button(own, '撤回申请').isVisible()).resolves.toBe(true);
    await expect(ui.button(own, '批准').count()).resolves.toBe(0);
    await shot('approvals-filing-requested');

    await ui.loginAs('cm_leader', '/approvals');
    const item = page.locator('.ant-list-item', { hasText: filingNumber });
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain('当事人：上海崇明某餐饮店');
    await expect(ui.button(item, '批准').isVisible()).resolves.toBe(true);
  });
});

/** Approves the request of `item` in 待我审批 with a comment, and waits for it to leave the list. */
async function approveInList(item: ReturnType<Page['locator']>, comment: string) {
  await ui.button(item, '批准').click();
  const dialog = page.getByRole('dialog', { name: '批准申请' });
  await dialog.getByLabel('审批意见').fill(comment);
  await ui.button(dialog, '批准').click();
  await dialog.waitFor({ state: 'hidden' });
  await item.waitFor({ state: 'detached' });
}

describe('签发 and a lead’s extension, signed by the leader', () => {
  it('a plan the office submitted stays a draft until the leader signs it, then it is in force', async () => {
    await ui.loginAs('cm_leader', '/approvals');
    const item = page.locator('.ant-list-item', { hasText: '签发' });
    await item.waitFor();
    await ui.button(item, '查看记录').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}/);
    const planUrl = page.url();
    await page.getByText('待签发', { exact: true }).waitFor();
    await expect(page.getByText('草稿', { exact: true }).isVisible()).resolves.toBe(true);
    await page.getByText(/已提交.+局领导签发（莫涛/).waitFor();
    await expect(page.locator('.rs-pending-approvals').innerText()).resolves.toContain('批准后才生效');
    await shot('approvals-issue-pending');

    await page.goto(`${baseUrl}/approvals`);
    await approveInList(page.locator('.ant-list-item', { hasText: '签发' }), '同意印发');
    await page.goto(planUrl);
    await page.getByText('实施中', { exact: true }).waitFor();
    await expect(page.getByText('待签发', { exact: true }).count()).resolves.toBe(0);
  });

  it('a lead’s extension asked by its handler is granted only when the leader approves it', async () => {
    await ui.loginAs('cm_leader', '/approvals');
    const item = page.locator('.ant-list-item', { hasText: '延长核查期限15个工作日' });
    await item.waitFor();
    await ui.button(item, '查看记录').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    const leadUrl = page.url();
    await page.getByText('延期申请待局领导审批，批准后核查期限延长15个工作日。').waitFor();

    await page.goto(`${baseUrl}/approvals`);
    await approveInList(page.locator('.ant-list-item', { hasText: '延长核查期限15个工作日' }), '同意延期');
    await page.goto(leadUrl);
    await page.getByText(/已经局领导批准延长15个工作日/).waitFor();
    await expect(page.getByText('延期申请待局领导审批，批准后核查期限延长15个工作日。').count()).resolves.toBe(0);
    await shot('approvals-lead-extended');
  });
});
