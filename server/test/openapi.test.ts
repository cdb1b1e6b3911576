import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app';

describe('OpenAPI document', () => {
  it('is served at /api/docs and matches the committed copy the web client is generated from', async () => {
    const t = await createTestApp();
    try {
      const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(ui.statusCode).toBe(200);
      const live = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const committed = JSON.parse(
        fs.readFileSync(path.resolve(import.meta.dirname, '../../packages/api-client/openapi.json'), 'utf8'),
      );
      // If this fails: run `npm run gen:api` and commit packages/api-client.
      expect(live).toEqual(committed);
    } finally {
      await t.close();
    }
  });
});
