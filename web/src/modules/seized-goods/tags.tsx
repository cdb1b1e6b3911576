import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import type { CustodyStatus } from './api';

const STATUS_COLOURS: Record<CustodyStatus, string> = {
  in_custody: 'blue',
  partly_disposed: 'orange',
  disposed: 'default',
};

/** 在库 / 部分处置 / 已处置. */
export function CustodyStatusTag({ status }: { status: CustodyStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(`seized.status.${status}`)}</Tag>;
}
