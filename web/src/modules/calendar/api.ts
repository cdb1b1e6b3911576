import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type CalendarYear = paths['/api/calendar/years/{year}']['get']['responses'][200]['content']['application/json'];
export type CalendarDay = CalendarYear['days'][number];
export type OverrideBody = paths['/api/calendar/overrides/{day}']['put']['requestBody']['content']['application/json'];

const CALENDAR_KEY = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, year],
    queryFn: async () => unwrap(await api.GET('/api/calendar/years/{year}', { params: { path: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAddWorkingDays() {
  return useMutation({
    mutationFn: async (query: { from: string; days: number }) =>
      unwrap(await api.GET('/api/calendar/add-working-days', { params: { query } })),
  });
}

export function useWorkingDaysBetween() {
  return useMutation({
    mutationFn: async (query: { from: string; to: string }) =>
      unwrap(await api.GET('/api/calendar/working-days-between', { params: { query } })),
  });
}

export function useOverrideMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CALENDAR_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const put = useMutation({
    mutationFn: async ({ day, body }: { day: string; body: OverrideBody }) =>
      unwrap(await api.PUT('/api/calendar/overrides/{day}', { params: { path: { day } }, body })),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async (day: string) =>
      unwrap(await api.DELETE('/api/calendar/overrides/{day}', { params: { path: { day } } })),
    onSuccess: invalidate,
  });
  return { put, remove };
}
