import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathWithin, unitIdInScope } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import {
  ACCOUNTABILITY_MEASURE_LABELS,
  COMMENDATION_KIND_LABELS,
  EVIDENCE_TYPE_LABELS,
  type AccountabilityMeasure,
  type CommendationKind,
  type EvidenceLink,
} from './recognition-kinds';
import { recognitionPolicy } from './recognition.policy';
import type { AccountabilityListRow, CommendationListRow, RecognitionRepository } from './recognition.repository';
import { accountabilityMeasures, commendations } from './recognition.schema';

interface EntryInput {
  unitId: string;
  userId?: string | null;
  personName?: string | null;
  reason: string;
  evidence: EvidenceLink[];
  decidedOn: string;
}
export type CommendationInput = EntryInput & {
  kind: CommendationKind;
  talentPool?: boolean | null;
  documentNumber?: string | null;
};
export type AccountabilityInput = EntryInput & { measure: AccountabilityMeasure };

/**
 * 表彰 (先进集体、先进个人、办案能手 → 执法人才库) and 问责 (通报批评、约谈 …) of a plan: recorded by
 * the plan's office or leader for a unit in the plan's tree (and, optionally, a person of it), each
 * with its evidence — records that exist and that the recorder can see; read by the units concerned
 * and those above. Every write and its audit entry share one transaction; a delete keeps the row in
 * its audit entry.
 */
export function createCommendationsService(deps: {
  db: Db;
  recognitionRepository: RecognitionRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  usersRepository: Pick<UsersRepository, 'findById'>;
  auditService: AuditService;
}) {
  const { db, recognitionRepository: repo, campaignsService, unitsRepository, usersRepository, auditService } = deps;
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisible,
  });
  const issuerPath = async (c: Pick<CampaignRow, 'unitId'>) => (await unitsRepository.findById(db, c.unitId))!.path;

  /** The evidence with its titles and links, as far as the actor may see it. */
  async function evidenceView(actor: Actor, links: EvidenceLink[]) {
    const found = await repo.evidence(db, links, (col: AnyPgColumn) => unitIdInScope(actor, col));
    return links.map((l) => {
      const hit = found.get(`${l.type}:${l.id}`);
      return { ...l, typeLabel: EVIDENCE_TYPE_LABELS[l.type], title: hit?.title ?? null, link: hit?.link ?? null };
    });
  }

  /** Every problem of an entry, each on its field (400). */
  async function check(actor: Actor, campaign: CampaignRow, input: EntryInput, personRequired: boolean) {
    const errors: FieldError[] = [];
    const unit = await records.requireUnit(actor, input.unitId, '单位');
    if (!isPathWithin(unit.path, await issuerPath(campaign)))
      errors.push({ path: 'unitId', message: '单位应为本行动方案牵头单位或其下级单位' });
    if (input.userId) {
      const user = await usersRepository.findById(db, input.userId);
      const userUnit = user?.unitId ? await unitsRepository.findById(db, user.unitId) : undefined;
      if (!userUnit || !isPathWithin(userUnit.path, unit.path))
        errors.push({ path: 'userId', message: '人员应为该单位（含下级）的工作人员' });
    } else if (personRequired && !input.personName?.trim())
      errors.push({ path: 'personName', message: '请选择人员或填写姓名' });
    if (!input.reason.trim()) errors.push({ path: 'reason', message: '请填写事由' });
    const found = await repo.evidence(db, input.evidence, (col: AnyPgColumn) => unitIdInScope(actor, col));
    input.evidence.forEach((l, i) => {
      if (!found.has(`${l.type}:${l.id}`))
        errors.push({
          path: `evidence.${i}`,
          message: `佐证材料第${i + 1}项（${EVIDENCE_TYPE_LABELS[l.type]}）不存在或不在您的权限范围内`,
        });
    });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
    return unit;
  }

  const person = (input: EntryInput) => ({
    userId: input.userId || null,
    personName: input.userId ? null : input.personName?.trim() || null,
  });
  const dedupe = (links: EvidenceLink[]) => [...new Map(links.map((l) => [`${l.type}:${l.id}`, l])).values()];

  async function commendationView(actor: Actor, r: CommendationListRow, issuer: string) {
    const { unitName, userName, campaignName, ...row } = r;
    return {
      ...row,
      unitName,
      campaignName,
      personLabel: userName ?? r.personName,
      kindLabel: COMMENDATION_KIND_LABELS[r.kind],
      evidence: await evidenceView(actor, r.evidence),
      can: { edit: recognitionPolicy.canRecord(actor, issuer), delete: recognitionPolicy.canRecord(actor, issuer) },
    };
  }
  async function accountabilityView(actor: Actor, r: AccountabilityListRow, issuer: string) {
    const { unitName, userName, campaignName, ...row } = r;
    return {
      ...row,
      unitName,
      campaignName,
      personLabel: userName ?? r.personName,
      measureLabel: ACCOUNTABILITY_MEASURE_LABELS[r.measure],
      evidence: await evidenceView(actor, r.evidence),
      can: { edit: recognitionPolicy.canRecord(actor, issuer), delete: recognitionPolicy.canRecord(actor, issuer) },
    };
  }

  async function requireCommendation(actor: Actor, id: string) {
    const { row } = await records.requireRecord(actor, id, '表彰记录', commendations.unitId, (id, scope) =>
      repo.findCommendation(db, id, scope),
    );
    const campaign = await campaignsService.requireVisible(actor, row.campaignId);
    return { row, campaign, issuer: await issuerPath(campaign) };
  }
  async function requireAccountability(actor: Actor, id: string) {
    const { row } = await records.requireRecord(actor, id, '问责记录', accountabilityMeasures.unitId, (id, scope) =>
      repo.findAccountability(db, id, scope),
    );
    const campaign = await campaignsService.requireVisible(actor, row.campaignId);
    return { row, campaign, issuer: await issuerPath(campaign) };
  }
  const mayRecord = (actor: Actor, issuer: string) => {
    if (!recognitionPolicy.canRecord(actor, issuer))
      throw forbidden('只有行动方案牵头单位的专项办或领导可以记录表彰和问责');
  };
  const stale = () => conflict('该记录已被他人修改或删除，请刷新后查看');
  const strip = <T extends { unitName: string; userName: string | null; campaignName: string }>(r: T) => {
    const { unitName: _u, userName: _n, campaignName: _c, ...row } = r;
    return row;
  };

  return {
    async listCommendations(actor: Actor, campaignId: string, q: { unitId?: string; kind?: CommendationKind }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const scope = await records.listScope(actor, commendations.unitId, { unitId: q.unitId });
      const issuer = await issuerPath(campaign);
      const rows = await repo.listCommendations(db, { ...scope, campaignId: campaign.id, kind: q.kind });
      return {
        items: await Promise.all(rows.map((r) => commendationView(actor, r, issuer))),
        canRecord: recognitionPolicy.canRecord(actor, issuer),
      };
    },
    async getCommendation(actor: Actor, id: string) {
      const { row, issuer } = await requireCommendation(actor, id);
      return commendationView(actor, row, issuer);
    },
    async createCommendation(actor: Actor, campaignId: string, input: CommendationInput) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      mayRecord(actor, await issuerPath(campaign));
      const unit = await check(actor, campaign, input, input.kind !== 'advanced_collective');
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertCommendation(tx, {
          campaignId: campaign.id,
          kind: input.kind,
          unitId: unit.id,
          ...person(input),
          reason: input.reason.trim(),
          evidence: dedupe(input.evidence),
          talentPool: input.talentPool ?? input.kind === 'case_expert',
          decidedOn: input.decidedOn,
          documentNumber: input.documentNumber?.trim() || null,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'commendation.create',
          recordId: row.id,
          unitId: unit.id,
          after: row,
        });
        return row;
      });
      return this.getCommendation(actor, created.id);
    },
    async updateCommendation(actor: Actor, id: string, input: CommendationInput & { version: number }) {
      const { row, campaign, issuer } = await requireCommendation(actor, id);
      mayRecord(actor, issuer);
      const unit = await check(actor, campaign, input, input.kind !== 'advanced_collective');
      await db.transaction(async (tx) => {
        const after = await repo.updateCommendation(tx, id, input.version, {
          kind: input.kind,
          unitId: unit.id,
          ...person(input),
          reason: input.reason.trim(),
          evidence: dedupe(input.evidence),
          talentPool: input.talentPool ?? input.kind === 'case_expert',
          decidedOn: input.decidedOn,
          documentNumber: input.documentNumber?.trim() || null,
        });
        if (!after) throw stale();
        await auditService.record(tx, actor, {
          action: 'commendation.update',
          recordId: id,
          unitId: after.unitId,
          before: strip(row),
          after,
        });
      });
      return this.getCommendation(actor, id);
    },
    async deleteCommendation(actor: Actor, id: string, version: number) {
      const { row, issuer } = await requireCommendation(actor, id);
      mayRecord(actor, issuer);
      await db.transaction(async (tx) => {
        const gone = await repo.deleteCommendation(tx, id, version);
        if (!gone) throw stale();
        await auditService.record(tx, actor, {
          action: 'commendation.delete',
          recordId: id,
          unitId: row.unitId,
          before: gone,
        });
      });
    },

    async listAccountability(
      actor: Actor,
      campaignId: string,
      q: { unitId?: string; measure?: AccountabilityMeasure },
    ) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const scope = await records.listScope(actor, accountabilityMeasures.unitId, { unitId: q.unitId });
      const issuer = await issuerPath(campaign);
      const rows = await repo.listAccountability(db, { ...scope, campaignId: campaign.id, kind: q.measure });
      return {
        items: await Promise.all(rows.map((r) => accountabilityView(actor, r, issuer))),
        canRecord: recognitionPolicy.canRecord(actor, issuer),
      };
    },
    async getAccountability(actor: Actor, id: string) {
      const { row, issuer } = await requireAccountability(actor, id);
      return accountabilityView(actor, row, issuer);
    },
    async createAccountability(actor: Actor, campaignId: string, input: AccountabilityInput) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      mayRecord(actor, await issuerPath(campaign));
      const unit = await check(actor, campaign, input, false);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertAccountability(tx, {
          campaignId: campaign.id,
          unitId: unit.id,
          ...person(input),
          measure: input.measure,
          reason: input.reason.trim(),
          evidence: dedupe(input.evidence),
          decidedOn: input.decidedOn,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'accountability.create',
          recordId: row.id,
          unitId: unit.id,
          after: row,
        });
        return row;
      });
      return this.getAccountability(actor, created.id);
    },
    async updateAccountability(actor: Actor, id: string, input: AccountabilityInput & { version: number }) {
      const { row, campaign, issuer } = await requireAccountability(actor, id);
      mayRecord(actor, issuer);
      const unit = await check(actor, campaign, input, false);
      await db.transaction(async (tx) => {
        const after = await repo.updateAccountability(tx, id, input.version, {
          unitId: unit.id,
          ...person(input),
          measure: input.measure,
          reason: input.reason.trim(),
          evidence: dedupe(input.evidence),
          decidedOn: input.decidedOn,
        });
        if (!after) throw stale();
        await auditService.record(tx, actor, {
          action: 'accountability.update',
          recordId: id,
          unitId: after.unitId,
          before: strip(row),
          after,
        });
      });
      return this.getAccountability(actor, id);
    },
    async deleteAccountability(actor: Actor, id: string, version: number) {
      const { row, issuer } = await requireAccountability(actor, id);
      mayRecord(actor, issuer);
      await db.transaction(async (tx) => {
        const gone = await repo.deleteAccountability(tx, id, version);
        if (!gone) throw stale();
        await auditService.record(tx, actor, {
          action: 'accountability.delete',
          recordId: id,
          unitId: row.unitId,
          before: gone,
        });
      });
    },

    /** 执法人才库 (seed 004): people commended as 办案能手 or flagged, across the plans in scope. */
    async talentPool(actor: Actor, q: { campaignId?: string; unitId?: string }) {
      const scope = await records.listScope(actor, commendations.unitId, q);
      const rows = await repo.listCommendations(db, { ...scope, talentPool: true });
      return {
        items: rows.map((r) => ({
          id: r.id,
          campaignId: r.campaignId,
          campaignName: r.campaignName,
          unitId: r.unitId,
          unitName: r.unitName,
          userId: r.userId,
          personLabel: r.userName ?? r.personName,
          kind: r.kind,
          kindLabel: COMMENDATION_KIND_LABELS[r.kind],
          reason: r.reason,
          decidedOn: r.decidedOn,
          documentNumber: r.documentNumber,
        })),
      };
    },
  };
}

export type CommendationsService = ReturnType<typeof createCommendationsService>;
