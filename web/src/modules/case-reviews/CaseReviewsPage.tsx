import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { PageContainer } from '../../app/PageContainer';
import { CampaignSelect } from '../../lib/records/pickers';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useCurrentUser } from '../auth/session';
import { useCaseReviewMutations, useExercises, useMyReviewFiles } from './api';
import { SheetModal } from './SheetModal';

/**
 * 案卷评查: my assignments (what I must score), and the exercises of a plan (chosen in the address);
 * the organiser's office organises a new one.
 */
export function CaseReviewsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const campaignId = search.get('campaignId') ?? undefined;
  const exercises = useExercises(campaignId);
  const mine = useMyReviewFiles();
  const [creating, setCreating] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const user = useCurrentUser();

  return (
    <PageContainer title={t('caseReviews.title')}>
      <Flex vertical gap={16}>
        <Card title={t('caseReviews.mine')} size="small">
          <Table
            rowKey="id"
            size="small"
            loading={mine.isPending}
            dataSource={mine.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('caseReviews.mineEmpty') }}
            columns={[
              {
                key: 'case',
                title: t('caseReviews.case'),
                render: (_v, f) => (
                  <Link to={`/case-reviews/${f.exerciseId}?file=${f.id}`}>{`${f.caseName}（${f.caseNumber}）`}</Link>
                ),
              },
              { key: 'unit', title: t('caseReviews.unit'), dataIndex: 'unitName' },
              { key: 'exercise', title: t('caseReviews.exercise'), dataIndex: 'exerciseTitle' },
              { key: 'end', title: t('caseReviews.endDate'), dataIndex: 'endDate', width: 110 },
              {
                key: 'status',
                title: t('caseReviews.status'),
                width: 110,
                render: (_v, f) => (
                  <Tag color={f.status === 'submitted' ? 'green' : 'gold'}>
                    {t(`caseReviews.fileStatus.${f.status}`)}
                    {f.total !== null ? ` ${f.total}` : ''}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
        <Card
          title={t('caseReviews.exercises')}
          size="small"
          extra={
            <Flex gap={8}>
              <CampaignSelect
                value={campaignId}
                onChange={(v) => setSearch(v ? { campaignId: v } : {})}
                placeholder={t('caseReviews.pickCampaign')}
                style={{ width: 320 }}
              />
              {user.unitId ? <Button onClick={() => setSheetOpen(true)}>{t('caseReviews.sheet')}</Button> : null}
              {exercises.data?.canCreate ? (
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('caseReviews.new')}
                </Button>
              ) : null}
            </Flex>
          }
        >
          <Table
            rowKey="id"
            size="small"
            loading={!!campaignId && exercises.isPending}
            dataSource={exercises.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: campaignId ? t('caseReviews.empty') : t('caseReviews.pickCampaign') }}
            columns={[
              {
                key: 'title',
                title: t('caseReviews.exercise'),
                render: (_v, e) => <Link to={`/case-reviews/${e.id}`}>{e.title}</Link>,
              },
              { key: 'organizer', title: t('caseReviews.organizer'), dataIndex: 'organizerName' },
              {
                key: 'dates',
                title: t('caseReviews.dates'),
                render: (_v, e) => `${e.startDate} ～ ${e.endDate}`,
              },
              { key: 'per', title: t('caseReviews.filesPerUnit'), dataIndex: 'filesPerUnit', width: 120 },
            ]}
          />
        </Card>
      </Flex>
      {sheetOpen && user.unitId ? <SheetModal unitId={user.unitId} onClose={() => setSheetOpen(false)} /> : null}
      {creating && campaignId ? <NewExerciseModal campaignId={campaignId} onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}

function NewExerciseModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm();
  const { create } = useCaseReviewMutations();
  const submit = async (v: { title: string; dates: [Dayjs, Dayjs]; filesPerUnit: number }) => {
    try {
      const e = await create.mutateAsync({
        campaignId,
        body: {
          organizerUnitId: user.unitId!,
          title: v.title.trim(),
          startDate: v.dates[0].format('YYYY-MM-DD'),
          endDate: v.dates[1].format('YYYY-MM-DD'),
          filesPerUnit: v.filesPerUnit,
        },
      });
      navigate(`/case-reviews/${e.id}`);
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      open
      title={t('caseReviews.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph type="secondary">
        {t('caseReviews.newHint', { unit: user.unitName ?? '' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ filesPerUnit: 2 }} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t('caseReviews.exercise')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('caseReviews.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="dates" label={t('caseReviews.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="filesPerUnit" label={t('caseReviews.filesPerUnit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
