import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { oneQueryAtATime } from './one-query-at-a-time';

/** A connection that answers after a few milliseconds and notes what ran at the same time. */
class SlowConnection extends pg.Client {
  running = 0;
  mostAtOnce = 0;
  sent: unknown[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    // node-postgres refuses some queries before sending anything (e.g. a null one), by throwing.
    if (args[0] === 'refused') throw new TypeError('refused at once');
    this.sent.push(args[0]);
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        this.running--;
        if (args[0] === 'fails') reject(new Error('syntax error'));
        else resolve({ rows: [{ text: args[0] }] });
      }, 5),
    );
  }
}

const connection = () => new (oneQueryAtATime(SlowConnection))() as unknown as SlowConnection;

describe('oneQueryAtATime', () => {
  it('sends queries asked together one after another, in order, each answer to its caller', async () => {
    const c = connection();
    const answers = await Promise.all(['a', 'b', 'c'].map((q) => c.query(q)));
    expect(answers.map((a) => a.rows[0].text)).toEqual(['a', 'b', 'c']);
    expect(c.sent).toEqual(['a', 'b', 'c']);
    expect(c.mostAtOnce).toBe(1);
  });

  it('gives a failed query its error and still sends the ones behind it', async () => {
    const c = connection();
    const [failed, after] = await Promise.allSettled([c.query('fails'), c.query('after')]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'syntax error' } });
    expect(after).toMatchObject({ status: 'fulfilled', value: { rows: [{ text: 'after' }] } });
    expect(c.mostAtOnce).toBe(1);
  });

  it('passes a cursor or a query with a callback to node-postgres at once', async () => {
    const c = connection();
    const waiting = c.query('first');
    const cursor = { submit: () => undefined };
    void c.query(cursor as never);
    void c.query('with callback', [], () => undefined);
    expect(c.sent).toEqual(['first', cursor, 'with callback']);
    await waiting;
  });

  it('answers a query refused at once with its error, and sends the next one at once', async () => {
    const c = connection();
    const refused = c.query('refused');
    await expect(refused).rejects.toThrow('refused at once');
    void c.query('next');
    expect(c.sent).toEqual(['next']);
  });
});
