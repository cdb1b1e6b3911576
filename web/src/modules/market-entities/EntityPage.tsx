import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Row, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import {
  useEntity,
  useEntityHistory,
  useMarketEntityMutations,
  type EntityHistoryItem,
  type MarketEntityDetail,
} from './api';
import { EntityFormModal } from './EntityFormModal';
import { ENTITY_KIND_KEYS, HISTORY_KIND_COLORS, HISTORY_KIND_KEYS, RISK_COLORS, RISK_KEYS } from './entity-labels';

/** One market entity: its register entry and its 经济户口, every record about it the user may see. */
export function EntityPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useEntity(id);
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);

  if (!query.data) return <RecordPageStatus kind="marketEntities" {...queryStatus(query)} />;
  const e = query.data;
  const none = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <PageContainer
      title={
        <Space size={8} wrap>
          <span>{e.name}</span>
          <Tag color={RISK_COLORS[e.riskLevel]}>{t(RISK_KEYS[e.riskLevel])}</Tag>
          {!e.active && <Tag>{t('entities.inactive')}</Tag>}
        </Space>
      }
      crumbs={[{ key: 'entity', title: e.name }]}
      extra={
        <Space wrap>
          {e.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {e.can.deactivate && (
            <Button danger icon={<StopOutlined />} onClick={() => setDeactivating(true)}>
              {t('entities.deactivate')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('entities.register')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('entities.creditCode')}>
                <span className="rs-mono">{e.creditCode}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('entities.entityKind')}>
                {t(ENTITY_KIND_KEYS[e.entityKind])}
              </Descriptions.Item>
              <Descriptions.Item label={t('entities.operatorName')}>{e.operatorName ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('entities.industry')}>{e.industry ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('entities.address')}>{e.address ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('entities.unit')}>{e.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('entities.licence')}>{e.licence ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('entities.divisionCode')}>{e.divisionCode ?? none}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <EntityHistoryCard id={e.id} />
        </Col>
      </Row>
      {editing && <EntityFormModal entity={e} onClose={() => setEditing(false)} />}
      {deactivating && <DeactivateModal entity={e} onClose={() => setDeactivating(false)} />}
    </PageContainer>
  );
}

/** 经济户口: the timeline of the entity's records, newest first, each linking to its record. */
function EntityHistoryCard({ id }: { id: string }) {
  const t = useT();
  const history = useEntityHistory(id);
  const items = history.data?.items ?? [];
  const kindLabel = (k: string) => (HISTORY_KIND_KEYS[k] ? t(HISTORY_KIND_KEYS[k]) : k);
  return (
    <Card title={t('entities.historyTitle')} loading={history.isPending} className="rs-entity-history">
      {history.isError ? (
        <Typography.Text type="danger">{t('entities.historyFailed')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty description={t('entities.historyEmpty')} />
      ) : (
        <Timeline
          items={items.map((item: EntityHistoryItem) => ({
            key: `${item.kind}:${item.recordId}`,
            color: HISTORY_KIND_COLORS[item.kind] ?? 'gray',
            content: (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={8} wrap>
                  <Typography.Text strong>{formatDate(item.date)}</Typography.Text>
                  <Tag color={HISTORY_KIND_COLORS[item.kind]}>{kindLabel(item.kind)}</Tag>
                  {item.status && <Tag>{item.status}</Tag>}
                </Space>
                <Link to={item.link}>{item.title}</Link>
                <Typography.Text type="secondary">{item.unitName}</Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function DeactivateModal({ entity, onClose }: { entity: MarketEntityDetail; onClose: () => void }) {
  const t = useT();
  const { deactivate, invalidate } = useMarketEntityMutations();
  const { form, saved, failed } = useFormModal<{ reason: string }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await deactivate.mutateAsync({ id: entity.id, version: entity.version, reason });
      saved(t('entities.deactivated'));
    } catch (e) {
      failed(e);
    }
  };
  return (
    <FormModal
      form={form}
      title={t('entities.deactivateTitle', { name: entity.name })}
      okText={t('entities.deactivate')}
      okDanger
      saving={deactivate.isPending}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      intro={<Typography.Paragraph type="secondary">{t('entities.deactivateIntro')}</Typography.Paragraph>}
    >
      <Form.Item
        name="reason"
        label={t('entities.deactivateReason')}
        rules={[{ required: true, whitespace: true, message: t('entities.deactivateReason') }]}
      >
        <Input maxLength={200} placeholder={t('entities.deactivateReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
