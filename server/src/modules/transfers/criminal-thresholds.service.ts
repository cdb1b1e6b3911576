import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { fenToYuan, yuanToFen } from '../../platform/money';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { ThresholdInput } from './transfer.types';
import { transferPolicy } from './transfers.policy';
import type { TransfersRepository } from './transfers.repository';

const STALE = '该移送标准已被他人修改，请刷新后再保存';

/**
 * 涉刑移送标准: per violation category the 涉案金额 from which a case meets the prosecution standard
 * (立案追诉标准), with its source. Read by everyone signed in (the case page's 移送 card names it),
 * kept by the system administrator (installation-wide: the standards are national).
 */
export function createCriminalThresholdsService(deps: {
  db: Db;
  transfersRepository: TransfersRepository;
  auditService: AuditService;
}) {
  const { db, transfersRepository: repo, auditService } = deps;
  const shown = <T extends { minAmountFen: number }>({ minAmountFen, ...r }: T) => ({
    ...r,
    minAmount: fenToYuan(minAmountFen),
  });
  const columns = (input: ThresholdInput) => ({
    categoryCode: input.categoryCode,
    minAmountFen: yuanToFen(input.minAmount)!,
    description: input.description,
    source: input.source,
  });
  const requireAdmin = (actor: Actor) => {
    if (!transferPolicy.canMaintainThresholds(actor)) throw forbidden('涉刑移送标准由系统管理员维护');
  };
  async function requireThreshold(id: string) {
    const row = isUuid(id) ? await repo.findThreshold(db, id) : undefined;
    if (!row) throw notFound('移送标准');
    return row;
  }

  return {
    /** The thresholds with their category's name, and the categories one may be set for. */
    async list(actor: Actor) {
      const [rows, categories] = await Promise.all([repo.thresholds(db), repo.categoryLabels(db)]);
      const labels = new Map(categories.map((c) => [c.code, c.label]));
      return {
        items: rows.map((r) => ({ ...shown(r), categoryLabel: labels.get(r.categoryCode) ?? r.categoryCode })),
        categories,
        can: { maintain: transferPolicy.canMaintainThresholds(actor) },
      };
    },

    async create(actor: Actor, input: ThresholdInput) {
      requireAdmin(actor);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertThreshold(tx, { ...columns(input), updatedBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'criminal_threshold.create',
          recordId: row.id,
          unitId: null,
          after: row,
        });
        return row;
      });
      return shown({ ...created, updatedByName: actor.displayName });
    },

    async update(actor: Actor, id: string, input: ThresholdInput & { version: number }) {
      requireAdmin(actor);
      const before = await requireThreshold(id);
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateThreshold(tx, id, input.version, { ...columns(input), updatedBy: actor.userId });
        if (!row) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: 'criminal_threshold.update',
          recordId: id,
          unitId: null,
          before,
          after: row,
        });
        return row;
      });
      return shown({ ...updated, updatedByName: actor.displayName });
    },

    async remove(actor: Actor, id: string, version: number) {
      requireAdmin(actor);
      const before = await requireThreshold(id);
      await db.transaction(async (tx) => {
        if (!(await repo.deleteThreshold(tx, id, version))) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: 'criminal_threshold.delete',
          recordId: id,
          unitId: null,
          before,
        });
      });
    },
  };
}

export type CriminalThresholdsService = ReturnType<typeof createCriminalThresholdsService>;
