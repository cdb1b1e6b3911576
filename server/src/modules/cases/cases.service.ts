import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { createPagedTotals } from '../../platform/paged-totals';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathWithin, scopeKey } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UsersRepository } from '../users/users.repository';
import type { Role } from '../users/users.schema';
import type { UserLineCheck } from '../users/user-line';
import type { CaseInput, CaseSort, StageMove } from './case.types';
import { casePolicy } from './cases.policy';
import type { CaseFilters, CasesRepository } from './cases.repository';
import { defaultCasePattern } from './case-number';
import { caseFieldProblems, clockRuns, nextStage, separationProblem, STAGE_LABELS } from './cases.rules';
import { cases, type CaseInsert, type CaseRow, type CaseStage } from './cases.schema';
import { createCaseViews } from './case-views';
import { createCaseExtensions, type ExtensionRequest } from './case-extensions';
import { createCaseFiling } from './case-filing';
import { caseFacts, columns, dueDateOf } from './case-rows';
import { createCaseClosing, isSignedStage } from './case-closing';
import { createStageMoves } from './case-stages';
import { createCasePublicationMark } from './case-publication-mark';
import type { ApprovalsService } from '../approvals/approvals.service';
import { CASE_DUE_SOON_DAYS } from './case-clock';
import { shiftDate } from '../calendar/working-days';
import { linksCountingOnce, sameTreeAsEarlier } from './campaign-trees';
import type { CaseFacts } from '../rollups/rollup-contributions';
import type { Change } from '../rollups/rollups.service';
import { todayInChina } from '../../platform/today';
import { createCaseTransferMarks } from './case-transfer-marks';

export interface CasesDeps {
  db: Db;
  casesRepository: CasesRepository;
  campaignsRepository: CampaignsRepository;
  campaignsService: CampaignsService;
  unitsRepository: UnitsRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
  userLine: UserLineCheck;
  /** The live roll-ups, written in the same transaction as each change. */
  rollups: { recordCases(tx: Db, changes: Change<CaseFacts>[]): Promise<void> };
  /** Extensions of the clock are requests a 局领导 approves (case-extensions.ts). */
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor' | 'pendingInUnit' | 'forRecord' | 'get'>;
  /**
   * Whether a 督办 of the case is open in the case-supervision module (asked or taken up), declared
   * here and wired in services.ts: while it is, the 督办 fields are the workflow's, not the form's.
   */
  openSupervision?: (db: Db, caseId: string) => Promise<unknown>;
  /**
   * The ledger's pages, counts and export chunks read here: a replica when fresh enough for the
   * request (DATABASE_READ_URL, db/read-replica.ts); `db` when not given.
   */
  reader?: Db;
  today?: () => string;
}

export type CaseListQuery = Omit<CaseFilters, 'scope' | 'campaignPath' | 'unitPath' | 'overdueOn'> & {
  campaignId?: string;
  unitId?: string;
  overdue?: boolean;
  /** 临期: the decision clock ends within CASE_DUE_SOON_DAYS (today included), as the inbox counts them. */
  dueSoon?: boolean;
  page: number;
  pageSize: number;
  sort?: CaseSort;
};

/** A change based on a version someone else has changed since (409). */
const STALE = '案件已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）';

/** The key-case ledger (重点案件查办工作台账): cases, their stages and their clocks. */
export function createCasesService(deps: CasesDeps) {
  const {
    db,
    casesRepository: repo,
    campaignsRepository,
    campaignsService,
    unitsRepository,
    usersRepository,
    auditService,
    userLine,
    rollups,
    approvals,
  } = deps;
  const reader = deps.reader ?? db;
  const today = deps.today ?? (() => todayInChina());
  const views = createCaseViews({
    db,
    casesRepository: repo,
    campaignsRepository,
    unitsRepository,
    usersRepository,
    approvalsFor: (actor, caseId) => approvals.forRecord(actor, 'case', caseId),
    today,
  });

  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });
  const requireVisible = (actor: Actor, id: string): Promise<{ row: CaseRow; unit: UnitRow }> =>
    records.requireRecord(actor, id, '案件', cases.unitId, (id, scope) => repo.findVisible(db, id, scope));

  /** A person for a duty: an active user with the role, in the handling unit's line (the unit, above or below it). */
  const dutyHolderProblem = async (userId: string | null | undefined, unit: UnitRow, roles: Role[], label: string) =>
    userId ? userLine(userId, unit, label, roles) : null;

  /** Every problem with a case's references and fields, each on its field; throws 400 listing them all. */
  async function check(actor: Actor, input: CaseInput, existing?: CaseRow): Promise<UnitRow> {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [
      ...caseFieldProblems(input, {
        decisionDate: existing?.decisionDate,
        closingDate: existing?.closingDate,
        today: today(),
      }),
      ...target.errors,
    ];
    const unit = target.unit;
    const unitOk = unit !== null;
    if (unitOk) {
      const approver = await dutyHolderProblem(input.filingApproverId, unit, ['leader'], '批准立案的负责人');
      if (approver) errors.push({ path: 'filingApproverId', message: approver });
      const investigator = await dutyHolderProblem(input.investigatorId, unit, ['handler'], '办案人员');
      if (investigator) errors.push({ path: 'investigatorId', message: investigator });
      if (input.caseNumber && (await repo.numberTaken(db, unit.id, input.caseNumber, existing?.id)))
        errors.push({ path: 'caseNumber', message: `${unit.name}已有案件编号为“${input.caseNumber}”的案件` });
    }
    const separation = separationProblem({
      ...input,
      reviewerId: existing?.reviewerId,
      executorId: existing?.executorId,
    });
    if (separation) errors.push(separation);
    if (unitOk) errors.push(...(await supervisionProblems(input, unit)));
    if (existing && unitOk && (await supervisionOwnedByWorkflow(input, existing)))
      errors.push({
        path: 'supervisionLevel',
        message: '该案件正在督办中，督办层级、督办单位和期限由督办件确定，请在“督办”中办理',
      });
    errors.push(...(await linkProblems(actor, input)));
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
    return unit!;
  }

  /** An edit that changes the 督办 fields of a case whose 督办 runs in the workflow (立项、进展、办结). */
  async function supervisionOwnedByWorkflow(input: CaseInput, existing: CaseRow): Promise<boolean> {
    const changed =
      (input.supervisionLevel ?? null) !== existing.supervisionLevel ||
      (input.supervisingUnitId ?? null) !== existing.supervisingUnitId ||
      (input.supervisionDeadline ?? null) !== existing.supervisionDeadline;
    return changed && deps.openSupervision !== undefined && Boolean(await deps.openSupervision(db, existing.id));
  }

  /** 督办: by the handling unit itself or a unit above it (上级督办: strictly above); fills in the unit for 本级督办. */
  async function supervisionProblems(input: CaseInput, unit: UnitRow): Promise<FieldError[]> {
    if (!input.supervisionLevel) {
      input.supervisingUnitId = null;
      input.supervisionDeadline = null;
      return [];
    }
    if (!input.supervisingUnitId) {
      if (input.supervisionLevel === 'superior')
        return [{ path: 'supervisingUnitId', message: '上级督办须选择督办单位' }];
      input.supervisingUnitId = unit.id;
      return [];
    }
    const supervisor = await unitsRepository.findById(db, input.supervisingUnitId);
    if (!supervisor || !isPathWithin(unit.path, supervisor.path))
      return [{ path: 'supervisingUnitId', message: '督办单位应为承办单位本身或其上级单位' }];
    if (input.supervisionLevel === 'superior' && supervisor.id === unit.id)
      return [{ path: 'supervisingUnitId', message: '上级督办的督办单位应为承办单位的上级单位' }];
    return [];
  }

  /**
   * Further campaigns: each visible, the handling unit taking part, a category of that campaign, and
   * none in the tree of the own campaign or of an earlier one (a case counts once in a tree: campaign-trees.ts).
   */
  async function linkProblems(actor: Actor, input: CaseInput): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const own = await campaignsRepository.findById(db, input.campaignId);
    // The campaigns the case counts in so far, its own first (index -1), each with its path.
    const counted: { index: number; name: string; path: string }[] = own
      ? [{ index: -1, name: own.name, path: own.path }]
      : [];
    const seen = new Set([input.campaignId]);
    for (const [i, link] of (input.alsoCountsToward ?? []).entries()) {
      const path = `alsoCountsToward.${i}.campaignId`;
      if (seen.has(link.campaignId)) {
        errors.push({ path, message: '同一专项行动只能计入一次' });
        continue;
      }
      seen.add(link.campaignId);
      const target = await campaignsService.recordTargetProblems(actor, { unitId: input.unitId, ...link });
      for (const e of target.errors)
        if (e.path !== 'unitId' || target.unit)
          errors.push({
            path: `alsoCountsToward.${i}.${e.path === 'unitId' ? 'campaignId' : e.path}`,
            message: e.message,
          });
      const other = target.errors.some((e) => e.path === 'campaignId')
        ? undefined
        : await campaignsRepository.findById(db, link.campaignId);
      if (!other) continue; // not visible: said above, nothing more about it
      const clash = sameTreeAsEarlier([...counted.map((c) => c.path), other.path]).at(-1);
      if (clash != null) {
        // Plans of one tree already add up (an implementation plan counts in every plan above it): counting twice would double the figures.
        const earlier = counted[clash];
        const where = earlier.index < 0 ? '本案所属行动' : `第 ${earlier.index + 1} 项同时计入的“${earlier.name}”`;
        errors.push({
          path,
          message: `“${other.name}”与${where}属于同一行动体系（实施方案的数字逐级汇总到上级方案），案件在同一行动体系中只能计入一次`,
        });
        continue;
      }
      counted.push({ index: i, name: other.name, path: other.path });
    }
    return errors;
  }

  /**
   * The further campaigns an edit that does not name them keeps: the stored ones, less any in the
   * tree of the (new) own campaign or of an earlier kept one, which would count the case twice.
   * Undefined when all stay (nothing to rewrite).
   */
  async function keptLinks(
    row: CaseRow,
    campaignId: string,
  ): Promise<{ campaignId: string; categoryCode: string }[] | undefined> {
    const stored = await repo.campaignLinks(db, row.id);
    if (stored.length === 0) return undefined;
    const own = await campaignsRepository.findById(db, campaignId);
    const withPaths = await Promise.all(
      stored.map(async (l) => ({
        campaignId: l.campaignId,
        categoryCode: l.categoryCode,
        path: (await campaignsRepository.findById(db, l.campaignId))?.path ?? '',
      })),
    );
    const kept = own ? linksCountingOnce(own.path, withPaths) : withPaths;
    return kept.length === stored.length
      ? undefined
      : kept.map(({ campaignId: id, categoryCode }) => ({ campaignId: id, categoryCode }));
  }

  /** Writes a change of a case with its roll-ups and audit entry, inside the caller's transaction (409 when stale). */
  async function saveIn(
    tx: Db,
    actor: Actor,
    before: CaseRow,
    patch: Partial<CaseInsert>,
    version: number,
    action: 'case.update' | 'case.stage' | 'case.clock' | 'case.supervision' | 'case.carry_forward' | 'case.transfer',
    extra?: (tx: Db) => Promise<void>,
  ) {
    const linksBefore = await repo.campaignLinks(tx, before.id);
    await extra?.(tx);
    const events = await repo.clockEvents(tx, before.id);
    const stage = patch.stage ?? before.stage;
    const updated = await repo.update(tx, before.id, version, {
      ...patch,
      decisionDueDate: dueDateOf({ stage, filingDate: patch.filingDate ?? before.filingDate }, events, today()),
    });
    if (!updated) throw conflict(STALE);
    const linksAfter = await repo.campaignLinks(tx, before.id);
    await rollups.recordCases(tx, [{ before: caseFacts(before, linksBefore), after: caseFacts(updated, linksAfter) }]);
    const named = (links: typeof linksBefore) =>
      links.map((l) => ({ campaignId: l.campaignId, categoryCode: l.categoryCode }));
    await auditService.record(tx, actor, {
      action,
      recordId: before.id,
      unitId: updated.unitId,
      before: { ...before, alsoCountsToward: named(linksBefore) },
      after: { ...updated, alsoCountsToward: named(linksAfter) },
    });
    return updated;
  }

  const save = (...args: Parameters<typeof saveIn> extends [Db, ...infer R] ? R : never) =>
    db.transaction((tx) => saveIn(tx, ...args));

  const extensions = createCaseExtensions({ db, casesRepository: repo, approvals, saveIn, today });
  const filing = createCaseFiling({
    db,
    casesRepository: repo,
    unitsRepository,
    usersRepository,
    auditService,
    rollups,
    approvals,
    check: (actor, input) => check(actor, input),
    categoryLabel: async (campaignId, code) =>
      (await campaignsRepository.namesAndCategories(db, [campaignId])).labels.get(`${campaignId}:${code}`),
    today,
    taskFor: (tx, input) => campaignsService.recordTask.forCreate(tx, input),
  });
  const stageMoves = createStageMoves({ casesRepository: repo, dutyHolderProblem, saveIn, today });
  const closing = createCaseClosing({ db, casesRepository: repo, unitsRepository, approvals, stageMoves });

  /** The ledger filters of a query, inside the caller's scope (404 for a campaign or unit outside it). */
  async function filtersFor(actor: Actor, q: Omit<CaseListQuery, 'page' | 'pageSize'>): Promise<CaseFilters> {
    const { overdue, dueSoon, ...rest } = q;
    const filters: CaseFilters = { ...rest, ...(await records.listScope(actor, cases.unitId, q)) };
    if (overdue) filters.overdueOn = today();
    if (dueSoon) filters.dueBetween = { from: today(), to: shiftDate(today(), CASE_DUE_SOON_DAYS) };
    return filters;
  }

  const pageWithTotal = createPagedTotals();

  return {
    requireVisible,
    /** 移送司法 marks set by a transfer (transfers module), in its transaction (case-transfer-marks.ts). */
    ...createCaseTransferMarks({ casesRepository: repo, saveIn }),
    /** The approval kinds of the clock, of filing and of 结案 / 归档, for services.ts to register. */
    approvalKinds: [...extensions.kinds, filing.kind, ...closing.kinds],
    /** 是否已公开 set inside the credit module's transaction (行政处罚信息公示). */
    markPublishedIn: createCasePublicationMark({ casesRepository: repo }),

    /** 办案期限 today: overdue before `today`, due soon from it to `dueSoonLast` (the ledger's filters). */
    clockWindow: () => ({ today: today(), dueSoonLast: shiftDate(today(), CASE_DUE_SOON_DAYS) }),

    /** A page of the ledger and how many cases match (pages after the first reuse page 1's count for 30 s). */
    async list(actor: Actor, q: CaseListQuery) {
      const filters = await filtersFor(actor, q);
      const { page, pageSize, sort, ...filterQuery } = q;
      const key = [scopeKey(actor), filters.overdueOn ?? null, filters.dueBetween ?? null, filterQuery];
      const { items, ...total } = await pageWithTotal(
        key,
        page,
        () => repo.page(reader, { ...filters, sort, limit: pageSize, offset: (page - 1) * pageSize }),
        () => repo.count(reader, filters),
      );
      return { items: views.ledgerRows(items), ...total };
    },

    /**
     * The newest cases of a campaign's tree in a unit's subtree, newest filing first, without the
     * count a page carries (the 大屏's ticker: the ledger's first page, newest-in-subtree.ts).
     */
    async latest(
      actor: Actor,
      q: { campaignId: string; unitId: string; overdue?: boolean; dueSoon?: boolean },
      limit: number,
    ) {
      return views.ledgerRows(await repo.page(reader, { ...(await filtersFor(actor, q)), limit, offset: 0 }));
    },

    /** The whole filtered ledger, newest filing first, a chunk at a time (for exports of any size). */
    async *ledgerChunks(actor: Actor, q: Omit<CaseListQuery, 'page' | 'pageSize'>, chunkSize = 1000) {
      const filters = await filtersFor(actor, q);
      let after: { filingDate: string; id: string } | null = null;
      for (;;) {
        const rows = await repo.listAfter(reader, filters, after, chunkSize);
        if (rows.length === 0) return;
        yield await views.summaries(rows);
        const last = rows[rows.length - 1];
        after = { filingDate: last.filingDate, id: last.id };
      }
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return views.detail(actor, row, unit);
    },

    /** 登记案件: registers a case whose filing was approved (the office, the leader, administrators). */
    async create(actor: Actor, input: CaseInput) {
      const insert = await this.prepareFiling(actor, input);
      const created = await db.transaction((tx) => insert(tx));
      return views.detail(actor, created, (await unitsRepository.findById(db, created.unitId))!);
    },

    /** Filing for other modules (a lead becoming its case through 立案审批, leads/lead-filing.ts). */
    filing: {
      checkRequest: filing.checkRequest,
      checkApproval: filing.checkApproval,
      approvedInput: filing.approvedInput,
      insertIn: filing.insertIn,
      categoryLabel: filing.categoryLabel,
    },

    /**
     * The number a case filed now in the unit would get (the form proposes it; the number is taken
     * only by the filing itself, so two forms open at once may show the same proposal).
     */
    async nextNumber(actor: Actor, unitId: string) {
      const unit = await records.requireUnit(actor, unitId, '承办单位');
      const year = Number(today().slice(0, 4));
      return {
        caseNumber: await filing.nextNumber(db, unit.id, year, false),
        pattern: unit.caseNumberPattern ?? defaultCasePattern(unit.name),
      };
    },

    /** 立案申请: checked now, filed when the named 局领导 approves (case-filing.ts). */
    async requestFiling(actor: Actor, input: CaseInput) {
      const request = await filing.request(actor, input);
      return approvals.get(actor, request.id);
    },

    /**
     * Checks a filing now and returns the insert to run inside the caller's transaction (a lead
     * becoming its case: both change together or neither does).
     */
    async prepareFiling(actor: Actor, input: CaseInput, originLeadId?: string) {
      const unit = await check(actor, input);
      if (!casePolicy.canCreate(actor, unit.path))
        throw forbidden('办案人员立案须经局领导审批：请提交立案申请（立案审批），由批准立案的负责人批准后生效');
      return (tx: Db): Promise<CaseRow> => filing.insertIn(tx, actor, input, { originLeadId });
    },

    async update(actor: Actor, id: string, input: CaseInput & { version: number }) {
      const { row, unit: current } = await requireVisible(actor, id);
      if (!casePolicy.canEdit(actor, row, current.path))
        throw forbidden(row.stage === 'archived' ? '已归档的案件不能修改' : '只有办案人员、专项办或管理员可以修改案件');
      // An edit that clears the number keeps the stored one (numbers are given only on filing).
      input.caseNumber ||= row.caseNumber;
      const unit = await check(actor, input, row);
      input.taskId = await campaignsService.recordTask.forUpdate(db, input);
      // Not named: the stored ones stay, but the case still counts once in the tree of its campaign
      // (moved into a tree it already counted toward, the campaign chosen on the form wins).
      const links = input.alsoCountsToward ?? (await keptLinks(row, input.campaignId));
      const updated = await save(
        actor,
        row,
        columns(input),
        input.version,
        'case.update',
        links ? (tx) => repo.replaceCampaignLinks(tx, row.id, links) : undefined,
      );
      return views.detail(actor, updated, unit);
    },

    /**
     * 督办: sets the case's supervision fields (level, supervising unit, deadline) inside the caller's
     * transaction — the case-supervision module, when a 督办 is taken up (立项督办), is their source.
     * Checked as an edit of the form would be (the unit is the case's unit or above it; 上级督办
     * strictly above); written with its roll-ups and its audit entry `case.supervision`.
     */
    async setSupervision(
      tx: Db,
      actor: Actor,
      caseId: string,
      s: { level: 'self' | 'superior'; supervisingUnitId: string; deadline: string },
    ): Promise<CaseRow> {
      const row = await repo.findVisible(tx, caseId, sql`true`);
      if (!row) throw invalidField('caseId', '案件不存在');
      const unit = (await unitsRepository.findById(tx, row.unitId))!;
      const supervisor = await unitsRepository.findById(tx, s.supervisingUnitId);
      if (
        !supervisor ||
        !isPathWithin(unit.path, supervisor.path) ||
        (s.level === 'superior' && supervisor.id === unit.id)
      )
        throw invalidField('supervisingUnitId', '督办单位应为承办单位本身或其上级单位（上级督办须为上级单位）');
      return saveIn(
        tx,
        actor,
        row,
        { supervisionLevel: s.level, supervisingUnitId: s.supervisingUnitId, supervisionDeadline: s.deadline },
        row.version,
        'case.supervision',
      );
    },

    /**
     * Adds a further campaign the case counts toward, inside the caller's transaction (结转 of an
     * unfinished case into the next year's plan, case-carry-forward.service.ts): the same write as an
     * edit naming it in alsoCountsToward — links, roll-up contribution and audit entry together.
     * The caller has checked that the campaign's tree is not one the case already counts in.
     */
    async addCampaignIn(
      tx: Db,
      actor: Actor,
      caseId: string,
      link: { campaignId: string; categoryCode: string },
      action: 'case.carry_forward',
    ): Promise<CaseRow> {
      const row = await repo.findVisible(tx, caseId, sql`true`);
      if (!row) throw invalidField('caseId', '案件不存在');
      const links = (await repo.campaignLinks(tx, caseId)).map((l) => ({
        campaignId: l.campaignId,
        categoryCode: l.categoryCode,
      }));
      return saveIn(tx, actor, row, {}, row.version, action, (t) =>
        repo.replaceCampaignLinks(t, caseId, [...links, link]),
      );
    },

    /** Moves a case to its next stage, recording who and when; enforces the four-person rule. */
    async moveStage(actor: Actor, id: string, move: StageMove) {
      const { row, unit } = await requireVisible(actor, id);
      const next = nextStage(row.stage);
      if (!next) throw invalidField('to', '案件已归档');
      // Who may take the case on comes first: a refusal does not depend on what was asked.
      if (!casePolicy.canMoveTo(actor, row, next, unit.path)) {
        throw forbidden(
          next === 'notice'
            ? '核审须由法制审核人员完成'
            : next === 'decided'
              ? '处理决定须由局领导或专项办登记'
              : '您不能推进此案件',
        );
      }
      // Then whether the case is still as the user saw it: moved on by someone else, the stage asked for is stale, not wrong.
      if (move.version !== row.version) throw conflict(STALE);
      if (move.to !== next)
        throw invalidField('to', `案件处于“${STAGE_LABELS[row.stage]}”阶段，只能进入“${STAGE_LABELS[next]}”`);
      const signing = await closing.pending(db, row.id);
      if (signing)
        throw conflict(
          `本案已有待审批的“${STAGE_LABELS[signing.kind === 'case_closing' ? 'closed' : 'archived']}”申请，请等待局领导审批或撤回后再办理`,
        );
      const patch = await stageMoves.patchFor(actor, row, unit, move);
      // 结案 and 归档 are signed by a 局领导: anyone else asks him (case-closing.ts).
      if (isSignedStage(move.to) && !casePolicy.signsClosing(actor)) {
        await closing.request(actor, row, { ...move, to: move.to });
        return views.detail(actor, row, unit);
      }
      const updated = await db.transaction((tx) => stageMoves.writeIn(tx, actor, row, patch, move));
      return views.detail(actor, updated, unit);
    },

    /**
     * Stops / restarts the decision clock (中止、听证、公告、检测), or asks for an extension: that is a
     * request a 局领导 approves (the due date moves only then, case-extensions.ts).
     */
    async changeClock(
      actor: Actor,
      id: string,
      change: { version: number; reason: string } & (
        ExtensionRequest | { kind: 'pause'; fromDate: string } | { kind: 'resume'; toDate: string }
      ),
    ) {
      const { row, unit } = await requireVisible(actor, id);
      if (!casePolicy.canManageClock(actor, unit.path))
        throw forbidden('只有办案人员、专项办、局领导或管理员可以办理延期和中止');
      if (change.version !== row.version) throw conflict(STALE);
      if (!clockRuns(row.stage)) throw invalidField('kind', '案件已作出决定，办案期限不再计算');
      const events = await repo.clockEvents(db, row.id);
      const open = events.find((e) => e.kind === 'pause' && e.toDate === null);
      let write: (tx: Db) => Promise<void>;
      if (change.kind === 'resume') {
        if (!open) throw invalidField('kind', '案件未中止计时');
        if (change.toDate < open.fromDate!) throw invalidField('toDate', '恢复日期不能早于中止日期');
        if (change.toDate > today()) throw invalidField('toDate', `恢复日期不能晚于今天（${today()}）`);
        write = (tx) => repo.endPause(tx, open.id, change.toDate);
      } else if (change.kind === 'pause') {
        if (open) throw invalidField('kind', '案件已在中止计时中');
        if (change.fromDate < row.filingDate) throw invalidField('fromDate', '中止日期不能早于立案日期');
        if (change.fromDate > today()) throw invalidField('fromDate', `中止日期不能晚于今天（${today()}）`);
        write = async (tx) =>
          void (await repo.insertClockEvent(tx, {
            caseId: row.id,
            kind: 'pause',
            fromDate: change.fromDate,
            reason: change.reason,
            actorUserId: actor.userId,
          }));
      } else {
        await extensions.request(actor, row, change);
        return views.detail(actor, row, unit);
      }
      const updated = await save(actor, row, {}, change.version, 'case.clock', write);
      return views.detail(actor, updated, unit);
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
export type { CaseStage };
