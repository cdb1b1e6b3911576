import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * What the audit chain keeps outside the database: the key of its HMAC and the checkpoints
 * (锚点) of its head. A copy of the database alone holds neither.
 */
export interface AuditAnchor {
  key: Buffer;
  checkpoints: CheckpointStore;
}

/** The head of the chain at one moment: its seq and hash, and the id of the key in use. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  key: string;
}

export interface CheckpointStore {
  /** Where the checkpoints are (for messages). */
  where: string;
  append(c: Checkpoint): Promise<void>;
  /** Every checkpoint in the order written; a line that does not parse (a write cut by a crash) is counted. */
  readAll(): Promise<{ checkpoints: Checkpoint[]; unreadable: number; missing: boolean }>;
}

const MIN_KEY_BYTES = 32;

/** AUDIT_KEY as hex (64 digits or more) or base64 of at least 32 bytes. */
export function parseAuditKey(text: string, from: string): Buffer {
  const s = text.trim();
  const key = /^[0-9a-fA-F]+$/.test(s) && s.length % 2 === 0 ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(
      `${from} 中的审计密钥太短：至少需要 ${MIN_KEY_BYTES} 字节（64 位十六进制或等长的 base64），可用 openssl rand -hex 32 生成`,
    );
  }
  return key;
}

/**
 * The audit key: AUDIT_KEY when set, else the key file; on first start the file is created with a
 * random 32-byte key, mode 0600, in a folder of mode 0700 (created atomically, so two processes
 * starting together end up with the same key).
 */
export function loadAuditKey(settings: { auditKey?: string; auditKeyFile: string }): {
  key: Buffer;
  source: string;
  created: boolean;
} {
  if (settings.auditKey)
    return {
      key: parseAuditKey(settings.auditKey, '环境变量 AUDIT_KEY'),
      source: '环境变量 AUDIT_KEY',
      created: false,
    };
  const file = settings.auditKeyFile;
  const read = () => parseAuditKey(fs.readFileSync(file, 'utf8'), `审计密钥文件 ${file}`);
  if (fs.existsSync(file)) return { key: read(), source: file, created: false };

  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  let created = true;
  try {
    fs.linkSync(tmp, file); // fails when another process made the file first: then use that one
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    created = false;
  } finally {
    fs.unlinkSync(tmp);
  }
  return { key: read(), source: file, created };
}

/** Checkpoints as JSON lines appended to a file, each write flushed to disk before it returns. */
export function fileCheckpointStore(file: string): CheckpointStore {
  return {
    where: file,
    async append(c) {
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const fh = await fs.promises.open(file, 'a', 0o600);
      try {
        await fh.appendFile(`${JSON.stringify(c)}\n`);
        await fh.datasync();
      } finally {
        await fh.close();
      }
    },
    async readAll() {
      let stream: fs.ReadStream;
      try {
        const fh = await fs.promises.open(file, 'r');
        stream = fh.createReadStream({ encoding: 'utf8' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unreadable: 0, missing: true };
        throw err;
      }
      const kept = createCheckpointSample();
      for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) kept.add(line);
      return { ...kept.result(), missing: false };
    },
  };
}

/** How many of the newest checkpoints verify always compares; older ones are sampled. */
const RECENT_CHECKPOINTS = 1000;
/** Of the older ones, the first of each run of this many seqs is kept. */
const SAMPLE_SPAN = 1024;

/**
 * The checkpoints verify compares, in bounded memory however long the file has grown (one line per
 * writing request): the newest 1,000, the one furthest along the chain, and the first of every 1,024
 * seqs before them. The furthest alone finds any cut or rewrite (a change to one entry changes every
 * later hash); the others only narrow down where it happened.
 */
export function createCheckpointSample() {
  const recent: Checkpoint[] = [];
  const sampled = new Map<number, Checkpoint>();
  let furthest: Checkpoint | undefined;
  let unreadable = 0;
  return {
    add(line: string) {
      if (!line.trim()) return;
      const c = parseCheckpoint(line);
      if (!c) {
        unreadable += 1;
        return;
      }
      if (!furthest || c.seq >= furthest.seq) furthest = c;
      recent.push(c);
      if (recent.length > RECENT_CHECKPOINTS) {
        const old = recent.shift()!;
        const bucket = Math.floor(old.seq / SAMPLE_SPAN);
        if (!sampled.has(bucket)) sampled.set(bucket, old);
      }
    },
    result(): { checkpoints: Checkpoint[]; unreadable: number } {
      const all = [...sampled.values(), ...recent];
      if (furthest && !all.includes(furthest)) all.push(furthest);
      return { checkpoints: all, unreadable };
    },
  };
}

function parseCheckpoint(line: string): Checkpoint | undefined {
  try {
    const c = JSON.parse(line) as Partial<Checkpoint>;
    if (Number.isSafeInteger(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string') {
      return { seq: c.seq!, hash: c.hash, at: c.at, key: typeof c.key === 'string' ? c.key : '' };
    }
  } catch {
    // a line cut short by a crash
  }
  return undefined;
}

/** Checkpoints in memory: for tests and tools whose database lives no longer than the process. */
export function memoryCheckpointStore(): CheckpointStore {
  const lines: Checkpoint[] = [];
  return {
    where: '内存',
    async append(c) {
      lines.push({ ...c });
    },
    async readAll() {
      return { checkpoints: lines.map((c) => ({ ...c })), unreadable: 0, missing: lines.length === 0 };
    },
  };
}

/**
 * A random key of this process and checkpoints in memory. Only for a database that lives no longer
 * than the process (tests, tools over a throw-away database): entries it writes do not verify
 * with any other key. The server passes the real anchor (`main.ts`).
 */
export function ephemeralAuditAnchor(): AuditAnchor {
  return { key: randomBytes(MIN_KEY_BYTES), checkpoints: memoryCheckpointStore() };
}

/**
 * The server's anchor: the key (AUDIT_KEY or the key file, created on first start) and the
 * checkpoint file. `created` says a new key file was written.
 */
export function loadAuditAnchor(settings: { auditKey?: string; auditKeyFile: string; auditCheckpointFile: string }) {
  const { key, source, created } = loadAuditKey(settings);
  const anchor: AuditAnchor = { key, checkpoints: fileCheckpointStore(settings.auditCheckpointFile) };
  return { anchor, keySource: source, created };
}
