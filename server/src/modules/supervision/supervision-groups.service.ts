import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField } from '../../platform/errors';
import { isPathWithin } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitRow } from '../units/units.schema';
import { areaSheetXlsx, type AreaTableRow } from './documents/area-sheet';
import type { SupervisionAccess, SupervisionDeps } from './supervision-access';
import { supervisionPolicy, type GroupPeople } from './supervision.policy';
import type { SupervisionGroupRow } from './supervision.schema';

type Check = (actor: Actor, organizerPath: string, people: GroupPeople) => boolean;
const manages: Check = (actor, path) => supervisionPolicy.canManage(actor, path);

export interface GroupInput {
  name: string;
  leaderId: string;
  memberIds: string[];
  phone?: string | null;
  note?: string | null;
  sortOrder?: number;
}

/** 督查组 of a plan, their people and 片区, and the 分片督查表 that lists them. */
export function createSupervisionGroups(
  deps: SupervisionDeps & { auditService: AuditService },
  access: SupervisionAccess,
) {
  const { db, supervisionRepository: repo, auditService } = deps;

  /** The groups of a plan with their people and areas, in the order of the 分片督查表. */
  async function groupsWithDetails(campaignId: string) {
    const rows = await repo.groupsOfCampaign(db, campaignId);
    const ids = rows.map((g) => g.id);
    const [members, areas, leaders] = await Promise.all([
      repo.membersOf(db, ids),
      repo.areasOf(db, ids),
      repo.people(db, [...new Set(rows.map((g) => g.leaderId))]),
    ]);
    return rows.map((g) => ({
      row: g,
      leaderName: leaders.find((p) => p.id === g.leaderId)?.name ?? '',
      members: members.filter((m) => m.groupId === g.id).map((m) => ({ id: m.userId, name: m.name })),
      area: areas.filter((a) => a.groupId === g.id).map((a) => ({ id: a.unitId, name: a.name, path: a.path })),
    }));
  }
  type Detailed = Awaited<ReturnType<typeof groupsWithDetails>>[number];

  function view(actor: Actor, d: Detailed, organizer: Pick<UnitRow, 'name' | 'path'>) {
    const people = { leaderId: d.row.leaderId, memberIds: d.members.map((m) => m.id) };
    const { createdBy: _by, ...row } = d.row;
    return {
      ...row,
      organizerUnitName: organizer.name,
      leaderName: d.leaderName,
      members: d.members,
      area: d.area.map(({ id, name }) => ({ id, name })),
      can: supervisionPolicy.groupFlags(actor, organizer.path, people),
    };
  }

  /** Leader and members: people of the organiser's unit or below, the leader not repeated among members. */
  async function checkPeople(organizer: UnitRow, leaderId: string, memberIds: string[]) {
    const ids = [...new Set([leaderId, ...memberIds])];
    const found = await repo.people(db, ids);
    const ok = (id: string) => found.some((p) => p.id === id && p.active && isPathWithin(p.unitPath, organizer.path));
    if (!ok(leaderId)) throw invalidField('leaderId', `组长应为${organizer.name}或其下级单位的在岗人员`);
    const bad = memberIds.find((id) => !ok(id));
    if (bad) throw invalidField('memberIds', `组员应为${organizer.name}或其下级单位的在岗人员`);
    return [...new Set(memberIds)].filter((id) => id !== leaderId);
  }

  async function detailOf(actor: Actor, group: SupervisionGroupRow, organizer: UnitRow) {
    const d = (await groupsWithDetails(group.campaignId)).find((x) => x.row.id === group.id)!;
    return view(actor, d, organizer);
  }

  /** A group the actor may change (`may`: the policy), 403 otherwise, 409 when `version` is stale. */
  async function requireChangeable(actor: Actor, groupId: string, version: number, may: Check, refusal: string) {
    const found = await access.groupFor(actor, groupId);
    if (!may(actor, found.organizer.path, found.people)) throw forbidden(refusal);
    if (found.group.version !== version) throw conflict('该督查组已被他人修改，请刷新后再试');
    return found;
  }

  return {
    groupsWithDetails,

    async list(actor: Actor, campaignId: string) {
      const campaign = await access.campaignFor(actor, campaignId);
      const organizers = await access.organizers(campaign);
      const items = (await groupsWithDetails(campaignId)).map((d) =>
        view(
          actor,
          d,
          organizers.find((u) => u.id === d.row.organizerUnitId)!,
        ),
      );
      const managed = organizers.filter((u) => supervisionPolicy.canManage(actor, u.path));
      // Who the managers may name as leader or member: the people of each organiser they manage.
      const people = (await Promise.all(managed.map((u) => repo.peopleOfSubtree(db, u.path)))).flat();
      return {
        items,
        organizers: managed.map((u) => ({ id: u.id, name: u.name })),
        canManage: managed.length > 0,
        people: [...new Map(people.map((p) => [p.id, p])).values()],
      };
    },

    async create(actor: Actor, campaignId: string, input: GroupInput & { organizerUnitId?: string | null }) {
      const campaign: CampaignRow = await access.campaignFor(actor, campaignId);
      const organizer = await access.organizerFor(campaign, input.organizerUnitId);
      if (!supervisionPolicy.canManage(actor, organizer.path))
        throw forbidden('只有组织单位的专项办或局领导可以组建督查组');
      const memberIds = await checkPeople(organizer, input.leaderId, input.memberIds);
      const group = await db.transaction(async (tx) => {
        const row = await repo.insertGroup(tx, {
          campaignId,
          organizerUnitId: organizer.id,
          name: input.name,
          leaderId: input.leaderId,
          phone: input.phone ?? null,
          note: input.note ?? null,
          sortOrder: input.sortOrder ?? 0,
          createdBy: actor.userId,
        });
        await repo.setMembers(tx, row.id, memberIds);
        await auditService.record(tx, actor, {
          action: 'supervision_group.create',
          recordId: row.id,
          unitId: organizer.id,
          after: { ...row, memberIds },
        });
        return row;
      });
      return detailOf(actor, group, organizer);
    },

    /** The office changes everything; the group's leader its phone and note. */
    async update(actor: Actor, id: string, input: GroupInput & { version: number }) {
      const { group, people, organizer } = await requireChangeable(
        actor,
        id,
        input.version,
        supervisionPolicy.canEditGroup,
        '只有组织单位的专项办、局领导或本组组长可以修改督查组',
      );
      const manager = supervisionPolicy.canManage(actor, organizer.path);
      const changesPeople =
        input.name !== group.name ||
        input.leaderId !== group.leaderId ||
        [...input.memberIds].sort().join() !== [...people.memberIds].sort().join();
      if (!manager && changesPeople) throw forbidden('组名、组长和组员由组织单位的专项办或局领导确定');
      const memberIds = await checkPeople(organizer, input.leaderId, input.memberIds);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.updateGroup(tx, id, input.version, {
          name: input.name,
          leaderId: input.leaderId,
          phone: input.phone ?? null,
          note: input.note ?? null,
          sortOrder: input.sortOrder ?? group.sortOrder,
        });
        if (!updated) throw conflict('该督查组已被他人修改，请刷新后再试');
        await repo.setMembers(tx, id, memberIds);
        await auditService.record(tx, actor, {
          action: 'supervision_group.update',
          recordId: id,
          unitId: organizer.id,
          before: { ...group, memberIds: people.memberIds },
          after: { ...updated, memberIds },
        });
        return updated;
      });
      return detailOf(actor, row, organizer);
    },

    async remove(actor: Actor, id: string, version: number) {
      const { group, organizer } = await requireChangeable(
        actor,
        id,
        version,
        manages,
        '只有组织单位的专项办或局领导可以撤销督查组',
      );
      if (await repo.groupHasVisits(db, id)) throw conflict('该督查组已有督查记录，不能撤销');
      await db.transaction(async (tx) => {
        await repo.deleteGroup(tx, id);
        await auditService.record(tx, actor, {
          action: 'supervision_group.delete',
          recordId: id,
          unitId: organizer.id,
          before: group,
        });
      });
    },

    /** 片区: the units of the organiser's subtree the group supervises, each in one group's area of the plan. */
    async setArea(actor: Actor, id: string, input: { unitIds: string[]; version: number }) {
      const { group, organizer } = await requireChangeable(
        actor,
        id,
        input.version,
        manages,
        '只有组织单位的专项办或局领导可以划分片区',
      );
      const unitIds = [...new Set(input.unitIds)];
      const found = await deps.unitsRepository.findByIds(db, unitIds);
      unitIds.forEach((uid, i) => {
        const unit = found.find((u) => u.id === uid);
        if (!unit || !isPathWithin(unit.path, organizer.path))
          throw invalidField(`unitIds.${i}`, `片区单位应为${organizer.name}或其下级单位`);
      });
      const taken = await repo.areaTakenElsewhere(db, group, unitIds);
      if (taken.length)
        throw invalidField(
          'unitIds',
          taken.map((t) => `${t.unitName}已在${t.groupName}的片区内`).join('；') + '，一个单位只能划入一个督查组的片区',
        );
      const before = (await repo.areasOf(db, [id])).map((a) => a.unitId);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.updateGroup(tx, id, input.version, {});
        if (!updated) throw conflict('该督查组已被他人修改，请刷新后再试');
        await repo.setArea(tx, group, unitIds);
        await auditService.record(tx, actor, {
          action: 'supervision_group.area',
          recordId: id,
          unitId: organizer.id,
          before: { unitIds: before },
          after: { unitIds },
        });
        return updated;
      });
      return detailOf(actor, row, organizer);
    },

    /** The rows of the 分片督查表 of a plan (no actor: the caller has checked the plan is visible). */
    async areaTable(campaignId: string): Promise<AreaTableRow[]> {
      return (await groupsWithDetails(campaignId)).map((d) => ({
        group: d.row.name,
        leader: d.leaderName,
        members: d.members.map((m) => m.name),
        phone: d.row.phone ?? '',
        units: d.area.map((a) => a.name),
      }));
    },

    async areaSheet(actor: Actor, campaignId: string) {
      const campaign = await access.campaignFor(actor, campaignId);
      const rows = await this.areaTable(campaignId);
      return { fileName: `${campaign.name}分片督查表.xlsx`, content: await areaSheetXlsx(campaign.name, rows) };
    },

    /** 我的督查组: the groups the actor leads or belongs to, with their plans and areas. */
    async mine(actor: Actor) {
      const mine = await repo.myGroups(db, actor.userId);
      const campaignIds = [...new Set(mine.map((g) => g.campaignId))];
      const out = [];
      for (const cid of campaignIds) {
        const campaign = (await deps.campaignsRepository.findById(db, cid))!;
        for (const d of (await groupsWithDetails(cid)).filter((x) => mine.some((g) => g.id === x.row.id))) {
          const organizer = await access.unitOf(d.row.organizerUnitId);
          out.push({ ...view(actor, d, organizer), campaignName: campaign.name });
        }
      }
      return { items: out };
    },
  };
}
