import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createCheckpointSample, fileCheckpointStore, loadAuditKey, parseAuditKey } from './audit.anchor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-audit-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the audit key', () => {
  it('lives beside the data folder, not in it, and is created once with mode 0600', () => {
    const dataDir = path.join(dir, 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.auditKeyFile).toBe(path.join(dir, 'data-audit', 'audit.key'));
    expect(config.auditCheckpointFile).toBe(path.join(dir, 'data-audit', 'checkpoints.log'));
    expect(path.relative(dataDir, config.auditKeyFile).startsWith('..')).toBe(true);

    const first = loadAuditKey(config);
    expect(first.created).toBe(true);
    expect(first.key.length).toBe(32);
    expect(fs.statSync(config.auditKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(config.auditKeyFile)).mode & 0o777).toBe(0o700);
    const again = loadAuditKey(config);
    expect(again.created).toBe(false);
    expect(again.key.equals(first.key)).toBe(true);
    expect(fs.readdirSync(path.dirname(config.auditKeyFile))).toEqual(['audit.key']);
  });

  it('takes AUDIT_KEY or AUDIT_KEY_FILE over the default, and refuses a short key in Chinese', () => {
    const hex = 'ab'.repeat(32);
    const fromEnv = loadAuditKey(loadConfig({ DATA_DIR: path.join(dir, 'd2'), AUDIT_KEY: hex }));
    expect(fromEnv.key.toString('hex')).toBe(hex);
    expect(fs.existsSync(path.join(dir, 'd2-audit'))).toBe(false);
    const file = path.join(dir, 'elsewhere', 'k');
    expect(loadConfig({ AUDIT_KEY_FILE: file }).auditKeyFile).toBe(file);
    expect(parseAuditKey(Buffer.alloc(32, 7).toString('base64'), 'x').equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => loadAuditKey(loadConfig({ AUDIT_KEY: 'abcd' }))).toThrow(/审计密钥太短/);
  });
});

describe('the checkpoint file', () => {
  it('appends lines and skips one cut short by a crash', async () => {
    const store = fileCheckpointStore(path.join(dir, 'cp', 'checkpoints.log'));
    expect(await store.readAll()).toEqual({ checkpoints: [], unreadable: 0, missing: true });
    await store.append({ seq: 3, hash: 'a'.repeat(64), at: '2026-12-04T00:00:00.000Z', key: 'k' });
    fs.appendFileSync(store.where, '{"seq":4,"ha');
    const read = await store.readAll();
    expect(read).toMatchObject({ unreadable: 1, missing: false, checkpoints: [{ seq: 3, hash: 'a'.repeat(64) }] });
  });

  it('keeps verify in bounded memory however long the file: the newest, the furthest and a sample', () => {
    const sample = createCheckpointSample();
    const line = (seq: number) => JSON.stringify({ seq, hash: String(seq), at: '2026-12-04T00:00:00.000Z', key: 'k' });
    sample.add(line(900_000)); // an old checkpoint further along than the chain is now (a cut)
    for (let seq = 1; seq <= 100_000; seq++) sample.add(line(seq));
    sample.add('not json');
    const { checkpoints, unreadable } = sample.result();
    expect(unreadable).toBe(1);
    expect(checkpoints.length).toBeLessThan(1000 + 100_000 / 1024 + 2);
    const seqs = new Set(checkpoints.map((c) => c.seq));
    expect(seqs.has(900_000)).toBe(true);
    expect(seqs.has(100_000) && seqs.has(99_001)).toBe(true);
    expect(seqs.has(1024) && seqs.has(50_176)).toBe(true);
  });
});
