import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import { DRAW_ALGORITHM, drawEntities, newDrawSeed } from '../random-checks/random-draw';
import type { SupervisionAccess, SupervisionDeps } from './supervision-access';
import { supervisionPolicy } from './supervision.policy';
import type { SupervisionDrawRow, SupervisionRoundRow } from './supervision.schema';
import { notFound } from '../../platform/errors';

export interface RoundInput {
  number: number;
  title: string;
  startDate: string;
  endDate: string;
  focus?: string | null;
}

/** 督查轮次 of a plan and the 随机专项督查 draws made in them. */
export function createSupervisionRounds(
  deps: SupervisionDeps & { auditService: AuditService },
  access: SupervisionAccess,
) {
  const { db, supervisionRepository: repo, auditService } = deps;

  function checkDates(campaign: { startDate: string; endDate: string }, input: RoundInput) {
    if (input.startDate < campaign.startDate || input.startDate > campaign.endDate)
      throw invalidField('startDate', `开始日期应在行动期间内（${campaign.startDate} 至 ${campaign.endDate}）`);
    if (input.endDate < input.startDate) throw invalidField('endDate', '结束日期不能早于开始日期');
    if (input.endDate > campaign.endDate)
      throw invalidField('endDate', `结束日期应在行动期间内（${campaign.startDate} 至 ${campaign.endDate}）`);
  }

  const roundView = (actor: Actor, r: SupervisionRoundRow, organizer: { name: string; path: string }) => {
    const { createdBy: _by, ...row } = r;
    return {
      ...row,
      organizerUnitName: organizer.name,
      can: { edit: supervisionPolicy.canManage(actor, organizer.path) },
    };
  };

  async function drawView(d: SupervisionDrawRow) {
    const names = new Map((await deps.unitsRepository.findByIds(db, d.candidates)).map((u) => [u.id, u.name]));
    const group = d.groupId ? await repo.findGroup(db, d.groupId) : undefined;
    return {
      id: d.id,
      roundId: d.roundId,
      groupId: d.groupId,
      groupName: group?.name ?? '',
      seed: d.seed,
      algorithm: d.algorithm,
      count: d.count,
      candidates: d.candidates.map((id) => ({ id, name: names.get(id) ?? '' })),
      picked: d.picked.map((id) => ({ id, name: names.get(id) ?? '' })),
      createdAt: d.createdAt,
    };
  }

  async function requireManagedRound(actor: Actor, id: string, version: number) {
    const found = await access.roundFor(actor, id);
    if (!supervisionPolicy.canManage(actor, found.organizer.path))
      throw forbidden('只有组织单位的专项办或局领导可以安排督查轮次');
    if (found.round.version !== version) throw conflict('该督查轮次已被他人修改，请刷新后再试');
    return found;
  }

  return {
    async list(actor: Actor, campaignId: string) {
      const campaign = await access.campaignFor(actor, campaignId);
      const organizers = await access.organizers(campaign);
      const rows = await repo.roundsOfCampaign(db, campaignId);
      return {
        items: rows.map((r) =>
          roundView(
            actor,
            r,
            organizers.find((u) => u.id === r.organizerUnitId)!,
          ),
        ),
        canManage: organizers.some((u) => supervisionPolicy.canManage(actor, u.path)),
      };
    },

    async get(actor: Actor, id: string) {
      const { round, organizer } = await access.roundFor(actor, id);
      const draws = await Promise.all((await repo.drawsOfRound(db, id)).map(drawView));
      return { ...roundView(actor, round, organizer), draws };
    },

    async create(actor: Actor, campaignId: string, input: RoundInput & { organizerUnitId?: string | null }) {
      const campaign = await access.campaignFor(actor, campaignId);
      const organizer = await access.organizerFor(campaign, input.organizerUnitId);
      if (!supervisionPolicy.canManage(actor, organizer.path))
        throw forbidden('只有组织单位的专项办或局领导可以安排督查轮次');
      checkDates(campaign, input);
      const row = await db.transaction(async (tx) => {
        const r = await repo.insertRound(tx, {
          campaignId,
          organizerUnitId: organizer.id,
          number: input.number,
          title: input.title,
          startDate: input.startDate,
          endDate: input.endDate,
          focus: input.focus ?? null,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'supervision_round.create',
          recordId: r.id,
          unitId: organizer.id,
          after: r,
        });
        return r;
      });
      return { ...roundView(actor, row, organizer), draws: [] };
    },

    async update(actor: Actor, id: string, input: RoundInput & { version: number }) {
      const { round, organizer, campaign } = await requireManagedRound(actor, id, input.version);
      checkDates(campaign, input);
      const row = await db.transaction(async (tx) => {
        const r = await repo.updateRound(tx, id, input.version, {
          number: input.number,
          title: input.title,
          startDate: input.startDate,
          endDate: input.endDate,
          focus: input.focus ?? null,
        });
        if (!r) throw conflict('该督查轮次已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'supervision_round.update',
          recordId: id,
          unitId: organizer.id,
          before: round,
          after: r,
        });
        return r;
      });
      return this.get(actor, row.id);
    },

    async remove(actor: Actor, id: string, version: number) {
      const { round, organizer } = await requireManagedRound(actor, id, version);
      if (await repo.roundInUse(db, id)) throw conflict('该轮次已有督查记录或随机抽取，不能删除');
      await db.transaction(async (tx) => {
        await repo.deleteRound(tx, id);
        await auditService.record(tx, actor, {
          action: 'supervision_round.delete',
          recordId: id,
          unitId: organizer.id,
          before: round,
        });
      });
    },

    /** 随机专项督查: `count` units drawn from the group's 片区 with the 双随机 kernel; seed and candidates kept. */
    async draw(actor: Actor, roundId: string, input: { groupId: string; count: number }) {
      const { round } = await access.roundFor(actor, roundId);
      const { group, people, organizer } = await access.groupFor(actor, input.groupId).catch(() => {
        throw invalidField('groupId', '督查组不存在或不在您的权限范围内');
      });
      if (group.campaignId !== round.campaignId || group.organizerUnitId !== round.organizerUnitId)
        throw invalidField('groupId', '该督查组不属于本轮督查的方案和组织单位');
      if (!supervisionPolicy.canDraw(actor, organizer.path, people))
        throw forbidden('只有组织单位的专项办、局领导或本组组长可以随机抽取');
      const candidates = (await repo.areasOf(db, [group.id])).map((a) => a.unitId).sort();
      if (!candidates.length) throw invalidField('groupId', `${group.name}尚未划分片区，无单位可抽取`);
      if (input.count > candidates.length)
        throw invalidField('count', `抽取数量（${input.count}）超过${group.name}片区的单位数（${candidates.length}）`);
      const seed = newDrawSeed();
      const picked = drawEntities({ seed, candidates, count: input.count });
      const row = await db.transaction(async (tx) => {
        const d = await repo.insertDraw(tx, {
          roundId,
          groupId: group.id,
          kind: 'units',
          seed,
          algorithm: DRAW_ALGORITHM,
          candidates,
          count: input.count,
          picked,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'supervision_draw.create',
          recordId: d.id,
          unitId: organizer.id,
          after: d,
        });
        return d;
      });
      return drawView(row);
    },

    /** Re-runs a stored draw from its seed and candidates and says whether it gives the stored picks. */
    async verifyDraw(actor: Actor, id: string) {
      const d = isUuid(id) ? await repo.findDraw(db, id) : undefined;
      if (!d || d.kind !== 'units') throw notFound('随机抽取');
      await access.roundFor(actor, d.roundId);
      const base = { drawId: d.id, seed: d.seed, algorithm: d.algorithm };
      if (d.algorithm !== DRAW_ALGORITHM)
        return { ...base, reproducible: false, problem: `未知的抽取算法：${d.algorithm}` };
      try {
        const again = drawEntities({ seed: d.seed, candidates: d.candidates, count: d.count });
        const same = again.length === d.picked.length && again.every((x, i) => x === d.picked[i]);
        return {
          ...base,
          reproducible: same,
          problem: same ? null : '按保存的种子和候选单位重新抽取，结果与保存的不一致',
        };
      } catch (e) {
        return { ...base, reproducible: false, problem: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
