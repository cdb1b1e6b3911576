/**
 * 整改 in the browser (崇明区局's demo, with the supervision seed's visits and
 * seedDemoRectifications wired in demo.ts): the leader of 第一督查组 (cm_leader, 局领导带队) opens its
 * visit of 城桥市场监管所 — the visit's page carries its findings card — and records a finding with
 * 整改要求 in 10 working days; 城桥所's liaison
 * (cm_liaison) answers with her text and a photo; the leader returns it once with a reason, she
 * answers again, and the leader closes it (销号): 已销号, with the whole history on the page.
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

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const FINDING = '浏览器测试：城桥镇某菜场公示牌价格信息未及时更新';
let findingUrl = '';

/** Waits until the record's page shows the status (the page reloads the record after each step). */
const statusShown = (status: string) =>
  page.locator('.rs-rectification-status .ant-tag', { hasText: new RegExp(`^${status}$`) }).waitFor();
/** The record's own buttons (the visit's card below repeats them for each finding). */
const actions = () => page.locator('.rs-rectification-actions');

async function reply(text: string, file?: Buffer) {
  await ui.loginAs('cm_liaison', new URL(findingUrl).pathname);
  await ui.button(actions(), '报送整改情况').click();
  const dialog = page.getByRole('dialog', { name: '报送整改情况（整改报告）' });
  await dialog.getByLabel('整改情况').fill(text);
  if (file) {
    // The files' input, not the camera's (拍照, capture).
    await dialog
      .locator('input[type=file]:not([capture])')
      .setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: file });
    await dialog.getByText('整改照片.png').waitFor();
  }
  await ui.button(dialog, '报送').click();
  await dialog.waitFor({ state: 'hidden' });
  await statusShown('待复查');
}

describe('a finding to 销号', () => {
  it('the group’s leader records a finding with 整改 on a visit of 城桥所', async () => {
    await ui.loginAs('cm_leader', '/supervision');
    const visits = (await (await page.request.get(`${baseUrl}/api/supervision-visits?pageSize=100`)).json()) as {
      items: { id: string; unitName: string }[];
    };
    const visit = visits.items.find((v) => v.unitName === '城桥市场监管所')!;
    expect(visit).toBeTruthy();
    await page.goto(`${baseUrl}/supervision/visits/${visit.id}`);
    const card = page.locator('.rs-visit-findings');
    await card.waitFor();
    await ui.button(card, '记录问题').click();
    const dialog = page.getByRole('dialog', { name: '记录问题' });
    await dialog.getByLabel('发现问题').fill(FINDING);
    await dialog.getByLabel('整改要求').fill('督促菜场开办者每日更新价格公示，建立检查记录');
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = card.locator('tr', { hasText: FINDING });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('待整改');
    await row.getByRole('link', { name: FINDING }).click();
    // The page of the new finding.
    await page.waitForURL((u) => /^\/rectifications\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.locator('.ant-descriptions', { hasText: FINDING }).waitFor();
    findingUrl = page.url();
    await statusShown('待整改');
    await page.locator('.rs-rectification-deadline', { hasText: '督查之日起 10 个工作日' }).waitFor();
    await shot('rectifications-demanded');
  });

  it('城桥所’s liaison answers with a photo', async () => {
    await reply('已督促菜场开办者更新全部价格公示牌，并建立每日检查记录。', PNG);
    await expect(page.getByText('整改照片.png').isVisible()).resolves.toBe(true);
    await shot('rectifications-replied');
  });

  it('the leader returns it once, the liaison answers again, and the leader closes it', async () => {
    await ui.loginAs('cm_leader', new URL(findingUrl).pathname);
    await ui.button(actions(), '退回').click();
    const back = page.getByRole('dialog', { name: '复查退回' });
    await back.getByLabel('退回理由').fill('未附每日检查记录，请补充后重新报送');
    await ui.button(back, '退回').click();
    await back.waitFor({ state: 'hidden' });
    await statusShown('待整改');
    await expect(page.getByText('已退回 1 次').isVisible()).resolves.toBe(true);

    await reply('已补充一周的每日检查记录。');

    await ui.loginAs('cm_leader', new URL(findingUrl).pathname);
    await ui.button(actions(), '销号').click();
    const close = page.getByRole('dialog', { name: '复查销号' });
    await ui.button(close, '销号').click();
    await close.waitFor({ state: 'hidden' });
    await statusShown('已销号');
    const history = await page.locator('.ant-timeline').innerText();
    for (const step of ['报送整改情况', '复查退回', '复查销号']) expect(history).toContain(step);
    await shot('rectifications-closed');
  });
});

describe('我的督查组', () => {
  it('shows the group what is still open of its 整改, the closed one gone', async () => {
    await ui.loginAs('cm_leader', '/supervision');
    const table = page.locator('.rs-group-rectifications').first();
    await table.locator('.ant-table-row').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain('待复查');
    expect(text).toContain('城桥市场监管所');
    expect(text).not.toContain(FINDING);
    await shot('supervision-my-group-rectifications');
  });
});

describe('我单位整改', () => {
  it('shows the liaison her unit’s rectifications, the overdue first, with the per-unit summary', async () => {
    await ui.loginAs('cm_liaison', '/rectifications?mine=true');
    await page.getByRole('heading', { name: '我单位整改' }).waitFor();
    const first = page.locator('.rs-rectification-list .ant-table-row').first();
    await first.waitFor();
    await expect(first.innerText()).resolves.toContain('已逾期');
    await expect(page.locator('.rs-rectification-totals').innerText()).resolves.toContain('要求整改');
    await shot('rectifications-mine');
  });
});
