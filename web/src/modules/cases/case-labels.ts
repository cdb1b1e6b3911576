import type { MessageKey } from '../../locales/i18n';
import type { OtherMeasure } from './api';
import type { CaseField } from './case-form';

/** 其他处理内容 values are Chinese words in the API; each has a message key for the UI. */
const MEASURE_KEYS: Record<OtherMeasure, MessageKey> = {
  列入经营异常名录: 'otherMeasure.abnormalList',
  另案处理: 'otherMeasure.separateCase',
  约谈: 'otherMeasure.interview',
  其他: 'otherMeasure.other',
};

export const measureKey = (m: string): MessageKey => MEASURE_KEYS[m as OtherMeasure] ?? 'otherMeasure.other';

/** The label of each field of the case form (for "someone else changed …"). */
export const FIELD_LABELS: Record<CaseField, MessageKey> = {
  campaignId: 'cases.campaign',
  categoryCode: 'cases.category',
  taskId: 'records.task',
  unitId: 'cases.unit',
  caseNumber: 'cases.caseNumber',
  name: 'cases.name',
  filingDate: 'cases.filingDate',
  chainStage: 'cases.chainStage',
  otherProvinces: 'cases.otherProvinces',
  summary: 'cases.summary',
  partyKind: 'cases.partyKind',
  partyName: 'cases.party',
  partyCreditCode: 'cases.partyCreditCode',
  licenceInfo: 'cases.licenceInfo',
  filingApproverId: 'cases.filingApprover',
  investigatorId: 'cases.investigator',
  contactName: 'cases.contactName',
  contactPhone: 'cases.contactPhone',
  amountInvolved: 'cases.amountInvolved',
  fine: 'cases.fine',
  confiscated: 'cases.confiscated',
  lossesRecovered: 'cases.lossesRecovered',
  mediated: 'cases.mediated',
  compensation: 'cases.compensation',
  penaltyContent: 'cases.penaltyContent',
  otherMeasures: 'cases.otherMeasures',
  transferredToJudiciary: 'cases.transferredToJudiciary',
  judiciaryTransferDate: 'cases.judiciaryTransferDate',
  transferredToPolice: 'cases.transferredToPolice',
  policeTransferDate: 'cases.policeTransferDate',
  notifiedTo: 'cases.notifiedTo',
  notificationDate: 'cases.notificationDate',
  published: 'cases.published',
  online: 'cases.online',
  rural: 'cases.rural',
  typical: 'cases.typical',
  supervisionLevel: 'cases.supervisionLevel',
  supervisionDeadline: 'cases.supervisionDeadline',
};
