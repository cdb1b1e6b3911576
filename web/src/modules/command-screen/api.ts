import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

/** How often the 大屏 asks again (ms). */
export const REFRESH_MS = 30_000;

export const commandScreenKey = (campaignId: string | undefined, unitId: string | undefined) =>
  ['command-screen', campaignId, unitId ?? null] as const;

/**
 * What the wall shows, asked again every 30 s; when a refresh fails the last answer stays (TanStack
 * keeps `data`) and the page marks it stale.
 */
export function useCommandScreen(campaignId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: commandScreenKey(campaignId, unitId),
    queryFn: async () =>
      unwrap(await api.GET('/api/command-screen', { params: { query: { campaignId: campaignId!, unitId } } })),
    enabled: Boolean(campaignId),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    retry: 1,
  });
}
export type CommandScreen = NonNullable<ReturnType<typeof useCommandScreen>['data']>;

/** 元 text ("12345.67") as 万元 with two decimals ("1.23"), exact (BigInt), for the big numerals. */
export function yuanToWan(yuan: string): string {
  const negative = yuan.startsWith('-');
  const [whole, frac = ''] = yuan.replace('-', '').split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  // 万元 with two decimals = fen / 10_000, rounded half up.
  const hundredths = (fen + 5_000n) / 10_000n;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
