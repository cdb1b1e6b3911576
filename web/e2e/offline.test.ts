/**
 * Field work without a network: an inspector of 城桥市场监管所 opens the new-outing page on a phone
 * (390 × 844) while online, so the service worker keeps the app and the form's data; the network
 * is cut (Chromium's offline emulation); the outing is filled in and saved into the queue (the
 * header says 1 条待发送); the page is reloaded offline and still opens, with the queue kept; when
 * the network returns the queue is sent and the outing is in the list, from the server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));
const findings = `离线登记：城桥镇农贸市场月饼摊位标签不全（测试 ${Math.random().toString(36).slice(2, 6)}）`;
const status = () => page.getByTestId('offline-status');
/** The new-outing page of 崇明区's campaign (set by the first test). */
let newOuting = '';

describe('offline entry of an outing', () => {
  it('records an outing with the network cut and sees it arrive when the network returns', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.loginAs('cm_liaison', '/inspections');
    const campaigns = (await (await page.request.get(`${baseUrl}/api/campaigns`)).json()) as {
      items: { id: string; name: string }[];
    };
    const campaign = campaigns.items.find((c) => c.name.startsWith('上海市崇明区'))!;
    newOuting = `${baseUrl}/inspections/new?campaignId=${campaign.id}`;

    // Online: the worker installs and takes the page; a second load goes through it, so the app
    // shell and the form's reads (session, units, campaign, inspectors) are cached.
    await page.goto(newOuting);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    const form = page.locator('form');
    await ui.item(form, '违法类型').waitFor();
    await expect(status().innerText()).resolves.toContain('已同步');

    await page.context().setOffline(true);
    // Really offline: a request the worker does not answer fails.
    await expect(
      page.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'failed',
        ),
      ),
    ).resolves.toBe('failed');
    await status().getByText('离线').waitFor();

    await ui.pick(ui.item(form, '违法类型').locator('.ant-select'), '食品安全违法');
    await form.getByLabel('出动人次').fill('3');
    await form.getByLabel('检查家次').fill('9');
    await form.getByRole('checkbox', { name: '农贸市场' }).check();
    await form.getByLabel('检查发现').fill(findings);
    await ui.button(page, '保存检查记录').last().click();
    await status().getByText('1 条待发送').waitFor();
    await page.getByText('当前无网络，记录已保存在本机，联网后自动发送').first().waitFor();

    // A reload without a network still opens the page from the worker's cache, and the queue is kept.
    await page.reload();
    await ui.item(page.locator('form'), '违法类型').waitFor();
    await status().getByText('1 条待发送').waitFor();
    await session.shot('offline-phone-queued', false);

    const before = (await (
      await page.request.get(`${baseUrl}/api/inspections?campaignId=${campaign.id}&pageSize=50`)
    ).json()) as { items: { findings: string | null }[] };
    expect(before.items.some((i) => i.findings === findings)).toBe(false);

    // The network returns: the queue is sent by itself and the outing is on the server.
    await page.context().setOffline(false);
    await status().getByText('已同步').waitFor({ timeout: 30_000 });
    await page.goto(`${baseUrl}/inspections?campaignId=${campaign.id}`);
    await page.getByText(findings.slice(0, 20)).first().waitFor();
    const after = (await (
      await page.request.get(`${baseUrl}/api/inspections?campaignId=${campaign.id}&pageSize=50`)
    ).json()) as { items: { findings: string | null; staffDeployed: number; entitiesInspected: number }[] };
    expect(after.items.filter((i) => i.findings === findings)).toEqual([
      expect.objectContaining({ staffDeployed: 3, entitiesInspected: 9 }),
    ]);
    await session.shot('offline-phone-synced', false);
  });

  it('serves a kept answer offline only while the session it was read under could be alive', async () => {
    // Online, the form's reads are kept afresh; offline, the kept session answers.
    await page.goto(newOuting);
    await ui.item(page.locator('form'), '违法类型').waitFor();
    await page.context().setOffline(true);
    const me = () =>
      page.evaluate(() =>
        fetch('/api/auth/me').then(
          (r) => r.status,
          () => 'failed',
        ),
      );
    await expect(me()).resolves.toBe(200);

    // A night later (the kept answers read 8 h 1 min ago, past the session's idle limit): the worker
    // no longer answers for that session, and drops every answer it kept, not only the one asked for.
    const aged = await page.evaluate(async () => {
      const cache = await caches.open('redshield-api-v1');
      const requests = await cache.keys();
      for (const request of requests) {
        const kept = (await cache.match(request))!;
        const headers = new Headers(kept.headers);
        headers.set('x-redshield-read-at', String(Date.now() - (8 * 60 + 1) * 60_000));
        await cache.put(request, new Response(await kept.blob(), { status: kept.status, headers }));
      }
      return requests.map((r) => new URL(r.url).pathname);
    });
    expect(aged).toEqual(expect.arrayContaining(['/api/auth/me', '/api/units', '/api/people']));
    await expect(me()).resolves.toBe('failed');
    await expect(
      page.evaluate(async () => (await (await caches.open('redshield-api-v1')).keys()).length),
    ).resolves.toBe(0);
    // The page says so, and shows nothing of the user (online, their unit is on the form).
    await page.reload();
    await page.getByText('本机也没有仍然有效的登录').waitFor();
    await session.shot('offline-phone-session-past', false);
    await expect(page.getByText('城桥市场监管所').count()).resolves.toBe(0);

    // Back online the session (still alive on the server) answers, and the page continues by itself.
    await page.context().setOffline(false);
    await ui.item(page.locator('form'), '违法类型').waitFor({ timeout: 30_000 });
    await expect(page.getByText('城桥市场监管所').count()).resolves.toBeGreaterThan(0);
    await expect(me()).resolves.toBe(200);
  });
});
