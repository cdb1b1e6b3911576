import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { EntityHistoryItem, EntityHistorySource } from '../../platform/entity-history';
import { AppError, conflict, forbidden, unprocessable, type FieldError } from '../../platform/errors';
import { createPagedTotals } from '../../platform/paged-totals';
import { createRecordScope } from '../../platform/records';
import { scopeKey } from '../../platform/scope';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { unitRefResolver } from '../campaigns/record-targets';
import type { ImportProgress } from '../imports/import-progress';
import type { UnitsRepository } from '../units/units.repository';
import { entityImportSpec } from './entity-import';
import { marketEntityPolicy } from './market-entities.policy';
import type { EntityFilters, EntityUpsert, MarketEntitiesRepository } from './market-entities.repository';
import { marketEntities, type EntityKind, type MarketEntityRow, type RiskLevel } from './market-entities.schema';
import {
  creditCodeProblem,
  ENTITY_KIND_LABELS,
  RISK_LABELS,
  type EntityInput,
  type NewEntityInput,
} from './market-entity.types';

export interface EntityListQuery {
  unitId?: string;
  q?: string;
  industry?: string;
  entityKind?: EntityKind;
  riskLevel?: RiskLevel;
  status?: 'active' | 'inactive' | 'all';
  page: number;
  pageSize: number;
}

/** An entity an outing names: one of the register, or a new one it registers. */
export type OutingEntityInput = ({ entityId: string } | { newEntity: NewEntityInput }) & {
  result: 'no_problem' | 'problem';
  finding: string | null;
};

export const entityView = (e: MarketEntityRow, unitName: string) => ({
  ...e,
  unitName,
  riskLabel: RISK_LABELS[e.riskLevel],
  entityKindLabel: ENTITY_KIND_LABELS[e.entityKind],
});

/** 经济户口: the register of market entities, each entity's history, and entities registered on outings. */
export function createMarketEntitiesService(deps: {
  db: Db;
  marketEntitiesRepository: MarketEntitiesRepository;
  campaignsService: CampaignsService;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  importProgress: ImportProgress;
  /** The modules that keep records about entities (outings, 双随机, cases, credit listings …), wired in services.ts. */
  entityHistorySources: EntityHistorySource[];
}) {
  const { db, marketEntitiesRepository: repo, unitsRepository, auditService, importProgress } = deps;
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });
  const pageWithTotal = createPagedTotals();

  const requireVisible = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '市场主体', marketEntities.unitId, (id, scope) => repo.findVisible(db, id, scope));

  const detail = (actor: Actor, row: MarketEntityRow, unit: { name: string; path: string }) => {
    const canEdit = marketEntityPolicy.canEdit(actor, unit.path);
    return { ...entityView(row, unit.name), can: { edit: canEdit, deactivate: canEdit && row.active } };
  };

  /** A code the register already holds: 409 naming the field and the entity that holds it. */
  async function requireFreeCode(tx: Db, code: string, except?: string) {
    const holder = await repo.findByCreditCode(tx, code);
    if (holder && holder.id !== except) {
      const message = `统一社会信用代码已存在：名录中的“${holder.name}”使用该代码`;
      throw new AppError(409, '冲突', message, [{ path: 'creditCode', message }]);
    }
  }

  function checkCode(code: string, path = 'creditCode') {
    const problem = creditCodeProblem(code);
    if (problem) throw unprocessable(path, problem);
  }

  return {
    async list(actor: Actor, q: EntityListQuery) {
      const filters: EntityFilters = {
        ...(await records.listScope(actor, marketEntities.unitId, { unitId: q.unitId })),
        q: q.q,
        industry: q.industry,
        entityKind: q.entityKind,
        riskLevel: q.riskLevel,
        active: q.status === 'all' ? undefined : q.status !== 'inactive',
      };
      const { page, pageSize, ...filterQuery } = q;
      const { items, ...total } = await pageWithTotal(
        [scopeKey(actor), filterQuery],
        page,
        () => repo.page(db, { ...filters, limit: pageSize, offset: (page - 1) * pageSize }),
        () => repo.count(db, filters),
      );
      return { items: items.map((r) => entityView(r.entity, r.unitName)), ...total };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detail(actor, row, unit);
    },

    async create(actor: Actor, input: EntityInput) {
      const unit = await records.requireUnit(actor, input.unitId, '管辖单位');
      if (!marketEntityPolicy.canEdit(actor, unit.path))
        throw forbidden('只有监管单位的专项办、局领导或管理员可以登记市场主体');
      checkCode(input.creditCode);
      const row = await db.transaction(async (tx) => {
        await requireFreeCode(tx, input.creditCode);
        const created = await repo.insert(tx, input);
        await auditService.record(tx, actor, {
          action: 'market_entity.create',
          recordId: created.id,
          unitId: created.unitId,
          after: created,
        });
        return created;
      });
      return detail(actor, row, unit);
    },

    async update(actor: Actor, id: string, input: EntityInput & { version: number }) {
      const { row: before, unit: current } = await requireVisible(actor, id);
      if (!marketEntityPolicy.canEdit(actor, current.path))
        throw forbidden('只有监管单位的专项办、局领导或管理员可以修改市场主体');
      const unit =
        input.unitId === before.unitId ? current : await records.requireUnit(actor, input.unitId, '管辖单位');
      if (!marketEntityPolicy.canEdit(actor, unit.path)) throw forbidden('您不能把市场主体划归该单位管辖');
      // A code kept as it was is not checked again (records brought in before the check existed).
      if (input.creditCode !== before.creditCode) checkCode(input.creditCode);
      const { version, ...fields } = input;
      const row = await db.transaction(async (tx) => {
        if (fields.creditCode !== before.creditCode) await requireFreeCode(tx, fields.creditCode, id);
        const updated = await repo.update(tx, id, version, fields);
        if (!updated) throw conflict('市场主体已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
        await auditService.record(tx, actor, {
          action: 'market_entity.update',
          recordId: id,
          unitId: updated.unitId,
          before,
          after: updated,
        });
        return updated;
      });
      return detail(actor, row, unit);
    },

    /** 注销/吊销 or gone: the entity leaves the draws and the frequency rules; its history stays. */
    async deactivate(actor: Actor, id: string, input: { version: number; reason: string }) {
      const { row: before, unit } = await requireVisible(actor, id);
      if (!marketEntityPolicy.canEdit(actor, unit.path))
        throw forbidden('只有监管单位的专项办、局领导或管理员可以停用市场主体');
      if (!before.active) throw conflict('该市场主体已停用');
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, input.version, { active: false });
        if (!updated) throw conflict('市场主体已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'market_entity.deactivate',
          recordId: id,
          unitId: updated.unitId,
          before,
          after: { ...updated, reason: input.reason },
        });
        return updated;
      });
      return detail(actor, row, unit);
    },

    /** 经济户口: the entity's records from every source, each only as far as the actor may see, newest first. */
    async history(actor: Actor, id: string, limit = 200) {
      const { row, unit } = await requireVisible(actor, id);
      const ref = { id: row.id, creditCode: row.creditCode, name: row.name };
      const lists: EntityHistoryItem[][] = [];
      // One source after the other: PGlite has one connection, and each is a short indexed read.
      for (const source of deps.entityHistorySources) lists.push(await source.list(actor, ref, limit));
      const items = lists
        .flat()
        .sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind))
        .slice(0, limit);
      return { entity: detail(actor, row, unit), items, kinds: deps.entityHistorySources.map((s) => s.kind) };
    },

    async importEntities(actor: Actor, file: ImportFile, progressToken?: string) {
      if (!marketEntityPolicy.canImport(actor)) throw forbidden('只有专项办、局领导或管理员可以导入市场主体名录');
      const inScope = await unitsRepository.listInScope(db, actor);
      const ids = new Set(inScope.map((u) => u.id));
      return runImport<EntityUpsert>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (upsert) =>
          entityImportSpec({
            unit: unitRefResolver(inScope),
            inScope: (id) => ids.has(id),
            existing: (t, codes) => repo.byCreditCodes(t, codes),
            upsert,
          }),
        store: () => ({ insert: (t, rows) => repo.upsertEntities(t, rows) }),
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'market_entity.import',
            recordId: actor.unitId ?? actor.userId,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [marketEntities],
      });
    },

    /**
     * The entities an outing of the unit at `unit` names, checked before its transaction: each of
     * the register within the unit's subtree, each new one with a valid credit code the register
     * does not hold yet; 422 naming the row otherwise. `write` registers the new ones in the
     * outing's transaction (with their audit entries) and answers every row's entity id.
     */
    async prepareOutingEntities(actor: Actor, unit: { id: string; path: string }, rows: OutingEntityInput[]) {
      const errors: FieldError[] = [];
      const known = rows.flatMap((r) => ('entityId' in r ? [r.entityId] : []));
      const inSubtree = await repo.idsInSubtree(db, known, unit.path);
      const fresh = rows.flatMap((r) => ('newEntity' in r ? [r.newEntity.creditCode] : []));
      const taken = new Set((await repo.byCreditCodes(db, fresh)).map((e) => e.creditCode));
      const seen = new Map<string, number>();
      const seenCodes = new Map<string, number>();
      for (const [i, r] of rows.entries()) {
        const n = i + 1;
        if ('entityId' in r) {
          if (!inSubtree.has(r.entityId))
            errors.push({
              path: `entities.${i}.entityId`,
              message: `第${n}个检查对象不在检查单位的辖区内（或不存在）`,
            });
          else if (seen.has(r.entityId))
            errors.push({
              path: `entities.${i}.entityId`,
              message: `第${n}个检查对象与第${seen.get(r.entityId)}个重复`,
            });
          seen.set(r.entityId, n);
        } else {
          const code = r.newEntity.creditCode;
          const problem = creditCodeProblem(code);
          if (problem)
            errors.push({ path: `entities.${i}.newEntity.creditCode`, message: `第${n}个检查对象：${problem}` });
          else if (taken.has(code))
            errors.push({
              path: `entities.${i}.newEntity.creditCode`,
              message: `第${n}个检查对象：名录中已有该统一社会信用代码的市场主体，请从名录中选择`,
            });
          else if (seenCodes.has(code))
            errors.push({
              path: `entities.${i}.newEntity.creditCode`,
              message: `第${n}个检查对象的统一社会信用代码与第${seenCodes.get(code)}个重复`,
            });
          seenCodes.set(code, n);
        }
      }
      if (errors.length) throw new AppError(422, '无法办理', errors.map((e) => e.message).join('；'), errors);
      if (fresh.length && !marketEntityPolicy.canRegisterOnOuting(actor, unit.path))
        throw forbidden('您不能为该单位登记新的市场主体');
      return {
        async write(tx: Db) {
          const out: { entityId: string; result: OutingEntityInput['result']; finding: string | null }[] = [];
          for (const r of rows) {
            let entityId: string;
            if ('entityId' in r) entityId = r.entityId;
            else {
              const created = await repo.insert(tx, { ...r.newEntity, unitId: unit.id });
              await auditService.record(tx, actor, {
                action: 'market_entity.create',
                recordId: created.id,
                unitId: created.unitId,
                after: created,
              });
              entityId = created.id;
            }
            out.push({ entityId, result: r.result, finding: r.finding });
          }
          return out;
        },
      };
    },
  };
}

export type MarketEntitiesService = ReturnType<typeof createMarketEntitiesService>;
