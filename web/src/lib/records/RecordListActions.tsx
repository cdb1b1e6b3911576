import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ImportButton, type ImportButtonProps } from '../ImportButton';

/**
 * The header actions of a record list (cases, leads, outings): for those who may record, the
 * import of the list's campaign's records and 新建; `before` stands first for anyone (the ledger's
 * export). Where nothing else stands there, the page shows it only to those who may record.
 */
export function RecordListActions({
  before,
  canRecord = true,
  importing,
  create,
}: {
  before?: ReactNode;
  canRecord?: boolean;
  importing: ImportButtonProps;
  create: { label: string; to: string };
}) {
  const navigate = useNavigate();
  return (
    <Space wrap>
      {before}
      {canRecord && <ImportButton {...importing} />}
      {canRecord && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(create.to)}>
          {create.label}
        </Button>
      )}
    </Space>
  );
}
