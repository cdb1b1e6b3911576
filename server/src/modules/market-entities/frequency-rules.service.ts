import { and, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isSameLine, isUuid, unitIdInScope, unitIdInSubtree } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import { periodBounds, PERIOD_LABELS, ruleText, shortfall } from './inspection-frequency';
import { entityView } from './market-entities.service';
import { marketEntityPolicy } from './market-entities.policy';
import type { MarketEntitiesRepository } from './market-entities.repository';
import { marketEntities, type FrequencyPeriod, type FrequencyRuleRow } from './market-entities.schema';
import { ENTITY_KIND_LABELS, type RuleInput } from './market-entity.types';

/**
 * How many outings named an entity between two days, as a correlated SQL count over the entity's
 * id column. The inspections module owns outings and implements it (inspections-entity-history.ts);
 * it counts every outing, whoever made it: a rule asks how often the entity was inspected.
 */
export interface EntityOutingCounts {
  countSql(entityId: AnyPgColumn, from: string, to: string): SQL<number>;
}

/** Entities listed per rule at most (the view is a worklist, not an export). */
const MAX_PER_RULE = 500;

/** 检查频次规则 kept by the office, and the entities inspected less often than a rule asks. */
export function createFrequencyRulesService(deps: {
  db: Db;
  marketEntitiesRepository: MarketEntitiesRepository;
  campaignsService: CampaignsService;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  outingCounts: EntityOutingCounts;
  today?: () => string;
}) {
  const { db, marketEntitiesRepository: repo, unitsRepository, auditService, outingCounts } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });

  /** The rules on the actor's line: set by the actor's unit, a unit above it, or a unit below it. */
  async function rulesOnLine(actor: Actor) {
    const all = await repo.rules(db);
    return actor.isSystemAdmin || actor.unitPath === null
      ? all
      : all.filter((r) => isSameLine(r.unitPath, actor.unitPath!));
  }

  const view = (actor: Actor, r: { rule: FrequencyRuleRow; unitPath: string; unitName: string }) => ({
    ...r.rule,
    unitName: r.unitName,
    periodLabel: PERIOD_LABELS[r.rule.period],
    entityKindLabel: r.rule.entityKind ? ENTITY_KIND_LABELS[r.rule.entityKind] : null,
    text: ruleText(r.rule),
    can: { edit: marketEntityPolicy.canKeepRules(actor, r.unitPath) },
  });

  async function requireRule(actor: Actor, id: string) {
    const found = isUuid(id) ? (await rulesOnLine(actor)).find((r) => r.rule.id === id) : undefined;
    if (!found) throw notFound('检查频次规则');
    return found;
  }

  return {
    async listRules(actor: Actor) {
      return { items: (await rulesOnLine(actor)).map((r) => view(actor, r)) };
    },

    async createRule(actor: Actor, input: RuleInput) {
      const unit = await records.requireUnit(actor, input.unitId);
      if (!marketEntityPolicy.canKeepRules(actor, unit.path))
        throw forbidden('只有该单位的专项办或管理员可以制定检查频次规则');
      const rule = await db.transaction(async (tx) => {
        const created = await repo.insertRule(tx, { ...input, createdBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'frequency_rule.create',
          recordId: created.id,
          unitId: created.unitId,
          after: created,
        });
        return created;
      });
      return view(actor, { rule, unitPath: unit.path, unitName: unit.name });
    },

    async updateRule(actor: Actor, id: string, input: RuleInput & { version: number }) {
      const current = await requireRule(actor, id);
      if (!marketEntityPolicy.canKeepRules(actor, current.unitPath))
        throw forbidden('只有制定规则单位的专项办或管理员可以修改检查频次规则');
      const unit = await records.requireUnit(actor, input.unitId);
      if (!marketEntityPolicy.canKeepRules(actor, unit.path))
        throw forbidden('只有该单位的专项办或管理员可以制定检查频次规则');
      const { version, ...fields } = input;
      const rule = await db.transaction(async (tx) => {
        const updated = await repo.updateRule(tx, id, version, fields);
        if (!updated) throw conflict('检查频次规则已被他人修改，请刷新后再保存');
        await auditService.record(tx, actor, {
          action: 'frequency_rule.update',
          recordId: id,
          unitId: updated.unitId,
          before: current.rule,
          after: updated,
        });
        return updated;
      });
      return view(actor, { rule, unitPath: unit.path, unitName: unit.name });
    },

    /**
     * The entities in the actor's scope (and the chosen unit's subtree) that the active rules on
     * his line cover and whose outings in the rule's current period are fewer than it asks.
     */
    async underInspected(actor: Actor, q: { period?: FrequencyPeriod; unitId?: string; date?: string }) {
      const chosen = q.unitId ? await records.requireUnit(actor, q.unitId) : undefined;
      const day = q.date ?? today();
      const rules = (await rulesOnLine(actor)).filter(
        (r) => r.rule.active && (!q.period || r.rule.period === q.period),
      );
      const items = [];
      const periods = [];
      for (const r of rules) {
        const bounds = periodBounds(r.rule.period, day);
        periods.push({ ruleId: r.rule.id, ...bounds });
        const conds: SQL[] = [
          unitIdInScope(actor, marketEntities.unitId),
          unitIdInSubtree(r.unitPath, marketEntities.unitId),
        ];
        if (chosen) conds.push(unitIdInSubtree(chosen.path, marketEntities.unitId));
        const rows = await repo.underInspected(db, {
          entities: and(...conds)!,
          industry: r.rule.industry,
          entityKind: r.rule.entityKind,
          minCount: r.rule.minCount,
          outings: outingCounts.countSql(marketEntities.id, bounds.from, bounds.to),
          limit: MAX_PER_RULE,
        });
        for (const row of rows)
          items.push({
            rule: { id: r.rule.id, name: r.rule.name, text: ruleText(r.rule), unitName: r.unitName },
            entity: entityView(row.entity, row.unitName),
            from: bounds.from,
            to: bounds.to,
            periodLabel: bounds.label,
            outings: row.outings,
            required: r.rule.minCount,
            missing: shortfall(row.outings, r.rule.minCount),
          });
      }
      return { date: day, periods, items };
    },
  };
}

export type FrequencyRulesService = ReturnType<typeof createFrequencyRulesService>;
