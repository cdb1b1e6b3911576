import { App, Button, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useCaseReviewMutations, type Exercise, type ReviewFile } from './api';

interface Values {
  points: Record<string, number | null>;
  remark: Record<string, string>;
  remarks: string;
}

/** The reviewer's form: points per item of the sheet (0 to its maximum) with the reason for lost points; submitted scores are locked. */
export function ScoreModal({ exercise, file, onClose }: { exercise: Exercise; file: ReviewFile; onClose: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const { score } = useCaseReviewMutations();
  const items = exercise.sheet.items;
  const editable = file.can.score;
  const watched = Form.useWatch('points', form) as Values['points'] | undefined;
  const total = items.reduce((s, i) => s + (watched?.[i.key] ?? 0), 0);
  const initial: Values = {
    points: Object.fromEntries(
      items.map((i) => [i.key, file.scores.find((s) => s.key === i.key)?.points ?? (editable ? i.maxPoints : null)]),
    ),
    remark: Object.fromEntries(items.map((i) => [i.key, file.scores.find((s) => s.key === i.key)?.remark ?? ''])),
    remarks: file.remarks ?? '',
  };

  const send = async (submit: boolean) => {
    try {
      const v = await form.validateFields();
      await score.mutateAsync({
        id: file.id,
        body: {
          scores: items.map((i) => ({
            key: i.key,
            points: v.points[i.key] ?? 0,
            remark: (v.remark[i.key] ?? '').trim(),
          })),
          remarks: v.remarks.trim() || null,
          submit,
          version: file.version,
        },
      });
      void message.success(submit ? t('caseReviews.submitted') : t('caseReviews.saved'));
      if (submit) onClose();
    } catch (e) {
      if (!(typeof e === 'object' && e !== null && 'errorFields' in e)) showError(e);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={`${file.caseName}（${file.caseNumber}）`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('caseReviews.close')}
        </Button>,
        ...(editable
          ? [
              <Button key="save" loading={score.isPending} onClick={() => void send(false)}>
                {t('caseReviews.save')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                disabled={score.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('caseReviews.submitConfirm'),
                    content: t('caseReviews.submitConfirmText', { total }),
                    onOk: () => send(true),
                  })
                }
              >
                {t('caseReviews.submit')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t('caseReviews.scoreHint', { unit: file.unitName, reviewer: file.reviewerName ?? '—' })}
      </Typography.Paragraph>
      <Form form={form} initialValues={initial} disabled={!editable}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            {
              key: 'name',
              title: t('caseReviews.item'),
              width: 260,
              render: (_v, i) => (
                <>
                  <Typography.Text strong>{`${i.name}（${i.maxPoints}分）`}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{i.description}</Typography.Text>
                </>
              ),
            },
            {
              key: 'points',
              title: t('caseReviews.points'),
              width: 110,
              render: (_v, i) => (
                <Form.Item
                  name={['points', i.key]}
                  noStyle
                  rules={[{ required: true, type: 'integer', min: 0, max: i.maxPoints }]}
                >
                  <InputNumber min={0} max={i.maxPoints} precision={0} aria-label={i.name} />
                </Form.Item>
              ),
            },
            {
              key: 'remark',
              title: t('caseReviews.remark'),
              render: (_v, i) => (
                <Form.Item name={['remark', i.key]} noStyle>
                  <Input maxLength={500} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Typography.Paragraph strong style={{ marginTop: 12 }}>
          {t('caseReviews.totalLine', { total, max: exercise.sheet.totalPoints })}
        </Typography.Paragraph>
        <Form.Item name="remarks" label={t('caseReviews.remarks')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
