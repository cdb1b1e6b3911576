import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, unprocessable } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { NominationStatus } from './recognition-kinds';
import { recognitionPolicy } from './recognition.policy';
import type { NominationListRow, RecognitionRepository } from './recognition.repository';
import { typicalCaseNominations, type NominationRow } from './recognition.schema';

/**
 * 典型案例评选 (seed 000: 评选出针对八类违法行为所查处的典型案例): a unit nominates (推荐) one of its
 * cases that counts toward a plan's tree, with its reason and the plan's category it counts in;
 * the plan's office selects it (入选) or not, with its reason. Every write and its audit entry
 * share one transaction.
 */
export function createTypicalSelectionService(deps: {
  db: Db;
  recognitionRepository: RecognitionRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  campaignsRepository: Pick<CampaignsRepository, 'categories'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  auditService: AuditService;
  now?: () => Date;
}) {
  const {
    db,
    recognitionRepository: repo,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    auditService,
  } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  const issuerPath = async (c: CampaignRow) => (await unitsRepository.findById(db, c.unitId))!.path;

  const stored = ({
    caseNumber: _n,
    caseName: _c,
    partyName: _p,
    caseTypical: _t,
    unitName: _u,
    nominatedByName: _a,
    decidedByName: _d,
    ...row
  }: NominationListRow): NominationRow => row;

  function view(actor: Actor, r: NominationListRow, unitPath: string, issuer: string, labels: Map<string, string>) {
    return {
      ...r,
      categoryLabel: labels.get(r.categoryCode) ?? r.categoryCode,
      can: {
        decide: recognitionPolicy.canDecide(actor, r, issuer),
        withdraw: recognitionPolicy.canWithdraw(actor, r, unitPath),
      },
    };
  }

  async function present(actor: Actor, id: string) {
    const { row, unit } = await records.requireRecord(
      actor,
      id,
      '典型案例推荐',
      typicalCaseNominations.unitId,
      (id, scope) => repo.findNomination(db, id, scope),
    );
    const campaign = await campaignsService.requireVisible(actor, row.campaignId);
    const issuer = await issuerPath(campaign);
    const labels = new Map((await campaignsRepository.categories(db, campaign.id)).map((c) => [c.code, c.label]));
    return { row, unit, campaign, issuer, answer: view(actor, row, unit.path, issuer, labels) };
  }

  async function write(
    actor: Actor,
    action: 'typical_nomination.decide' | 'typical_nomination.withdraw',
    before: NominationRow,
    change: (tx: Db) => Promise<NominationRow | undefined>,
  ) {
    await db.transaction(async (tx) => {
      const after = await change(tx);
      if (!after) throw conflict('该推荐已被他人修改、评选或撤回，请刷新后查看');
      await auditService.record(tx, actor, {
        action,
        recordId: before.id,
        unitId: before.unitId,
        before,
        after: action === 'typical_nomination.withdraw' ? undefined : after,
      });
    });
  }

  return {
    /** A plan's nominations in the caller's scope (the office: all; a unit: its subtree's), with the plan's categories. */
    async list(
      actor: Actor,
      campaignId: string,
      q: { categoryCode?: string; status?: NominationStatus; unitId?: string },
    ) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const scope = await records.listScope(actor, typicalCaseNominations.unitId, { unitId: q.unitId });
      const [rows, categories, issuer] = await Promise.all([
        repo.listNominations(db, { ...scope, campaignId: campaign.id, categoryCode: q.categoryCode, status: q.status }),
        campaignsRepository.categories(db, campaign.id),
        issuerPath(campaign),
      ]);
      const labels = new Map(categories.map((c) => [c.code, c.label]));
      const paths = new Map<string, string>();
      for (const r of rows)
        if (!paths.has(r.unitId)) paths.set(r.unitId, (await unitsRepository.findById(db, r.unitId))!.path);
      return {
        items: rows.map((r) => view(actor, r, paths.get(r.unitId)!, issuer, labels)),
        categories: categories.map((c) => ({ code: c.code, label: c.label })),
        canDecide: recognitionPolicy.isPlanOffice(actor, issuer),
      };
    },

    async get(actor: Actor, id: string) {
      return (await present(actor, id)).answer;
    },

    /**
     * 推荐: the case must count toward the plan's tree (422 on caseId otherwise) and be marked typical,
     * or be marked now (`markTypical`: its annex-3 form is then the typical-case form).
     */
    async nominate(actor: Actor, campaignId: string, input: { caseId: string; reason: string; markTypical?: boolean }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const c = await repo.caseInPlan(db, input.caseId, campaign.path);
      const unit = c && (await unitsRepository.findById(db, c.unitId));
      if (!c || !unit || !(await records.requireUnit(actor, c.unitId, '案件').catch(() => null)))
        throw unprocessable('caseId', '推荐的案件应为计入本行动方案（含其实施方案）的本单位案件');
      if (!recognitionPolicy.canNominate(actor, unit.path))
        throw forbidden('只有办案单位的联络员、专项办或领导可以推荐典型案例');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', '请填写推荐理由');
      if (!c.typical && !input.markTypical)
        throw unprocessable('markTypical', '该案件尚未标记为典型案件：请在推荐时同时标记为典型案件');
      const created = await db.transaction(async (tx) => {
        if (!c.typical) await repo.markTypical(tx, c.id);
        const row = await repo.insertNomination(tx, {
          campaignId: campaign.id,
          caseId: c.id,
          categoryCode: c.categoryCode,
          unitId: c.unitId,
          reason,
          status: 'nominated',
          nominatedBy: actor.userId,
          nominatedAt: now(),
        });
        await auditService.record(tx, actor, {
          action: 'typical_nomination.create',
          recordId: row.id,
          unitId: row.unitId,
          after: { ...row, markedTypical: !c.typical },
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    /** 评选: the plan's office selects a nomination or not, with its reason (never the one who nominated it). */
    async decide(
      actor: Actor,
      id: string,
      input: { decision: 'selected' | 'not_selected'; reason: string; version: number },
    ) {
      const { row, issuer } = await present(actor, id);
      if (!recognitionPolicy.isPlanOffice(actor, issuer))
        throw forbidden('只有行动方案牵头单位的专项办可以评选典型案例');
      if (!recognitionPolicy.canDecide(actor, row, issuer))
        throw forbidden('推荐人不能评选自己推荐的案例，请由其他同事评选');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', input.decision === 'selected' ? '请填写入选理由' : '请填写未入选理由');
      const at = now();
      await write(actor, 'typical_nomination.decide', stored(row), (tx) =>
        repo.updateNomination(tx, id, input.version, {
          status: input.decision,
          decisionReason: reason,
          decidedBy: actor.userId,
          decidedAt: at,
          decidedOn: todayInChina(at),
        }),
      );
      return this.get(actor, id);
    },

    /** 撤回: the nominating side takes back a nomination not yet decided. */
    async withdraw(actor: Actor, id: string, input: { version: number }) {
      const { row, unit } = await present(actor, id);
      if (!recognitionPolicy.canNominate(actor, unit.path)) throw forbidden('只有推荐单位可以撤回推荐');
      if (row.status !== 'nominated') throw conflict('该推荐已评选，不能撤回');
      await write(actor, 'typical_nomination.withdraw', stored(row), (tx) =>
        repo.deleteNomination(tx, id, input.version),
      );
    },
  };
}

export type TypicalSelectionService = ReturnType<typeof createTypicalSelectionService>;
