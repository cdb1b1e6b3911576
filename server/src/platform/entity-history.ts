/**
 * 经济户口: an entity's history is assembled from every module that keeps records about it
 * (outings, 双随机 results, samples, rectifications, seized goods, cases, credit listings). Each
 * such module implements one source over its own scoped queries; the market-entities module
 * merges them (newest first) and knows no record type, like the inbox and the scorecards.
 */
import type { Actor } from './actor';

export interface EntityRef {
  id: string;
  /** 统一社会信用代码: cases and credit listings name an entity by it. */
  creditCode: string;
  name: string;
}

export interface EntityHistoryItem {
  /** What kind of record: 'inspection', 'random_check', 'sample', 'rectification', 'seizure', 'case', 'credit_listing' … */
  kind: string;
  recordId: string;
  /** The day it happened (YYYY-MM-DD): the outing's, the sampling's, the filing's … */
  date: string;
  /** One line in Chinese: 日常检查 · 未发现问题; 月饼 批次20260901 · 不合格 … */
  title: string;
  /** The record's state or result in a word (不合格, 整改中, 已销毁 …), if it has one. */
  status: string | null;
  unitName: string;
  /** The web app's path to the record. */
  link: string;
}

export interface EntityHistorySource {
  kind: string;
  /** The entity's records the actor may see (his unit scope), newest first, at most `limit`. */
  list(actor: Actor, entity: EntityRef, limit: number): Promise<EntityHistoryItem[]>;
}
