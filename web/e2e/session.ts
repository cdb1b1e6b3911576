/**
 * One browser session per journey file: starts the server and the browser before the file's tests,
 * takes a screenshot of the page when a test fails, and stops both at the end. The returned object
 * is filled in once `beforeAll` has run.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { antd } from './antd';
import { startJourney, type Journey } from './harness';

export interface JourneySession {
  page: Page;
  baseUrl: string;
  ui: ReturnType<typeof antd>;
  shot: (name: string, fullPage?: boolean) => Promise<Buffer>;
}

export function useJourney(): JourneySession {
  let journey: Journey | undefined;
  const session = { shot: (name: string, fullPage = true) => journey!.shot(name, fullPage) } as JourneySession;
  beforeAll(async () => {
    journey = await startJourney();
    session.page = journey.page;
    session.baseUrl = journey.baseUrl;
    session.ui = antd(journey.page, journey.baseUrl);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await session.shot(`failed-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`, false);
    const log = journey?.serverLog().trim();
    if (log) console.error(`the server's log (last 4,000 characters):\n${log.slice(-4000)}`);
  });
  afterAll(async () => {
    await journey?.stop();
  });
  return session;
}
