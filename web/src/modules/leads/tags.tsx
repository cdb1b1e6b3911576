import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { LeadStatus } from './api';

const COLORS: Record<LeadStatus, string> = {
  verifying: 'processing',
  filed: 'green',
  not_filed: 'default',
  handed_over: 'purple',
};

/** 核查中 / 已立案 / 不予立案 / 已移送. */
export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`leadStatus.${status}`)}</Tag>;
}
