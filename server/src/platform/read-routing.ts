import type { ReadReplica } from '../db/read-replica';
import type { App } from './http';

/** The WAL position of the requester's last write (read-your-own-writes; db/read-replica.ts). */
export const LSN_COOKIE = 'rs_lsn';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * DATABASE_READ_URL (issue 22): each request runs in its read context (the replica's `reader`
 * decides from it), and a successful write answers with the `rs_lsn` cookie — the primary's WAL
 * position after the write — so the writer's next reads, in any process on any machine, go to the
 * replica only once it has replayed that far. Without a replica nothing is installed.
 */
export function installReadRouting(app: App, replica: ReadReplica, opts: { secureCookies: boolean }) {
  // preHandler rather than onRequest: a request's body is read from stream events, which would
  // leave the context behind; from here the handler and what it awaits keep it.
  app.addHook('preHandler', (request, _reply, done) => {
    replica.runRequest({ method: request.method, lsnCookie: request.cookies[LSN_COOKIE] }, done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!WRITES.has(request.method) || reply.statusCode >= 400) return payload;
    try {
      reply.setCookie(LSN_COOKIE, await replica.primaryLsn(), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        maxAge: replica.cookieMaxAgeSeconds,
      });
    } catch (err) {
      // The write is done; without the cookie the next reads may lag, which the log says.
      request.log.warn({ err }, '未能读取主库 WAL 位置，本次写入后的读取可能暂时读到旧数据');
    }
    return payload;
  });
}
