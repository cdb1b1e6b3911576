import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { readPrefs, type ChoosableColumn, type TablePrefs } from './table-prefs';

const key = (list: string) => ['me', 'preferences', `table.${list}`] as const;

/**
 * A list's columns and density as this person keeps them on the server (table-prefs.ts). A change
 * shows at once and is saved in the background; a failed save leaves the change on this page only.
 */
export function useTablePrefs(list: string, columns: readonly ChoosableColumn[]) {
  const client = useQueryClient();
  const stored = useQuery({
    queryKey: key(list),
    queryFn: async () =>
      unwrap(await api.GET('/api/me/preferences/{key}', { params: { path: { key: `table.${list}` } } })),
    staleTime: 5 * 60_000,
  });
  const save = useMutation({
    mutationFn: async (prefs: TablePrefs) =>
      unwrap(
        await api.PUT('/api/me/preferences/{key}', {
          params: { path: { key: `table.${list}` } },
          body: { value: { hidden: prefs.hidden, density: prefs.density } },
        }),
      ),
  });
  const prefs = readPrefs(stored.data?.value, columns);
  const change = (next: TablePrefs) => {
    client.setQueryData(key(list), (old: typeof stored.data) => ({
      key: `table.${list}`,
      updatedAt: old?.updatedAt ?? null,
      value: { hidden: next.hidden, density: next.density },
    }));
    save.mutate(next);
  };
  return { prefs, change, loaded: !stored.isPending };
}
