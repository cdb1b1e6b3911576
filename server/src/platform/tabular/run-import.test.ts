import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database';
import { AppError } from '../errors';
import { BULK_LOAD_ROWS, statisticsRefreshed } from '../db/planner-statistics';
import type { ImportSpec } from './import-rows';
import type { ImportFile } from './import-types';
import { runImport, type ImportRun } from './run-import';

/**
 * The skeleton's order without a database: a fake Db that logs what reaches it. What each kind of
 * record stores is covered by the API tests (test/*import*.test.ts); this is the sequence they share.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'run-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const things = pgTable('things', { name: text('name') });

function csvFile(names: string[]): ImportFile {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, ['名称', ...names].join('\n'));
  return { path: file, fileName: '名录.csv', kind: 'csv' };
}

/** A run whose every step writes to `log`; `fails` names a step that throws. */
function fakeRun(file: ImportFile, fails?: 'audit') {
  const log: string[] = [];
  // The transaction's own statements: its batches planned once, then the server's choice again.
  const tx = {
    name: 'tx',
    async execute(query: unknown) {
      log.push(JSON.stringify(query).includes('force_generic_plan') ? 'plan once' : 'plan for values');
    },
  } as unknown as Db;
  const db = {
    async transaction<R>(fn: (t: unknown) => Promise<R>) {
      log.push('begin');
      try {
        const result = await fn(tx);
        log.push('commit');
        return result;
      } catch (e) {
        log.push('rollback');
        throw e;
      }
    },
    async execute(query: unknown) {
      log.push(`analyze ${JSON.stringify(query).includes('things') ? 'things' : '?'}`);
    },
  } as unknown as Db;
  const specOf: ImportRun<string>['specOf'] = (insert) =>
    ({
      columns: [{ key: 'name', label: '名称', required: true }],
      parse: (ctx) => {
        const name = String(ctx.get('name') ?? '');
        if (name === '坏') ctx.problem('name', '名称不能为“坏”');
        return name;
      },
      insertBatch: insert,
    }) satisfies ImportSpec<string>;
  const run: ImportRun<string> = {
    db,
    file,
    progress: { update: (rows) => log.push(`progress ${rows}`), finish: async () => void log.push('finish') },
    specOf,
    store: (t) => {
      log.push(`store opened in ${t === tx ? 'tx' : 'db'}`);
      return {
        insert: async (t2, rows) => void log.push(`insert ${rows.length} in ${t2 === tx ? 'tx' : 'db'}`),
        flush: async () => void log.push('flush'),
      };
    },
    audit: async (t, summary) => {
      if (fails === 'audit') throw new Error('audit failed');
      log.push(`audit ${JSON.stringify(summary)} in ${t === tx ? 'tx' : 'db'}`);
    },
    tablesToAnalyze: [things],
  };
  return { run, log };
}

describe('runImport', () => {
  it('checks every row, then stores, flushes and audits in one transaction, and finishes the progress', async () => {
    const { run, log } = fakeRun(csvFile(['甲', '乙', '丙']));
    expect(await runImport(run)).toEqual({ imported: 3 });
    expect(log).toEqual([
      'progress 4',
      'begin',
      'store opened in tx',
      'plan once',
      'insert 3 in tx',
      'plan for values',
      'flush',
      'audit {"fileName":"名录.csv","imported":3} in tx',
      'commit',
      'finish',
    ]);
  });

  it('stores nothing and opens no transaction when a row is bad; answers 422 naming the row and column', async () => {
    const { run, log } = fakeRun(csvFile(['甲', '坏', '丙']));
    const error = await runImport(run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).errors).toEqual([{ row: 3, column: '名称', message: '名称不能为“坏”' }]);
    expect(log).toEqual(['progress 4', 'finish']);
  });

  it('rolls back when the audit entry fails, refreshes no statistics, and still finishes the progress', async () => {
    const { run, log } = fakeRun(csvFile(['甲']), 'audit');
    await expect(runImport(run)).rejects.toThrow('audit failed');
    expect(log).toEqual([
      'progress 2',
      'begin',
      'store opened in tx',
      'plan once',
      'insert 1 in tx',
      'plan for values',
      'flush',
      'rollback',
      'finish',
    ]);
  });

  it('refreshes the statistics of the written tables after the commit of a large import, without waiting for it', async () => {
    const { run, log } = fakeRun(csvFile(Array.from({ length: BULK_LOAD_ROWS }, (_, i) => `主体${i}`)));
    let analyzed: () => void = () => {};
    const analyzing = new Promise<void>((resolve) => (analyzed = resolve));
    // ANALYZE here takes until the test lets it end: the import answers meanwhile.
    run.db.execute = (async () => {
      log.push('analyze started');
      await analyzing;
      log.push('analyze things');
    }) as unknown as Db['execute'];
    expect(await runImport(run)).toEqual({ imported: BULK_LOAD_ROWS });
    expect(log.slice(log.indexOf('commit'))).toEqual(['commit', 'analyze started', 'finish']);
    const closed = statisticsRefreshed(run.db).then(() => log.push('closable'));
    analyzed();
    await closed;
    expect(log.slice(log.indexOf('commit'))).toEqual([
      'commit',
      'analyze started',
      'finish',
      'analyze things',
      'closable',
    ]);
  });
});
