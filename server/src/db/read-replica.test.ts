import { describe, expect, it } from 'vitest';
import { ignoredReadUrl, loadConfig, readMaxLag } from '../config';
import { lagFromSamples, parseLsn } from './read-replica';

describe('WAL positions and the replica lag', () => {
  it('reads a WAL position as a number that orders like the WAL', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of [undefined, null, '', '16B3748', '0/', 'x/1', '0/1;drop', '123456789/0']) {
      expect(parseLsn(bad)).toBeUndefined();
    }
  });

  it('is 0 once the newest sample is replayed, else the age of the oldest sample not replayed', () => {
    const samples = [
      { at: 1_000, lsn: 10n },
      { at: 1_500, lsn: 20n },
      { at: 2_000, lsn: 30n },
    ];
    expect(lagFromSamples(samples, 30n, 9_000)).toBe(0);
    expect(lagFromSamples(samples, 35n, 9_000)).toBe(0);
    expect(lagFromSamples(samples, 20n, 2_600)).toBe(600);
    expect(lagFromSamples(samples, 5n, 2_600)).toBe(1_600);
    expect(lagFromSamples([], 0n, 2_600)).toBe(0);
  });
});

describe('DATABASE_READ_URL and DATABASE_READ_MAX_LAG_MS', () => {
  it('reads the settings: 5 s by default, whole milliseconds, a Chinese refusal otherwise', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://p/db', DATABASE_READ_URL: 'postgres://r/db' });
    expect(config.databaseReadUrl).toBe('postgres://r/db');
    expect(config.databaseReadMaxLagMs).toBe(5000);
    expect(loadConfig({ DATABASE_READ_MAX_LAG_MS: '250' }).databaseReadMaxLagMs).toBe(250);
    expect(() => readMaxLag('5s')).toThrow(/DATABASE_READ_MAX_LAG_MS 应为不小于 0 的整数/);
    expect(() => readMaxLag('-1')).toThrow(/DATABASE_READ_MAX_LAG_MS/);
    expect(ignoredReadUrl(config)).toBeUndefined();
  });

  it('says in the log that a replica URL is ignored on the embedded PGlite', () => {
    expect(ignoredReadUrl(loadConfig({ DATABASE_READ_URL: 'postgres://r/db' }))).toMatch(
      /DATABASE_READ_URL 已忽略.*PGlite/,
    );
    expect(ignoredReadUrl(loadConfig({}))).toBeUndefined();
  });
});
