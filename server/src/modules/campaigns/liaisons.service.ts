import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, invalidField } from '../../platform/errors';
import { requireUnitInScope } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import type { CampaignsRepository } from './campaigns.repository';
import { campaignPolicy } from './campaigns.policy';
import type { CampaignsService } from './campaigns.service';
import type { LiaisonKind, LiaisonRow } from './campaigns.schema';
import type { LiaisonsRepository } from './liaisons.repository';
import { todayInChina } from '../../platform/today';

export interface PersonInput {
  name: string;
  position: string;
  officePhone?: string | null;
  mobile?: string | null;
  fax?: string | null;
}

const person = (rows: LiaisonRow[], kind: LiaisonKind) => {
  const r = rows.find((x) => x.kind === kind);
  return r
    ? {
        name: r.name,
        position: r.position,
        officePhone: r.officePhone,
        mobile: r.mobile,
        fax: r.fax,
        updatedAt: r.updatedAt,
      }
    : null;
};

/** 分管领导 and 联络员 of each participating unit (annex 1 of seed 004). */
export function createLiaisonsService(deps: {
  db: Db;
  liaisonsRepository: LiaisonsRepository;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  campaignsService: CampaignsService;
  auditService: AuditService;
}) {
  const { db, liaisonsRepository: repo, campaignsRepository, unitsRepository, campaignsService, auditService } = deps;

  return {
    /** One row per participating unit, registered or not, in the order of the organisation tree. */
    async list(actor: Actor, campaignId: string) {
      const c = await campaignsService.requireVisible(actor, campaignId);
      const participants = await campaignsRepository.participants(db, campaignId);
      const units = (await unitsRepository.findByIds(db, participants)).sort(
        (a, b) => a.depth - b.depth || a.code.localeCompare(b.code),
      );
      const rows = await repo.list(db, campaignId);
      const today = todayInChina();
      const items = units.map((u) => {
        const mine = rows.filter((r) => r.unitId === u.id);
        const leader = person(mine, 'leader');
        const liaison = person(mine, 'liaison');
        return {
          unitId: u.id,
          unitName: u.name,
          unitKind: u.kind,
          leader,
          liaison,
          registered: Boolean(leader && liaison),
          overdue: !(leader && liaison) && Boolean(c.liaisonDeadline && today > c.liaisonDeadline),
          canEdit: campaignPolicy.canRegisterLiaisons(actor, u) && c.status !== 'archived',
        };
      });
      return { campaignId, deadline: c.liaisonDeadline, items, missing: items.filter((i) => !i.registered).length };
    },

    async set(actor: Actor, campaignId: string, unitId: string, input: { leader: PersonInput; liaison: PersonInput }) {
      const c = await campaignsService.requireVisible(actor, campaignId);
      const unit = await requireUnitInScope(db, actor, unitId);
      if (!campaignPolicy.canRegisterLiaisons(actor, unit) || c.status === 'archived')
        throw forbidden('只有本单位的联络员或上级专项办可以报送联络员');
      if (!(await campaignsRepository.participants(db, campaignId)).includes(unit.id))
        throw invalidField('unitId', `“${unit.name}”不是本行动的参加单位`);
      const before = await repo.forUnit(db, campaignId, unit.id);
      await db.transaction(async (tx) => {
        for (const [kind, p] of [
          ['leader', input.leader],
          ['liaison', input.liaison],
        ] as const) {
          await repo.upsert(tx, {
            campaignId,
            unitId: unit.id,
            kind,
            name: p.name,
            position: p.position,
            officePhone: p.officePhone ?? null,
            mobile: p.mobile ?? null,
            fax: p.fax ?? null,
            updatedBy: actor.userId,
          });
        }
        await auditService.record(tx, actor, {
          action: 'campaign.liaison_set',
          recordId: `${campaignId}:${unit.id}`,
          unitId: unit.id,
          before,
          after: input,
        });
      });
      return (await this.list(actor, campaignId)).items.find((i) => i.unitId === unit.id)!;
    },
  };
}

export type LiaisonsService = ReturnType<typeof createLiaisonsService>;
