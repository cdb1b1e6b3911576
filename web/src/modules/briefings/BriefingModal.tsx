import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Segmented, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';

type DocBody = paths['/api/campaigns/{id}/briefing.docx']['post']['requestBody']['content']['application/json'];
export type BriefingKind = DocBody['kind'];
export const BRIEFING_KINDS: BriefingKind[] = ['briefing', 'stage_summary', 'final_summary'];
/** The server takes at most this many paragraphs. */
const MAX_PARAGRAPHS = 200;

interface FormValues {
  title: string;
  issue?: string;
  date: Dayjs;
  paragraphs: string;
}

/** One paragraph per line; blank lines are dropped. */
export const textToParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');

export interface BriefingModalProps {
  campaignId: string;
  /** The unit whose figures (with the units below it) are written; the caller's own unit when left out. */
  unitId?: string;
  /** The period, YYYY-MM-DD; the campaign's start and today (or its end) when left out. */
  from?: string;
  to?: string;
  onClose: () => void;
}

/**
 * 工作简报 / 阶段总结 / 工作总结: a draft with the live figures written into sentences and the typical
 * cases of the period; the office edits the title, issue, date and text, then gets the Word file
 * (GB/T 9704) with exactly that text.
 */
export function BriefingModal({ campaignId, unitId, from, to, onClose }: BriefingModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [kind, setKind] = useState<BriefingKind>('briefing');

  const draft = useQuery({
    queryKey: ['briefings', 'draft', campaignId, unitId, from, to, kind],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/briefing-draft', {
          params: { path: { id: campaignId }, query: { kind, unitId, from, to } },
        }),
      ),
    // The text is being edited: a refetch must not replace it behind the office's back.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    if (draft.data) form.setFieldsValue({ title: draft.data.title, paragraphs: draft.data.paragraphs.join('\n') });
  }, [draft.data, form]);

  const generate = useMutation({
    mutationFn: async (values: FormValues) => {
      const body: DocBody = {
        kind,
        unitId: draft.data!.unitId,
        title: values.title.trim(),
        issue: kind === 'briefing' ? values.issue?.trim() || null : null,
        date: values.date.format('YYYY-MM-DD'),
        paragraphs: textToParagraphs(values.paragraphs),
      };
      return saveDownload(
        await api.POST('/api/campaigns/{id}/briefing.docx', {
          params: { path: { id: campaignId } },
          body,
          parseAs: 'blob',
        }),
        `${body.title}.docx`,
      );
    },
    onSuccess: (name) => void message.success(t('briefings.generated', { name })),
    onError: (e) => showError(e, form),
  });

  return (
    <Modal
      open
      width={860}
      title={t('briefings.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('briefings.close')}
        </Button>,
        <Button
          key="generate"
          type="primary"
          loading={generate.isPending}
          disabled={!draft.data}
          onClick={() => form.submit()}
        >
          {t('briefings.generate')}
        </Button>,
      ]}
    >
      <Segmented<BriefingKind>
        block
        value={kind}
        onChange={setKind}
        options={BRIEFING_KINDS.map((k) => ({ value: k, label: t(`briefings.kind.${k}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {draft.data
          ? `${t('briefings.period', { unit: draft.data.unitName, from: draft.data.from, to: draft.data.to })}。`
          : null}
        {t('briefings.kindChangeHint')}
      </Typography.Paragraph>
      {draft.isError ? (
        <Alert type="error" showIcon message={t('briefings.loadFailed')} description={draft.error.message} />
      ) : null}
      {draft.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        hidden={!draft.data}
        initialValues={{ date: dayjs(), issue: '' }}
        onFinish={(values: FormValues) => generate.mutate(values)}
      >
        <Form.Item
          name="title"
          label={t('briefings.docTitle')}
          rules={[{ required: true, whitespace: true, message: t('briefings.docTitleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          {kind === 'briefing' ? (
            <Form.Item name="issue" label={t('briefings.issue')} style={{ flex: 1 }}>
              <Input maxLength={40} placeholder={t('briefings.issuePlaceholder')} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="date"
            label={t('briefings.date')}
            rules={[{ required: true, message: t('briefings.dateRequired') }]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="paragraphs"
          label={t('briefings.text')}
          extra={t('briefings.textHint')}
          rules={[
            { required: true, whitespace: true, message: t('briefings.textRequired') },
            {
              validator: async (_rule, value: string | undefined) => {
                const count = textToParagraphs(value ?? '').length;
                if (count > MAX_PARAGRAPHS)
                  throw new Error(t('briefings.tooManyParagraphs', { max: MAX_PARAGRAPHS, count }));
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 12, maxRows: 24 }} />
        </Form.Item>
      </Form>
      {draft.data && draft.data.typicalCases.length > 0 ? (
        <Typography.Paragraph type="secondary">
          {t('briefings.typicalCases', { count: draft.data.typicalCases.length })}
          {'：'}
          {draft.data.typicalCases.map((c) => `${c.caseName}（${c.partyName}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
