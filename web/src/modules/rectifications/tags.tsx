import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { RectificationStatus } from './api';

const COLOR: Record<RectificationStatus, string> = {
  noted: 'default',
  open: 'orange',
  replied: 'blue',
  closed: 'green',
};

export function RectificationStatusTag({ status, overdue }: { status: RectificationStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={COLOR[status]}>{t(`rectifications.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('rectifications.overdue')}</Tag>}
    </>
  );
}
