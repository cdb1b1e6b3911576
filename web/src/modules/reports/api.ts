import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type Stats = Json<'/api/campaigns/{id}/stats'>;
export type StatsRow = Stats['rows'][number];
export type Metric = Drill['metric'];
export type Board = Json<'/api/campaigns/{id}/reports/board'>;
export type ReportState = Board['cells'][number]['state'];
export type PeriodicReport = Schemas['PeriodicReport'];
export type Narrative = NonNullable<PeriodicReport['narrative']>;
export type Drill = Json<'/api/campaigns/{id}/stats/records'>;
export type StatTable = Json<'/api/campaigns/{id}/stat-table'>;
export type TableColumn = StatTable['template']['columns'][number];
export type TableRow = StatTable['rows'][number];
/** A column of a report's form (统计表): what a table of figures needs to draw it. */
export type FormColumn = PeriodicReport['form']['columns'][number];
export type StatTemplate = Json<'/api/stat-templates'>['items'][number];
export type ManualEntry = Json<'/api/campaigns/{id}/manual-figures'>['items'][number];
export type Reminder = Json<'/api/reports/reminders'>['items'][number];
export type Quotas = Json<'/api/campaigns/{id}/quotas'>;
export type Consolidation = Schemas['ReportConsolidation'];
export interface StatsQuery {
  unitId?: string;
  from?: string;
  to?: string;
}
/** 同比: the predecessor plan's figures one year earlier beside each figure (stat table and its .xlsx). */
export type CompareQuery = { compare?: 'previous' };
export interface ReportKey {
  scheduleId: string;
  periodEnd: string;
  unitId: string;
}

export const REPORTS_KEY = ['reports'] as const;

export function useStatTable(campaignId: string, q: StatsQuery & CompareQuery & { template: string }) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'table', campaignId, q],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/stat-table', { params: { path: { id: campaignId }, query: q } })),
    placeholderData: keepPreviousData,
  });
}

export function useStatTemplates() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'templates'],
    queryFn: async () => unwrap(await api.GET('/api/stat-templates')).items,
    staleTime: Infinity,
  });
}

export function useManualEntries(campaignId: string, q: (StatsQuery & { columnKey: string; category: string }) | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'manual', campaignId, q],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/manual-figures', { params: { path: { id: campaignId }, query: q! } }))
        .items,
    enabled: !!q,
  });
}

export function useEnterFigure(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      unitId: string;
      categoryCode: string;
      columnKey: string;
      day: string;
      value: string;
      reason: string;
    }) => unwrap(await api.POST('/api/campaigns/{id}/manual-figures', { params: { path: { id: campaignId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export async function downloadStatTableXlsx(campaignId: string, q: StatsQuery & CompareQuery & { template: string }) {
  return saveDownload(
    await api.GET('/api/campaigns/{id}/stat-table.xlsx', {
      params: { path: { id: campaignId }, query: q },
      parseAs: 'blob',
    }),
    '统计表.xlsx',
  );
}

export function useDrill(
  campaignId: string,
  q: (StatsQuery & { category: string; metric: Metric; page: number; pageSize: number }) | null,
) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'drill', campaignId, q],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/stats/records', { params: { path: { id: campaignId }, query: q! } })),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useBoard(campaignId: string, scheduleId?: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'board', campaignId, scheduleId ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/reports/board', {
          params: { path: { id: campaignId }, query: scheduleId ? { scheduleId } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReport(campaignId: string, key: ReportKey | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'item', campaignId, key],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/reports/item', { params: { path: { id: campaignId }, query: key! } })),
    enabled: !!key,
  });
}

/** 汇总报表: the accepted reports of a period, a row per unit (null: not asked for). */
export function useConsolidation(campaignId: string, period: { scheduleId: string; periodEnd: string } | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'consolidated', campaignId, period],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/reports/consolidated', {
          params: { path: { id: campaignId }, query: period! },
        }),
      ),
    enabled: !!period,
  });
}

export async function downloadConsolidationXlsx(campaignId: string, period: { scheduleId: string; periodEnd: string }) {
  return saveDownload(
    await api.GET('/api/campaigns/{id}/reports/consolidated.xlsx', {
      params: { path: { id: campaignId }, query: period },
      parseAs: 'blob',
    }),
    '汇总报表.xlsx',
  );
}

export function useQuotas(campaignId: string, month: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'quotas', campaignId, month],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/quotas', { params: { path: { id: campaignId }, query: { month } } })),
    placeholderData: keepPreviousData,
  });
}

/** The typical cases and important leads behind a unit's quota counts of a month. */
export function useQuotaRecords(campaignId: string, month: string, unitId: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'quota-records', campaignId, month, unitId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/quotas/records', {
          params: { path: { id: campaignId }, query: { month, unitId: unitId! } },
        }),
      ),
    enabled: Boolean(unitId),
  });
}

export function useReminders() {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'reminders'],
    queryFn: async () => unwrap(await api.GET('/api/reports/reminders')).items,
  });
}

/** Submitting and reviewing: the board, the report, the reminders and the audit log are out of date. */
export function useReportMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const submit = useMutation({
    mutationFn: async (body: ReportKey & { narrative: Narrative; version: number; onBehalf?: boolean }) =>
      unwrap(await api.POST('/api/campaigns/{id}/reports/item', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
  const review = useMutation({
    mutationFn: async ({
      submissionId,
      ...body
    }: {
      submissionId: string;
      decision: 'return' | 'accept';
      reason?: string;
      version: number;
    }) =>
      unwrap(await api.POST('/api/report-submissions/{id}/review', { params: { path: { id: submissionId } }, body })),
    onSuccess: invalidate,
  });
  return { submit, review, invalidate };
}

/** 催报: the office chases one late unit of a period, or (no unitId) all of them. */
export function useChase(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { scheduleId: string; periodEnd: string; unitId?: string }) =>
      unwrap(await api.POST('/api/campaigns/{id}/reports/chase', { params: { path: { id: campaignId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
