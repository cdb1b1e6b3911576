import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useReport, useReportMutations, type Narrative, type PeriodicReport, type StatsRow } from './api';
import { FiguresTable } from './FiguresTable';
import { asTableRows, stateColor, stateKey } from './figures';
import { ManualFigureModal } from './ManualFigures';
import { reportKeyOf } from './report-link';
import { ReportFiles } from './ReportFiles';

const SECTIONS: (keyof Narrative)[] = ['statistics', 'keyCases', 'practices', 'problems', 'nextSteps'];

/** One unit's report for one period: the figures (live until sent), the 工作情况 text, its files, submit and review. */
export function ReportPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  // A link without the whole key (schedule, period end, unit) names no report: a 404, not a wait.
  const key = reportKeyOf(search);
  const report = useReport(id, key);
  if (!report.data)
    return (
      <RecordPageStatus kind="reports" {...queryStatus(report)} notFound={!key} backTo={`/campaigns/${id}?tab=board`} />
    );
  return <ReportView campaignId={id} report={report.data} />;
}

function ReportView({ campaignId, report: r }: { campaignId: string; report: PeriodicReport }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [returning, setReturning] = useState(false);
  const [entering, setEntering] = useState(false);
  // The report's form (统计表): the schedule's template while live, the one it was sent with after.
  const manualColumns = r.form.columns.filter((c) => c.kind === 'manual');
  const { submit, review, invalidate } = useReportMutations(campaignId);
  const key = { scheduleId: r.scheduleId, periodEnd: r.periodEnd, unitId: r.unitId };
  const onStale = (e: unknown) => {
    showError(e, form);
    if (e instanceof ApiError && e.status === 409) void invalidate();
  };
  // 代报: one not of the unit submits only by the 代报 button, confirmed; the server audits it as such.
  const send = (narrative: Narrative) =>
    submit.mutate(
      { ...key, narrative, version: r.version, ...(r.can.onBehalf ? { onBehalf: true } : {}) },
      {
        onSuccess: (saved) => void message.success(t(saved.late ? 'reports.sentLate' : 'reports.sent')),
        onError: onStale,
      },
    );
  const accept = () =>
    review.mutate(
      { submissionId: r.submissionId!, decision: 'accept', version: r.version },
      { onSuccess: () => void message.success(t('reports.accepted')), onError: onStale },
    );

  return (
    <PageContainer
      title={`${r.unitLabel} · ${r.name}`}
      crumbs={[{ key: 'campaign', title: t('reports.crumb') }]}
      extra={
        r.can.review && (
          <Space>
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              {t('reports.return')}
            </Button>
            <Popconfirm
              title={t('reports.acceptConfirm')}
              onConfirm={accept}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<CheckOutlined />} loading={review.isPending}>
                {t('reports.accept')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Flex vertical gap={16}>
        {r.state === 'returned' && (
          <Alert type="warning" showIcon title={t('reports.returnedHint', { reason: r.returnReason ?? '' })} />
        )}
        {r.can.reviewByAnother && <Alert type="info" showIcon title={t('reports.reviewByAnother')} />}
        {r.state === 'missing' && (
          <Alert type="error" showIcon title={t('reports.missingHint', { deadline: r.deadline })} />
        )}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('common.status')}>
              <Tag color={stateColor(r.state, r.late)}>{t(stateKey(r.state, r.late))}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.period')}>{`${r.periodStart} — ${r.periodEnd}`}</Descriptions.Item>
            <Descriptions.Item label={t('reports.deadline')}>{r.deadline.slice(0, 16)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.submittedBy')}>
              {r.submittedByName
                ? `${r.submittedOnBehalf ? t('reports.onBehalfBy', { name: r.submittedByName }) : r.submittedByName} · ${formatDateTime(r.submittedAt)}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.reviewedBy')}>
              {r.reviewedByName ? `${r.reviewedByName} · ${formatDateTime(r.reviewedAt)}` : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('reports.formTitle', { form: r.form.name })}
          extra={
            <Space>
              <Typography.Text type="secondary">
                {t(r.figuresLive ? 'reports.figuresLive' : 'reports.figuresFrozen')}
              </Typography.Text>
              {r.can.enterFigures && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEntering(true)}>
                  {t('reports.enterFigure')}
                </Button>
              )}
            </Space>
          }
        >
          <Flex vertical gap={8}>
            {r.can.enterFigures && (
              <Typography.Text type="secondary">
                {t('reports.enterFigureHint', { from: r.periodStart, to: r.periodEnd })}
              </Typography.Text>
            )}
            <FiguresTable columns={r.form.columns} rows={asTableRows(r.figures as StatsRow[])} />
          </Flex>
        </Card>
        <Card size="small" title={t('reports.narrative')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={r.narrative ?? {}}
            onFinish={send}
            disabled={!r.can.submit}
          >
            {SECTIONS.map((s) => (
              <Form.Item key={s} name={s} label={t(`reports.section.${s}`)}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 12 }}
                  maxLength={20000}
                  placeholder={t(`reports.sectionHint.${s}`)}
                />
              </Form.Item>
            ))}
            {r.can.submit && r.can.onBehalf && (
              <Flex vertical gap={8} align="start">
                <Typography.Text type="secondary">{t('reports.onBehalfHint', { unit: r.unitLabel })}</Typography.Text>
                <Popconfirm
                  title={t('reports.onBehalfConfirm', { unit: r.unitLabel })}
                  onConfirm={() => form.submit()}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={submit.isPending}>
                    {t('reports.submitOnBehalf')}
                  </Button>
                </Popconfirm>
              </Flex>
            )}
            {r.can.submit && !r.can.onBehalf && (
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending}>
                {t(r.state === 'returned' || r.state === 'submitted' ? 'reports.resubmit' : 'reports.submit')}
              </Button>
            )}
            {!r.can.submit && r.state === 'open' && (
              <Typography.Text type="secondary">{t('reports.notYet', { date: r.periodEnd })}</Typography.Text>
            )}
          </Form>
        </Card>
        <ReportFiles campaignId={campaignId} report={r} />
      </Flex>
      {returning && <ReturnModal report={r} onClose={() => setReturning(false)} campaignId={campaignId} />}
      {entering && (
        <ManualFigureModal
          campaignId={campaignId}
          unitId={r.unitId}
          columns={manualColumns}
          period={r}
          onClose={() => setEntering(false)}
        />
      )}
    </PageContainer>
  );
}

function ReturnModal({
  campaignId,
  report: r,
  onClose,
}: {
  campaignId: string;
  report: PeriodicReport;
  onClose: () => void;
}) {
  const t = useT();
  const { form, saved, failed } = useFormModal<{ reason: string }>({ onClose });
  const { review } = useReportMutations(campaignId);
  const submit = ({ reason }: { reason: string }) =>
    review.mutate(
      { submissionId: r.submissionId!, decision: 'return', reason, version: r.version },
      { onSuccess: () => saved(t('reports.returned')), onError: failed },
    );
  return (
    <FormModal
      form={form}
      title={t('reports.return')}
      okText={t('reports.return')}
      saving={review.isPending}
      onClose={onClose}
      onFinish={submit}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item
        name="reason"
        label={t('reports.returnReason')}
        rules={[{ required: true, whitespace: true, message: t('reports.returnReasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
