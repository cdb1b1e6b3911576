import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, forbidden, unprocessable, type FieldError } from '../../platform/errors';
import { unitIdInScope } from '../../platform/scope';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { OTHER_CATEGORY } from '../campaigns/campaign-plan.types';
import type { UnitsRepository } from '../units/units.repository';
import { sameTreeAsEarlier } from './campaign-trees';
import { casePolicy } from './cases.policy';
import type { CasesRepository } from './cases.repository';
import { cases, type CaseStage } from './cases.schema';
import type { CasesService } from './cases.service';

/** 未办结: a case not yet decided (决定) nor closed. */
export const UNFINISHED_STAGES: CaseStage[] = ['filed', 'investigation', 'review', 'notice'];

/**
 * 结转 (carry forward): the office of a plan with a predecessor (上一年度行动) lists the predecessor's
 * cases in its scope that are not yet decided and carries some (or all) into the plan — each
 * counts toward it as a further campaign (case_campaigns) through the cases service's own write,
 * so the roll-ups follow; a case that already counts in the plan's tree says so (idempotent).
 */
export function createCaseCarryForwardService(deps: {
  db: Db;
  casesRepository: Pick<CasesRepository, 'carryCandidates' | 'campaignLinks'>;
  casesService: Pick<CasesService, 'addCampaignIn'>;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  campaignsRepository: Pick<CampaignsRepository, 'findById' | 'categories'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
}) {
  const { db, casesRepository: repo, casesService, campaignsService, campaignsRepository, unitsRepository } = deps;

  async function context(actor: Actor, campaignId: string) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    const predecessor = campaign.predecessorCampaignId
      ? await campaignsService.requireVisible(actor, campaign.predecessorCampaignId).catch(() => undefined)
      : undefined;
    const issuing = (await unitsRepository.findById(db, campaign.unitId))!;
    return { campaign, predecessor, canCarry: casePolicy.canCarryForward(actor, issuing.path) };
  }

  async function candidates(actor: Actor, campaignId: string, predecessorPath: string) {
    return repo.carryCandidates(
      db,
      { scope: unitIdInScope(actor, cases.unitId), campaignPath: predecessorPath, stages: UNFINISHED_STAGES },
      campaignId,
    );
  }

  return {
    /** The predecessor's unfinished cases in the caller's scope, each saying whether it was carried already. */
    async list(actor: Actor, campaignId: string) {
      const { campaign, predecessor, canCarry } = await context(actor, campaignId);
      if (!predecessor) return { predecessor: null, items: [], canCarry: false };
      const rows = await candidates(actor, campaign.id, predecessor.path);
      return { predecessor: { id: predecessor.id, name: predecessor.name }, items: rows, canCarry };
    },

    /** 结转 the named cases (or `all`): each gets its link to the plan in one transaction, audited per case. */
    async carry(actor: Actor, campaignId: string, input: { caseIds?: string[]; all?: boolean }) {
      const { campaign, predecessor, canCarry } = await context(actor, campaignId);
      if (!canCarry) throw forbidden('只有本行动发文单位的专项办可以结转上一年度行动的案件');
      if (!predecessor) throw unprocessable('predecessorCampaignId', '本行动未指定上一年度行动，没有可结转的案件');
      const rows = await candidates(actor, campaign.id, predecessor.path);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const asked = input.all ? rows.map((r) => r.id) : [...new Set(input.caseIds ?? [])];
      if (asked.length === 0)
        throw badRequest('请选择要结转的案件', [{ path: 'caseIds', message: '请选择要结转的案件' }]);
      const errors: FieldError[] = [];
      asked.forEach((id, i) => {
        if (!byId.has(id))
          errors.push({ path: `caseIds.${i}`, message: '该案件不是上一年度行动中未办结（未作出决定）的案件' });
      });
      if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
      const codes = new Set((await campaignsRepository.categories(db, campaign.id)).map((c) => c.code));
      const carried: { id: string; caseNumber: string }[] = [];
      const already: { id: string; caseNumber: string; reason: string }[] = [];
      await db.transaction(async (tx) => {
        for (const id of asked) {
          const row = byId.get(id)!;
          if (row.carried) {
            already.push({ id, caseNumber: row.caseNumber, reason: '已结转到本行动' });
            continue;
          }
          // A case counts once per campaign tree (campaign-trees.ts): its own and further campaigns first.
          const paths = [
            (await campaignsRepository.findById(tx, row.campaignId))!.path,
            ...(await Promise.all(
              (await repo.campaignLinks(tx, id)).map(
                async (l) => (await campaignsRepository.findById(tx, l.campaignId))!.path,
              ),
            )),
            campaign.path,
          ];
          if (sameTreeAsEarlier(paths).at(-1) != null) {
            already.push({ id, caseNumber: row.caseNumber, reason: '已计入本行动体系' });
            continue;
          }
          const categoryCode = codes.has(row.categoryCode) ? row.categoryCode : OTHER_CATEGORY.code;
          await casesService.addCampaignIn(
            tx,
            actor,
            id,
            { campaignId: campaign.id, categoryCode },
            'case.carry_forward',
          );
          carried.push({ id, caseNumber: row.caseNumber });
        }
      });
      return { carried, already };
    },
  };
}

export type CaseCarryForwardService = ReturnType<typeof createCaseCarryForwardService>;
