import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { DisclosureStatus } from './api';

const COLORS: Record<DisclosureStatus, string> = {
  draft: 'default',
  pending: 'gold',
  published: 'green',
  withdrawn: 'red',
};

/** 草稿 / 待审批 / 已发布 / 已撤下 (a 消费警示 has no 待审批). */
export function DisclosureStatusTag({ status }: { status: DisclosureStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`disclosures.status.${status}`)}</Tag>;
}
