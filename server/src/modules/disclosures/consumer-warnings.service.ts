import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import { disclosurePolicy } from './disclosures.policy';
import type { DisclosuresRepository, WarningListRow } from './disclosures.repository';
import {
  consumerWarnings,
  WARNING_KIND_LABELS,
  type ConsumerWarningRow,
  type WarningKind,
  type WarningStatus,
} from './disclosures.schema';
import { findPersonalData, personalDataMessage } from './redaction';

export interface WarningInput {
  kind: WarningKind;
  title: string;
  body: string;
}

const STALE = '该警示已被他人修改，请刷新后再试（您填写的内容仍保留在页面上）';

/**
 * 消费警示 / 警示公告 (及时发布消费预警提示): a bureau's office writes and publishes them itself —
 * a warning names no party and decides nothing about anyone, so it needs no 局领导's approval as a
 * case's disclosure does. The personal-data check still runs on every save and on publication:
 * ID and phone numbers, and the name of any user of the system.
 */
export function createConsumerWarningsService(deps: {
  db: Db;
  disclosuresRepository: DisclosuresRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, disclosuresRepository, auditService } = deps;
  const repo = disclosuresRepository.warnings;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: deps.unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });

  const requireWarning = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '警示', consumerWarnings.unitId, (id, scope) => repo.findVisible(db, id, scope));

  const view = (actor: Actor, r: WarningListRow, unitPath: string) => ({
    ...r,
    kindLabel: WARNING_KIND_LABELS[r.kind],
    can: {
      edit: r.status === 'draft' && disclosurePolicy.canManageWarnings(actor, unitPath),
      publish: r.status === 'draft' && disclosurePolicy.canManageWarnings(actor, unitPath),
      withdraw: r.status === 'published' && disclosurePolicy.canWithdraw(actor, unitPath),
    },
  });

  const stored = ({ unitName: _u, ...row }: WarningListRow): ConsumerWarningRow => row;

  /** Empty fields and personal data, each on its field; 422 for personal data. */
  async function check(input: Pick<WarningInput, 'title' | 'body'>) {
    const fields = [
      { key: 'title', label: '标题', text: input.title.trim() },
      { key: 'body', label: '正文', text: input.body.trim() },
    ] as const;
    const empty = fields.find((f) => !f.text);
    if (empty) throw invalidField(empty.key, `请填写${empty.label}`);
    const names = await disclosuresRepository.userNamesIn(
      db,
      fields.map((f) => f.text),
    );
    const errors: FieldError[] = fields.flatMap((f) =>
      findPersonalData(f.text, names).map((hit) => ({ path: f.key, message: personalDataMessage(f.label, hit) })),
    );
    if (errors.length) throw new AppError(422, '含有个人信息', errors.map((e) => e.message).join('；'), errors);
  }

  async function change(
    actor: Actor,
    before: ConsumerWarningRow,
    version: number,
    patch: Partial<ConsumerWarningRow>,
    action: 'consumer_warning.edit' | 'consumer_warning.publish' | 'consumer_warning.withdraw',
  ) {
    await db.transaction(async (tx) => {
      const row = await repo.update(tx, before.id, version, patch);
      if (!row) throw conflict(STALE);
      await auditService.record(tx, actor, { action, recordId: row.id, unitId: row.unitId, before, after: row });
    });
  }

  return {
    async list(actor: Actor, q: { unitId?: string; kind?: WarningKind; status?: WarningStatus }) {
      const scope = await records.listScope(actor, consumerWarnings.unitId, { unitId: q.unitId });
      const rows = await repo.list(db, { ...scope, kind: q.kind, status: q.status });
      const paths = new Map<string, string>();
      for (const id of new Set(rows.map((r) => r.unitId)))
        paths.set(id, (await deps.unitsRepository.findById(db, id))?.path ?? '');
      const own = actor.unitId ? await deps.unitsRepository.findById(db, actor.unitId) : undefined;
      return {
        items: rows.map((r) => view(actor, r, paths.get(r.unitId)!)),
        canCreate: Boolean(own && disclosurePolicy.canManageWarnings(actor, own.path)),
      };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireWarning(actor, id);
      return view(actor, row, unit.path);
    },

    /** A draft of the actor's unit (the office's bureau). */
    async create(actor: Actor, input: WarningInput & { unitId?: string }) {
      const unit = await records.requireUnit(actor, input.unitId ?? actor.unitId ?? '', '发布单位');
      if (!disclosurePolicy.canManageWarnings(actor, unit.path)) throw forbidden('只有专项办可以撰写消费警示');
      await check(input);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          unitId: unit.id,
          kind: input.kind,
          title: input.title.trim(),
          body: input.body.trim(),
          status: 'draft',
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'consumer_warning.create',
          recordId: row.id,
          unitId: row.unitId,
          after: row,
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    async update(actor: Actor, id: string, input: WarningInput & { version: number }) {
      const { row, unit } = await requireWarning(actor, id);
      if (!disclosurePolicy.canManageWarnings(actor, unit.path)) throw forbidden('只有专项办可以修改消费警示');
      if (row.status !== 'draft') throw conflict('警示已发布或已撤下，不能修改');
      await check(input);
      await change(
        actor,
        stored(row),
        input.version,
        { kind: input.kind, title: input.title.trim(), body: input.body.trim() },
        'consumer_warning.edit',
      );
      return this.get(actor, id);
    },

    /** 发布: checked again, then on the public page, dated today. */
    async publish(actor: Actor, id: string, input: { version: number }) {
      const { row, unit } = await requireWarning(actor, id);
      if (!disclosurePolicy.canManageWarnings(actor, unit.path)) throw forbidden('只有专项办可以发布消费警示');
      if (row.status !== 'draft') throw conflict('警示已发布或已撤下');
      await check(row);
      const at = now();
      await change(
        actor,
        stored(row),
        input.version,
        { status: 'published', publishedAt: at, issuedDate: todayInChina(at) },
        'consumer_warning.publish',
      );
      return this.get(actor, id);
    },

    async withdraw(actor: Actor, id: string, input: { version: number }) {
      const { row, unit } = await requireWarning(actor, id);
      if (!disclosurePolicy.canWithdraw(actor, unit.path)) throw forbidden('只有专项办或局领导可以撤下警示');
      if (row.status !== 'published') throw conflict('只有已发布的警示可以撤下');
      await change(actor, stored(row), input.version, { status: 'withdrawn' }, 'consumer_warning.withdraw');
      return this.get(actor, id);
    },

    async publicList(q: { kind?: WarningKind; page: number; pageSize: number }) {
      const [items, total] = await Promise.all([
        repo.publicList(db, { kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.publicCount(db, q.kind),
      ]);
      return { items: items.map((i) => ({ ...i, kindLabel: WARNING_KIND_LABELS[i.kind] })), total };
    },
  };
}

export type ConsumerWarningsService = ReturnType<typeof createConsumerWarningsService>;
