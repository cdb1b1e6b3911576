import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The service worker (public/sw.js) serves a kept API answer offline only for as long as the
 * session it was read under could still be alive on the server: its lifetime must be the server's
 * idle limit, and the two are written in different packages. The worker's behaviour itself is
 * checked in a browser (e2e/offline.test.ts).
 */
const web = path.resolve(import.meta.dirname, '../../..');
const milliseconds = (text: string, name: string) => {
  const match = new RegExp(`const ${name} = ([0-9_ *]+);`).exec(text);
  if (!match) throw new Error(`${name} not found`);
  return match[1]
    .split('*')
    .map((factor) => Number(factor.trim().replaceAll('_', '')))
    .reduce((a, b) => a * b, 1);
};

describe('the service worker', () => {
  it("keeps API answers for offline use no longer than a session's idle limit", () => {
    const worker = readFileSync(path.join(web, 'public/sw.js'), 'utf8');
    const auth = readFileSync(path.join(web, '../server/src/modules/auth/auth.service.ts'), 'utf8');
    const serverIdle = milliseconds(auth, 'SESSION_IDLE_MS');
    expect(serverIdle).toBeGreaterThanOrEqual(3600_000);
    expect(milliseconds(worker, 'API_ANSWER_LIFETIME_MS')).toBe(serverIdle);
  });
});
