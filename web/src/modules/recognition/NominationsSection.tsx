import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, Form, Input, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { LoadError } from '../../app/StatusPages';
import { useShowError } from '../../lib/useShowError';
import { useNominations, useRecognitionMutations, type Nomination, type NominationStatus } from './api';
import { CasePicker } from './CasePicker';

const STATUS_COLOR: Record<NominationStatus, string> = {
  nominated: 'blue',
  selected: 'green',
  not_selected: 'default',
};

/** 推荐典型案例: a case of the plan, the reason, and marking it typical when it is not yet. */
export function NominateModal({
  campaignId,
  caseId,
  onClose,
}: {
  campaignId: string;
  caseId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const { nominate } = useRecognitionMutations(campaignId);
  const { form, saved, failed } = useFormModal<{ caseId: string; reason: string; markTypical: boolean }>({ onClose });
  return (
    <FormModal
      form={form}
      title={t('recognition.nominate')}
      okText={t('recognition.nominateOk')}
      saving={nominate.isPending}
      onClose={onClose}
      initialValues={{ caseId, markTypical: true }}
      onFinish={(v) => nominate.mutate(v, { onSuccess: () => saved(t('recognition.nominated')), onError: failed })}
      width={620}
    >
      <Form.Item
        name="caseId"
        label={t('recognition.case')}
        rules={[{ required: true, message: t('recognition.required') }]}
      >
        <CasePicker campaignId={campaignId} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('recognition.nominationReason')}
        rules={[{ required: true, whitespace: true, message: t('recognition.required') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="markTypical" valuePropName="checked" extra={t('recognition.markTypicalHint')}>
        <Checkbox>{t('recognition.markTypical')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** 评选: select or decline, always with the reason. */
function DecideModal({
  campaignId,
  nomination,
  onClose,
}: {
  campaignId: string;
  nomination: Nomination;
  onClose: () => void;
}) {
  const t = useT();
  const { decide, invalidate } = useRecognitionMutations(campaignId);
  const { form, saved, failed } = useFormModal<{ decision: 'selected' | 'not_selected'; reason: string }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('recognition.decideTitle', { name: nomination.caseName })}
      saving={decide.isPending}
      onClose={onClose}
      initialValues={{ decision: 'selected' }}
      onFinish={(v) =>
        decide.mutate(
          { id: nomination.id, ...v, version: nomination.version },
          { onSuccess: () => saved(t('recognition.decided')), onError: failed },
        )
      }
    >
      <Form.Item name="decision" label={t('recognition.decision')}>
        <Radio.Group
          options={[
            { value: 'selected', label: t('recognition.status.selected') },
            { value: 'not_selected', label: t('recognition.status.not_selected') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('recognition.decisionReason')}
        rules={[{ required: true, whitespace: true, message: t('recognition.required') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 典型案例评选 of a plan: the nominations by category, the office's select/decline, a unit's nominate and withdraw. */
export function NominationsSection({ campaignId }: { campaignId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useNominations(campaignId, {});
  const { withdraw } = useRecognitionMutations(campaignId);
  const [nominating, setNominating] = useState(false);
  const [deciding, setDeciding] = useState<Nomination>();
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const columns: TableColumnsType<Nomination> = [
    {
      key: 'case',
      title: t('recognition.case'),
      render: (_, r) => (
        <Link to={`/cases/${r.caseId}`}>
          {r.caseName}（{r.caseNumber}）
        </Link>
      ),
    },
    { key: 'unit', title: t('recognition.unit'), dataIndex: 'unitName', width: 160 },
    { key: 'reason', title: t('recognition.nominationReason'), dataIndex: 'reason', ellipsis: true },
    {
      key: 'status',
      title: t('common.status'),
      width: 260,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOR[r.status]}>{t(`recognition.status.${r.status}`)}</Tag>
          {r.decisionReason && <span>{r.decisionReason}</span>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, r) => (
        <Space>
          {r.can.decide && (
            <Button size="small" onClick={() => setDeciding(r)}>
              {t(r.status === 'nominated' ? 'recognition.decide' : 'recognition.redecide')}
            </Button>
          )}
          {r.can.withdraw && (
            <Popconfirm
              title={t('recognition.withdrawConfirm')}
              onConfirm={() =>
                withdraw.mutate(
                  { id: r.id, version: r.version },
                  { onSuccess: () => void message.success(t('recognition.withdrawn')), onError: (e) => showError(e) },
                )
              }
            >
              <Button size="small" danger>
                {t('recognition.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  const categories = [
    ...(data?.categories ?? []),
    ...[...new Set((data?.items ?? []).map((i) => i.categoryCode))]
      .filter((code) => !(data?.categories ?? []).some((c) => c.code === code))
      .map((code) => ({ code, label: code })),
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <span>{t(data?.canDecide ? 'recognition.introOffice' : 'recognition.introUnit')}</span>
        <Button icon={<PlusOutlined />} type="primary" onClick={() => setNominating(true)}>
          {t('recognition.nominate')}
        </Button>
      </Flex>
      {data && data.items.length === 0 && <Empty description={t('recognition.noNominations')} />}
      {categories.map((c) => {
        const items = (data?.items ?? []).filter((i) => i.categoryCode === c.code);
        if (!items.length) return null;
        const selected = items.filter((i) => i.status === 'selected').length;
        return (
          <Card
            key={c.code}
            size="small"
            title={c.label}
            extra={t('recognition.categoryCount', { count: items.length, selected })}
          >
            <Table rowKey="id" size="small" dataSource={items} columns={columns} pagination={false} />
          </Card>
        );
      })}
      {nominating && <NominateModal campaignId={campaignId} onClose={() => setNominating(false)} />}
      {deciding && <DecideModal campaignId={campaignId} nomination={deciding} onClose={() => setDeciding(undefined)} />}
    </Flex>
  );
}
