import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { supervisionPolicy, type GroupPeople } from './supervision.policy';
import type { SupervisionRepository } from './supervision.repository';
import type { SupervisionGroupRow, SupervisionRoundRow } from './supervision.schema';

export interface SupervisionDeps {
  db: Db;
  supervisionRepository: SupervisionRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath' | 'recordTask'>;
  campaignsRepository: Pick<CampaignsRepository, 'findById' | 'children'>;
  unitsRepository: Pick<UnitsRepository, 'findById' | 'findByIds'>;
}

/**
 * Loading a plan, a group or a round for an actor: seen by whoever sees the plan, and by the people
 * of its groups (a 所 member of the 区局's group sees his group though the plan is the 区局's), 404
 * otherwise. Also the organisers a plan may have: its issuing unit and each unit with its 实施方案.
 */
export function createSupervisionAccess(deps: SupervisionDeps) {
  const { db, supervisionRepository: repo, campaignsService, campaignsRepository, unitsRepository } = deps;

  async function peopleOf(g: SupervisionGroupRow): Promise<GroupPeople> {
    const members = await repo.membersOf(db, [g.id]);
    return { leaderId: g.leaderId, memberIds: members.map((m) => m.userId) };
  }

  /** The plan, if the actor sees it or is in one of its groups; 404 otherwise. */
  async function campaignFor(actor: Actor, campaignId: string): Promise<CampaignRow> {
    const visible = await campaignsService.requireVisible(actor, campaignId).catch(() => undefined);
    if (visible) return visible;
    const mine = isUuid(campaignId) ? await repo.myGroups(db, actor.userId) : [];
    const campaign = mine.some((g) => g.campaignId === campaignId)
      ? await campaignsRepository.findById(db, campaignId)
      : undefined;
    if (!campaign) throw notFound('专项行动');
    return campaign;
  }

  async function unitOf(id: string): Promise<UnitRow> {
    return (await unitsRepository.findById(db, id))!;
  }

  return {
    peopleOf,
    campaignFor,
    unitOf,

    /** The units that may organise supervision of a plan: its issuing unit and those with its 实施方案. */
    async organizers(campaign: CampaignRow): Promise<UnitRow[]> {
      const children = await campaignsRepository.children(db, campaign.id);
      return unitsRepository.findByIds(db, [campaign.unitId, ...children.map((c) => c.unitId)]);
    },

    /** The organiser named in a request (default: the plan's issuing unit), or 400. */
    async organizerFor(campaign: CampaignRow, organizerUnitId?: string | null): Promise<UnitRow> {
      const id = organizerUnitId ?? campaign.unitId;
      const children = await campaignsRepository.children(db, campaign.id);
      if (id !== campaign.unitId && !children.some((c) => c.unitId === id))
        throw invalidField('organizerUnitId', '组织单位应为方案的发文单位或制定了实施方案的单位');
      return unitOf(id);
    },

    /** A group with its people and organiser, seen through its plan (or by its own people). */
    async groupFor(actor: Actor, id: string) {
      const group = isUuid(id) ? await repo.findGroup(db, id) : undefined;
      if (!group) throw notFound('督查组');
      const people = await peopleOf(group);
      if (!supervisionPolicy.isInGroup(actor, people)) await campaignFor(actor, group.campaignId);
      const organizer = await unitOf(group.organizerUnitId);
      return { group, people, organizer };
    },

    /** A group whose record the caller has already found visible (a visit's group): no check of its own. */
    async groupOfVisible(id: string) {
      const group = (await repo.findGroup(db, id))!;
      return { group, people: await peopleOf(group), organizer: await unitOf(group.organizerUnitId) };
    },

    /** A round with its organiser, seen through its plan. */
    async roundFor(
      actor: Actor,
      id: string,
    ): Promise<{ round: SupervisionRoundRow; organizer: UnitRow; campaign: CampaignRow }> {
      const round = isUuid(id) ? await repo.findRound(db, id) : undefined;
      if (!round) throw notFound('督查轮次');
      const campaign = await campaignFor(actor, round.campaignId);
      return { round, organizer: await unitOf(round.organizerUnitId), campaign };
    },
  };
}

export type SupervisionAccess = ReturnType<typeof createSupervisionAccess>;
