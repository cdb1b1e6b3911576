/**
 * 曝光 in the browser (崇明区局's demo): cm_office takes the published 过期食品 case down (撤下),
 * writes its disclosure again from the case page — the draft is redacted, a phone number typed into
 * it is refused under 正文 — and submits it; cm_leader approves it in 待我审批; the public page,
 * without login, shows it with the 消费警示 beside it and no person's name or number. On a phone too.
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

const TITLE = '崇明某食品店销售过期食品案';
const ADDED = '本案由群众举报线索查实。';
/** People of the demo whose names must never reach the public page (officials, the case's contact, complainants). */
const PEOPLE = ['黄志强', '莫涛', '周海峰', '王建国', '赵敏', '顾敏', '陈建华', '王芳'];

describe('曝光 of a typical case', () => {
  it('the office takes the demo’s published text down and writes it again from the case', async () => {
    await ui.loginAs('cm_office', '/disclosures');
    const row = page.locator('.ant-table-row', { hasText: '已发布' }).filter({ hasText: TITLE });
    await row.waitFor();
    await expect(page.locator('.ant-table-row', { hasText: '待审批' }).count()).resolves.toBe(1);
    await shot('disclosures-list');
    await row.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(/\/disclosures\/[0-9a-f-]{36}$/);
    await ui.button(page, '撤下').click();
    const withdraw = page.getByRole('dialog', { name: '撤下' });
    await withdraw.getByLabel('撤下原因').fill('补充案情后重新发布');
    await ui.button(withdraw, '撤下').click();
    await withdraw.waitFor({ state: 'hidden' });
    await page.getByText('已从公开页面撤下。原因：补充案情后重新发布').waitFor();

    await page.getByRole('link', { name: new RegExp(`^${TITLE}（`) }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const card = page.locator('.rs-case-disclosure');
    await card.getByText('已撤下', { exact: true }).waitFor();
    await ui.button(card, '生成曝光稿').click();
    await page.waitForURL(/\/disclosures\/[0-9a-f-]{36}$/);
    await page.getByText('草稿', { exact: true }).waitFor();
    const text = await page.locator('.rs-disclosure-text').innerText();
    expect(text).toContain('【基本案情】');
    expect(text).toContain('上海崇明某食品商店');
    for (const name of PEOPLE) expect(text).not.toContain(name);
  });

  it('a phone number typed into the text is refused under 正文; the clean text is submitted', async () => {
    await ui.button(page, '修改').click();
    const dialog = page.getByRole('dialog', { name: '修改曝光稿' });
    const body = dialog.getByLabel('正文');
    const original = await body.inputValue();
    await body.fill(`${original}\n举报人电话13800000000。`);
    await ui.button(dialog, '保存').click();
    await ui.item(dialog, '正文').getByText('正文含有手机号码“138****0000”，请删去').waitFor();
    await shot('disclosures-refused', false);
    await body.fill(`${original}\n${ADDED}`);
    await ui.button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.rs-disclosure-text', { hasText: ADDED }).waitFor();

    await ui.button(page, '提交审批').click();
    await page
      .locator('.ant-popover')
      .filter({ hasText: '提交本单位局领导审批' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('待审批', { exact: true }).waitFor();
    await expect(ui.button(page, '修改').count()).resolves.toBe(0);
    await shot('disclosures-submitted');
  });

  it('the leader approves it in 待我审批', async () => {
    await ui.loginAs('cm_leader', '/approvals');
    const item = page.locator('.ant-list-item', { hasText: `曝光：${TITLE}` });
    await item.waitFor();
    await shot('disclosures-approval');
    await ui.button(item, '批准').click();
    const dialog = page.getByRole('dialog', { name: '批准申请' });
    await dialog.getByLabel('审批意见').fill('同意公开曝光');
    await ui.button(dialog, '批准').click();
    await dialog.waitFor({ state: 'hidden' });
    await item.waitFor({ state: 'detached' });
  });

  it('the public page, without login, shows it redacted beside the 消费警示, on a computer and a phone', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/public/disclosures`);
    const article = page.locator('.rs-public-disclosure', { hasText: ADDED });
    await article.waitFor();
    await expect(page.locator('.rs-public-disclosure', { hasText: TITLE }).count()).resolves.toBe(1);
    await page.locator('.rs-public-warnings', { hasText: '春耕农资选购消费警示' }).waitFor();
    const all = await page.locator('main').innerText();
    expect(all).toContain('上海崇明某食品商店');
    for (const name of PEOPLE) expect(all).not.toContain(name);
    expect(all).not.toMatch(/1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|\d{17}[\dXx]|0\d{2,3}-\d{7,8}/);
    // Still pending: the other typical case is not public.
    expect(all).not.toContain('侵犯注册商标');
    await shot('disclosures-public');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await article.waitFor();
    const box = await article.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await shot('disclosures-public-phone');
  });
});
