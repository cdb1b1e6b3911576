import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-errors';

describe('isDatabaseUnavailable (503 while the database changes hands)', () => {
  const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });

  it('knows a refused or broken connection, a server shutting down and a standby refusing a write', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(new Error('Client has encountered a connection error and is not queryable'))),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped({ code: '57P01', severity: 'FATAL', message: 'terminating connection' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '25006', severity: 'ERROR', message: 'read-only transaction' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('数据库：没有可写的主库可连接'), { code: '08001' }))).toBe(
      true,
    );
  });

  it('leaves every other error to the usual answers', () => {
    expect(isDatabaseUnavailable(wrapped({ code: '23505', severity: 'ERROR', message: 'duplicate key' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
