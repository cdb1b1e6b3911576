import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** `src/main.ts` as `npm start` runs it, on a free port, until stopped (as in two-processes.test.ts). */
export async function startServer(env: Record<string, string>) {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-server-'));
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(work, 'data'),
      AUDIT_KEY: 'ab'.repeat(32),
      AUDIT_CHECKPOINT_FILE: path.join(work, 'checkpoints.log'),
      SEED_DEMO: 'false',
      WEB_DIST: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  // Ready, and the banner written (after the workers are up).
  while (!out.includes('红盾 RedShield 已启动')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > until) throw new Error(`server not ready: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(work, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
