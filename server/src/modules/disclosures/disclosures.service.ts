import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesService } from '../cases/cases.service';
import type { UnitsRepository } from '../units/units.repository';
import { disclosurePolicy } from './disclosures.policy';
import { DISCLOSURE_PUBLISH_KIND, type DisclosureListRow, type DisclosuresRepository } from './disclosures.repository';
import { caseDisclosures, type CaseDisclosureRow, type DisclosureStatus } from './disclosures.schema';
import { draftFromCase, findPersonalData, personalDataMessage } from './redaction';

export interface DisclosureText {
  title: string;
  body: string;
  partyDisplayName: string;
}

const FIELDS: { key: keyof DisclosureText; label: string }[] = [
  { key: 'title', label: '标题' },
  { key: 'body', label: '正文' },
  { key: 'partyDisplayName', label: '当事人' },
];

const STALE = '曝光稿已被他人修改，请刷新后再试（您填写的内容仍保留在页面上）';

/** 422 naming each field that carries personal data (正文含有手机号码“138****0000”，请删去). */
export function personalDataProblems(text: DisclosureText, names: readonly string[]): FieldError[] {
  return FIELDS.flatMap(({ key, label }) =>
    findPersonalData(text[key], names).map((hit) => ({ path: key, message: personalDataMessage(label, hit) })),
  );
}

export const refuseIfPersonal = (errors: FieldError[]) => {
  if (errors.length) throw new AppError(422, '含有个人信息', errors.map((e) => e.message).join('；'), errors);
};

/**
 * 典型案件曝光: the office writes a redacted draft from a decided typical case (redaction.ts), edits
 * it, submits it for a 局领导's approval (approvals module); approval publishes it in the decision's
 * transaction. The personal-data check runs on every save, on submission and again on approval:
 * nothing that names a person or carries an ID or phone number is stored, let alone published.
 */
export function createDisclosuresService(deps: {
  db: Db;
  disclosuresRepository: DisclosuresRepository;
  casesService: Pick<CasesService, 'get' | 'requireVisible'>;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  approvals: Pick<ApprovalsService, 'request'>;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, disclosuresRepository: repo, casesService, approvals, auditService } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: deps.unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });

  const requireDisclosure = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '曝光稿', caseDisclosures.unitId, (id, scope) => repo.findVisible(db, id, scope));

  /** The names a text may not carry: the case's people and any user whose name stands in it. */
  const namesFor = async (conn: Db, caseId: string, t: DisclosureText) => [
    ...(await repo.personalNames(conn, caseId)),
    ...(await repo.userNamesIn(conn, [t.title, t.body, t.partyDisplayName])),
  ];

  const statusOf = (r: DisclosureListRow): DisclosureStatus | 'pending' =>
    r.status === 'draft' && r.pendingApprovalId ? 'pending' : r.status;

  const view = (actor: Actor, r: DisclosureListRow, unitPath: string) => {
    const status = statusOf(r);
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      caseName: r.caseName,
      unitId: r.unitId,
      unitName: r.unitName,
      campaignId: r.campaignId,
      title: r.title,
      body: r.body,
      partyDisplayName: r.partyDisplayName,
      categoryLabel: r.categoryLabel,
      decisionDate: r.decisionDate,
      status,
      approvalRequestId: r.pendingApprovalId ?? r.approvalRequestId,
      publishedAt: r.publishedAt,
      withdrawnAt: r.withdrawnAt,
      withdrawReason: r.withdrawReason,
      createdByName: r.createdByName ?? '',
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      can: {
        edit: status === 'draft' && disclosurePolicy.canEdit(actor, unitPath),
        submit: status === 'draft' && disclosurePolicy.canEdit(actor, unitPath),
        withdraw: status === 'published' && disclosurePolicy.canWithdraw(actor, unitPath),
      },
    };
  };

  /** The stored row (what the audit entry keeps), without the names read beside it. */
  const stored = ({
    pendingApprovalId: _p,
    unitName: _u,
    caseNumber: _n,
    caseName: _c,
    createdByName: _b,
    ...row
  }: DisclosureListRow): CaseDisclosureRow => row;

  /** The case may be disclosed: marked typical and decided (422 naming caseId otherwise). */
  const caseProblem = (c: { typical: boolean; decisionDate: string | null } | undefined) =>
    !c
      ? '案件不存在'
      : !c.typical
        ? '只有标记为典型案件的案件才能曝光，请先在案件中勾选“典型案件”'
        : !c.decisionDate
          ? '案件尚未作出处罚（处理）决定，决定作出后才能曝光'
          : null;

  const clean = (t: DisclosureText): DisclosureText => ({
    title: t.title.trim(),
    body: t.body.trim(),
    partyDisplayName: t.partyDisplayName.trim(),
  });

  async function change(
    actor: Actor,
    before: CaseDisclosureRow,
    version: number,
    patch: Partial<CaseDisclosureRow>,
    action: 'disclosure.edit' | 'disclosure.withdraw',
  ) {
    await db.transaction(async (tx) => {
      const row = await repo.update(tx, before.id, version, patch);
      if (!row) throw conflict(STALE);
      await auditService.record(tx, actor, { action, recordId: row.id, unitId: row.unitId, before, after: row });
    });
  }

  /** Approval publishes the draft, checked again (the case, the text) inside the decision's transaction. */
  async function applyPublish(tx: Db, request: ApprovalRequestRow, approver: Actor) {
    const d = await repo.findById(tx, request.recordId);
    if (!d) throw conflict('曝光稿已不存在');
    if (d.status !== 'draft') throw conflict(d.status === 'published' ? '该曝光稿已经发布' : '该曝光稿已撤下');
    if ((request.payload as { version?: number }).version !== d.version)
      throw conflict('曝光稿在提交审批后又被修改，请退回后重新提交');
    const facts = await repo.caseFacts(tx, d.caseId);
    const problem = caseProblem(facts);
    if (problem) throw new AppError(422, '不能发布', problem, [{ path: 'caseId', message: problem }]);
    refuseIfPersonal(personalDataProblems(d, await namesFor(tx, d.caseId, d)));
    const row = await repo.update(tx, d.id, d.version, {
      status: 'published',
      publishedAt: now(),
      approvalRequestId: request.id,
      decisionDate: facts!.decisionDate!,
    });
    if (!row) throw conflict(STALE);
    await auditService.record(tx, approver, {
      action: 'disclosure.publish',
      recordId: d.id,
      unitId: d.unitId,
      before: { status: d.status },
      after: row,
    });
  }

  return {
    /** The kind services.ts registers with the approvals module. */
    approvalKinds: [
      {
        kind: DISCLOSURE_PUBLISH_KIND,
        recordType: 'case_disclosure',
        label: '典型案件曝光',
        apply: applyPublish,
        describe: () => '在公开页面发布脱敏后的典型案件（发布前再次检查是否含有个人信息）',
        link: (r) => `/disclosures/${r.recordId}`,
      } satisfies ApprovalKind,
    ],

    /** Disclosures in scope (a case's, or a unit's subtree's); `canCreate` for a case that may have one. */
    async list(actor: Actor, q: { unitId?: string; caseId?: string; status?: DisclosureStatus }) {
      const scope = await records.listScope(actor, caseDisclosures.unitId, { unitId: q.unitId });
      let canCreate = false;
      if (q.caseId) {
        const { row, unit } = await casesService.requireVisible(actor, q.caseId);
        canCreate =
          disclosurePolicy.canCreate(actor, unit.path) &&
          caseProblem(row) === null &&
          !(await repo.openForCase(db, row.id));
      }
      const rows = await repo.list(db, { ...scope, caseId: q.caseId, status: q.status });
      const paths = new Map<string, string>();
      for (const id of new Set(rows.map((r) => r.unitId)))
        paths.set(id, (await deps.unitsRepository.findById(db, id))?.path ?? '');
      return { items: rows.map((r) => view(actor, r, paths.get(r.unitId)!)), canCreate };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireDisclosure(actor, id);
      return view(actor, row, unit.path);
    },

    /** 生成曝光稿: a redacted draft written from a decided typical case, in the actor's bureau. */
    async create(actor: Actor, input: { caseId: string }) {
      const { row: c, unit } = await casesService.requireVisible(actor, input.caseId);
      if (!disclosurePolicy.canCreate(actor, unit.path)) throw forbidden('只有专项办可以撰写典型案件曝光稿');
      const problem = caseProblem(c);
      if (problem) throw new AppError(422, '不能曝光', problem, [{ path: 'caseId', message: problem }]);
      if (await repo.openForCase(db, c.id)) throw conflict('该案件已有曝光稿（草稿或已发布），请在原稿上修改');
      const detail = await casesService.get(actor, c.id);
      const names = await repo.personalNames(db, c.id);
      // The bureau that publishes it (the office's own) names itself as the one that decided.
      const publisher = (actor.unitId && (await deps.unitsRepository.findById(db, actor.unitId))) || unit;
      const draft = draftFromCase({
        ...c,
        decisionDate: c.decisionDate!,
        unitName: publisher.name,
        personalNames: names,
      });
      refuseIfPersonal(personalDataProblems(draft, await namesFor(db, c.id, draft)));
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          caseId: c.id,
          unitId: publisher.id,
          campaignId: c.campaignId,
          ...draft,
          categoryLabel: detail.categoryLabel ?? c.categoryCode,
          decisionDate: c.decisionDate!,
          status: 'draft',
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'disclosure.create',
          recordId: row.id,
          unitId: row.unitId,
          after: row,
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    /** The office edits its draft (not while it awaits approval); refused while it carries personal data. */
    async update(actor: Actor, id: string, input: DisclosureText & { version: number }) {
      const { row, unit } = await requireDisclosure(actor, id);
      if (!disclosurePolicy.canEdit(actor, unit.path)) throw forbidden('只有专项办可以修改曝光稿');
      if (statusOf(row) !== 'draft')
        throw conflict(row.pendingApprovalId ? '曝光稿正在审批中，不能修改' : '曝光稿已发布或已撤下，不能修改');
      const text = clean(input);
      const empty = FIELDS.filter((f) => !text[f.key]).map((f) => ({ path: f.key, message: `请填写${f.label}` }));
      if (empty.length) throw invalidField(empty[0].path, empty[0].message);
      refuseIfPersonal(personalDataProblems(text, await namesFor(db, row.caseId, text)));
      await change(actor, stored(row), input.version, text, 'disclosure.edit');
      return this.get(actor, id);
    },

    /** 提交审批: checked once more, then a request to the bureau's 局领导; the draft waits (待审批). */
    async submit(actor: Actor, id: string, input: { version: number }) {
      const { row, unit } = await requireDisclosure(actor, id);
      if (!disclosurePolicy.canEdit(actor, unit.path)) throw forbidden('只有专项办可以提交曝光稿');
      if (row.pendingApprovalId) throw conflict('曝光稿已提交审批，请等待局领导审批');
      if (row.status !== 'draft') throw conflict('曝光稿已发布或已撤下，不能再提交');
      const problem = caseProblem(await repo.caseFacts(db, row.caseId));
      if (problem) throw new AppError(422, '不能曝光', problem, [{ path: 'caseId', message: problem }]);
      refuseIfPersonal(personalDataProblems(row, await namesFor(db, row.caseId, row)));
      await db.transaction(async (tx) => {
        const bumped = await repo.update(tx, row.id, input.version, {});
        if (!bumped) throw conflict(STALE);
        await approvals.request(tx, actor, {
          kind: DISCLOSURE_PUBLISH_KIND,
          recordType: 'case_disclosure',
          recordId: row.id,
          unitId: row.unitId,
          title: `曝光：${row.title}`,
          payload: { version: bumped.version },
          approverRole: 'leader',
        });
        await auditService.record(tx, actor, {
          action: 'disclosure.submit',
          recordId: row.id,
          unitId: row.unitId,
          before: { version: row.version },
          after: bumped,
        });
      });
      return this.get(actor, id);
    },

    /** 撤下: the office or a 局领导 takes a published disclosure off the public page, with the reason. */
    async withdraw(actor: Actor, id: string, input: { reason: string; version: number }) {
      const { row, unit } = await requireDisclosure(actor, id);
      if (!disclosurePolicy.canWithdraw(actor, unit.path)) throw forbidden('只有专项办或局领导可以撤下曝光');
      if (row.status !== 'published') throw conflict('只有已发布的曝光可以撤下');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', '请填写撤下原因');
      await change(
        actor,
        stored(row),
        input.version,
        { status: 'withdrawn', withdrawnAt: now(), withdrawReason: reason },
        'disclosure.withdraw',
      );
      return this.get(actor, id);
    },

    /** The public list: published disclosures only, public fields only. */
    async publicList(q: { page: number; pageSize: number }) {
      const [items, total] = await Promise.all([
        repo.publicList(db, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.publicCount(db),
      ]);
      return { items, total };
    },

    publicGet: (id: string) => repo.publicFind(db, id),
  };
}

export type DisclosuresService = ReturnType<typeof createDisclosuresService>;
