import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedFile, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { LeadInput } from '../leads/lead.types';
import type { UnitsRepository } from '../units/units.repository';
import { assistanceDocument } from './assistance-document';
import { type AssistanceKind, type AssistanceSide, isAssistanceOverdue } from './assistance-status';
import { assistancePolicy } from './assistance.policy';
import type { AssistanceListFilter, AssistanceNamedRow, AssistanceRepository } from './assistance.repository';
import type { AssistanceRequestInsert, AssistanceRequestRow } from './assistance.schema';

export interface AssistanceInput {
  kind: AssistanceKind;
  fromUnitId?: string;
  toUnitId: string;
  campaignId?: string | null;
  caseId?: string | null;
  leadId?: string | null;
  documentNumber?: string | null;
  title: string;
  facts: string;
  requestedItems: string;
  replyDueDate: string;
}

/** The sender's own records a request may name: each visible to the actor, 404 otherwise (cases', leads' `get`). */
export interface SenderRecords {
  requireCase: (actor: Actor, id: string) => Promise<unknown>;
  requireLead: (actor: Actor, id: string) => Promise<unknown>;
}

/** What the receiver gives to register a 线索通报 as a lead of its own on acceptance. */
export interface RegisterLeadInput {
  campaignId: string;
  categoryCode: string;
  partyName: string;
  important?: boolean;
}

/** Registration of a lead inside the caller's transaction (leadsService.prepareRegistration). */
export type LeadRegistration = (
  actor: Actor,
  input: Omit<LeadInput, 'taskId' | 'handlerIds'>,
) => Promise<{ insert: (tx: Db) => Promise<{ id: string }> }>;

/**
 * 协查函 and 线索通报 (issue 20): a controlled crossing of unit scope. A request is seen from the
 * sending bureau's scope and from the receiving bureau's, and by nobody else (404). The receiving
 * side sees the request's own text, its files and the answers — never the sender's campaign, case
 * or lead (`view` leaves their ids out, the audit entries of the receiver's acts too). Each write
 * with its audit entry in one transaction; `version` answers 409 when someone acted first.
 */
export function createAssistanceService(deps: {
  db: Db;
  assistanceRepository: AssistanceRepository;
  unitsRepository: UnitsRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  senderRecords: SenderRecords;
  registerLead: LeadRegistration;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, assistanceRepository: repo, unitsRepository, campaignsService, senderRecords, auditService } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  const sideOf = (actor: Actor, r: AssistanceNamedRow): AssistanceSide => ({
    sender: isPathInScope(actor, r.fromUnitPath),
    receiver: isPathInScope(actor, r.toUnitPath),
  });

  /** What the receiving side may know of a row (audit entries of its acts): the sender's records left out. */
  const shared = (r: AssistanceRequestRow) => {
    const { campaignId: _c, caseId: _k, leadId: _l, receiverLeadId: _r, ...rest } = r;
    return rest;
  };

  const stored = (r: AssistanceNamedRow): AssistanceRequestRow => {
    const { fromUnitName: _a, fromUnitPath: _b, toUnitName: _c, toUnitPath: _d, createdByName: _e, ...row } = r;
    return row;
  };

  function summary(actor: Actor, r: AssistanceNamedRow, today: string) {
    const side = sideOf(actor, r);
    return {
      id: r.id,
      kind: r.kind,
      fromUnitId: r.fromUnitId,
      fromUnitName: r.fromUnitName,
      toUnitId: r.toUnitId,
      toUnitName: r.toUnitName,
      documentNumber: r.documentNumber,
      title: r.title,
      replyDueDate: r.replyDueDate,
      status: r.status,
      overdue: isAssistanceOverdue(r.status, r.replyDueDate, today),
      createdAt: r.createdAt,
      side,
    };
  }

  async function requireRequest(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findVisible(db, actor, id) : undefined;
    if (!row) throw notFound('协查函或线索通报');
    return { row, side: sideOf(actor, row) };
  }

  async function change(
    actor: Actor,
    row: AssistanceNamedRow,
    version: number,
    patch: Partial<AssistanceRequestInsert>,
    action: 'assistance.withdraw' | 'assistance.accept' | 'assistance.decline',
  ) {
    const senderAct = action === 'assistance.withdraw';
    await db.transaction(async (tx) => {
      const updated = await repo.update(tx, row.id, version, patch);
      if (!updated) throw conflict('该协查函已被他人办理或修改，请刷新后查看');
      await auditService.record(tx, actor, {
        action,
        recordId: row.id,
        unitId: senderAct ? row.fromUnitId : row.toUnitId,
        before: senderAct ? stored(row) : shared(stored(row)),
        after: senderAct ? updated : shared(updated),
      });
    });
  }

  const receiverOnly = (side: AssistanceSide) => {
    if (!side.receiver) throw forbidden('本单位不是该协查函的受理单位');
  };

  return {
    /** The bureaus a request may go to (any active bureau on the installation): id, name, parent's name. */
    recipients: () => repo.recipients(db),

    async list(actor: Actor, f: AssistanceListFilter) {
      const today = todayInChina(now());
      const { rows, total } = await repo.list(db, actor, f);
      return { items: rows.map((r) => summary(actor, r, today)), total, page: f.page, pageSize: f.pageSize };
    },

    async get(actor: Actor, id: string) {
      const { row, side } = await requireRequest(actor, id);
      const today = todayInChina(now());
      const [replies, files] = await Promise.all([repo.replies(db, row.id), repo.attachments(db, row.id)]);
      return {
        ...summary(actor, row, today),
        facts: row.facts,
        requestedItems: row.requestedItems,
        declineReason: row.declineReason,
        createdByName: row.createdByName,
        acceptedAt: row.acceptedAt,
        version: row.version,
        // The sender's own records: only for its side, never for the receiving bureau.
        sender: side.sender ? { campaignId: row.campaignId, caseId: row.caseId, leadId: row.leadId } : null,
        // The receiver's lead registered from a 线索通报: only for its side.
        receiver: side.receiver ? { leadId: row.receiverLeadId } : null,
        replies: replies.map((r) => ({
          id: r.id,
          text: r.text,
          repliedOn: r.repliedOn,
          repliedByName: r.repliedByName,
          createdAt: r.createdAt,
        })),
        attachments: files,
        can: assistancePolicy.can(actor, side, row.status),
      };
    },

    /** 发函: the sending bureau (the actor's, or one in his scope) to any other active bureau. */
    async send(actor: Actor, input: AssistanceInput, history?: { at: Date }) {
      if (!assistancePolicy.canSend(actor))
        throw forbidden('只有发函单位的专项办、局领导或办案人员可以发出协查函或线索通报');
      const fromId = input.fromUnitId ?? actor.unitId;
      if (!fromId) throw invalidField('fromUnitId', '请选择发函单位');
      const from = await records.requireUnit(actor, fromId, '发函单位');
      if (from.kind !== 'bureau') throw invalidField('fromUnitId', '发函单位须为市场监管局（区县局或市局）');
      const to = isUuid(input.toUnitId) ? await repo.bureau(db, input.toUnitId) : undefined;
      if (!to) throw invalidField('toUnitId', '请选择受理单位（本系统中的市场监管局）');
      if (to.id === from.id) throw invalidField('toUnitId', '受理单位不能是发函单位本身');
      const today = todayInChina(now());
      if (!history && input.replyDueDate < today) throw invalidField('replyDueDate', '答复期限不能早于今天');
      if (input.campaignId) await campaignsService.requireVisible(actor, input.campaignId);
      if (input.caseId) await senderRecords.requireCase(actor, input.caseId);
      if (input.leadId) await senderRecords.requireLead(actor, input.leadId);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          kind: input.kind,
          fromUnitId: from.id,
          toUnitId: to.id,
          campaignId: input.campaignId ?? null,
          caseId: input.caseId ?? null,
          leadId: input.leadId ?? null,
          documentNumber: input.documentNumber?.trim() || null,
          title: input.title.trim(),
          facts: input.facts.trim(),
          requestedItems: input.requestedItems.trim(),
          replyDueDate: input.replyDueDate,
          createdBy: actor.userId,
          createdAt: history?.at ?? now(),
          updatedAt: history?.at ?? now(),
        });
        await auditService.record(tx, actor, {
          action: 'assistance.send',
          recordId: row.id,
          unitId: from.id,
          after: row,
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    /** 撤回: the sender takes a request back before the receiver accepts it. */
    async withdraw(actor: Actor, id: string, input: { version: number }) {
      const { row, side } = await requireRequest(actor, id);
      if (!side.sender) throw forbidden('只有发函单位可以撤回协查函');
      if (!assistancePolicy.can(actor, side, 'sent').withdraw)
        throw forbidden('只有发函单位的专项办、局领导或办案人员可以撤回协查函');
      if (row.status !== 'sent') throw conflict('对方已受理或已办结，不能再撤回');
      await change(actor, row, input.version, { status: 'withdrawn' }, 'assistance.withdraw');
      return this.get(actor, id);
    },

    /**
     * 受理: the receiving bureau's office or leader. A 线索通报 may be registered at once as a lead of
     * the receiving bureau (source 异地协查、线索通报), in the same transaction as the acceptance.
     */
    async accept(
      actor: Actor,
      id: string,
      input: { version: number; registerLead?: RegisterLeadInput },
      history?: { at: Date },
    ) {
      const { row, side } = await requireRequest(actor, id);
      receiverOnly(side);
      if (!assistancePolicy.canReceive(actor)) throw forbidden('只有受理单位的专项办或局领导可以受理');
      if (row.status !== 'sent') throw conflict('该协查函不在待受理状态');
      const at = history?.at ?? now();
      const reg = input.registerLead;
      if (reg && row.kind !== 'lead_notice') throw invalidField('registerLead', '只有线索通报可以登记为本单位线索');
      const lead = reg
        ? await deps.registerLead(actor, {
            unitId: row.toUnitId,
            campaignId: reg.campaignId,
            categoryCode: reg.categoryCode,
            source: 'cross_region',
            sourceNumber: row.documentNumber,
            receivedDate: todayInChina(at),
            partyName: reg.partyName,
            description: `${row.fromUnitName}${row.title}：${row.facts}`.slice(0, 5000),
            complainantName: null,
            complainantPhone: null,
            complainantIdNumber: null,
            important: reg.important ?? false,
          })
        : undefined;
      await db.transaction(async (tx) => {
        const registered = lead ? await lead.insert(tx) : undefined;
        const updated = await repo.update(tx, row.id, input.version, {
          status: 'accepted',
          acceptedBy: actor.userId,
          acceptedAt: at,
          receiverLeadId: registered?.id ?? null,
        });
        if (!updated) throw conflict('该协查函已被他人办理或修改，请刷新后查看');
        await auditService.record(tx, actor, {
          action: 'assistance.accept',
          recordId: row.id,
          unitId: row.toUnitId,
          before: shared(stored(row)),
          after: { ...shared(updated), receiverLeadId: updated.receiverLeadId },
        });
      });
      return this.get(actor, id);
    },

    /** 拒绝: the receiving bureau declines with its reason. */
    async decline(actor: Actor, id: string, input: { reason: string; version: number }) {
      const { row, side } = await requireRequest(actor, id);
      receiverOnly(side);
      if (!assistancePolicy.canReceive(actor)) throw forbidden('只有受理单位的专项办或局领导可以拒绝');
      if (row.status !== 'sent') throw conflict('该协查函不在待受理状态');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', '请填写拒绝理由');
      await change(actor, row, input.version, { status: 'declined', declineReason: reason }, 'assistance.decline');
      return this.get(actor, id);
    },

    /** 答复: the receiving bureau answers an accepted request (again, to add to its answer). */
    async answer(actor: Actor, id: string, input: { text: string; version: number }, history?: { at: Date }) {
      const { row, side } = await requireRequest(actor, id);
      receiverOnly(side);
      if (!assistancePolicy.canReceive(actor)) throw forbidden('只有受理单位的专项办或局领导可以答复');
      if (row.status !== 'accepted' && row.status !== 'answered') throw conflict('请先受理该协查函再答复');
      const text = input.text.trim();
      if (!text) throw invalidField('text', '请填写答复内容');
      await db.transaction(async (tx) => {
        const updated = await repo.update(tx, row.id, input.version, { status: 'answered' });
        if (!updated) throw conflict('该协查函已被他人办理或修改，请刷新后查看');
        const reply = await repo.insertReply(tx, {
          requestId: row.id,
          text,
          repliedOn: todayInChina(history?.at ?? now()),
          repliedBy: actor.userId,
          repliedByName: actor.displayName,
          createdAt: history?.at ?? now(),
        });
        await auditService.record(tx, actor, {
          action: 'assistance.answer',
          recordId: row.id,
          unitId: row.toUnitId,
          before: shared(stored(row)),
          after: { ...shared(updated), reply },
        });
      });
      return this.get(actor, id);
    },

    /** A file of one side: the sender's while the request waits, the receiver's with its answers. */
    async attach(actor: Actor, id: string, sideName: 'sender' | 'receiver', file: UploadedFile) {
      const { row, side } = await requireRequest(actor, id);
      const can = assistancePolicy.can(actor, side, row.status);
      if (sideName === 'receiver') {
        receiverOnly(side);
        if (!assistancePolicy.canReceive(actor)) throw forbidden('只有受理单位的专项办或局领导可以上传答复附件');
        if (!can.attachReceiver) throw conflict('请先受理该协查函再上传答复附件');
      } else {
        if (!side.sender) throw forbidden('本单位不是该协查函的发函单位');
        if (!assistancePolicy.canSend(actor)) throw forbidden('只有发函单位的专项办、局领导或办案人员可以上传附件');
        if (!can.attachSender) throw conflict('协查函已被受理或已办结，发函附件不能再添加');
      }
      const checked = storedFile(actor, file);
      await db.transaction(async (tx) => {
        const saved = await repo.insertAttachment(tx, { ...checked, requestId: row.id, side: sideName });
        await auditService.record(tx, actor, {
          action: 'assistance.attach',
          recordId: row.id,
          unitId: sideName === 'sender' ? row.fromUnitId : row.toUnitId,
          after: withoutContent(saved),
        });
      });
      return this.get(actor, id);
    },

    async download(actor: Actor, id: string, fileId: string) {
      const { row } = await requireRequest(actor, id);
      const file = isUuid(fileId) ? await repo.attachment(db, row.id, fileId) : undefined;
      if (!file) throw notFound('附件');
      return file;
    },

    /** The 协查函 / 线索通报 as a GB/T 9704 .docx (both sides). */
    async document(actor: Actor, id: string) {
      const { row } = await requireRequest(actor, id);
      const files = await repo.attachments(db, row.id);
      return assistanceDocument(
        row,
        files.filter((f) => f.side === 'sender').map((f) => f.fileName),
      );
    },
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
