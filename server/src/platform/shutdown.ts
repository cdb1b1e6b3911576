/**
 * Graceful shutdown (SIGTERM, SIGINT): stop accepting connections and let the requests under way
 * finish (Fastify's close: idle keep-alive connections are closed, new requests on busy ones get
 * 503; a keep-alive connection is closed as soon as its last answer is sent), then stop the job queue (it waits for running jobs), then close the database. A second
 * signal while this runs changes nothing; a shutdown that hangs past `timeoutMs` exits with 1.
 */
export function createShutdown(parts: {
  app: { close(): Promise<unknown>; server?: { closeIdleConnections(): void } };
  jobs?: { stop(): Promise<void> };
  mailer?: { close(): void };
  database: { close(): Promise<void> };
  timeoutMs?: number;
  exit?: (code: number) => void;
  log?: (message: string) => void;
}): () => Promise<void> {
  const exit = parts.exit ?? ((code: number) => process.exit(code));
  const log = parts.log ?? ((m: string) => console.log(m));
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      const timer = setTimeout(() => {
        log('停止超时：仍有请求或后台任务未结束，强制退出');
        exit(1);
      }, parts.timeoutMs ?? 30_000);
      timer.unref();
      try {
        // A keep-alive connection whose request was under way at the signal becomes idle once it
        // is answered; Node only closes the connections idle at the start, so look again until done.
        const sweep = setInterval(() => parts.app.server?.closeIdleConnections(), 100);
        try {
          await parts.app.close();
        } finally {
          clearInterval(sweep);
        }
        await parts.jobs?.stop();
        parts.mailer?.close();
        await parts.database.close();
        clearTimeout(timer);
        exit(0);
      } catch (err) {
        log(`停止时出错：${(err as Error).message}`);
        clearTimeout(timer);
        exit(1);
      }
    })();
    return running;
  };
}
