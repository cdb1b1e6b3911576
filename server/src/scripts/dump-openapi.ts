import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app';
import type { Db } from '../db/database';

/** Writes the OpenAPI document (no database needed: routes are only registered). */
const out = path.resolve(process.argv[2] ?? 'openapi.json');
const { app } = await buildApp({
  database: { db: {} as Db, kind: 'pglite' },
  config: { secureCookies: false, webDist: undefined },
});
await app.ready();
fs.writeFileSync(out, JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
console.log(`OpenAPI → ${out}`);
