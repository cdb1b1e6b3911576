import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { CampaignStatus } from './api';

const COLORS: Record<CampaignStatus, string> = { draft: 'gold', active: 'green', archived: 'default' };

/**
 * 草稿 / 实施中 / 已归档, and 已结束 for a published plan past its end date (`ended`, derived by the
 * server: the plan stays active, but owes no more reports).
 */
export function CampaignStatusTag({ status, ended = false }: { status: CampaignStatus; ended?: boolean }) {
  const t = useT();
  if (status === 'active' && ended) return <Tag color="blue">{t('campaignStatus.ended')}</Tag>;
  return <Tag color={COLORS[status]}>{t(`campaignStatus.${status}`)}</Tag>;
}
