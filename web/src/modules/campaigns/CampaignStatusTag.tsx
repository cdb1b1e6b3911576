import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { CampaignStatus } from './api';

const COLORS: Record<CampaignStatus, string> = { draft: 'gold', active: 'green', archived: 'default' };

/** 草稿 / 实施中 / 已归档. */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`campaignStatus.${status}`)}</Tag>;
}
