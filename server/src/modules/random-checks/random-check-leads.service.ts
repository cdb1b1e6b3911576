import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { LeadsService } from '../leads/leads.service';
import { randomCheckPolicy } from './random-checks.policy';
import type { RandomChecksRepository } from './random-checks.repository';
import type { RandomChecksService } from './random-checks.service';

export interface DrawItemLeadInput {
  /** The plan the lead belongs to: the draw's, or one named when the draw has none. */
  campaignId?: string | null;
  categoryCode: string;
  partyName?: string | null;
  description?: string | null;
  important: boolean;
  version: number;
}

/**
 * 双随机 findings become leads like an outing's: a drawn entity checked with the result
 * problem_followed_up (发现问题，已移交或立案处理) opens its lead (source 监督检查) in one
 * transaction with the draw item's link to it and the audit entry; the lead's page names the draw.
 */
export function createRandomCheckLeadsService(deps: {
  db: Db;
  randomChecksRepository: RandomChecksRepository;
  randomChecksService: Pick<RandomChecksService, 'requireDraw'>;
  leadsService: Pick<LeadsService, 'prepareRegistration'>;
  auditService: AuditService;
}) {
  const { db, randomChecksRepository: repo, randomChecksService, leadsService, auditService } = deps;

  return {
    async openLead(actor: Actor, drawId: string, itemId: string, input: DrawItemLeadInput) {
      const { draw, unit } = await randomChecksService.requireDraw(actor, drawId);
      const item = isUuid(itemId) ? await repo.findItem(db, drawId, itemId) : undefined;
      if (!item) throw notFound('抽查对象');
      if (!randomCheckPolicy.canOpenLead(actor, unit.path))
        throw forbidden('只有抽查单位的办案人员、专项办或管理员可以由检查发现登记线索');
      if (item.leadId) throw conflict('该抽查对象已登记过线索');
      if (item.result !== 'problem_followed_up' || !item.checkDate)
        throw unprocessable('result', '只有检查结果为“发现问题，已移交或立案处理”的抽查对象可以登记线索');
      const campaignId = draw.campaignId ?? input.campaignId ?? null;
      if (!campaignId) throw unprocessable('campaignId', '该抽查任务未关联专项行动，请选择线索所属的专项行动');
      const [entity] = await repo.entitiesByIds(db, [item.entityId]);
      const description = input.description?.trim() || item.resultNote?.trim();
      if (!description) throw unprocessable('description', '请填写线索内容（检查发现）');
      const { insert } = await leadsService.prepareRegistration(actor, {
        unitId: draw.unitId,
        campaignId,
        categoryCode: input.categoryCode,
        source: 'inspection',
        sourceNumber: null,
        receivedDate: item.checkDate,
        partyName: input.partyName?.trim() || entity.name,
        description,
        complainantName: null,
        complainantPhone: null,
        complainantIdNumber: null,
        important: input.important,
        handlerIds: item.inspectorIds.length ? item.inspectorIds : undefined,
      });
      const leadId = await db.transaction(async (tx) => {
        const lead = await insert(tx);
        const updated = await repo.updateItem(tx, item.id, input.version, { leadId: lead.id });
        if (!updated) throw conflict('检查结果已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'random_draw.lead',
          recordId: draw.id,
          unitId: draw.unitId,
          before: item,
          after: updated,
        });
        return lead.id;
      });
      return { leadId };
    },
  };
}

export type RandomCheckLeadsService = ReturnType<typeof createRandomCheckLeadsService>;
