import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { TransferStatus } from './api';

const COLORS: Record<TransferStatus, string> = {
  sent: 'blue',
  accepted: 'cyan',
  filed: 'green',
  not_filed: 'orange',
  returned: 'red',
};

/** A transfer's answer so far, red when the chase date has passed. */
export function TransferStatusTag({ status, overdue }: { status: TransferStatus; overdue?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={COLORS[status]}>{t(`transfers.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('transfers.overdue')}</Tag>}
    </>
  );
}
