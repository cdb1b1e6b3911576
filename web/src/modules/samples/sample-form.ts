import type { FollowUpMeasure, Sample, SampleBody, SampleKind, SampleResult } from './api';

/** The form's values: what the API takes, optional texts possibly empty. */
export interface SampleValues {
  unitId?: string;
  campaignId?: string;
  categoryCode?: string;
  taskId?: string | null;
  entityId?: string;
  product?: string;
  brandSpec?: string | null;
  batch?: string | null;
  sampledDate?: string | null;
  sampleKind?: SampleKind;
  lab?: string | null;
  reportNumber?: string | null;
  resultDate?: string | null;
  result?: SampleResult;
  failedItems?: string | null;
  measures?: FollowUpMeasure[];
  demand?: string | null;
  deadline?: string | null;
}

const text = (v: string | null | undefined) => v?.trim() || null;

/**
 * The body the API takes from the form: texts trimmed (empty ones null); 不合格项目 only with a fail;
 * the follow-up's measures, demand and deadline only when a fail opens one (`opensFollowUp`). Pure.
 */
export function sampleBody(v: SampleValues, opensFollowUp: boolean): SampleBody {
  const result = v.result ?? 'pending';
  return {
    unitId: v.unitId ?? '',
    campaignId: v.campaignId ?? '',
    categoryCode: v.categoryCode ?? '',
    taskId: v.taskId || null,
    entityId: v.entityId ?? '',
    product: (v.product ?? '').trim(),
    brandSpec: text(v.brandSpec),
    batch: text(v.batch),
    sampledDate: v.sampledDate ?? '',
    sampleKind: v.sampleKind ?? 'supervision',
    lab: text(v.lab),
    reportNumber: text(v.reportNumber),
    resultDate: result === 'pending' ? null : v.resultDate || null,
    result,
    failedItems: result === 'fail' ? text(v.failedItems) : null,
    followUp:
      result === 'fail' && opensFollowUp
        ? {
            measures: v.measures?.length ? v.measures : ['off_shelf'],
            demand: text(v.demand),
            deadline: v.deadline || null,
          }
        : null,
  };
}

/** The form filled from a record being corrected. Pure. */
export function sampleValues(r: Sample): SampleValues {
  return {
    unitId: r.unitId,
    campaignId: r.campaignId,
    categoryCode: r.categoryCode,
    taskId: r.taskId,
    entityId: r.entityId,
    product: r.product,
    brandSpec: r.brandSpec,
    batch: r.batch,
    sampledDate: r.sampledDate,
    sampleKind: r.sampleKind,
    lab: r.lab,
    reportNumber: r.reportNumber,
    resultDate: r.resultDate,
    result: r.result,
    failedItems: r.failedItems,
    measures: ['off_shelf'],
  };
}
