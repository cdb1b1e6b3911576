import type { Actor } from '../../platform/actor';
import { fenToYuan } from '../../platform/money';
import type { WorkingCalendar } from '../calendar/working-days';
import { creditPolicy } from './credit.policy';
import type { LedgerRow, ListingListRow } from './credit.repository';
import type { AbnormalReason, ListingKind } from './credit.schema';
import { publicationDue, publicationStatus, PUBLICATION_STATUS_LABELS, publishedLate } from './publication-due';

export {
  ABNORMAL_REASONS,
  LISTING_KINDS,
  LISTING_STATUSES,
  PUBLICATION_CHANNELS,
  REMOVAL_KINDS,
} from './credit.schema';

export const LIST_KIND_LABELS: Record<ListingKind, string> = {
  abnormal: '经营异常名录',
  serious: '严重违法失信名单',
};

/** 《企业经营异常名录管理暂行办法》第四条（一）至（四）. */
export const ABNORMAL_REASON_LABELS: Record<AbnormalReason, string> = {
  annual_report: '未按照规定的期限公示年度报告',
  ordered_disclosure: '未在责令的期限内公示有关企业信息',
  false_disclosure: '公示企业信息隐瞒真实情况、弄虚作假',
  unreachable: '通过登记的住所或者经营场所无法联系',
};

/** The same day `years` later (29 February → 1 March). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * 《市场监督管理严重违法失信名单管理办法》（总局令第44号）: 列入满一年，且已履行行政处罚决定规定的
 * 义务、主动消除危害后果和不良影响、未再受到较重行政处罚的，可以申请提前移出 (信用修复, 第十六条);
 * 列入之日起满三年的，由列入的部门移出 (期满移出).
 */
export const SERIOUS_REPAIR_YEARS = 1;
export const SERIOUS_EXPIRY_YEARS = 3;

type Cal = Pick<WorkingCalendar, 'addWorkingDays'>;

/** A ledger row as the API answers it: 元 as text, due date, status, and what the caller may do. */
export function presentLedgerRow(actor: Actor, r: LedgerRow, cal: Cal, today: string) {
  const status = publicationStatus(
    cal,
    { decisionDate: r.decisionDate, published: r.published || !!r.publicationId },
    today,
  );
  return {
    caseId: r.caseId,
    unitId: r.unitId,
    unitName: r.unitName,
    campaignId: r.campaignId,
    caseNumber: r.caseNumber,
    caseName: r.caseName,
    partyKind: r.partyKind,
    partyName: r.partyName,
    partyCreditCode: r.partyCreditCode,
    decisionDate: r.decisionDate,
    penaltyContent: r.penaltyContent,
    fine: fenToYuan(r.fineFen),
    confiscated: fenToYuan(r.confiscatedFen),
    dueDate: publicationDue(cal, r.decisionDate),
    status,
    statusLabel: PUBLICATION_STATUS_LABELS[status],
    late: r.publishedDate ? publishedLate(cal, r.decisionDate, r.publishedDate) : false,
    publication: r.publicationId
      ? {
          id: r.publicationId,
          publishedDate: r.publishedDate!,
          channel: r.channel!,
          reference: r.reference,
          recordedByName: r.recordedByName,
        }
      : null,
    can: { record: !r.publicationId && creditPolicy.canRecord(actor, r.unitPath) },
  };
}

export function presentListing(actor: Actor, r: ListingListRow) {
  const { unitPath, ...row } = r;
  return {
    ...row,
    listKindLabel: LIST_KIND_LABELS[r.listKind],
    abnormalReasonLabel: r.abnormalReason ? ABNORMAL_REASON_LABELS[r.abnormalReason] : null,
    statusLabel: r.status === 'listed' ? '列入中' : '已移出',
    repairableFrom: r.listKind === 'serious' ? addYears(r.listedDate, SERIOUS_REPAIR_YEARS) : null,
    expiryDate: r.listKind === 'serious' ? addYears(r.listedDate, SERIOUS_EXPIRY_YEARS) : null,
    can: { remove: r.status === 'listed' && creditPolicy.canRecord(actor, unitPath) },
  };
}
