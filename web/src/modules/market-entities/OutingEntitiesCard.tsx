import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import type { CheckedEntity } from './api';

/** 检查对象 on an outing's page: each entity checked (linking to its 经济户口), the result and what was found. */
export function OutingEntitiesCard({ entities }: { entities: CheckedEntity[] }) {
  const t = useT();
  return (
    <Card title={t('entities.outingCardTitle', { count: entities.length })} size="small" className="rs-outing-entities">
      <Table<CheckedEntity>
        rowKey="entityId"
        size="small"
        pagination={false}
        dataSource={entities}
        locale={{ emptyText: t('entities.outingCardEmpty') }}
        scroll={{ x: 640 }}
        columns={[
          {
            key: 'name',
            title: t('entities.name'),
            width: 220,
            render: (_: unknown, e) => <Link to={`/market-entities/${e.entityId}`}>{e.name}</Link>,
          },
          {
            key: 'code',
            title: t('entities.creditCode'),
            dataIndex: 'creditCode',
            width: 190,
            render: (v: string) => <span className="rs-mono">{v}</span>,
          },
          {
            key: 'result',
            title: t('entities.checkResult'),
            dataIndex: 'result',
            width: 110,
            render: (r: CheckedEntity['result']) =>
              r === 'problem' ? (
                <Tag color="red">{t('entities.result.problem')}</Tag>
              ) : (
                <Tag color="green">{t('entities.result.no_problem')}</Tag>
              ),
          },
          { key: 'finding', title: t('entities.finding'), dataIndex: 'finding' },
        ]}
      />
    </Card>
  );
}
