import { describe, expect, it } from 'vitest';
import type { Inspection } from './api';
import { findingsShort, inspectionFormToBody, inspectionToFormValues, isSeizureQuantity } from './inspection-form';
import { hasInspectionFilters, inspectionsSearch, parseInspectionsView, toListQuery, toTotalsQuery } from './list-view';

const ids = { unitId: '00000000-0000-4000-8000-000000000001', campaignId: '00000000-0000-4000-8000-000000000002' };

describe('inspection form to request body', () => {
  it('sends empty counts as 0, empty text as null, and drops blank seized-goods rows', () => {
    const body = inspectionFormToBody({
      ...ids,
      categoryCode: 'food',
      inspectionDate: '2026-03-02',
      staffDeployed: 4,
      entitiesInspected: 12,
      vehicles: null,
      rapidTestBatches: 5,
      rapidTestFailed: 1,
      focusArea: '  ',
      findings: ' 一户无照经营 ',
      places: ['农贸市场'],
      seizures: [{ goods: ' 过期牛奶 ', quantity: 12.5, unit: '箱' }, { goods: '', quantity: '' }, {}],
    });
    expect(body).toEqual({
      ...ids,
      categoryCode: 'food',
      inspectionType: 'special',
      entities: [],
      taskId: null,
      inspectionDate: '2026-03-02',
      staffDeployed: 4,
      entitiesInspected: 12,
      places: ['农贸市场'],
      focusArea: null,
      findings: '一户无照经营',
      inspectorIds: [],
      seizures: [{ goods: '过期牛奶', quantity: '12.5', unit: '箱' }],
      vehicles: 0,
      unlicensedBanned: 0,
      rapidTestBatches: 5,
      rapidTestItems: 0,
      rapidTestFailed: 1,
      samplingBatches: 0,
      samplingItems: 0,
      samplingFailed: 0,
      rectificationOrders: 0,
    });
  });

  it('keeps a half-filled seized-goods row so the server names what it lacks', () => {
    expect(inspectionFormToBody({ seizures: [{ goods: '', quantity: '3', unit: '件' }] }).seizures).toEqual([
      { goods: '', quantity: '3', unit: '件' },
    ]);
  });

  it('round-trips a recorded outing', () => {
    const inspection = {
      ...ids,
      id: 'x',
      unitName: '城桥所',
      campaignName: '春雷行动',
      categoryCode: 'food',
      taskId: null,
      categoryLabel: '食品安全',
      inspectionType: 'flying',
      inspectionTypeLabel: '飞行',
      inspectionDate: '2026-03-02',
      staffDeployed: 3,
      vehicles: 1,
      entitiesInspected: 8,
      places: ['商场超市', '其他'],
      focusArea: '学校周边',
      unlicensedBanned: 1,
      rapidTestBatches: 2,
      rapidTestItems: 2,
      rapidTestFailed: 0,
      rapidTestPassed: 2,
      samplingBatches: 1,
      samplingItems: 1,
      samplingFailed: 1,
      samplingPassed: 0,
      rectificationOrders: 2,
      findings: null,
      inspectorIds: [],
      leadId: null,
      seizures: [{ goods: '假冒洗发水', quantity: '30', unit: '瓶' }],
      entities: [
        {
          entityId: 'e1',
          name: '某超市',
          creditCode: '91310000MA1FL0000X',
          address: null,
          result: 'problem',
          resultLabel: '发现问题',
          finding: '标签不规范',
        },
      ],
      version: 3,
      createdAt: '2026-03-02T08:00:00Z',
      updatedAt: '2026-03-02T08:00:00Z',
      can: { edit: true, openLead: true },
    } satisfies Inspection;
    const body = inspectionFormToBody(inspectionToFormValues(inspection));
    expect(body).toMatchObject({
      staffDeployed: 3,
      vehicles: 1,
      samplingFailed: 1,
      focusArea: '学校周边',
      findings: null,
      seizures: inspection.seizures,
      inspectionType: 'flying',
      entities: [{ entityId: 'e1', result: 'problem', finding: '标签不规范' }],
    });
    expect(body).not.toHaveProperty('rapidTestPassed');
  });

  it('checks seized quantities as the server does', () => {
    expect(['1', '0.5', '12.125', 3].map(isSeizureQuantity)).toEqual([true, true, true, true]);
    expect(['0', '-1', '1.2345', 'abc', '', null].map(isSeizureQuantity)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('shortens the findings to their first line', () => {
    expect(findingsShort('发现无照经营\n已责令整改')).toBe('发现无照经营');
    expect(findingsShort('一二三四五六', 4)).toBe('一二三四…');
    expect(findingsShort(null)).toBe('');
  });
});

describe('inspections view in the address', () => {
  it('reads and writes every filter', () => {
    const view = parseInspectionsView(
      new URLSearchParams(
        'tab=totals&campaignId=c1&categoryCode=food&unitId=u1&from=2026-03-01&to=2026-03-31&page=2&pageSize=50',
      ),
    );
    expect(view).toEqual({
      tab: 'totals',
      campaignId: 'c1',
      categoryCode: 'food',
      unitId: 'u1',
      from: '2026-03-01',
      to: '2026-03-31',
      page: 2,
      pageSize: 50,
    });
    expect(parseInspectionsView(inspectionsSearch(view))).toEqual(view);
    expect(hasInspectionFilters(view)).toBe(true);
    expect(toTotalsQuery(view)).toEqual({
      campaignId: 'c1',
      categoryCode: 'food',
      unitId: 'u1',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(toListQuery(view)).toEqual({ ...toTotalsQuery(view), page: 2, pageSize: 50 });
  });

  it('ignores a category without its campaign, bad dates and page sizes', () => {
    const view = parseInspectionsView(new URLSearchParams('categoryCode=food&from=yesterday&pageSize=7&page=-1'));
    expect(view).toEqual({ tab: 'records', page: 1, pageSize: 20 });
    expect(hasInspectionFilters(view)).toBe(false);
    expect(inspectionsSearch(view).toString()).toBe('');
    expect(toListQuery(view)).toEqual({ page: 1, pageSize: 20 });
  });
});
