import { describe, expect, it } from 'vitest';
import type { Case } from './api';
import {
  CASE_FIELDS,
  caseToFormValues,
  changedFields,
  emptyCase,
  formatYuan,
  formValuesToBody,
  unnestProblem,
  YUAN_PATTERN,
} from './case-form';

const stored = {
  id: 'c1',
  unitId: 'u1',
  campaignId: 'p1',
  categoryCode: 'food',
  caseNumber: '崇市监案〔2026〕1号',
  name: '某超市销售过期食品案',
  partyKind: 'company',
  partyName: '上海某超市有限公司',
  partyCreditCode: '91310230MA1K2XXX1X',
  licenceInfo: null,
  chainStage: 'distribution',
  otherProvinces: null,
  filingDate: '2026-03-02',
  amountInvolved: '1200.00',
  fine: '5000.00',
  confiscated: '300.50',
  lossesRecovered: '0.00',
  mediated: false,
  compensation: '0.00',
  penaltyContent: null,
  otherMeasures: ['约谈'],
  transferredToJudiciary: false,
  judiciaryTransferDate: null,
  transferredToPolice: false,
  policeTransferDate: null,
  notifiedTo: null,
  notificationDate: null,
  summary: '检查发现',
  published: false,
  contactName: '黄志强',
  contactPhone: '021-1234',
  online: false,
  rural: true,
  supervisionLevel: null,
  supervisionDeadline: null,
  typical: false,
  filingApproverId: 'leader',
  investigatorId: 'handler',
  version: 4,
  stage: 'review',
} as unknown as Case;

describe('case form', () => {
  it('holds every editable field of a stored case and nothing else', () => {
    const values = caseToFormValues(stored);
    expect(Object.keys(values).sort()).toEqual([...CASE_FIELDS].sort());
    expect(values.fine).toBe('5000.00');
    expect(values).not.toHaveProperty('version');
    expect(values).not.toHaveProperty('stage');
  });

  it('starts a new case with zero amounts and no flags', () => {
    const values = emptyCase({ filingDate: '2026-03-02', unitId: 'u1' });
    expect(values).toMatchObject({
      filingDate: '2026-03-02',
      unitId: 'u1',
      partyKind: 'company',
      fine: '0',
      typical: false,
      otherMeasures: [],
    });
  });

  it('sends empty text as null, blank amounts as 0, and no dates of transfers that did not happen', () => {
    const body = formValuesToBody({
      ...caseToFormValues(stored),
      licenceInfo: '  ',
      fine: '',
      transferredToPolice: false,
      policeTransferDate: '2026-03-05',
      partyKind: 'person',
    });
    expect(body.licenceInfo).toBeNull();
    expect(body.fine).toBe('0');
    expect(body.policeTransferDate).toBeNull();
    expect(body.partyCreditCode).toBeNull();
    expect(body.caseNumber).toBe('崇市监案〔2026〕1号');
  });

  it('lists the fields someone else changed', () => {
    const base = caseToFormValues(stored);
    const latest = { ...base, fine: '8000.00', otherMeasures: ['约谈', '其他'] as typeof base.otherMeasures };
    expect(changedFields(base, latest)).toEqual(['fine', 'otherMeasures']);
    expect(changedFields(base, { ...base })).toEqual([]);
  });

  it('takes the errors of a nested case onto the case form', () => {
    const problem = {
      type: 'about:blank',
      title: '请求有误',
      status: 400,
      detail: 'x',
      errors: [
        { path: 'case.caseNumber', message: '已有' },
        { path: 'version', message: 'v' },
      ],
    };
    expect(unnestProblem(problem, 'case.')?.errors).toEqual([
      { path: 'caseNumber', message: '已有' },
      { path: 'version', message: 'v' },
    ]);
    expect(unnestProblem(undefined, 'case.')).toBeUndefined();
  });

  it('formats 元 exactly, with separators and two decimals', () => {
    expect(formatYuan('1234567.5')).toBe('1,234,567.50');
    expect(formatYuan('0.00')).toBe('0.00');
    expect(formatYuan('12')).toBe('12.00');
    expect(formatYuan(null)).toBe('—');
    expect(YUAN_PATTERN.test('1234.56')).toBe(true);
    expect(YUAN_PATTERN.test('1234.567')).toBe(false);
    expect(YUAN_PATTERN.test('-1')).toBe(false);
  });
});
