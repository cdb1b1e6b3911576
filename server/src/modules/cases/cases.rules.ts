import type { FieldError } from '../../platform/errors';
import { creditCodeProblem } from '../../platform/credit-code';
import type { CaseInput } from './case.types';
import { CASE_STAGES, type CaseStage } from './cases.schema';

export const STAGE_LABELS: Record<CaseStage, string> = {
  filed: '立案',
  investigation: '调查取证',
  review: '核审',
  notice: '告知/听证',
  decided: '决定',
  execution: '执行',
  closed: '结案',
  archived: '归档',
};

/** The stage after this one (stages move forward one at a time), or null at the end. */
export const nextStage = (stage: CaseStage): CaseStage | null => CASE_STAGES[CASE_STAGES.indexOf(stage) + 1] ?? null;
export const stageIndex = (stage: CaseStage) => CASE_STAGES.indexOf(stage);
/** Stages in which the decision clock runs. */
export const clockRuns = (stage: CaseStage) => stageIndex(stage) < stageIndex('decided');
/** Whether a case has its decision (作出处理决定 or later: 执行, 结案, 归档); a 督办 may be closed (办结) only then. */
export const isDecided = (stage: CaseStage) => stageIndex(stage) >= stageIndex('decided');

const ROLE_LABELS = {
  filingApproverId: '批准立案的负责人',
  investigatorId: '办案人员',
  reviewerId: '法制审核人员',
  executorId: '执行人员',
} as const;
export type DutyHolders = Partial<Record<keyof typeof ROLE_LABELS, string | null>>;

/**
 * 四分离: the person who approved filing, the investigator, the legal reviewer and the executor are
 * four different people. Returns the error on the later duty of the first clash found.
 */
export function separationProblem(people: DutyHolders): FieldError | null {
  const keys = Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[];
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = people[keys[j]];
      if (a && a === people[keys[i]]) {
        return {
          path: keys[i],
          message: `${ROLE_LABELS[keys[i]]}不能与${ROLE_LABELS[keys[j]]}为同一人（立案审批、调查、法制审核、执行四分离）`,
        };
      }
    }
  }
  return null;
}

/** Checks of a case's own fields that the schema cannot make alone; every problem, each on its field. */
export function caseFieldProblems(
  c: CaseInput,
  extra: { decisionDate?: string | null; closingDate?: string | null; today?: string } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (c.partyCreditCode) {
    if (c.partyKind === 'person') errors.push({ path: 'partyCreditCode', message: '个人当事人不填写统一社会信用代码' });
    else {
      const problem = creditCodeProblem(c.partyCreditCode);
      if (problem) errors.push({ path: 'partyCreditCode', message: problem });
    }
  }
  const notBeforeFiling = (path: string, label: string, date: string | null | undefined) => {
    if (date && date < c.filingDate) errors.push({ path, message: `${label}不能早于立案日期` });
  };
  // What has happened cannot be dated after today (China's date); a 督办期限 lies ahead and may.
  const notAfterToday = (path: string, label: string, date: string | null | undefined) => {
    if (date && extra.today && date > extra.today)
      errors.push({ path, message: `${label}不能晚于今天（${extra.today}）` });
  };
  notAfterToday('filingDate', '立案日期', c.filingDate);
  notAfterToday('judiciaryTransferDate', '移送司法日期', c.judiciaryTransferDate);
  notAfterToday('policeTransferDate', '移送公安日期', c.policeTransferDate);
  notAfterToday('notificationDate', '通报时间', c.notificationDate);
  notBeforeFiling('judiciaryTransferDate', '移送司法日期', c.judiciaryTransferDate);
  notBeforeFiling('policeTransferDate', '移送公安日期', c.policeTransferDate);
  notBeforeFiling('decisionDate', '决定日期', extra.decisionDate);
  notBeforeFiling('closingDate', '结案日期', extra.closingDate);
  if (c.transferredToJudiciary && !c.judiciaryTransferDate)
    errors.push({ path: 'judiciaryTransferDate', message: '移送司法的案件请填写移送日期' });
  if (!c.transferredToJudiciary && c.judiciaryTransferDate)
    errors.push({ path: 'judiciaryTransferDate', message: '未移送司法的案件不填写移送日期' });
  if (c.transferredToPolice && !c.policeTransferDate)
    errors.push({ path: 'policeTransferDate', message: '移送公安的案件请填写移送日期' });
  if (!c.transferredToPolice && c.policeTransferDate)
    errors.push({ path: 'policeTransferDate', message: '未移送公安的案件不填写移送日期' });
  if (c.supervisionDeadline && !c.supervisionLevel)
    errors.push({ path: 'supervisionLevel', message: '填写督办期限时请选择督办层级' });
  if (!c.mediated && c.compensation !== '0' && Number(c.compensation) !== 0)
    errors.push({ path: 'compensation', message: '未调解的案件不填写赔偿数额' });
  return errors;
}
