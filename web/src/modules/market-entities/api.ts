import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type MarketEntity = Schemas['MarketEntity'];
export type MarketEntityDetail = Schemas['MarketEntityDetail'];
export type EntityHistoryItem = Schemas['EntityHistoryItem'];
export type FrequencyRule = Schemas['FrequencyRule'];
export type EntityListQuery = NonNullable<paths['/api/market-entities']['get']['parameters']['query']>;
export type EntityBody = paths['/api/market-entities']['post']['requestBody']['content']['application/json'];
export type RuleBody = paths['/api/inspection-frequency-rules']['post']['requestBody']['content']['application/json'];
export type UnderInspectedQuery = NonNullable<
  paths['/api/market-entities/under-inspected']['get']['parameters']['query']
>;
export type UnderInspectedRow =
  paths['/api/market-entities/under-inspected']['get']['responses'][200]['content']['application/json']['items'][number];
export type EntityKind = MarketEntity['entityKind'];
/** One entity an outing checked, as its page shows it. */
export type CheckedEntity = Schemas['Inspection']['entities'][number];
/** One 检查对象 of an outing's body (the inspections' create and edit). */
export type OutingEntityBody = NonNullable<
  paths['/api/inspections']['post']['requestBody']['content']['application/json']['entities']
>[number];
export type RiskLevel = MarketEntity['riskLevel'];
export type FrequencyPeriod = FrequencyRule['period'];

export const ENTITY_KINDS: EntityKind[] = ['enterprise', 'individual', 'cooperative', 'other'];
export const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
export const FREQUENCY_PERIODS: FrequencyPeriod[] = ['week', 'month', 'quarter'];
export const MARKET_ENTITIES_KEY = ['market-entities'] as const;
/** The register import's header row (docs/import.md; the server's column names, whatever the page's language). */
export const REGISTER_IMPORT_COLUMNS =
  '名称,统一社会信用代码,管辖单位,住所,行业,行政区划代码,风险等级,许可证,主体类型,法定代表人';

export function useEntities(query: EntityListQuery, enabled = true) {
  return useQuery({
    queryKey: [...MARKET_ENTITIES_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/market-entities', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEntity(id: string | undefined) {
  return useQuery({
    queryKey: [...MARKET_ENTITIES_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/market-entities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** 经济户口: the entity's records from every module, as far as the user may see them. */
export function useEntityHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...MARKET_ENTITIES_KEY, 'history', id],
    queryFn: async () => unwrap(await api.GET('/api/market-entities/{id}/history', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useFrequencyRules() {
  return useQuery({
    queryKey: [...MARKET_ENTITIES_KEY, 'rules'],
    queryFn: async () => unwrap(await api.GET('/api/inspection-frequency-rules')).items,
  });
}

export function useUnderInspected(query: UnderInspectedQuery) {
  return useQuery({
    queryKey: [...MARKET_ENTITIES_KEY, 'under-inspected', query],
    queryFn: async () => unwrap(await api.GET('/api/market-entities/under-inspected', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every change: the register, the histories, the rules' view and the audit log are out of date. */
export function useMarketEntityMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: MARKET_ENTITIES_KEY }),
      queryClient.invalidateQueries({ queryKey: ['random-checks'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: EntityBody) => unwrap(await api.POST('/api/market-entities', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: EntityBody & { version: number } }) =>
      unwrap(await api.PUT('/api/market-entities/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const deactivate = useMutation({
    mutationFn: async ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      unwrap(
        await api.POST('/api/market-entities/{id}/deactivate', { params: { path: { id } }, body: { version, reason } }),
      ),
    onSettled: invalidate,
  });
  const createRule = useMutation({
    mutationFn: async (body: RuleBody) => unwrap(await api.POST('/api/inspection-frequency-rules', { body })),
    onSuccess: invalidate,
  });
  const updateRule = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: RuleBody & { version: number } }) =>
      unwrap(await api.PUT('/api/inspection-frequency-rules/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { create, update, deactivate, createRule, updateRule, invalidate };
}
