/**
 * 督办 in the browser (崇明区局's demo): on the 白酒 case the demo has decided (its earlier 督办 closed),
 * the 执法大队's handler (cm_handler) asks 崇明区局 to supervise it again (报请督办); the office
 * (cm_office) takes it up with an instruction (立项督办); the handler reports progress (报送进展);
 * the office closes it (办结), which the decided case allows.
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

const DEMO_CASE = /^沪市监崇处〔\d{4}〕003号$/;
let caseId = '';
const card = () => page.locator('.rs-case-supervision');

/** Opens the case page, clicks the card's button and fills the dialog's one text field, then confirms. */
async function act(button: string, label: string, text: string) {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await card().waitFor();
  await ui.button(card(), button).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByLabel(label).fill(text);
  await ui.button(dialog, button).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('督办 of a case', () => {
  it('the handler asks 崇明区局 to supervise the case', async () => {
    await ui.loginAs('cm_handler', '/cases');
    const ledger = (await (await page.request.get(`${baseUrl}/api/cases?q=003号&pageSize=20`)).json()) as {
      items: { id: string; caseNumber: string }[];
    };
    caseId = ledger.items.find((c) => DEMO_CASE.test(c.caseNumber))!.id;
    await act('报请督办', '报请理由', '当事人拒不履行处罚决定，请区局督办执行。');
    await card().getByText('待立项', { exact: true }).waitFor();
    // The requester cannot take up his own request.
    await expect(ui.button(card(), '立项督办').count()).resolves.toBe(0);
  });

  it('the office takes it up with an instruction', async () => {
    await ui.loginAs('cm_office', '/');
    await act('立项督办', '督办意见', '请执法大队30日内督促当事人履行处罚决定，必要时申请法院强制执行。');
    await card().getByText('督办中', { exact: true }).waitFor();
    await expect(card().innerText()).resolves.toContain('必要时申请法院强制执行');
  });

  it('the handler reports progress', async () => {
    await ui.loginAs('cm_handler', '/');
    await act('报送进展', '进展情况', '已向当事人送达催告书，当事人承诺十日内缴清罚款。');
    await expect(card().innerText()).resolves.toContain('已向当事人送达催告书');
    await expect(ui.button(card(), '办结').count()).resolves.toBe(0);
  });

  it('the office closes it: the case is decided', async () => {
    await ui.loginAs('cm_office', '/');
    await act('办结', '办结意见', '罚款已缴清，督办事项落实，予以办结。');
    await card().getByText('已办结', { exact: true }).waitFor();
    await shot('case-supervision-closed');
    await page.goto(`${baseUrl}/case-supervisions`);
    await page.getByText('督办件台账').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('case-supervision-ledger');
  });
});
