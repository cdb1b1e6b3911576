import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type RegistryContentType } from 'prom-client';

/**
 * The primary process of a WORKERS start (node:cluster). main.ts has already migrated and seeded
 * the database, alone; here it forks the workers, which serve the same port (the primary hands the
 * connections round). A worker that dies is replaced; SIGTERM or SIGINT is passed on to every
 * worker, which finishes its requests and closes, and the primary waits for all of them.
 */
export async function runPrimary(workers: number, onListening: () => void): Promise<void> {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let listening = 0;

  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (m: { type?: string; id?: string }) => {
      if (m?.type === METRICS_REQUEST) void answerMetrics(worker, m.id!, aggregator);
    });
    return worker;
  };

  cluster.on('listening', () => {
    if (++listening === workers) onListening();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`工作进程 ${worker.process.pid} 意外退出（${signal ?? code}），1 秒后重启`);
    setTimeout(() => !stopping && fork(), 1000).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    let left = alive.length;
    if (left === 0) process.exit(0);
    let failed = false;
    for (const w of alive) {
      w.once('exit', (code) => {
        failed ||= code !== 0;
        if (--left === 0) process.exit(failed ? 1 : 0);
      });
      w.process.kill(signal);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < workers; i++) fork();
}

const METRICS_REQUEST = 'redshield:metrics';
const METRICS_ANSWER = 'redshield:metrics-answer';

async function answerMetrics(worker: Worker, id: string, aggregator: AggregatorRegistry<RegistryContentType>) {
  let text: string;
  try {
    text = await aggregator.clusterMetrics();
  } catch (err) {
    text = `# metrics of the workers could not be gathered: ${(err as Error).message}\n`;
  }
  if (worker.isConnected()) worker.send({ type: METRICS_ANSWER, id, text });
}

/** In a worker: the metrics of every worker of this machine, summed by the primary. */
export function gatherFromPrimary(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('主进程未在 10 秒内汇总监控指标'));
    }, 10_000);
    const onMessage = (m: { type?: string; id?: string; text?: string }) => {
      if (m?.type !== METRICS_ANSWER || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(m.text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: METRICS_REQUEST, id });
  });
}
