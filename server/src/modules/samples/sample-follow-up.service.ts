import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { LeadsService } from '../leads/leads.service';
import type { FollowUpCloseInput, FollowUpLeadInput, FollowUpProgressInput } from './sample.types';
import { samplePolicy } from './samples.policy';
import type { SamplesRepository } from './samples.repository';
import type { SamplesService } from './samples.service';
import { FOLLOW_UP_MEASURE_LABELS, type SampleFollowUpRow, type SampleRow } from './samples.schema';

/**
 * 核查处置 of a failed sample (seed 003: 督促食品生产经营者采取下架、召回等措施), after the fail opened
 * it: what was done (下架, 召回), 立案 as a lead registered in the same transaction (as an outing's
 * finding does), and its closing by the office or a handler once every measure demanded is done.
 */
export function createSampleFollowUpService(deps: {
  db: Db;
  samplesService: Pick<SamplesService, 'requireVisible' | 'detail'>;
  samplesRepository: SamplesRepository;
  leadsService: Pick<LeadsService, 'prepareRegistration'>;
  auditService: AuditService;
  today?: () => string;
}) {
  const { db, samplesService, samplesRepository: repo, leadsService, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());

  /** The sample and its open follow-up, if the actor may act on it (404 / 403 / 409 otherwise). */
  async function openFollowUp(actor: Actor, id: string, may: (unitPath: string) => boolean, refusal: string) {
    const { row, unit } = await samplesService.requireVisible(actor, id);
    if (!may(unit.path)) throw forbidden(refusal);
    const [followUp] = await repo.followUps(db, [id]);
    if (!followUp) throw conflict('该样品没有核查处置（只有不合格样品开启核查处置）');
    if (followUp.status !== 'open') throw conflict('该样品的核查处置已办结');
    return { row, unit, followUp };
  }

  async function write(
    actor: Actor,
    sample: SampleRow,
    before: SampleFollowUpRow,
    version: number,
    patch: Partial<SampleFollowUpRow>,
    action: 'sample.follow_up_progress' | 'sample.follow_up_close',
  ) {
    await db.transaction(async (tx) => {
      const after = await repo.updateFollowUp(tx, before.id, version, patch);
      if (!after) throw conflict('核查处置已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
      await auditService.record(tx, actor, { action, recordId: sample.id, unitId: sample.unitId, before, after });
    });
  }

  return {
    /** Records what was done: 下架 (quantity, unit, day), 召回 (notice, day), the 处置情况. */
    async progress(actor: Actor, id: string, input: FollowUpProgressInput) {
      const { row, unit, followUp } = await openFollowUp(
        actor,
        id,
        (path) => samplePolicy.canFollowUp(actor, path),
        '只有办案人员、专项办或管理员可以登记处置情况',
      );
      const errors: FieldError[] = [];
      const offShelf = input.offShelfQuantity || input.offShelfUnit || input.offShelfDate;
      if (offShelf && !followUp.measures.includes('off_shelf'))
        errors.push({ path: 'offShelfQuantity', message: '处置措施中没有下架' });
      if (offShelf && !(input.offShelfQuantity && input.offShelfUnit && input.offShelfDate))
        errors.push({ path: 'offShelfQuantity', message: '下架情况请填写数量、计量单位和下架日期' });
      const recall = input.recallNotice || input.recallDate;
      if (recall && !followUp.measures.includes('recall'))
        errors.push({ path: 'recallNotice', message: '处置措施中没有召回' });
      if (recall && !(input.recallNotice && input.recallDate))
        errors.push({ path: 'recallNotice', message: '召回情况请填写召回公告（通知）和召回日期' });
      for (const key of ['offShelfDate', 'recallDate'] as const) {
        const day = input[key];
        if (day && day > today()) errors.push({ path: key, message: '日期不能晚于今天' });
        if (day && day < row.sampledDate) errors.push({ path: key, message: '日期不能早于抽样日期' });
      }
      if (errors.length) throw new AppError(422, '无法办理', errors.map((e) => e.message).join('；'), errors);
      await write(
        actor,
        row,
        followUp,
        input.version,
        {
          offShelfQuantity: input.offShelfQuantity ?? null,
          offShelfUnit: input.offShelfUnit ?? null,
          offShelfDate: input.offShelfDate ?? null,
          recallNotice: input.recallNotice,
          recallDate: input.recallDate ?? null,
          progressNote: input.progressNote,
        },
        'sample.follow_up_progress',
      );
      return samplesService.detail(actor, row, unit);
    },

    /** 立案: registers a lead (source 抽检监测) and links it, in one transaction. */
    async openLead(actor: Actor, id: string, input: FollowUpLeadInput) {
      const { row, followUp } = await openFollowUp(
        actor,
        id,
        (path) => samplePolicy.canFollowUp(actor, path),
        '只有办案人员、专项办或管理员可以由抽检不合格登记线索',
      );
      if (!followUp.measures.includes('case')) throw invalidField('partyName', '处置措施中没有立案');
      if (followUp.leadId) throw invalidField('partyName', '该样品已登记过线索');
      const description =
        input.description?.trim() ||
        `抽检不合格：${row.product}${row.batch ? `（批号/生产日期 ${row.batch}）` : ''}，不合格项目：${row.failedItems ?? ''}${row.reportNumber ? `（检验报告 ${row.reportNumber}）` : ''}`;
      const { insert } = await leadsService.prepareRegistration(actor, {
        unitId: row.unitId,
        campaignId: row.campaignId,
        categoryCode: row.categoryCode,
        source: 'sampling',
        sourceNumber: null,
        receivedDate: row.resultDate ?? row.sampledDate,
        partyName: input.partyName,
        description,
        complainantName: null,
        complainantPhone: null,
        complainantIdNumber: null,
        important: input.important,
      });
      const leadId = await db.transaction(async (tx) => {
        const lead = await insert(tx);
        const after = await repo.updateFollowUp(tx, followUp.id, input.version, { leadId: lead.id });
        if (!after) throw conflict('核查处置已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'sample.follow_up_lead',
          recordId: row.id,
          unitId: row.unitId,
          before: followUp,
          after,
        });
        return lead.id;
      });
      return { leadId };
    },

    /** 办结: once every measure demanded is recorded, by the office or a handler, with a note. */
    async close(actor: Actor, id: string, input: FollowUpCloseInput) {
      const { row, unit, followUp } = await openFollowUp(
        actor,
        id,
        (path) => samplePolicy.canClose(actor, path),
        '只有专项办、办案人员或管理员可以办结核查处置',
      );
      const missing = followUp.measures.filter((m) =>
        m === 'off_shelf' ? !followUp.offShelfQuantity : m === 'recall' ? !followUp.recallNotice : !followUp.leadId,
      );
      if (missing.length)
        throw new AppError(422, '无法办结', `尚未登记：${missing.map((m) => FOLLOW_UP_MEASURE_LABELS[m]).join('、')}`, [
          {
            path: 'closingNote',
            message: `处置措施尚未完成：${missing.map((m) => FOLLOW_UP_MEASURE_LABELS[m]).join('、')}`,
          },
        ]);
      await write(
        actor,
        row,
        followUp,
        input.version,
        {
          status: 'closed',
          closedBy: actor.userId,
          closedByName: actor.displayName,
          closedAt: new Date(),
          closingNote: input.closingNote,
        },
        'sample.follow_up_close',
      );
      return samplesService.detail(actor, row, unit);
    },
  };
}

export type SampleFollowUpService = ReturnType<typeof createSampleFollowUpService>;
