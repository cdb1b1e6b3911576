/**
 * Field work without a network, beyond the outing (offline.test.ts): on a phone (390 × 844) an
 * inspector of 城桥市场监管所 opens the seized-goods and samples dialogs once online (the service
 * worker keeps what they read), then with the network cut registers seized goods (linked to a case
 * and a register entity by the pickers, with a photo) and a sample: both wait in the header's
 * queue and arrive in their lists when the network returns. The office registers an entity (with
 * a credit code the register already holds) and edits another offline while that one is changed
 * on the server: the edit becomes a conflict in the drawer, and keeping the phone's values sends
 * them on the server's version; the creation is returned and corrected in its dialog.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { useJourney, type JourneySession } from './session';

const session = useJourney();
let page: Page;
let ui: JourneySession['ui'];
let baseUrl = '';
beforeAll(() => void ({ page, ui, baseUrl } = session));

const tag = Math.random().toString(36).slice(2, 6);
const goods = `离线查扣月饼${tag}`;
const product = `离线抽检月饼${tag}`;
const status = () => page.getByTestId('offline-status');
const dialog = () => page.locator('.ant-modal:visible');
const save = (scope: Locator) => scope.getByRole('button', { name: /保\s*存/ }).click();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function get<T>(path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Waits until the page has been answered for a GET of the API path (the worker kept it by then). */
const answered = (path: string) => (res: Response) =>
  res.request().method() === 'GET' && new URL(res.url()).pathname === path && res.ok();

/** The worker controls the page (first visit installs it; the reload goes through it). */
async function underWorker() {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** A valid 统一社会信用代码 (GB 32100-2015) from 17 characters. */
function creditCode(first17: string) {
  const set = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, ch, i) => s + set.indexOf(ch) * w[i], 0);
  return first17 + set[(31 - (sum % 31)) % 31];
}

describe('offline field entry of seized goods, samples and entities', () => {
  it('registers seized goods and a sample without a network; both arrive when it returns', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.loginAs('cm_liaison', '/seized-goods');
    const me = await get<{ user: { unitId: string } }>('/api/auth/me');
    const campaign = (await get<{ items: { id: string; name: string }[] }>('/api/campaigns')).items.find((c) =>
      c.name.startsWith('上海市崇明区'),
    )!;
    const category = (await get<{ categories: { label: string }[] }>(`/api/campaigns/${campaign.id}`)).categories[0]
      .label;
    const entity = (
      await get<{ items: { id: string; name: string }[] }>(
        `/api/market-entities?unitId=${me.user.unitId}&page=1&pageSize=50`,
      )
    ).items[0];
    const kase = (await get<{ items: { id: string; caseNumber: string }[] }>('/api/cases?page=1&pageSize=20')).items[0];
    expect(kase, '城桥所能看到的案件').toBeTruthy();

    // Online: the worker takes the pages, and each dialog is opened once so its reads are kept.
    const seizedList = `${baseUrl}/seized-goods?campaignId=${campaign.id}`;
    const samplesList = `${baseUrl}/samples?campaignId=${campaign.id}`;
    await page.goto(seizedList);
    await underWorker();
    const seizedReads = Promise.all([
      page.waitForResponse(answered('/api/cases')),
      page.waitForResponse(answered('/api/market-entities')),
      page.waitForResponse(answered('/api/people')),
    ]);
    await ui.button(page, '登记保管').first().click();
    await seizedReads;
    await dialog()
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.goto(samplesList);
    const sampleReads = page.waitForResponse(answered('/api/market-entities'));
    await ui.button(page, '登记抽检').first().click();
    await sampleReads;
    await dialog()
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(status().innerText()).resolves.toContain('已同步');

    await page.context().setOffline(true);
    await status().getByText('离线').waitFor();

    // 登记保管 offline: the case and the party from the pickers (what was kept), a photo.
    await page.goto(seizedList);
    await ui.button(page, '登记保管').first().click();
    let form = dialog();
    await ui.pick(ui.item(form, '违法类型').locator('.ant-select'), category);
    await form.getByLabel('物品名称').fill(goods);
    await form.getByLabel('数量').fill('12.5');
    await form.getByLabel('计量单位').fill('公斤');
    await form.getByLabel('存放地点').fill('城桥所罚没物品仓库');
    await ui.pick(ui.item(form, '关联案件').locator('.ant-select'), kase.caseNumber);
    await ui.pick(ui.item(form, '当事人（经济户口）').locator('.ant-select'), entity.name);
    await form
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'goods.png', mimeType: 'image/png', buffer: PNG });
    await form.getByText('goods.png').waitFor();
    await form.getByText('goods.png').scrollIntoViewIfNeeded();
    await session.shot('offline-field-seized-form', false);
    await save(form);
    await status().getByText('1 条待发送').waitFor();
    await form.waitFor({ state: 'hidden' });

    // 登记抽检 offline, on a page opened without a network (the worker answers it).
    await page.goto(samplesList);
    await ui.button(page, '登记抽检').first().click();
    form = dialog();
    await ui.pick(ui.item(form, '违法类型').locator('.ant-select'), category);
    await ui.pick(ui.item(form, '被抽样单位').locator('.ant-select'), entity.name);
    await form.getByLabel('样品名称').fill(product);
    await save(form);
    await status().getByText('2 条待发送').waitFor();
    await form.waitFor({ state: 'hidden' });

    await status().click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText(goods).waitFor();
    await drawer.getByText(product).waitFor();
    await expect(drawer.innerText()).resolves.toContain('1 张照片/附件');
    await session.shot('offline-field-queued', false);
    await page.keyboard.press('Escape');

    const nothingYet = await get<{ items: unknown[] }>(`/api/seized-goods?q=${encodeURIComponent(goods)}`);
    expect(nothingYet.items).toEqual([]);

    // The network returns: the queue is sent by itself, in order, the photo after its record.
    await page.context().setOffline(false);
    await status().getByText('已同步').waitFor({ timeout: 30_000 });
    await page.goto(seizedList);
    await page.getByText(goods).first().waitFor();
    const seized = (await get<{ items: { id: string; goods: string }[] }>(
      `/api/seized-goods?q=${encodeURIComponent(goods)}`,
    ))!.items;
    expect(seized).toHaveLength(1);
    const record = await get<{
      quantity: string;
      caseId: string | null;
      entityId: string | null;
      attachments: { fileName: string }[];
    }>(`/api/seized-goods/${seized[0].id}`);
    expect(record).toMatchObject({ quantity: '12.5', caseId: kase.id, entityId: entity.id });
    expect(record.attachments.map((a) => a.fileName)).toEqual(['goods.png']);
    await page.goto(samplesList);
    await page.getByText(product).first().waitFor();
    const samples = await get<{ items: { product: string; entityId: string }[] }>(
      `/api/samples?q=${encodeURIComponent(product)}`,
    );
    expect(samples.items).toEqual([expect.objectContaining({ product, entityId: entity.id })]);
    await session.shot('offline-field-synced', false);
  });

  it('the office enters entities offline: a conflicting edit and a returned creation are resolved', async () => {
    await ui.loginAs('cm_office', '/market-entities');
    const me = await get<{ csrfToken: string }>('/api/auth/me');
    const [first, other] = (
      await get<{ items: { id: string; name: string; creditCode: string }[] }>('/api/market-entities?page=1&pageSize=2')
    ).items;
    const entityPage = `${baseUrl}/market-entities/${first.id}`;
    const name = `离线登记的月饼店${tag}`;
    const code = creditCode(
      `92310230MA1${tag
        .toUpperCase()
        .replace(/[IOSVZ]/g, '0')
        .padEnd(6, '0')}`,
    );

    // Online: the entity's page is read through the worker (kept for the edit), then the register.
    await page.goto(entityPage);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await ui.button(page, '修改').first().waitFor();
    await page.goto(`${baseUrl}/market-entities`);
    await ui.button(page, '登记市场主体').first().waitFor();

    await page.context().setOffline(true);
    await status().getByText('离线').waitFor();
    await ui.button(page, '登记市场主体').first().click();
    let form = dialog();
    await ui.pickTree(ui.item(form, '管辖单位').locator('.ant-select'), '城桥市场监管所');
    await form.getByLabel('名称', { exact: true }).fill(name);
    // The code typed is one the register already holds: the server will return the entity.
    await form.getByLabel('统一社会信用代码').fill(other.creditCode);
    await save(form);
    await status().getByText('1 条待发送').waitFor();
    await form.waitFor({ state: 'hidden' });

    // The edit is made offline on the page the worker kept.
    await page.goto(entityPage);
    await ui.button(page, '修改').first().click();
    form = dialog();
    await form.getByLabel('住所（经营场所）').fill('城桥镇八一路1号（手机上修改）');
    await save(form);
    await status().getByText('2 条待发送').waitFor();

    // Meanwhile someone changes the same entity on the server.
    const current = await get<Record<string, unknown>>(`/api/market-entities/${first.id}`);
    const fields = ['unitId', 'name', 'creditCode', 'entityKind', 'industry', 'operatorName', 'riskLevel'];
    const body = Object.fromEntries(fields.map((f) => [f, current[f]]));
    const changed = await page.request.put(`${baseUrl}/api/market-entities/${first.id}`, {
      data: {
        ...body,
        divisionCode: current.divisionCode,
        licence: current.licence,
        address: '城桥镇八一路2号（服务器上修改）',
        version: current.version,
      },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(changed.status()).toBe(200);

    await page.context().setOffline(false);
    await status().getByText('2 条需处理').waitFor({ timeout: 30_000 });

    await status().click();
    const drawer = page.locator('.ant-drawer:visible');
    const card = drawer.locator('.ant-card', { hasText: '与服务器冲突' });
    await card.getByText('城桥镇八一路1号（手机上修改）').waitFor();
    await card.getByText('城桥镇八一路2号（服务器上修改）').waitFor();
    await session.shot('offline-field-conflict', false);

    await card.getByRole('button', { name: '用我的填写覆盖' }).click();
    // Sent on the server's version (the card leaves the drawer once the server took it).
    await drawer.locator('.ant-card', { hasText: `市场主体 ${String(current.name)}` }).waitFor({
      state: 'detached',
      timeout: 30_000,
    });
    const after = await get<{ address: string | null }>(`/api/market-entities/${first.id}`);
    expect(after.address).toBe('城桥镇八一路1号（手机上修改）');

    // The returned creation goes back into its dialog, the server's reason under the field.
    const returned = drawer.locator('.ant-card', { hasText: '被退回' });
    await returned.getByText(`“${other.name}”使用该代码`, { exact: false }).waitFor();
    await returned.getByRole('button', { name: '在表单中修改' }).click();
    await page.waitForURL(/\/market-entities\?new=1$/);
    form = dialog();
    await form.getByText('统一社会信用代码已存在', { exact: false }).first().waitFor();
    await expect(form.getByLabel('名称', { exact: true }).inputValue()).resolves.toBe(name);
    await session.shot('offline-field-returned', false);
    await form.getByLabel('统一社会信用代码').fill(code);
    await save(form);
    await page.waitForURL(/\/market-entities\/[0-9a-f-]{36}$/);
    await status().getByText('已同步').waitFor();
    const created = await get<{ items: { name: string; creditCode: string }[] }>(
      `/api/market-entities?q=${encodeURIComponent(name)}`,
    );
    expect(created.items).toEqual([expect.objectContaining({ name, creditCode: code })]);

    // The journeys on PostgreSQL share one database: the register is left as the demo made it (123
    // active entities of 崇明, which the 双随机 and assessment journeys count), the new one 停用.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const entity = await get<{ version: number }>(`/api/market-entities/${id}`);
    const stopped = await page.request.post(`${baseUrl}/api/market-entities/${id}/deactivate`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: entity.version, reason: '浏览器测试登记，测试完毕停用' },
    });
    expect(stopped.status(), await stopped.text()).toBe(200);
  });
});
