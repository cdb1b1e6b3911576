/**
 * 行刑衔接 in the browser (崇明区局's demo, demo-transfers.ts): the office sees 涉刑不移 in its inbox
 * for the 化肥 case (销售金额 6.8万元, over the 5万元 standard, not transferred); its handler opens the
 * case — the 移送 card says so — transfers it to the police, the alert goes and the transfer waits for
 * its answer; he records the police's 立案; the 移送台账 lists it, and the pending 保健品 transfer.
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

let caseId = '';
const card = () => page.locator('.rs-case-transfers');

describe('a case over the criminal threshold goes to the police', () => {
  it('the office sees 涉刑不移 in its inbox', async () => {
    await ui.loginAs('cm_office', '/inbox');
    const inbox = (await (await page.request.get(`${baseUrl}/api/inbox`)).json()) as {
      items: { kind: string; recordId: string; title: string }[];
    };
    const flag = inbox.items.find((i) => i.kind === 'criminal_not_transferred')!;
    expect(flag.title).toContain('化肥');
    caseId = flag.recordId;
    await page.getByText('涉刑不移').first().waitFor();
    await page.getByText(flag.title).first().waitFor();
    await shot('transfers-inbox');
  });

  it('the handler transfers it from the case page; the alert goes', async () => {
    await ui.loginAs('cm_handler', `/cases/${caseId}`);
    await card().getByText('涉刑不移：涉案金额 68000.00 元').waitFor();
    await shot('transfers-flagged');
    await ui.button(card(), '移送').click();
    const dialog = page.getByRole('dialog', { name: '移送案件' });
    await ui.pick(ui.item(dialog, '接收机关类别').locator('.ant-select'), '公安机关');
    await ui.item(dialog, '接收机关名称').locator('input').fill('上海市公安局崇明分局');
    await ui.item(dialog, '移送书文号').locator('input').fill('沪市监崇移〔2026〕9号');
    await ui
      .item(dialog, '移送理由')
      .locator('textarea')
      .fill('销售不合格化肥，销售金额6.8万元，涉嫌生产、销售伪劣产品罪。');
    await ui.button(dialog, '移送').click();
    await dialog.waitFor({ state: 'hidden' });
    await card().getByText('已移送待答复').waitFor();
    await expect(card().getByText('涉刑不移').count()).resolves.toBe(0);
    await shot('transfers-sent');
  });

  it('records the police’s 立案', async () => {
    await ui.button(card(), '登记答复').click();
    const dialog = page.getByRole('dialog', { name: '登记接收机关的答复' });
    await ui.pick(ui.item(dialog, '答复结果').locator('.ant-select'), '已立案');
    await ui.item(dialog, '理由或说明').locator('textarea').fill('崇明分局经侦支队已立案侦查');
    await ui.button(dialog, '登记答复').click();
    await dialog.waitFor({ state: 'hidden' });
    await card()
      .locator('.ant-tag', { hasText: /^已立案$/ })
      .waitFor();
    await card().getByText('崇明分局经侦支队已立案侦查').waitFor();
    await expect(ui.button(card(), '登记答复').count()).resolves.toBe(0);
  });

  it('the 移送台账 lists it, and the pending 保健品 transfer under 已移送待答复', async () => {
    await page.goto(`${baseUrl}/transfers`);
    const table = page.locator('.ant-table');
    await table.getByText('沪市监崇移〔2026〕9号').waitFor();
    await table.getByText(/化肥/).first().waitFor();
    await page.goto(`${baseUrl}/transfers?status=sent`);
    await table
      .getByText(/虚假广告/)
      .first()
      .waitFor();
    await expect(table.getByText(/化肥/).count()).resolves.toBe(0);
    await shot('transfers-ledger');
  });
});
