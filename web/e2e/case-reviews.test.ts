/**
 * 案卷评查 in the browser (崇明区局's demo): 城桥所's liaison, named reviewer of a file of the
 * 执法大队 (交叉检查), opens it from 我的待办, scores it item by item, submits, and sees the units'
 * ranking count her file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
beforeAll(() => void ({ page, ui } = session));

describe('case file review', () => {
  it('a reviewer opens his assignment, scores it, and sees the unit ranking', async () => {
    await ui.loginAs('cm_liaison', '/inbox');
    const group = page.locator('.rs-inbox-case_file_review');
    await group.waitFor();
    expect(await group.innerText()).toContain('待我评查的案卷');
    await group.locator('.rs-inbox-item a').first().click();
    await page.waitForURL(/\/case-reviews\/[0-9a-f-]{36}\?file=/);

    const dialog = page.locator('.ant-modal').filter({ hasText: '评查项目' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('执法大队');
    // Points lost on 调查取证 with the reason; every other item keeps its maximum.
    const evidence = dialog.locator('tr').filter({ hasText: '调查取证（20分）' });
    await evidence.locator('input.ant-input-number-input').fill('16');
    await evidence.locator('input.ant-input').fill('询问笔录未由当事人逐页签名');
    await dialog.locator('textarea').fill('案卷材料齐全，调查取证有瑕疵。');
    await dialog.getByText('合计：96 分').waitFor();
    await session.shot('case-review-score');
    await dialog.getByRole('button', { name: '提交评分' }).click();
    await page.locator('.ant-modal-confirm').getByText('合计 96 分').waitFor();
    // The confirmation opens with an animation; a click that lands before it settles is lost (seen
    // once under load), so click again while the confirmation is still there.
    const confirm = page.locator('.ant-modal-confirm');
    for (let attempt = 0; attempt < 3 && (await confirm.count()) > 0; attempt++) {
      await confirm.locator('.ant-btn-primary').click();
      await confirm.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    }
    await page.getByText('评分已提交').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Her file is scored: the 执法大队 is ranked with every file of the exercise now in.
    const ranking = page.locator('.ant-card').filter({ hasText: '单位排名' });
    const row = ranking.locator('tr').filter({ hasText: '执法大队' });
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toMatch(/^[1-3]$/);
    expect(cells[2]).toBe(cells[3]); // 抽取案卷 = 已评查
    expect(await ranking.innerText()).toContain('失分较多的项目');
    expect(await page.locator('.ant-table').first().innerText()).toContain('已提交');
    await session.shot('case-review-ranking');
  });
});
