import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Case = Schemas['Case'];
/** A row of the ledger page (台账). */
export type CaseLedgerRow = Schemas['CaseLedgerRow'];
export type CaseStage = Case['stage'];
export type ClockState = NonNullable<Case['clock']>['state'];
export type CaseClockEvent = Case['clockEvents'][number];
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
export type CaseBody = paths['/api/cases']['post']['requestBody']['content']['application/json'];
export type UpdateCaseBody = paths['/api/cases/{id}']['put']['requestBody']['content']['application/json'];
export type StageMoveBody = paths['/api/cases/{id}/stage']['post']['requestBody']['content']['application/json'];
export type CaseClockBody = paths['/api/cases/{id}/clock']['post']['requestBody']['content']['application/json'];
export type OtherMeasure = NonNullable<CaseBody['otherMeasures']>[number];

/** 立案 → 调查取证 → 核审 → 告知/听证 → 决定 → 执行 → 结案 → 归档 (the server's order). */
export const CASE_STAGES: CaseStage[] = [
  'filed',
  'investigation',
  'review',
  'notice',
  'decided',
  'execution',
  'closed',
  'archived',
];
export const OTHER_MEASURES: OtherMeasure[] = ['列入经营异常名录', '另案处理', '约谈', '其他'];
export const CASES_KEY = ['cases'] as const;

/** The unit's next automatic case number (案件文号), proposed on the form; taken only by the filing. */
export function useNextCaseNumber(unitId: string | undefined) {
  return useQuery({
    queryKey: [...CASES_KEY, 'next-number', unitId],
    queryFn: async () => unwrap(await api.GET('/api/cases/next-number', { params: { query: { unitId: unitId! } } })),
    enabled: !!unitId,
  });
}

export function useCases(query: CaseListQuery, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Every change: cases, leads (a lead shows its case) and the audit log are out of date. */
export function useCaseMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CASES_KEY }),
      queryClient.invalidateQueries({ queryKey: ['leads'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: CaseBody) => unwrap(await api.POST('/api/cases', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateCaseBody }) =>
      unwrap(await api.PUT('/api/cases/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const moveStage = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: StageMoveBody }) =>
      unwrap(await api.POST('/api/cases/{id}/stage', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const changeClock = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: CaseClockBody }) =>
      unwrap(await api.POST('/api/cases/{id}/clock', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  /** 立案申请: the case is filed when the named 局领导 approves (待我审批). */
  const requestFiling = useMutation({
    mutationFn: async (body: CaseBody) => unwrap(await api.POST('/api/cases/filing-requests', { body })),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['approvals'] })]),
  });
  return { create, requestFiling, update, moveStage, changeClock, invalidate };
}
