import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { isPathWithin, isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { DRAW_ALGORITHM, newDrawSeed } from '../random-checks/random-draw';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import {
  checkScores,
  DEFAULT_SHEET_ITEMS,
  DEFAULT_SHEET_NAME,
  drawCaseFiles,
  rankUnits,
  sheetItemErrors,
  sheetTotal,
} from './case-review-sheet';
import { scoresFileName, scoresXlsx } from './case-review-xlsx';
import { caseReviewPolicy as policy } from './case-reviews.policy';
import type { CaseReviewsRepository } from './case-reviews.repository';
import type { CaseReviewSheetRow, ReviewItemScore, ReviewSheetItem } from './case-reviews.schema';

const STALE = '该评查记录已被他人修改，请刷新后查看';

export interface ExerciseInput {
  organizerUnitId: string;
  title: string;
  startDate: string;
  endDate: string;
  filesPerUnit: number;
  roundId?: string | null;
}

/**
 * 案卷评查: the organiser's 评查表 (versioned, frozen once scored: a change then writes a new
 * revision), its exercises, the verifiable draw of case files (random-checks' kernel), 交叉检查
 * assignments (never a reviewer of the case's own unit), scores locked on submission, and the
 * ranking of the units.
 */
export function createCaseReviewsService(deps: {
  db: Db;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  unitsRepository: Pick<UnitsRepository, 'findById' | 'findByIds'>;
  usersRepository: Pick<UsersRepository, 'findById'>;
  auditService: AuditService;
  caseReviewsRepository: CaseReviewsRepository;
}) {
  const { db, campaignsService, unitsRepository, usersRepository, auditService, caseReviewsRepository: repo } = deps;

  const sheetView = (sheet: Pick<CaseReviewSheetRow, 'name' | 'items'> & Partial<CaseReviewSheetRow>) => ({
    id: sheet.id ?? null,
    revision: sheet.revision ?? 0,
    name: sheet.name,
    items: sheet.items,
    totalPoints: sheetTotal(sheet.items),
    version: sheet.version ?? 0,
  });

  /** The unit's current sheet, stored on first use from the default. */
  async function sheetOf(tx: Db, actor: Actor, unitId: string) {
    const current = await repo.currentSheet(tx, unitId);
    if (current) return current;
    return repo.insertSheet(tx, {
      unitId,
      revision: (await repo.lastRevision(tx, unitId)) + 1,
      name: DEFAULT_SHEET_NAME,
      items: DEFAULT_SHEET_ITEMS,
      createdBy: actor.isSystemAdmin ? null : actor.userId,
    });
  }

  async function requireUnit(actor: Actor, unitId: string) {
    const unit = isUuid(unitId) ? await unitsRepository.findById(db, unitId) : undefined;
    if (!unit || !(policy.seesAll(actor, unit.path) || policy.takesPart(actor, unit.path))) throw notFound('单位');
    return unit;
  }

  /** An exercise the actor may see (the organiser and above, or a unit below it), with its organiser; 404 otherwise. */
  async function requireExercise(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findExercise(db, id) : undefined;
    const campaign = row && (await campaignsService.requireVisible(actor, row.campaignId).catch(() => undefined));
    const organizer = campaign && (await unitsRepository.findById(db, row.organizerUnitId));
    if (!row || !organizer || !(policy.seesAll(actor, organizer.path) || policy.takesPart(actor, organizer.path)))
      throw notFound('评查活动');
    return { row, organizer, campaign: campaign! };
  }

  /** A file the actor may see, with its exercise; 404 otherwise. */
  async function requireFile(actor: Actor, id: string) {
    const file = isUuid(id) ? await repo.findFile(db, id) : undefined;
    const found = file && (await requireExercise(actor, file.exerciseId).catch(() => undefined));
    const unit = found && (await unitsRepository.findById(db, file.unitId));
    if (!file || !found || !unit || !policy.canSeeFile(actor, file, unit.path, found.organizer.path))
      throw notFound('评查案卷');
    return { file, ...found };
  }

  async function filesOf(actor: Actor, exerciseId: string, organizerPath: string) {
    const rows = await repo.listFiles(db, exerciseId);
    return {
      all: rows,
      visible: rows
        .filter((r) => policy.canSeeFile(actor, r.file, r.unitPath, organizerPath))
        .map((r) => ({
          id: r.file.id,
          seq: r.file.seq,
          caseId: r.file.caseId,
          caseNumber: r.caseNumber,
          caseName: r.caseName,
          partyName: r.partyName,
          unitId: r.file.unitId,
          unitName: r.unitName,
          reviewerId: r.file.reviewerId,
          reviewerName: r.reviewerName,
          status: r.file.status,
          scores: r.file.scores,
          remarks: r.file.remarks,
          total: r.file.total,
          submittedAt: r.file.submittedAt,
          version: r.file.version,
          can: policy.fileFlags(actor, r.file, organizerPath),
        })),
    };
  }

  async function ranking(sheetItems: ReviewSheetItem[], all: Awaited<ReturnType<CaseReviewsRepository['listFiles']>>) {
    const { units, itemsLost } = rankUnits(
      sheetItems,
      all.map((r) => r.file),
    );
    const names = new Map(all.map((r) => [r.file.unitId, r.unitName]));
    return { units: units.map((u) => ({ ...u, unitName: names.get(u.unitId) ?? '' })), itemsLost };
  }

  async function detail(actor: Actor, id: string) {
    const { row, organizer } = await requireExercise(actor, id);
    const [sheet, draw, files] = await Promise.all([
      repo.findSheet(db, row.sheetId),
      repo.findDraw(db, row.id),
      filesOf(actor, row.id, organizer.path),
    ]);
    const manage = policy.canManage(actor, organizer.path);
    return {
      ...row,
      organizerName: organizer.name,
      sheet: sheetView(sheet!),
      draw: draw
        ? {
            seed: draw.seed,
            algorithm: draw.algorithm,
            count: draw.count,
            candidates: draw.candidates.reduce((s, c) => s + c.caseIds.length, 0),
            createdAt: draw.createdAt,
          }
        : null,
      files: files.visible,
      ranking: await ranking(sheet!.items, files.all),
      can: { manage, draw: manage && !draw },
    };
  }

  return {
    detail,
    /** The exercises of a round (for its 督查通报), with their ranking. */
    async roundResults(roundId: string) {
      const exercises = await repo.exercisesOfRound(db, roundId);
      return Promise.all(
        exercises.map(async (e) => {
          const [sheet, files] = await Promise.all([repo.findSheet(db, e.sheetId), repo.listFiles(db, e.id)]);
          return { title: e.title, files: files.length, ...(await ranking(sheet!.items, files)) };
        }),
      );
    },

    async sheet(actor: Actor, unitId: string) {
      const unit = await requireUnit(actor, unitId);
      const stored = await repo.currentSheet(db, unit.id);
      return {
        ...sheetView(stored ?? { name: DEFAULT_SHEET_NAME, items: DEFAULT_SHEET_ITEMS }),
        can: { edit: policy.canManage(actor, unit.path) },
      };
    },

    /** Edits the unit's sheet; once a scored exercise uses it, the change becomes a new revision (the old one frozen). */
    async saveSheet(actor: Actor, unitId: string, body: { name: string; items: ReviewSheetItem[]; version: number }) {
      const unit = await requireUnit(actor, unitId);
      if (!policy.canManage(actor, unit.path)) throw forbidden('只有组织单位的专项办可以修改评查表');
      const errors = sheetItemErrors(body.items);
      if (errors.length > 0) throw badRequest('评查表有误', errors);
      const saved = await db.transaction(async (tx) => {
        // The default sheet is stored on its first save: version 0 names it.
        const stored = await repo.currentSheet(tx, unit.id);
        if ((stored?.version ?? 0) !== body.version) throw conflict('评查表已被他人修改，请刷新后查看');
        const current = stored ?? (await sheetOf(tx, actor, unit.id));
        const change = { name: body.name, items: body.items };
        let row: CaseReviewSheetRow | undefined;
        if (await repo.sheetScored(tx, current.id)) {
          await repo.updateSheet(tx, current.id, current.version, { supersededAt: new Date() });
          row = await repo.insertSheet(tx, {
            unitId: unit.id,
            revision: current.revision + 1,
            ...change,
            createdBy: actor.isSystemAdmin ? null : actor.userId,
          });
        } else row = await repo.updateSheet(tx, current.id, current.version, change);
        if (!row) throw conflict('评查表已被他人修改，请刷新后查看');
        await auditService.record(tx, actor, {
          action: 'case_review_sheet.save',
          recordId: row.id,
          unitId: unit.id,
          before: current,
          after: row,
        });
        return row;
      });
      return { ...sheetView(saved), can: { edit: true } };
    },

    async list(actor: Actor, campaignId: string) {
      await campaignsService.requireVisible(actor, campaignId);
      const rows = await repo.listExercises(db, campaignId);
      const items = rows
        .filter((r) => policy.seesAll(actor, r.organizerPath) || policy.takesPart(actor, r.organizerPath))
        .map((r) => ({ ...r.exercise, organizerName: r.organizerName }));
      return { items, canCreate: actor.unitPath === null || policy.canManage(actor, actor.unitPath) };
    },

    async create(actor: Actor, campaignId: string, body: ExerciseInput) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const organizer = isUuid(body.organizerUnitId)
        ? await unitsRepository.findById(db, body.organizerUnitId)
        : undefined;
      if (!organizer || !policy.seesAll(actor, organizer.path)) throw notFound('组织单位');
      if (!policy.canManage(actor, organizer.path)) throw forbidden('只有组织单位的专项办可以组织案卷评查');
      if (body.endDate < body.startDate) throw invalidField('endDate', '结束日期（endDate）不能早于开始日期');
      const row = await db.transaction(async (tx) => {
        if (body.roundId) {
          const round = await repo.findRound(tx, body.roundId);
          if (!round || round.campaignId !== campaign.id || round.organizerUnitId !== organizer.id)
            throw invalidField('roundId', '督查轮次（roundId）不属于本行动和组织单位');
        }
        const sheet = await sheetOf(tx, actor, organizer.id);
        const inserted = await repo.insertExercise(tx, {
          campaignId: campaign.id,
          organizerUnitId: organizer.id,
          roundId: body.roundId ?? null,
          sheetId: sheet.id,
          title: body.title,
          startDate: body.startDate,
          endDate: body.endDate,
          filesPerUnit: body.filesPerUnit,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'case_review.create',
          recordId: inserted.id,
          unitId: organizer.id,
          after: inserted,
        });
        return inserted;
      });
      return detail(actor, row.id);
    },

    /** 抽取案卷: once per exercise, `filesPerUnit` closed or decided cases of each unit below the organiser. */
    async draw(actor: Actor, id: string, input: { version: number }) {
      const { row, organizer, campaign } = await requireExercise(actor, id);
      if (!policy.canManage(actor, organizer.path)) throw forbidden('只有组织单位的专项办可以抽取案卷');
      await db.transaction(async (tx) => {
        if (await repo.findDraw(tx, row.id)) throw conflict('本次评查已抽取案卷，不能重复抽取');
        if (!(await repo.bumpExercise(tx, row.id, input.version))) throw conflict(STALE);
        const candidates = await repo.candidates(tx, {
          campaignPath: campaign.path,
          organizerPath: organizer.path,
          organizerUnitId: organizer.id,
        });
        if (candidates.length === 0) throw badRequest('下级单位没有已作出处罚决定或已结案的案件，无案卷可抽取');
        const seed = newDrawSeed();
        const picked = drawCaseFiles({ seed, count: row.filesPerUnit, candidates });
        const draw = await repo.insertDraw(tx, {
          exerciseId: row.id,
          seed,
          algorithm: DRAW_ALGORITHM,
          candidates,
          count: row.filesPerUnit,
          picked,
          createdBy: actor.userId,
        });
        const unitOf = new Map(candidates.flatMap((c) => c.caseIds.map((caseId) => [caseId, c.unitId] as const)));
        await repo.insertFiles(
          tx,
          picked.map((caseId, i) => ({ exerciseId: row.id, caseId, unitId: unitOf.get(caseId)!, seq: i + 1 })),
        );
        await auditService.record(tx, actor, {
          action: 'case_review.draw',
          recordId: row.id,
          unitId: organizer.id,
          after: draw,
        });
      });
      return detail(actor, row.id);
    },

    /** Runs the stored draw again from its seed and candidates: the same picks, or not. */
    async verify(actor: Actor, id: string) {
      const { row } = await requireExercise(actor, id);
      const draw = await repo.findDraw(db, row.id);
      if (!draw) throw notFound('抽取记录');
      const again = drawCaseFiles({ seed: draw.seed, count: draw.count, candidates: draw.candidates });
      return {
        seed: draw.seed,
        algorithm: draw.algorithm,
        count: draw.count,
        candidates: draw.candidates,
        picked: draw.picked,
        recomputed: again,
        matches: draw.algorithm === DRAW_ALGORITHM && JSON.stringify(again) === JSON.stringify(draw.picked),
      };
    },

    /** 交叉检查: the organiser's office names a reviewer of another unit below (or of) the organiser. */
    async assign(actor: Actor, fileId: string, body: { reviewerId: string; version: number }) {
      const { file, row, organizer } = await requireFile(actor, fileId);
      if (!policy.canManage(actor, organizer.path)) throw forbidden('只有组织单位的专项办可以分配评查人员');
      if (file.status === 'submitted') throw conflict('该案卷已提交评分，不能更换评查人员');
      const reviewer = await usersRepository.findById(db, body.reviewerId);
      const reviewerUnit = reviewer?.unitId ? await unitsRepository.findById(db, reviewer.unitId) : undefined;
      if (!reviewer || !reviewer.active || !reviewerUnit || !isPathWithin(reviewerUnit.path, organizer.path))
        throw invalidField('reviewerId', '评查人员（reviewerId）应为组织单位或其下级单位的在岗人员');
      if (reviewerUnit.id === file.unitId)
        throw invalidField('reviewerId', '交叉检查：评查人员不能评查本单位的案卷，请选择其他单位的人员');
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.updateFile(tx, file.id, body.version, { reviewerId: reviewer.id });
        if (!updated) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: 'case_review.assign',
          recordId: file.id,
          unitId: file.unitId,
          before: file,
          after: updated,
        });
        return updated;
      });
      return { id: saved.id, reviewerId: saved.reviewerId, version: saved.version, exerciseId: row.id };
    },

    /** The reviewer's scores: saved while pending, locked once submitted. */
    async score(
      actor: Actor,
      fileId: string,
      body: { scores: ReviewItemScore[]; remarks?: string | null; submit: boolean; version: number },
    ) {
      const { file, row } = await requireFile(actor, fileId);
      if (file.reviewerId !== actor.userId) throw forbidden('只有分配的评查人员可以评分');
      if (file.status === 'submitted') throw conflict('评分已提交，不能修改');
      if (actor.unitId === file.unitId) throw forbidden('交叉检查：评查人员不能评查本单位的案卷');
      const sheet = (await repo.findSheet(db, row.sheetId))!;
      const { errors, total } = checkScores(sheet.items, body.scores);
      if (errors.length > 0) throw badRequest('评分有误', errors);
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.updateFile(tx, file.id, body.version, {
          scores: body.scores,
          remarks: body.remarks ?? null,
          total,
          ...(body.submit ? { status: 'submitted' as const, submittedAt: new Date() } : {}),
        });
        if (!updated) throw conflict(STALE);
        await auditService.record(tx, actor, {
          action: body.submit ? 'case_review.submit' : 'case_review.score',
          recordId: file.id,
          unitId: file.unitId,
          before: file,
          after: updated,
        });
        return updated;
      });
      return { id: saved.id, status: saved.status, total: saved.total, version: saved.version, exerciseId: row.id };
    },

    /** 我的评查任务 */
    async mine(actor: Actor) {
      const rows = await repo.filesOfReviewer(db, actor.userId);
      return {
        items: rows.map((r) => ({
          id: r.file.id,
          exerciseId: r.file.exerciseId,
          exerciseTitle: r.exerciseTitle,
          campaignId: r.campaignId,
          endDate: r.endDate,
          caseNumber: r.caseNumber,
          caseName: r.caseName,
          unitName: r.unitName,
          status: r.file.status,
          total: r.file.total,
        })),
      };
    },

    /** 评查结果汇总表 (.xlsx): the files the actor may see, and the ranking of the units. */
    async xlsx(actor: Actor, id: string) {
      const d = await detail(actor, id);
      const content = await scoresXlsx({
        title: d.title,
        organizerName: d.organizerName,
        items: d.sheet.items,
        files: d.files,
        ranking: d.ranking.units,
      });
      return { fileName: scoresFileName(d.title), content };
    },

    pendingOfReviewer: (userId: string) => repo.filesOfReviewer(db, userId, 'pending'),
  };
}

export type CaseReviewsService = ReturnType<typeof createCaseReviewsService>;
