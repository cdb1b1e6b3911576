import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathWithin, unitIdInScope } from '../../platform/scope';
import type { AuditAction } from '../audit/audit.events';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import type { EntryListRow, EntryStore, EntryTable } from './recognition-entries.repository';
import { EVIDENCE_TYPE_LABELS, type EvidenceLink } from './recognition-kinds';
import { recognitionPolicy } from './recognition.policy';
import type { RecognitionRepository } from './recognition.repository';

/** What every entry (表彰, 问责) is given: the unit, the person, the reason, the evidence, the date. */
export interface EntryInput {
  unitId: string;
  userId?: string | null;
  personName?: string | null;
  reason: string;
  evidence: EvidenceLink[];
  decidedOn: string;
}
type CommonColumn = 'campaignId' | 'unitId' | 'userId' | 'personName' | 'reason' | 'evidence' | 'decidedOn';

/** One kind of entry: its table and store, what its messages and audit entries call it, its own fields. */
export interface EntryKind<T extends EntryTable, I extends EntryInput, Q, L> {
  table: T;
  store: (repo: RecognitionRepository) => EntryStore<T>;
  /** The record's name in a 404, e.g. 表彰记录. */
  what: string;
  actions: { create: AuditAction; update: AuditAction; delete: AuditAction };
  /** Whether the entry names a person (a user, or a name). */
  personRequired: (input: I) => boolean;
  /** The kind's own columns, written on create and update. */
  columns: (input: I) => Omit<T['$inferInsert'], CommonColumn | 'createdBy'>;
  /** The kind's own labels in a view. */
  labels: (row: T['$inferSelect']) => L;
  /** The kind filter of a list query. */
  kindFilter: (q: Q) => string | undefined;
}

export interface RecognitionEntriesDeps {
  db: Db;
  recognitionRepository: RecognitionRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  usersRepository: Pick<UsersRepository, 'findById'>;
  auditService: AuditService;
}

/**
 * The lifecycle shared by 表彰 and 问责 of a plan: recorded by the plan's office or leader for a unit in
 * the plan's tree (and, optionally, a person of it), each with its evidence — records that exist and
 * that the recorder can see; read by the units concerned and those above. Every write and its audit
 * entry share one transaction; a delete keeps the row in its audit entry. `entryUseCases(kind)` gives
 * list, get, create, update and delete of one kind.
 */
export function createRecognitionEntries(deps: RecognitionEntriesDeps) {
  const { db, recognitionRepository: repo, campaignsService, unitsRepository, usersRepository, auditService } = deps;
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
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

  /** The columns every entry writes from its input (its unit checked by `check`). */
  const common = (input: EntryInput, unitId: string) => ({
    unitId,
    userId: input.userId || null,
    personName: input.userId ? null : input.personName?.trim() || null,
    reason: input.reason.trim(),
    evidence: [...new Map(input.evidence.map((l) => [`${l.type}:${l.id}`, l])).values()],
    decidedOn: input.decidedOn,
  });
  const mayRecord = (actor: Actor, issuer: string) => {
    if (!recognitionPolicy.canRecord(actor, issuer))
      throw forbidden('只有行动方案牵头单位的专项办或领导可以记录表彰和问责');
  };
  const stale = () => conflict('该记录已被他人修改或删除，请刷新后查看');
  const strip = <R extends { unitName: string; userName: string | null; campaignName: string }>(r: R) => {
    const { unitName: _u, userName: _n, campaignName: _c, ...row } = r;
    return row;
  };

  function entryUseCases<T extends EntryTable, I extends EntryInput, Q extends { unitId?: string }, L>(
    kind: EntryKind<T, I, Q, L>,
  ) {
    const store = kind.store(repo);
    type Insert = T['$inferInsert'];

    async function view(actor: Actor, r: EntryListRow<T>, issuer: string) {
      const { unitName, userName, campaignName, ...row } = r;
      return {
        ...row,
        unitName,
        campaignName,
        personLabel: userName ?? r.personName,
        ...kind.labels(r),
        evidence: await evidenceView(actor, r.evidence),
        can: { edit: recognitionPolicy.canRecord(actor, issuer), delete: recognitionPolicy.canRecord(actor, issuer) },
      };
    }
    async function requireEntry(actor: Actor, id: string) {
      const { row } = await records.requireRecord(actor, id, kind.what, kind.table.unitId, (id, scope) =>
        store.find(db, id, scope),
      );
      const campaign = await campaignsService.requireVisible(actor, row.campaignId);
      return { row, campaign, issuer: await issuerPath(campaign) };
    }

    async function get(actor: Actor, id: string) {
      const { row, issuer } = await requireEntry(actor, id);
      return view(actor, row, issuer);
    }
    return {
      async list(actor: Actor, campaignId: string, q: Q) {
        const campaign = await campaignsService.requireVisible(actor, campaignId);
        const scope = await records.listScope(actor, kind.table.unitId, { unitId: q.unitId });
        const issuer = await issuerPath(campaign);
        const rows = await store.list(db, { ...scope, campaignId: campaign.id, kind: kind.kindFilter(q) });
        return {
          items: await Promise.all(rows.map((r) => view(actor, r, issuer))),
          canRecord: recognitionPolicy.canRecord(actor, issuer),
        };
      },
      get,
      async create(actor: Actor, campaignId: string, input: I) {
        const campaign = await campaignsService.requireVisible(actor, campaignId);
        mayRecord(actor, await issuerPath(campaign));
        const unit = await check(actor, campaign, input, kind.personRequired(input));
        const created = await db.transaction(async (tx) => {
          const values = { campaignId: campaign.id, ...common(input, unit.id), ...kind.columns(input) };
          const row = await store.insert(tx, { ...values, createdBy: actor.userId } as Insert);
          await auditService.record(tx, actor, {
            action: kind.actions.create,
            recordId: row.id,
            unitId: unit.id,
            after: row,
          });
          return row;
        });
        return get(actor, created.id);
      },
      async update(actor: Actor, id: string, input: I & { version: number }) {
        const { row, campaign, issuer } = await requireEntry(actor, id);
        mayRecord(actor, issuer);
        const unit = await check(actor, campaign, input, kind.personRequired(input));
        await db.transaction(async (tx) => {
          const patch = { ...common(input, unit.id), ...kind.columns(input) } as Partial<Insert>;
          const after = await store.update(tx, id, input.version, patch);
          if (!after) throw stale();
          await auditService.record(tx, actor, {
            action: kind.actions.update,
            recordId: id,
            unitId: after.unitId,
            before: strip(row),
            after,
          });
        });
        return get(actor, id);
      },
      async delete(actor: Actor, id: string, version: number) {
        const { row, issuer } = await requireEntry(actor, id);
        mayRecord(actor, issuer);
        await db.transaction(async (tx) => {
          const gone = await store.delete(tx, id, version);
          if (!gone) throw stale();
          await auditService.record(tx, actor, {
            action: kind.actions.delete,
            recordId: id,
            unitId: row.unitId,
            before: gone,
          });
        });
      },
    };
  }

  return { records, entryUseCases };
}
