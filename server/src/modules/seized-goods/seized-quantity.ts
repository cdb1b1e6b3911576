/**
 * Exact quantities of seized goods (numeric(16,3): 3478 公斤, 247.15 吨, 0.001 公斤) as text in and
 * text out, counted in thousandths with BigInt: never a JS float, which would turn 0.1 + 0.2 into
 * 0.30000000000000004 and let a disposal pass that exceeds what was seized by a rounding error.
 * Pure; what may be disposed and the custody status derived from the disposals.
 */

/** Up to 13 digits before the point and 3 after: what numeric(16,3) holds. */
const QUANTITY = /^(\d{1,13})(?:\.(\d{1,3}))?$/;

/** Thousandths of a quantity written as decimal text, or null when it is not one. */
export function toThousandths(text: string): bigint | null {
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  return BigInt(m[1]) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

/** Thousandths as the shortest decimal text: 3478000n → "3478", 247150n → "247.15", 1n → "0.001". */
export function fromThousandths(n: bigint): string {
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const whole = abs / 1000n;
  const frac = (abs % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** A stored numeric ("247.150", "0.000") as the shortest text ("247.15", "0"); unreadable text as is. */
export function normalizeQuantity(text: string): string {
  const n = toThousandths(text);
  return n === null ? text : fromThousandths(n);
}

/** Why `text` is not a quantity that can be seized or disposed (positive, at most 3 decimals), or null. */
export function quantityProblem(text: string, label: string): string | null {
  const n = toThousandths(text);
  if (n === null) return `${label}应为不超过3位小数的数字（如 3478、247.15、0.001）`;
  if (n <= 0n) return `${label}应大于0`;
  return null;
}

/**
 * 返还 goods back to their owner; 没收 confiscates them (a decision: the goods stay in the store as
 * 罚没物品 until destroyed or handed over); 销毁 destroys them; 移交 hands them to another organ or
 * the 国库/拍卖 body. 返还, 销毁 and 移交 take goods out of custody.
 */
export const DISPOSAL_KINDS = ['returned', 'confiscated', 'destroyed', 'handed_over'] as const;
export type DisposalKind = (typeof DISPOSAL_KINDS)[number];
export const DISPOSAL_KIND_LABELS: Record<DisposalKind, string> = {
  returned: '返还',
  confiscated: '没收',
  destroyed: '销毁',
  handed_over: '移交',
};
/** The disposals after which the goods are no longer in custody. */
export const LEAVES_CUSTODY: readonly DisposalKind[] = ['returned', 'destroyed', 'handed_over'];

/** 在库 (nothing has left custody), 部分处置 (some has), 已处置 (all has). */
export const CUSTODY_STATUSES = ['in_custody', 'partly_disposed', 'disposed'] as const;
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];
export const CUSTODY_STATUS_LABELS: Record<CustodyStatus, string> = {
  in_custody: '在库',
  partly_disposed: '部分处置',
  disposed: '已处置',
};

export interface DisposalAmount {
  kind: DisposalKind;
  quantity: string;
}

/** What has been disposed of the seized quantity, each in thousandths. */
export interface CustodyBalance {
  seized: bigint;
  /** Returned, destroyed or handed over: no longer held. */
  out: bigint;
  returned: bigint;
  confiscated: bigint;
  /** Still held (seized − out). */
  held: bigint;
  status: CustodyStatus;
}

const sumOf = (items: DisposalAmount[], kinds: readonly DisposalKind[]) =>
  items.filter((d) => kinds.includes(d.kind)).reduce((s, d) => s + (toThousandths(d.quantity) ?? 0n), 0n);

export function custodyBalance(seized: string, disposals: DisposalAmount[]): CustodyBalance {
  const total = toThousandths(seized) ?? 0n;
  const out = sumOf(disposals, LEAVES_CUSTODY);
  const status: CustodyStatus = out === 0n ? 'in_custody' : out >= total ? 'disposed' : 'partly_disposed';
  return {
    seized: total,
    out,
    returned: sumOf(disposals, ['returned']),
    confiscated: sumOf(disposals, ['confiscated']),
    held: total - out,
    status,
  };
}

/**
 * Why `next` may not be added to the disposals of `seized` (a Chinese sentence naming the amounts),
 * or null. Goods leave custody at most once in all (返还 + 销毁 + 移交 ≤ seized); no more can be
 * confiscated than was seized, and what was confiscated cannot also be returned (返还 + 没收 ≤ seized).
 */
export function disposalProblem(
  seized: string,
  unit: string,
  disposals: DisposalAmount[],
  next: DisposalAmount,
): string | null {
  const amount = toThousandths(next.quantity);
  if (amount === null || amount <= 0n) return quantityProblem(next.quantity, '处置数量');
  const b = custodyBalance(seized, disposals);
  const label = DISPOSAL_KIND_LABELS[next.kind];
  const q = (n: bigint) => `${fromThousandths(n)}${unit}`;
  if (LEAVES_CUSTODY.includes(next.kind) && b.out + amount > b.seized)
    return `${label}数量${q(amount)}超过在库数量${q(b.held)}（查扣${q(b.seized)}，已处置${q(b.out)}）`;
  if (next.kind === 'confiscated' && b.confiscated + amount > b.seized - b.returned)
    return `没收数量${q(amount)}超过可没收数量${q(b.seized - b.returned - b.confiscated)}（查扣${q(b.seized)}，已没收${q(b.confiscated)}，已返还${q(b.returned)}）`;
  if (next.kind === 'returned' && b.returned + b.confiscated + amount > b.seized)
    return `返还数量${q(amount)}超过未没收的数量${q(b.seized - b.returned - b.confiscated)}（已没收${q(b.confiscated)}的不能返还）`;
  return null;
}

/** Whether the seized quantity can be changed to `seized` given the disposals: never below what has been disposed. */
export function seizedBelowDisposed(seized: string, disposals: DisposalAmount[]): string | null {
  const b = custodyBalance(seized, disposals);
  const floor = b.out > b.returned + b.confiscated ? b.out : b.returned + b.confiscated;
  return b.seized < floor ? `数量不能少于已处置、没收的数量${fromThousandths(floor)}` : null;
}
