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

const SOURCE_COLOR = { supervision: 'purple', inspection: 'cyan', random_check: 'geekblue' } as const;

/** Where a rectification comes from: 督查, 执法检查 or 双随机抽查. */
export function SourceTag({ source }: { source: keyof typeof SOURCE_COLOR }) {
  const t = useT();
  return <Tag color={SOURCE_COLOR[source]}>{t(`rectifications.sourceOf.${source}`)}</Tag>;
}
