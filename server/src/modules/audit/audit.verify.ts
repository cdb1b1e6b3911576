import type { Checkpoint } from './audit.anchor';
import {
  auditKeyId,
  type ChainedFields,
  CHAIN_KEYED,
  CHAIN_UNKEYED,
  entryHash,
  GENESIS_HASH,
  keyedEntryHash,
} from './audit.chain';
import type { AuditRow } from './audit.schema';

/**
 * intact: every entry checks and the chain reaches every checkpoint with the same hash;
 * altered: an entry does not match its hash (changed without the key);
 * gap: a seq is missing; downgraded: an unkeyed entry after a keyed one;
 * rewritten: the hash at a checkpoint's seq differs (rewritten with the key, or another backup);
 * truncated: the chain ends before a checkpoint's seq.
 */
export type AuditFinding = 'intact' | 'altered' | 'gap' | 'downgraded' | 'rewritten' | 'truncated';

export interface VerifyResult {
  ok: boolean;
  /** Entries checked before the first problem (all of them when ok). */
  entries: number;
  /** The first seq found wrong or missing. */
  brokenAt?: number;
  finding: AuditFinding;
  /** What was found, in Chinese. */
  message: string;
  /** What the answer does not cover (unkeyed entries, no checkpoint, …), in Chinese. */
  notes: string[];
  /** Entries with a smaller seq were chained before the key (version 1). */
  unkeyedBefore?: number;
  /** The checkpoint the chain was compared with last (or the one it falls short of). */
  checkpoint?: { seq: number; hash: string; at: string };
}

/** Exactly the fields version 1 hashed (the row has more). */
const unkeyedFields = (e: AuditRow): ChainedFields => ({
  seq: e.seq,
  at: e.at,
  actorUserId: e.actorUserId,
  actorName: e.actorName,
  unitId: e.unitId,
  action: e.action,
  recordType: e.recordType,
  recordId: e.recordId,
  before: e.before,
  after: e.after,
});

/** A checkpoint's time as Beijing time, for messages. */
const beijing = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
};

const range = (from: number, to: number) => (from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`);

/**
 * Walks the chain entry by entry (feed pages in seq order to `next`, then call `finish`): each
 * entry is recomputed with the algorithm of its version and compared with every checkpoint taken
 * at its seq; at the end, the longest checkpoint must not lie beyond the chain.
 */
export function createChainWalk(
  key: Buffer,
  checkpoints: Checkpoint[],
  context: { unreadable: number; missing: boolean; where: string },
) {
  const bySeq = new Map<number, Checkpoint[]>();
  for (const c of checkpoints) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  const furthest = checkpoints.reduce<Checkpoint | undefined>(
    (best, c) => (!best || c.seq >= best.seq ? c : best),
    undefined,
  );
  const keyId = auditKeyId(key);

  let prevHash = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  let firstKeyed: number | undefined;
  let lastMatched: Checkpoint | undefined;
  let broken: VerifyResult | undefined;

  const notes = (): string[] => {
    const out: string[] = [];
    const unkeyedEnd = (firstKeyed ?? expected) - 1;
    if (unkeyedEnd >= 1) {
      out.push(
        firstKeyed
          ? `${range(1, unkeyedEnd)}写于启用审计密钥之前（不带密钥的 SHA-256，不含请求编号）：升级前对它们的改动无法发现；升级后再改动它们，第 ${firstKeyed} 条会校验失败。`
          : `${range(1, unkeyedEnd)}都写于启用审计密钥之前（不带密钥的 SHA-256，不含请求编号）：掌握数据库的人可以改写它们并重算哈希，只有检查点能发现。`,
      );
    }
    if (context.missing) out.push(`检查点文件 ${context.where} 不存在：无法发现末尾被删除的记录。`);
    else if (furthest && entries > furthest.seq && !broken) {
      out.push(`${range(furthest.seq + 1, entries)}在最近的检查点之后：若它们被删除且检查点文件也丢失，将无法发现。`);
    }
    if (context.unreadable > 0)
      out.push(`检查点文件中有 ${context.unreadable} 行无法读取（可能是写入时断电），已跳过。`);
    const foreign = checkpoints.filter((c) => c.key && c.key !== keyId);
    if (foreign.length > 0) {
      out.push(
        `有 ${foreign.length} 个检查点由另一把审计密钥写入（最近一个在 ${beijing(foreign[foreign.length - 1].at)}）：若校验失败，请先确认 AUDIT_KEY 或审计密钥文件没有被更换。`,
      );
    }
    return out;
  };

  const fail = (finding: AuditFinding, brokenAt: number, message: string, checkpoint?: Checkpoint) => {
    broken = { ok: false, entries, brokenAt, finding, message, notes: [] };
    if (checkpoint) broken.checkpoint = { seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at };
  };

  return {
    /** Checks one page of entries; returns false once the chain is broken (stop reading). */
    next(page: AuditRow[]): boolean {
      for (const e of page) {
        if (broken) return false;
        if (e.seq !== expected) {
          fail('gap', expected, `缺少${range(expected, e.seq - 1)}审计记录（序号不连续）：记录被删除。`);
          return false;
        }
        if (e.chainVersion === CHAIN_UNKEYED && firstKeyed) {
          fail(
            'downgraded',
            e.seq,
            `第 ${e.seq} 条标为启用密钥之前的记录，但自第 ${firstKeyed} 条起已用密钥签名：该条被改写（或仍有旧版本的程序在写入）。`,
          );
          return false;
        }
        let hash: string;
        if (e.chainVersion === CHAIN_KEYED) {
          firstKeyed ??= e.seq;
          hash = keyedEntryHash(key, e);
        } else if (e.chainVersion === CHAIN_UNKEYED) {
          hash = entryHash(prevHash, unkeyedFields(e));
        } else {
          fail('altered', e.seq, `第 ${e.seq} 条的链版本 ${e.chainVersion} 无法识别：该条被改动。`);
          return false;
        }
        if (e.prevHash !== prevHash || e.hash !== hash) {
          fail(
            'altered',
            e.seq,
            `第 ${e.seq} 条审计记录与其哈希不符：该条内容被改动，或它之前的记录被改写（没有审计密钥无法重算哈希）。`,
          );
          return false;
        }
        for (const c of bySeq.get(e.seq) ?? []) {
          if (c.hash !== e.hash) {
            fail(
              'rewritten',
              e.seq,
              `第 ${e.seq} 条与 ${beijing(c.at)} 的检查点不符：${range((lastMatched?.seq ?? 0) + 1, e.seq)}中有记录被改写或删除（删除后又写入了新记录，或用审计密钥重算了哈希），或数据库被恢复成了另一份备份。`,
              c,
            );
            return false;
          }
          lastMatched = c;
        }
        prevHash = e.hash;
        expected += 1;
        entries += 1;
      }
      return true;
    },

    finish(): VerifyResult {
      const unkeyedBefore = (firstKeyed ?? expected) > 1 ? (firstKeyed ?? expected) : undefined;
      const withContext = (r: Omit<VerifyResult, 'notes'>): VerifyResult => ({
        ...r,
        notes: notes(),
        ...(unkeyedBefore ? { unkeyedBefore } : {}),
      });
      if (broken) return withContext(broken);
      if (furthest && furthest.seq > entries) {
        return withContext({
          ok: false,
          entries,
          brokenAt: entries + 1,
          finding: 'truncated',
          message: `审计日志被截短：${beijing(furthest.at)} 的检查点记到第 ${furthest.seq} 条，数据库中只有 ${entries} 条，${range(entries + 1, furthest.seq)}被删除（或数据库被恢复成了较早的备份）。`,
          checkpoint: { seq: furthest.seq, hash: furthest.hash, at: furthest.at },
        });
      }
      const anchored = lastMatched ? `，与 ${beijing(lastMatched.at)} 的检查点（第 ${lastMatched.seq} 条）一致` : '';
      return withContext({
        ok: true,
        entries,
        finding: 'intact',
        message: `审计日志完整：共 ${entries} 条，逐条校验哈希无误${anchored}。`,
        ...(lastMatched ? { checkpoint: { seq: lastMatched.seq, hash: lastMatched.hash, at: lastMatched.at } } : {}),
      });
    },
  };
}
