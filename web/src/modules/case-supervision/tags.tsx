import { Space, Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { CaseSupervisionListItem } from './api';

const STATUS_COLOR = { requested: 'gold', active: 'blue', closed: 'green', declined: 'default' } as const;

/** A 督办件's status with its overdue flags (进展逾期, 督办逾期). */
export function SupervisionTags({
  s,
}: {
  s: Pick<CaseSupervisionListItem, 'status' | 'origin' | 'progressOverdue' | 'deadlineOverdue'>;
}) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[s.status]}>{t(`caseSupervision.status.${s.status}`)}</Tag>
      <Tag>{t(`caseSupervision.origin.${s.origin}`)}</Tag>
      {s.deadlineOverdue && <Tag color="red">{t('caseSupervision.deadlineOverdue')}</Tag>}
      {s.progressOverdue && <Tag color="volcano">{t('caseSupervision.progressOverdue')}</Tag>}
    </Space>
  );
}
