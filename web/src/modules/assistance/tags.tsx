import { Space, Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { AssistanceStatus } from './api';

const COLORS: Record<AssistanceStatus, string> = {
  sent: 'orange',
  accepted: 'blue',
  answered: 'green',
  declined: 'red',
  withdrawn: 'default',
};

/** A request's status, and 逾期 while its answer is owed past the due date. */
export function AssistanceStatusTag({ status, overdue }: { status: AssistanceStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <Space size={4}>
      <Tag color={COLORS[status]}>{t(`assistance.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('assistance.overdue')}</Tag>}
    </Space>
  );
}
