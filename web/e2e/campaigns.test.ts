/**
 * The campaign journey: 崇明区局's campaign office (cm_office) opens the demo 铁拳 plan, reads each
 * tab, registers a unit's liaisons (a server field error first), edits the plan (a task without a
 * lead is refused under its field, input kept; someone else's save is reported as such), saves it,
 * and downloads the task matrix. Server and browser come from harness.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness';
import { antd } from './antd';

let journey: Journey | undefined;
let baseUrl = '';
let page: Page;
let campaignUrl = '';
const shot = (name: string, fullPage = true) => journey!.shot(name, fullPage);

const pick = (select: Locator, option: string) => antd(page, baseUrl).pick(select, option);

const tab = (name: string) => page.getByRole('tab', { name });

beforeAll(async () => {
  journey = await startJourney();
  ({ baseUrl, page } = journey);
});

afterAll(async () => {
  await journey?.stop();
});

describe('campaign journey', () => {
  // Unique per run, and numbers read from the page: the journey also passes on a database that
  // an earlier run has used (PostgreSQL).
  const taskTitle = `端午节令食品专项检查${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  let taskNo = 0;
  const newTaskCard = () => page.locator('.rs-list-item', { has: page.getByText(`任务 ${taskNo}`, { exact: true }) });

  it('logs in as 崇明区局 campaign office and finds the live campaign on the dashboard', async () => {
    await page.goto(baseUrl);
    await page.getByLabel('用户名').fill('cm_office');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('.rs-header').waitFor();
    // The dashboard opens on the office's own live plan (its 文号 in the plan picker), with its charts.
    await page.locator('.ant-select', { hasText: '沪崇市监执' }).first().waitFor();
    await page.locator('.rs-dashboard canvas').first().waitFor();
    await shot('campaigns-home');
  });

  it('lists the campaigns and opens 崇明区局 plan', async () => {
    await page.getByRole('menuitem', { name: '专项行动' }).click();
    await page.waitForURL(/\/campaigns$/);
    // Last year's 铁拳 plan (已归档) is listed too: this year's is the live one.
    const row = page.locator('.ant-table-row', { hasText: '沪崇市监执' }).filter({ hasNotText: '已归档' });
    await row.waitFor();
    // 实施中 until the demo plan's end date (15 December of this year), 已结束 after it.
    await expect(row.innerText()).resolves.toMatch(/实施中|已结束/);
    await expect(page.getByRole('button', { name: /由模板新建/ }).isVisible()).resolves.toBe(true);
    await shot('campaigns-list');

    await row.getByRole('link').first().click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignUrl = page.url();
    await page.getByText('违法类型', { exact: true }).waitFor();
    const facts = await page.locator('.ant-descriptions').innerText();
    expect(facts).toContain('沪崇市监执〔');
    expect(facts).toContain('执法监督管理科');
    await shot('campaign-overview');
  });

  it('shows the task matrix with lead and cooperating units and roles still to assign', async () => {
    await tab('任务分工').click();
    const matrix = page.locator('.rs-matrix');
    await matrix.waitFor();
    await expect(matrix.locator('.rs-matrix-head', { hasText: '食品生产监督管理科' }).count()).resolves.toBeGreaterThan(
      0,
    );
    await expect(matrix.locator('.rs-mark', { hasText: '牵头' }).count()).resolves.toBeGreaterThan(10);
    await expect(matrix.locator('.rs-mark', { hasText: '配合' }).count()).resolves.toBeGreaterThan(0);
    await expect(matrix.locator('.rs-pending').first().innerText()).resolves.toContain('待指定');
    await shot('campaign-tasks');
  });

  it('shows the leadership group and its office', async () => {
    await tab('领导小组').click();
    await page.getByText('领导小组办公室', { exact: true }).waitFor();
    await expect(page.getByRole('tabpanel').innerText()).resolves.toContain('执法监督管理科');
    await shot('campaign-leadership');
  });

  it('marks units that missed the liaison deadline and registers one, showing the server error on its field first', async () => {
    await tab('联络员').click();
    const alert = page.getByText(/报送期限已过/);
    await alert.waitFor();
    const before = await alert.innerText();
    const overdue = page.locator('tr.rs-row-overdue').first();
    await overdue.waitFor();
    const unit = (await overdue.locator('td').first().innerText()).split('\n')[0].trim();
    await shot('campaign-liaisons');

    await page.getByRole('button', { name: `报送 ${unit}` }).click();
    const dialog = page.getByRole('dialog', { name: /报送联络员/ });
    await dialog.waitFor();
    await dialog.locator('#leader_name').fill('张伟');
    await dialog.locator('#leader_position').fill('分管副局长');
    await dialog.locator('#leader_officePhone').fill('021-69611002');
    await dialog.locator('#liaison_name').fill('李静');
    await dialog.locator('#liaison_position').fill('科员');
    await dialog.locator('#liaison_mobile').fill('1390000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();

    // The server refuses the mobile number; its message appears under that field, input kept.
    const fieldError = dialog.locator('.ant-form-item-explain-error', { hasText: '手机号码应为 11 位数字' });
    await fieldError.waitFor();
    await expect(dialog.locator('#liaison_name').inputValue()).resolves.toBe('李静');
    await shot('campaign-liaison-error');

    await dialog.locator('#liaison_mobile').fill('13900000001');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The unit's first row (its 分管领导) now holds the registration and is no longer marked.
    const leaderRow = page.locator('tr', { hasText: unit }).filter({ hasText: '张伟' }).first();
    await leaderRow.waitFor();
    await expect(leaderRow.innerText()).resolves.toContain('021-69611002');
    await expect(leaderRow.innerText()).resolves.toContain('已报送');
    await expect(leaderRow.evaluate((e) => e.classList.contains('rs-row-overdue'))).resolves.toBe(false);
    await expect(alert.innerText()).resolves.not.toBe(before);
    await shot('campaign-liaisons-registered');
  });

  it('shows the schedule with today and the report deadlines', async () => {
    await tab('进度安排').click();
    await page.locator('.rs-gantt').waitFor();
    await expect(page.locator('.rs-gantt-today-label').innerText()).resolves.toContain('今天');
    await expect(page.locator('.ant-timeline').innerText()).resolves.toContain('案件统计表');
    await expect(page.locator('.rs-gantt-point').count()).resolves.toBeGreaterThan(3);
    await shot('campaign-schedule');
  });

  it('refuses a task without a lead unit under its field, keeping what was typed', async () => {
    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    await page.waitForURL(/\/edit$/);
    await page.locator('#tasks').waitFor();

    taskNo = (await page.locator('#tasks .rs-list-item').count()) + 1;
    await page.getByRole('button', { name: /在“自选动作”中新增任务/ }).click();
    const card = newTaskCard();
    await card.waitFor();
    await card.getByLabel('任务名称').fill(taskTitle);
    await pick(card.locator('.ant-form-item', { hasText: '违法类型' }).locator('.ant-select'), '食品安全违法');
    await card.getByLabel('任务内容').fill('端午节前后检查粽子、咸鸭蛋等节令食品。');
    await page.getByRole('button', { name: /保存方案/ }).click();

    const error = card.locator('.ant-form-item-explain-error', {
      hasText: `第 ${taskNo} 个任务“${taskTitle}”没有牵头单位`,
    });
    await error.waitFor();
    await expect(page.locator('.rs-plan-problems').innerText()).resolves.toContain('没有牵头单位');
    await expect(card.getByLabel('任务名称').inputValue()).resolves.toBe(taskTitle);
    await expect(card.getByLabel('任务内容').inputValue()).resolves.toContain('咸鸭蛋');
    await shot('campaign-editor-error-page');
    await card.scrollIntoViewIfNeeded();
    await shot('campaign-editor-error', false);
  });

  it('tells the user when someone else saved first, and keeps the input until they reload', async () => {
    // Someone else saves the plan meanwhile (same session here; the version moves on).
    const id = campaignUrl.split('/').pop()!;
    const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
    const current = await (await page.request.get(`${baseUrl}/api/campaigns/${id}`)).json();
    const saved = await page.request.put(`${baseUrl}/api/campaigns/${id}`, {
      data: current,
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(saved.status()).toBe(200);

    const card = newTaskCard();
    await pick(card.locator('.ant-form-item', { hasText: '牵头单位' }).locator('.ant-select'), '城桥市场监管所');
    await page.getByRole('button', { name: /保存方案/ }).click();
    const conflict = page.locator('.ant-alert', { hasText: '方案已被他人修改' });
    await conflict.waitFor();
    await expect(card.getByLabel('任务名称').inputValue()).resolves.toBe(taskTitle);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('campaign-editor-conflict', false);

    // Loading the latest version discards the unsaved task; the user enters it again.
    await conflict.getByRole('button', { name: /载入最新版本/ }).click();
    await conflict.waitFor({ state: 'hidden' });
    await expect(newTaskCard().count()).resolves.toBe(0);
  });

  it('saves the plan once the task has a lead, and shows it in the matrix', async () => {
    await page.getByRole('button', { name: /在“自选动作”中新增任务/ }).click();
    const card = newTaskCard();
    await card.getByLabel('任务名称').fill(taskTitle);
    await pick(card.locator('.ant-form-item', { hasText: '违法类型' }).locator('.ant-select'), '食品安全违法');
    await pick(card.locator('.ant-form-item', { hasText: '牵头单位' }).locator('.ant-select'), '城桥市场监管所');
    await pick(card.locator('.ant-form-item', { hasText: '配合单位' }).locator('.ant-select'), '食品经营监督管理科');
    // The plan names its leadership group: 组长 first (the default of the first member).
    const organisation = page.locator('#organisation');
    await organisation.getByRole('button', { name: /添加成员/ }).click();
    await organisation.getByRole('textbox', { name: '姓名' }).last().fill('顾建国');
    await organisation.getByRole('textbox', { name: '单位职务' }).last().fill('区市场监管局局长');
    await page.getByRole('button', { name: /保存方案/ }).click();

    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\?tab=tasks$/);
    const row = page.locator('.rs-matrix .ant-table-row', { hasText: taskTitle });
    await row.waitFor();
    await expect(row.locator('.rs-mark', { hasText: '牵头' }).count()).resolves.toBe(1);
    await expect(row.locator('.rs-mark', { hasText: '配合' }).count()).resolves.toBe(1);
    await shot('campaign-tasks-saved');

    await tab('领导小组').click();
    const member = page.getByRole('tabpanel').locator('.ant-table-row', { hasText: '顾建国' }).first();
    await member.waitFor();
    await expect(member.innerText()).resolves.toContain('组长');
    await shot('campaign-leadership-saved');
  });

  it('downloads the task matrix as a spreadsheet from the header menu', async () => {
    await page
      .getByRole('button', { name: /下\s*载/ })
      .first()
      .click();
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().endsWith('/task-matrix.xlsx')),
      page.getByRole('menuitem', { name: '任务分工表（.xlsx）' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an Office Open XML file is a zip
    expect(bytes.length).toBeGreaterThan(2000);
  });
});
