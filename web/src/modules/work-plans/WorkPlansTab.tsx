import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { uploadFile } from '../../lib/upload';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useWorkPlanBoard, useWorkPlanMutations, type WorkPlan, type WorkPlanBoardItem } from './api';

const STATUS_COLORS: Record<WorkPlanBoardItem['status'], string> = {
  acknowledged: 'green',
  filed: 'blue',
  overdue: 'red',
  notDue: 'default',
};

type Editing = { unitId: string; unitLabel: string; plan: WorkPlan | null };

/**
 * 工作实施计划备案 (a tab of the plan page): each unit owing the plan with 已报送 / 逾期未报 /
 * 未到期 / 已备案 against the plan's deadline; the unit files (and refiles) its plan with a file,
 * the plan's office acknowledges it (备案) or returns it with a reason.
 */
export function WorkPlansTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const board = useWorkPlanBoard(campaign.id);
  const m = useWorkPlanMutations(campaign.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [returning, setReturning] = useState<WorkPlan | null>(null);
  const b = board.data;

  const acknowledge = (p: WorkPlan) =>
    modal.confirm({
      title: t('workPlans.acknowledgeConfirm', { title: p.title }),
      onOk: () =>
        m.acknowledge
          .mutateAsync({ id: p.id, version: p.version })
          .then(() => void message.success(t('workPlans.acknowledged')))
          .catch(showError),
    });
  const upload = async (p: WorkPlan, file: File) => {
    try {
      await uploadFile(`/api/work-plans/${p.id}/file`, file);
      await m.invalidate();
      void message.success(t('workPlans.uploaded', { name: file.name }));
    } catch (e) {
      showError(e);
    }
  };
  const download = async (p: WorkPlan) => {
    try {
      saveDownload(
        await api.GET('/api/work-plans/{id}/file', { params: { path: { id: p.id } }, parseAs: 'blob' }),
        p.file?.fileName ?? 'plan',
      );
    } catch (e) {
      showError(e);
    }
  };

  if (b && !b.deadline) return <Alert type="info" showIcon title={t('workPlans.notAsked')} style={{ marginTop: 8 }} />;
  return (
    <Flex vertical gap={12} style={{ paddingTop: 8 }}>
      {b && (
        <Space wrap>
          <Typography.Text>{t('workPlans.deadline', { date: b.deadline ?? '' })}</Typography.Text>
          {(['acknowledged', 'filed', 'overdue', 'notDue'] as const).map((s) => (
            <Tag key={s} color={STATUS_COLORS[s]}>
              {t(`workPlans.status.${s}`)} {b.counts[s]}
            </Tag>
          ))}
        </Space>
      )}
      <Card size="small">
        <Table<WorkPlanBoardItem>
          size="small"
          rowKey="unitId"
          loading={board.isFetching}
          dataSource={b?.items ?? []}
          pagination={false}
          columns={[
            { title: t('workPlans.unit'), dataIndex: 'unitLabel', width: 220 },
            {
              title: t('workPlans.statusTitle'),
              key: 'status',
              width: 160,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                  {r.returned && <Tag color="orange">{t('workPlans.returned')}</Tag>}
                  {r.late && <Tag>{t('workPlans.late')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('workPlans.plan'),
              key: 'plan',
              render: (_: unknown, r) =>
                r.plan ? (
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{r.plan.title}</Typography.Text>
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 2, expandable: true }}
                      style={{ margin: 0 }}
                    >
                      {r.plan.summary}
                    </Typography.Paragraph>
                    {r.plan.file && (
                      <Typography.Link onClick={() => void download(r.plan!)}>
                        <PaperClipOutlined /> {r.plan.file.fileName}
                      </Typography.Link>
                    )}
                    {r.plan.returnReason && (
                      <Typography.Text type="warning">
                        {t('workPlans.returnReasonIs', { reason: r.plan.returnReason })}
                      </Typography.Text>
                    )}
                  </Flex>
                ) : (
                  <span className="rs-secondary">—</span>
                ),
            },
            {
              title: t('workPlans.filedAt'),
              key: 'filedAt',
              width: 170,
              render: (_: unknown, r) =>
                r.plan ? (
                  <span>
                    {formatDateTime(r.plan.filedAt)}
                    <div className="rs-secondary">{r.plan.filedByName}</div>
                  </span>
                ) : null,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 220,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.canFile && (
                    <Button size="small" type="primary" onClick={() => setEditing({ ...r, plan: null })}>
                      {t('workPlans.file')}
                    </Button>
                  )}
                  {r.plan?.can.refile && (
                    <>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('workPlans.refile')}
                      </Button>
                      <Upload
                        showUploadList={false}
                        beforeUpload={(file) => {
                          void upload(r.plan!, file);
                          return false;
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />}>
                          {t('workPlans.upload')}
                        </Button>
                      </Upload>
                    </>
                  )}
                  {r.plan?.can.review && (
                    <>
                      <Button size="small" type="primary" onClick={() => acknowledge(r.plan!)}>
                        {t('workPlans.acknowledge')}
                      </Button>
                      <Button size="small" danger onClick={() => setReturning(r.plan)}>
                        {t('workPlans.giveBack')}
                      </Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <FileModal campaignId={campaign.id} editing={editing} onClose={() => setEditing(null)} />}
      {returning && <ReturnModal campaignId={campaign.id} plan={returning} onClose={() => setReturning(null)} />}
    </Flex>
  );
}

function FileModal({ campaignId, editing, onClose }: { campaignId: string; editing: Editing; onClose: () => void }) {
  const t = useT();
  const m = useWorkPlanMutations(campaignId);
  const { form, saved, failed } = useFormModal<{ title: string; summary: string }>({
    onClose,
    conflict: { invalidate: m.invalidate, then: 'close' },
  });
  const p = editing.plan;
  const saving = m.file.isPending || m.refile.isPending;
  return (
    <FormModal
      form={form}
      title={t(p ? 'workPlans.refileTitle' : 'workPlans.fileTitle', { unit: editing.unitLabel })}
      okText={t('workPlans.submit')}
      saving={saving}
      onClose={onClose}
      width={640}
      initialValues={p ? { title: p.title, summary: p.summary } : undefined}
      onFinish={(v) =>
        (p
          ? m.refile.mutateAsync({ id: p.id, ...v, version: p.version })
          : m.file.mutateAsync({ unitId: editing.unitId, ...v })
        )
          .then(() => saved(t('workPlans.filed')))
          .catch(failed)
      }
      footnote={<Typography.Text type="secondary">{t('workPlans.fileHint')}</Typography.Text>}
    >
      <Form.Item name="title" label={t('workPlans.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('workPlans.summary')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}

function ReturnModal({ campaignId, plan, onClose }: { campaignId: string; plan: WorkPlan; onClose: () => void }) {
  const t = useT();
  const m = useWorkPlanMutations(campaignId);
  const { form, saved, failed } = useFormModal<{ reason: string }>({
    onClose,
    conflict: { invalidate: m.invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('workPlans.returnTitle', { title: plan.title })}
      okText={t('workPlans.giveBack')}
      okDanger
      saving={m.giveBack.isPending}
      onClose={onClose}
      onFinish={(v) =>
        m.giveBack
          .mutateAsync({ id: plan.id, reason: v.reason, version: plan.version })
          .then(() => saved(t('workPlans.givenBack')))
          .catch(failed)
      }
    >
      <Form.Item
        name="reason"
        label={t('workPlans.returnReason')}
        rules={[{ required: true, whitespace: true, max: 1000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </FormModal>
  );
}
