/**
 * Statistics and reporting in the browser (崇明区局's demo): the campaign office reads the live
 * annex-2 table, opens a figure onto the records behind it, sees the timeliness board with late
 * and missing departments, returns a report with a reason, and accepts the one resubmitted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
let campaignId = '';
const shot = (name: string, fullPage = true) => session.shot(name, fullPage);

describe('statistics and reporting', () => {
  it('the statistics table opens each figure onto the records that make it', async () => {
    await ui.loginAs('cm_office', '/campaigns');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    campaignId = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!.id;
    const stats = (await (await page.request.get(`${baseUrl}/api/campaigns/${campaignId}/stats`)).json()) as {
      rows: { category: string; values: Record<string, number | string> }[];
    };
    const total = stats.rows.find((r) => r.category === 'total')!.values;

    await page.goto(`${baseUrl}/campaigns/${campaignId}?tab=stats`);
    const totalRow = page.locator('tr.rs-total-row');
    await totalRow.waitFor();
    await expect(totalRow.innerText()).resolves.toContain(String(total.casesFiled));
    await shot('reports-stats');
    await page.getByRole('button', { name: '查看“合计”的“立案”由哪些记录构成' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(`共 ${total.casesFiled} 条记录`).waitFor();
    await expect(drawer.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(Number(total.casesFiled));
    await shot('reports-drill', false);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('another template adds figures entered by hand, summed with their reasons', async () => {
    await ui.pick(
      page.locator('.ant-select', { has: page.getByLabel('统计表') }),
      '打假专项行动统计报表（周报、日报）',
    );
    await page.locator('thead').getByText('捣毁制假售假窝点').first().waitFor();
    await ui.button(page, '手工填报').click();
    const dialog = page.getByRole('dialog', { name: '手工填报' });
    await ui.pick(ui.item(dialog, '统计项目').locator('.ant-select'), '捣毁制假售假窝点（个）');
    await ui.pick(ui.item(dialog, '违法类型').locator('.ant-select'), '食品安全违法');
    await dialog.getByLabel('数量').fill('3');
    await dialog.getByLabel('依据或说明').fill('联合公安捣毁制售假酒窝点3个');
    await ui.button(dialog, '保存').click();
    await page.getByText('已填报').first().waitFor();
    const food = page.locator('tr.ant-table-row', { hasText: '食品安全违法' }).first();
    await page.getByRole('button', { name: '查看“食品安全违法”的“捣毁制假售假窝点”由哪些记录构成' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('联合公安捣毁制售假酒窝点3个').waitFor();
    await expect(food.innerText()).resolves.toContain('3');
    await shot('reports-manual', false);
    await page.keyboard.press('Escape');
  });

  it('a monthly quota count opens the records behind it', async () => {
    // The month of the demo's important lead (a 12315 complaint), whatever today's date.
    // (Other important leads — a failed sample's, a 双随机 finding's — are of 所 and may share the month.)
    type Lead = { id: string; receivedDate: string; description: string; source: string; unitId: string };
    const lead = (
      (await (await page.request.get(`${baseUrl}/api/leads?important=true&campaignId=${campaignId}`)).json()) as {
        items: Lead[];
      }
    ).items.find((l) => l.source === 'complaint')!;
    const month = lead.receivedDate.slice(0, 7);
    type QuotaRow = { unitId: string; unitLabel: string; importantLeads: number };
    const quotas = (await (
      await page.request.get(`${baseUrl}/api/campaigns/${campaignId}/quotas?month=${month}`)
    ).json()) as { rows: QuotaRow[] };
    const counted = quotas.rows.find((r) => r.unitId === lead.unitId && r.importantLeads > 0)!;
    expect(counted).toBeDefined();

    await page.goto(`${baseUrl}/campaigns/${campaignId}?tab=board`);
    const card = page.locator('.ant-card-small', { has: page.getByText('每月报送要求（典型案件、重要线索）') });
    await ui.pick(card.locator('.ant-select'), month);
    await card.getByText(`${quotas.rows.length} 个部门中`).waitFor();
    await card
      .getByRole('button', { name: `${counted.unitLabel} 重要线索（条） ${counted.importantLeads}`, exact: true })
      .click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(`报送的重要线索（${counted.importantLeads} 条）`).waitFor();
    await drawer.getByRole('link', { name: lead.description }).waitFor();
    await shot('reports-quota-records', false);
    await drawer.getByRole('link', { name: lead.description }).click();
    await page.waitForURL(new RegExp(`/leads/${lead.id}$`));
  });

  it('the board shows late and missing departments; the office returns a report and accepts it resubmitted', async () => {
    await page.goto(`${baseUrl}/campaigns/${campaignId}?tab=board`);
    await page.getByText('按时报送率').first().waitFor();
    const board = page.locator('.ant-table').first();
    await board.getByText('逾期未报').first().waitFor();
    await expect(board.getByText('逾期报送').count()).resolves.toBeGreaterThan(0);
    await shot('reports-board');

    // 汇总报表 of the first period: the units as rows, 合计 of the accepted ones, an export.
    await page
      .getByRole('button', { name: /^\d{4}-\d{2}-\d{2} 的汇总报表$/ })
      .first()
      .click();
    const consolidation = page.locator('.ant-drawer');
    await consolidation.getByText(/合计（已审核 \d+ 个单位）/).waitFor();
    await ui.button(consolidation, '导出 .xlsx').waitFor();
    await shot('reports-consolidated');
    await page.keyboard.press('Escape');
    await consolidation.waitFor({ state: 'hidden' });

    // The latest month: a department's report that is submitted but not yet reviewed.
    const row = board
      .locator('tr.ant-table-row')
      .filter({ has: page.locator('.rs-board-cell', { hasText: '按时报送' }) })
      .first();
    const cells = row.locator('.rs-board-cell');
    await cells.last().waitFor();
    const last = cells.filter({ hasText: /^按时报送$/ }).last();
    await last.click();
    await page.waitForURL(/\/campaigns\/.+\/report\?/);
    await ui.button(page, '退回').click();
    const dialog = page.getByRole('dialog', { name: '退回' });
    await dialog.getByLabel('退回原因').fill('请补充典型案件的处罚结果');
    await ui.button(dialog, '退回').click();
    await page.getByText('该报表已被退回：请补充典型案件的处罚结果').waitFor();

    await page.getByLabel('下步打算').fill('十二月开展农村集市专项检查。');
    // The district's office is not of the department: it resubmits only by 代报, confirmed.
    await sendOnBehalf();
    await page
      .getByText(/已报送/)
      .first()
      .waitFor();
    // Who sent it does not review it: another member of the office accepts.
    await reviewedByColleague();
    await acceptReport();
    await expect(page.locator('.ant-descriptions').innerText()).resolves.toContain('已审核');
    await expect(page.locator('.ant-descriptions').innerText()).resolves.toMatch(/由 .+ 代报/);
    await expect(page.getByLabel('下步打算').isDisabled()).resolves.toBe(true);
    await shot('reports-report');
  });

  /** 审核通过, confirmed in its own popover (the 代报 confirmation may still be in the page, hidden). */
  async function acceptReport() {
    await ui.button(page, '审核通过').click();
    const confirm = page.locator('.ant-popover').filter({ hasText: '审核通过后报表锁定' });
    await confirm.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已审核通过').first().waitFor();
  }

  /** The sender sees that another reviews his report; the office's colleague opens it. */
  async function reviewedByColleague(colleague = 'cm_office2') {
    await page.getByText('本期报表由您报送，须由专项办其他人员审核').waitFor();
    await expect(ui.button(page, '审核通过').count()).resolves.toBe(0);
    await ui.loginAs(colleague, page.url().replace(baseUrl, ''));
  }

  /** 代报: the office sends a unit's report for it, by the 代报 button and its confirmation naming the unit. */
  async function sendOnBehalf() {
    await ui.button(page, '代报').click();
    const confirm = page.locator('.ant-popover').filter({ hasText: '代报' });
    await confirm.getByText(/确定以专项办名义替.+报送（代报）/).waitFor();
    await confirm.getByRole('button', { name: /确\s*定/ }).click();
  }

  /**
   * 催报 at one level: chase a late unit from the board, send its report (the office, for a unit
   * below: 代报); a colleague of the office (not who sent it) accepts it.
   */
  async function chaseSendAccept(boardUrl: string, shotName: string, colleague: string) {
    await page.goto(boardUrl);
    await page.getByText('按时报送率').first().waitFor();
    const chaseOne = page.getByRole('button', { name: /^催报 .+ \d{4}-\d{2}-\d{2}$/ }).first();
    await chaseOne.waitFor();
    await chaseOne.click();
    await page.getByText('已催报 1 个单位').waitFor();
    const cell = chaseOne.locator('xpath=ancestor::td[1]');
    await expect(cell.innerText()).resolves.toMatch(/已催报/);
    await shot(shotName);

    await cell.locator('.rs-board-cell').click();
    await page.waitForURL(/\/campaigns\/.+\/report\?/);
    await page.getByLabel('下步打算').fill('收到催报后补报：下月开展农村集市专项检查。');
    await sendOnBehalf();
    await page
      .getByText(/已报送/)
      .first()
      .waitFor();
    await reviewedByColleague(colleague);
    await acceptReport();
  }

  it('the district office chases a late department; its report is sent and accepted', async () => {
    await ui.loginAs('cm_office', '/campaigns');
    await chaseSendAccept(`${baseUrl}/campaigns/${campaignId}?tab=board`, 'reports-chase-district', 'cm_office2');
  });

  it("the city office chases a district that has not reported to the city's plan; it sends it, a colleague accepts it", async () => {
    await ui.loginAs('sh_office', '/campaigns');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    const city = campaigns.items.find((c) => c.name.startsWith('上海市市场监督管理局'));
    expect(city).toBeDefined();
    await chaseSendAccept(`${baseUrl}/campaigns/${city!.id}?tab=board`, 'reports-chase-city', 'sh_office2');
    // The city's board names units with their district, never a bare department.
    await page.goto(`${baseUrl}/campaigns/${city!.id}?tab=board`);
    await page.locator('.rs-board-cell').first().waitFor();
    await expect(page.locator('.ant-table').first().innerText()).resolves.toContain('浦东新区');
  });
});
