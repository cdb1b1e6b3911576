/**
 * Driving antd controls from a journey: Select and TreeSelect (their lists are rendered at the end
 * of the body and are virtual, so a searchable one gets the text typed first), form items by their
 * label, buttons by their text, and signing in as a demo user.
 */
import type { Locator, Page, Request, Response } from 'playwright-core';
import { DEMO_PASSWORD } from './harness';

export function antd(page: Page, baseUrl: string) {
  /**
   * A closing dropdown keeps its options (without the hidden class) until its animation ends; the
   * next pick must not find an option of the list being closed, so wait until none is shown.
   */
  const dropdownsClosed = () =>
    page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].every(
        (e) => !(e as HTMLElement).offsetParent,
      ),
    );

  return {
    /**
     * Picks an option in an antd Select, and checks the Select shows it: on a loaded machine a list
     * opening near the bottom of a phone screen can still be moving when the option is clicked, and
     * the click lands elsewhere. Then it tries again (at most three times), never blindly.
     */
    async pick(select: Locator, option: string) {
      // The element itself: a locator found by its placeholder no longer matches once a value is shown.
      const element = (await select.first().elementHandle())!;
      for (let attempt = 1; ; attempt++) {
        await (await element.$('.ant-select-content'))!.click();
        if (await element.evaluate((e) => e.classList.contains('ant-select-show-search')))
          await page.keyboard.type(option);
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
          .first()
          .click();
        await page.keyboard.press('Escape');
        await dropdownsClosed();
        if ((await element.innerText()).includes(option)) return;
        if (attempt === 3) throw new Error(`选择框未选中“${option}”`);
      }
    },

    /** Picks a node of an antd TreeSelect by its exact title. */
    async pickTree(select: Locator, title: string) {
      await select.locator('.ant-select-content').first().click();
      await page.keyboard.type(title);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', {
          hasText: new RegExp(`^${title}$`),
        })
        .first()
        .click();
    },

    /** The form item (label and control) labelled exactly so, inside `scope`. */
    item: (scope: Locator, label: string) =>
      scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) }),

    /** A button by its text (antd puts a space between two Chinese characters; icons carry labels of their own). */
    button: (scope: Page | Locator, text: string) =>
      scope.locator('button', { hasText: new RegExp(`^${[...text].join('\\s*')}$`) }),

    /**
     * Signs in as a demo user on `path`. The previous user logs out first, as a person handing over
     * the computer would: the server ends the session and the service worker drops the API answers
     * it kept for offline use (sw.js), so the next page load cannot show the previous user.
     */
    async loginAs(username: string, path: string) {
      await page
        .evaluate(async () => {
          const me = await fetch('/api/auth/me');
          if (!me.ok) return;
          const { csrfToken } = (await me.json()) as { csrfToken: string };
          await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
        })
        .catch(() => undefined); // no page of the app open yet
      await page.context().clearCookies();
      const sessionAnswers: string[] = [];
      const onResponse = (r: Response) => {
        if (r.url().endsWith('/api/auth/me'))
          sessionAnswers.push(`${r.status()}${r.fromServiceWorker() ? ' (service worker)' : ''}`);
      };
      // The requests still waiting for their answer when the form does not appear.
      const waiting = new Map<Request, number>();
      const onRequest = (r: Request) => void waiting.set(r, Date.now());
      const onDone = (r: Request) => void waiting.delete(r);
      const stillWaiting = () =>
        [...waiting]
          .map(([r, since]) => `${r.method()} ${new URL(r.url()).pathname} (${Date.now() - since} ms)`)
          .join(', ');
      const pageText = () =>
        page
          .locator('body')
          .innerText()
          .then(
            (text) => text.slice(0, 300),
            () => '',
          );
      page.on('response', onResponse);
      page.on('request', onRequest);
      page.on('requestfinished', onDone);
      page.on('requestfailed', onDone);
      try {
        for (let attempt = 1; ; attempt++) {
          await page.goto(`${baseUrl}${path}`);
          // null once the form is there; otherwise the start of what the page shows.
          const shown = await page
            .getByLabel('用户名')
            .waitFor()
            .then(() => null, pageText);
          if (shown === null) break;
          // What the page showed instead goes into the log (and into the error the second time).
          const what =
            `no login form at ${page.url()}; /api/auth/me answered [${sessionAnswers.join(', ')}]; ` +
            `still waiting for [${stillWaiting()}]; page: ${shown}`;
          if (attempt === 2) throw new Error(what);
          console.warn(`loginAs(${username}): ${what}; loading the page again`);
        }
      } finally {
        page.off('response', onResponse);
        page.off('request', onRequest);
        page.off('requestfinished', onDone);
        page.off('requestfailed', onDone);
      }
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.locator('.rs-header').waitFor();
    },
  };
}
