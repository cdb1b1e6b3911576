import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useShowError } from '../../lib/useShowError';
import { useThresholds, useTransferMutations, type CriminalThreshold, type ThresholdBody } from './api';

/** A threshold with its category's name. */
type ThresholdRow = CriminalThreshold & { categoryLabel: string };
/** A violation category a threshold may be set for. */
type Category = { code: string; label: string };

/** 涉刑移送标准: per category the amount from which a case must go to justice, with its source (system administrator). */
export function ThresholdsPage() {
  const t = useT();
  const query = useThresholds();
  const { deleteThreshold } = useTransferMutations();
  const showError = useShowError();
  const [editing, setEditing] = useState<ThresholdRow | 'new' | null>(null);
  const maintain = query.data?.can.maintain ?? false;

  const columns: TableColumnsType<ThresholdRow> = [
    { key: 'categoryCode', title: t('transfers.categoryCode'), dataIndex: 'categoryLabel', width: 160 },
    { key: 'minAmount', title: t('transfers.minAmount'), dataIndex: 'minAmount', width: 150, align: 'right' },
    { key: 'description', title: t('transfers.description'), dataIndex: 'description', width: 260 },
    { key: 'source', title: t('transfers.source'), dataIndex: 'source' },
    {
      key: 'updated',
      title: t('transfers.updatedBy'),
      width: 160,
      render: (_, r) => `${r.updatedByName ?? ''} ${formatDate(r.updatedAt)}`,
    },
    ...(maintain
      ? [
          {
            key: 'actions',
            title: '',
            width: 140,
            render: (_: unknown, r: ThresholdRow) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('transfers.deleteConfirm')}
                  onConfirm={() =>
                    deleteThreshold.mutate({ id: r.id, version: r.version }, { onError: (e) => showError(e) })
                  }
                >
                  <Button size="small" danger>
                    {t('transfers.deleteThreshold')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('transfers.thresholds')}
      crumbs={[{ key: 'thresholds', title: t('transfers.thresholds') }]}
      extra={
        maintain && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('transfers.addThreshold')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon title={t('transfers.thresholdsHint')} style={{ marginBottom: 16 }} />
      <Card>
        {query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ThresholdRow>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isLoading}
            pagination={false}
          />
        )}
      </Card>
      {editing && (
        <ThresholdModal
          threshold={editing === 'new' ? null : editing}
          categories={query.data?.categories ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </PageContainer>
  );
}

function ThresholdModal({
  threshold,
  categories,
  onClose,
}: {
  threshold: ThresholdRow | null;
  categories: Category[];
  onClose: () => void;
}) {
  const t = useT();
  const { createThreshold, updateThreshold, invalidate } = useTransferMutations();
  const { form, saved, failed } = useFormModal<ThresholdBody>({ onClose, conflict: { invalidate, then: 'close' } });
  const done = { onSuccess: () => saved(t('transfers.thresholdSaved')), onError: failed };
  const submit = (body: ThresholdBody) =>
    threshold
      ? updateThreshold.mutate({ id: threshold.id, body: { ...body, version: threshold.version } }, done)
      : createThreshold.mutate(body, done);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('cases.required', { field }) }];
  return (
    <FormModal
      form={form}
      title={t(threshold ? 'transfers.editThreshold' : 'transfers.addThreshold')}
      saving={createThreshold.isPending || updateThreshold.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={
        threshold
          ? {
              categoryCode: threshold.categoryCode,
              minAmount: threshold.minAmount,
              description: threshold.description,
              source: threshold.source,
            }
          : undefined
      }
      width={600}
    >
      <Form.Item name="categoryCode" label={t('transfers.categoryCode')} rules={required(t('transfers.categoryCode'))}>
        <Select
          showSearch
          optionFilterProp="label"
          options={categories.map((c) => ({ value: c.code, label: c.label }))}
        />
      </Form.Item>
      <Form.Item name="minAmount" label={t('transfers.minAmount')} rules={required(t('transfers.minAmount'))}>
        <Input maxLength={16} inputMode="decimal" />
      </Form.Item>
      <Form.Item name="description" label={t('transfers.description')} rules={required(t('transfers.description'))}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="source" label={t('transfers.source')} rules={required(t('transfers.source'))}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
