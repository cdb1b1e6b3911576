#!/usr/bin/env node
// `npm start`: builds the server and the web app when they are missing or older than their
// sources, then runs the server (embedded PGlite under DATA_DIR unless DATABASE_URL is set).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverNodeArgs } from './server-node-args.mjs';

const root = path.resolve(import.meta.dirname, '..');
const at = (...p) => path.join(root, ...p);

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const targets = [
  {
    name: 'server',
    output: at('server', 'dist', 'main.js'),
    sources: [at('server', 'src'), at('server', 'drizzle'), at('server', 'build.mjs')],
  },
  {
    name: 'web',
    output: at('web', 'dist', 'index.html'),
    sources: [
      at('web', 'src'),
      at('web', 'index.html'),
      at('web', 'vite.config.ts'),
      at('packages', 'api-client', 'src'),
    ],
  },
];

for (const t of targets) {
  const built = fs.existsSync(t.output) ? fs.statSync(t.output).mtimeMs : 0;
  const stale = Math.max(...t.sources.map(newestMtime)) > built;
  if (!built || stale) {
    console.log(`构建 ${t.name}（首次启动或源代码已更新）…`);
    const r = spawnSync('npm', ['run', 'build', '-w', t.name], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const server = spawn(process.execPath, [...serverNodeArgs(), at('server', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
