import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, type FieldError } from '../../platform/errors';
import { isUuid, unitIdInScope } from '../../platform/scope';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { cases } from '../cases/cases.schema';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import type { UserLineCheck } from '../users/user-line';
import type { UsersRepository } from '../users/users.repository';
import type { SeizedGoodsRepository } from './seized-goods.repository';
import type { DisposalRow, SeizedGoodsRow } from './seized-goods.schema';
import type { DisposalInput, SeizedGoodsInput } from './seized-goods.service';
import { disposalProblem, quantityProblem, type DisposalAmount } from './seized-quantity';

/** 422 listing every problem, each on its field. */
export const refused = (errors: FieldError[]) =>
  new AppError(422, '无法办理', errors.map((e) => e.message).join('；'), errors);

/** Goods registered as 没收 on the spot count as confiscated in full, before any disposal. */
export const amountsOf = (row: Pick<SeizedGoodsRow, 'measure' | 'quantity'>, disposals: DisposalAmount[]) =>
  row.measure === 'confiscated' ? [{ kind: 'confiscated' as const, quantity: row.quantity }, ...disposals] : disposals;

/**
 * The rules a custody record and a disposal are checked against before anything is written: the
 * plan, unit and category, the exact quantity, the custodian in the unit's line, the outing, its
 * row, the case and the entity in the actor's scope; a disposal's witnesses, method, dates and
 * quantity (never more than is held, by the kernel).
 */
export function createSeizedGoodsChecks(deps: {
  db: Db;
  seizedGoodsRepository: SeizedGoodsRepository;
  campaignsService: Pick<CampaignsService, 'recordTargetProblems'>;
  usersRepository: Pick<UsersRepository, 'findById'>;
  userLine: UserLineCheck;
  today: () => string;
}) {
  const { db, seizedGoodsRepository: repo, campaignsService, usersRepository, userLine, today } = deps;

  /** Every problem with the input, each on its field (422); the unit and the custodian's name. */
  async function check(actor: Actor, input: SeizedGoodsInput, selfId?: string) {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [...target.errors];
    const qty = quantityProblem(input.quantity, '数量');
    if (qty) errors.push({ path: 'quantity', message: qty });
    if (input.seizedDate > today()) errors.push({ path: 'seizedDate', message: '查扣日期不能晚于今天' });
    let custodianName = '';
    if (target.unit) {
      const problem = await userLine(input.custodianId, target.unit, '保管人');
      if (problem) errors.push({ path: 'custodianId', message: problem });
      else custodianName = (await usersRepository.findById(db, input.custodianId))!.displayName;
    }
    if (input.inspectionId) {
      const outing = isUuid(input.inspectionId)
        ? await repo.findInspection(db, input.inspectionId, unitIdInScope(actor, inspections.unitId))
        : undefined;
      if (!outing) errors.push({ path: 'inspectionId', message: '检查记录不存在或不在您的权限范围内' });
      else if (input.seizedDate < outing.inspectionDate)
        errors.push({ path: 'seizedDate', message: `查扣日期不能早于检查日期${outing.inspectionDate}` });
    }
    if (input.inspectionSeizureId) {
      const seizure = isUuid(input.inspectionSeizureId)
        ? await repo.findInspectionSeizure(db, input.inspectionSeizureId)
        : undefined;
      if (!seizure || seizure.inspectionId !== input.inspectionId)
        errors.push({ path: 'inspectionSeizureId', message: '所选查扣物品不是该次检查记录的' });
      else {
        const registered = (await repo.inspectionSeizures(db, seizure.inspectionId)).find((s) => s.id === seizure.id);
        if (registered?.registeredId && registered.registeredId !== selfId)
          errors.push({ path: 'inspectionSeizureId', message: '该查扣物品已登记保管' });
      }
    }
    if (input.caseId) {
      const found = isUuid(input.caseId)
        ? await repo.findCase(db, input.caseId, unitIdInScope(actor, cases.unitId))
        : undefined;
      if (!found) errors.push({ path: 'caseId', message: '案件不存在或不在您的权限范围内' });
    }
    if (input.entityId) {
      const found = isUuid(input.entityId)
        ? await repo.findEntity(db, input.entityId, unitIdInScope(actor, marketEntities.unitId))
        : undefined;
      if (!found) errors.push({ path: 'entityId', message: '市场主体不存在或不在您的权限范围内' });
    }
    if (errors.length) throw refused(errors);
    return { unit: target.unit!, custodianName };
  }

  function disposalErrors(row: SeizedGoodsRow, done: DisposalRow[], input: DisposalInput): FieldError[] {
    const errors: FieldError[] = [];
    const witnesses = (input.witnesses ?? []).map((w) => w.trim()).filter(Boolean);
    if (input.kind === 'destroyed') {
      if (new Set(witnesses).size < 2)
        errors.push({ path: 'witnesses', message: '销毁应有至少两名见证人（姓名各不相同）' });
      if (!input.method?.trim()) errors.push({ path: 'method', message: '请填写销毁方式（如无害化处理）' });
    }
    if (input.kind === 'handed_over' && !input.recipient?.trim())
      errors.push({ path: 'recipient', message: '请填写接收移交的单位' });
    if (input.disposalDate > today()) errors.push({ path: 'disposalDate', message: '处置日期不能晚于今天' });
    if (input.disposalDate < row.seizedDate)
      errors.push({ path: 'disposalDate', message: `处置日期不能早于查扣日期${row.seizedDate}` });
    const problem = disposalProblem(row.quantity, row.quantityUnit, amountsOf(row, done), {
      kind: input.kind,
      quantity: input.quantity,
    });
    if (problem) errors.push({ path: 'quantity', message: problem });
    return errors;
  }

  return { check, disposalErrors };
}
