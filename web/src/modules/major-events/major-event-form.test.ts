import { describe, expect, it } from 'vitest';
import { defaultReportingUnit, majorEventBody, majorEventValues, statusColor } from './major-event-form';
import type { MajorEvent } from './api';

describe('major event form', () => {
  it('trims the texts and sends empty optional fields as null', () => {
    expect(
      majorEventBody({
        unitId: 'u1',
        kind: 'major_case',
        title: '  冷库查获过期冻品 ',
        occurredOn: '2026-04-01',
        summary: ' 约12吨 ',
        measuresTaken: '已查封\n',
        requests: '   ',
        caseId: '',
      }),
    ).toEqual({
      unitId: 'u1',
      kind: 'major_case',
      title: '冷库查获过期冻品',
      occurredOn: '2026-04-01',
      summary: '约12吨',
      measuresTaken: '已查封',
      requests: null,
      caseId: null,
    });
  });

  it('fills the form from a report and back to the same body', () => {
    const e = {
      unitId: 'u1',
      kind: 'difficult_issue',
      title: '管辖问题',
      occurredOn: '2026-04-02',
      summary: '直播销售',
      measuresTaken: '已约谈',
      requests: '请指导',
      caseId: null,
    } as MajorEvent;
    expect(majorEventBody(majorEventValues(e))).toEqual({ ...majorEventValues(e) });
  });

  it('colours the state and picks the only unit one may report for', () => {
    expect(statusColor('reported')).toBe('orange');
    expect(statusColor('acknowledged')).toBe('green');
    expect(defaultReportingUnit([{ unitId: 'a' }])).toBe('a');
    expect(defaultReportingUnit([{ unitId: 'a' }, { unitId: 'b' }])).toBeUndefined();
    expect(defaultReportingUnit([])).toBeUndefined();
  });
});
