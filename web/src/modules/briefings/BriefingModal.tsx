import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { isInvalidForm, textToParagraphs } from '../../lib/paragraphs';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { downloadStoredBriefing, useBriefingMutations, useCampaignBriefings, useStoredBriefing } from './api';

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

export interface BriefingModalProps {
  campaignId: string;
  /** The unit whose figures (with the units below it) are written; the caller's own unit when left out. */
  unitId?: string;
  /** The period, YYYY-MM-DD; the campaign's start and today (or its end) when left out. */
  from?: string;
  to?: string;
  /** A stored briefing to open; a new one is drafted from the figures when left out. */
  briefingId?: string | null;
  onClose: () => void;
}

/**
 * 工作简报 / 阶段总结 / 工作总结: a draft with the live figures written into sentences, the typical
 * cases and what the units reported for the period; the office edits it, saves it as a draft and
 * issues it (numbered 第N期, then read-only and seen by the units below), or just gets the Word
 * file (GB/T 9704) with exactly that text. A stored one opens with its saved text.
 */
export function BriefingModal({ campaignId, unitId, from, to, briefingId, onClose }: BriefingModalProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [kind, setKind] = useState<BriefingKind>('briefing');
  /** The stored briefing being edited: the one opened, or the new one once saved. */
  const [storedId, setStoredId] = useState<string | null>(briefingId ?? null);
  const stored = useStoredBriefing(storedId);
  const { create, update, issue } = useBriefingMutations(campaignId);

  const draft = useQuery({
    queryKey: ['briefings', 'draft', campaignId, unitId, from, to, kind],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/briefing-draft', {
          params: { path: { id: campaignId }, query: { kind, unitId, from, to } },
        }),
      ),
    enabled: !briefingId,
    // The text is being edited: a refetch must not replace it behind the office's back.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    if (draft.data && !storedId)
      form.setFieldsValue({ title: draft.data.title, paragraphs: draft.data.paragraphs.join('\n') });
  }, [draft.data, storedId, form]);
  useEffect(() => {
    const b = stored.data;
    if (b) form.setFieldsValue({ title: b.title, date: dayjs(b.date), paragraphs: b.paragraphs.join('\n') });
  }, [stored.data, form]);

  const loaded = storedId ? stored.data : draft.data;
  // A new one: whoever may write briefings (the draft's unit is in the caller's scope, or it would not load).
  const canCreate = useCampaignBriefings(campaignId).data?.canCreate ?? false;
  const editable = storedId ? !!stored.data?.can.edit : canCreate;
  const textOf = (v: FormValues) => ({
    title: v.title.trim(),
    date: v.date.format('YYYY-MM-DD'),
    paragraphs: textToParagraphs(v.paragraphs),
  });

  /** Saves the text (a new draft, or the stored draft's edit) and answers the stored briefing. */
  const save = async () => {
    const values: FormValues = await form.validateFields();
    if (stored.data)
      return update.mutateAsync({
        id: stored.data.id,
        body: { ...textOf(values), from: stored.data.from, to: stored.data.to, version: stored.data.version },
      });
    const d = draft.data!;
    const saved = await create.mutateAsync({ kind, unitId: d.unitId, from: d.from, to: d.to, ...textOf(values) });
    setStoredId(saved.id);
    return saved;
  };
  const saveDraft = async () => {
    try {
      await save();
      void message.success(t('briefings.saved'));
    } catch (e) {
      if (!isInvalidForm(e)) showError(e, form);
    }
  };
  const confirmIssue = () =>
    modal.confirm({
      title: t('briefings.issueConfirm'),
      content: t('briefings.issueConfirmText'),
      okText: t('briefings.issueAction'),
      onOk: async () => {
        try {
          const saved = await save();
          const done = await issue.mutateAsync({ id: saved.id, version: saved.version });
          void message.success(t('briefings.issued', { issue: done.issueLabel ?? '' }));
        } catch (e) {
          if (!isInvalidForm(e)) showError(e, form);
        }
      },
    });

  const generate = useMutation({
    mutationFn: async (values: FormValues) => {
      if (stored.data) return downloadStoredBriefing(stored.data);
      const body: DocBody = {
        kind,
        unitId: draft.data!.unitId,
        ...textOf(values),
        issue: kind === 'briefing' ? values.issue?.trim() || null : null,
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

  const busy = create.isPending || update.isPending || issue.isPending;
  const failed = storedId ? stored.error : draft.error;
  return (
    <Modal
      open
      width={860}
      title={
        stored.data
          ? `${stored.data.issueLabel ?? t('briefings.status.draft')} ${stored.data.title}`
          : t('briefings.title')
      }
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('briefings.close')}
        </Button>,
        <Button key="generate" loading={generate.isPending} disabled={!loaded} onClick={() => form.submit()}>
          {t('briefings.generate')}
        </Button>,
        ...(editable
          ? [
              <Button key="save" loading={busy} disabled={!loaded} onClick={() => void saveDraft()}>
                {t('briefings.saveDraft')}
              </Button>,
              <Button key="issue" type="primary" disabled={!loaded || busy} onClick={confirmIssue}>
                {t('briefings.issueAction')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Segmented<BriefingKind>
        block
        value={stored.data?.kind ?? kind}
        onChange={setKind}
        disabled={!!storedId}
        options={BRIEFING_KINDS.map((k) => ({ value: k, label: t(`briefings.kind.${k}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {stored.data ? (
          <>
            <Tag color={stored.data.status === 'issued' ? 'green' : undefined}>
              {t(`briefings.status.${stored.data.status}`)}
            </Tag>
            {t('briefings.period', { unit: stored.data.issuingUnitName, from: stored.data.from, to: stored.data.to })}
            {'。'}
            {stored.data.status === 'issued' ? t('briefings.issuedHint') : t('briefings.draftHint')}
          </>
        ) : (
          <>
            {draft.data
              ? `${t('briefings.period', { unit: draft.data.unitName, from: draft.data.from, to: draft.data.to })}。`
              : null}
            {t('briefings.kindChangeHint')}
          </>
        )}
      </Typography.Paragraph>
      {failed ? <Alert type="error" showIcon title={t('briefings.loadFailed')} description={failed.message} /> : null}
      {!loaded && !failed ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        hidden={!loaded}
        disabled={!!storedId && !editable}
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
          {kind === 'briefing' && !storedId ? (
            <Form.Item name="issue" label={t('briefings.issue')} extra={t('briefings.issueHint')} style={{ flex: 1 }}>
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
      {!storedId && draft.data ? <DraftSources draft={draft.data} /> : null}
    </Modal>
  );
}

type Draft = paths['/api/campaigns/{id}/briefing-draft']['get']['responses'][200]['content']['application/json'];

/** What the draft drew on: the typical cases, the units' reports quoted, and the units that sent none. */
function DraftSources({ draft }: { draft: Draft }) {
  const t = useT();
  const lines = [
    draft.typicalCases.length > 0 &&
      `${t('briefings.typicalCases', { count: draft.typicalCases.length })}：${draft.typicalCases.map((c) => `${c.caseName}（${c.partyName}）`).join('；')}`,
    draft.quotedReports.length > 0 &&
      `${t('briefings.quotedReports', { count: draft.quotedReports.length })}：${draft.quotedReports
        .map((r) => `${r.unitLabel}（${r.reportName} ${r.periodEnd}，${t(`briefings.reportState.${r.state}`)}）`)
        .join('；')}`,
    draft.unitsWithoutReport.length > 0 &&
      `${t('briefings.unitsWithoutReport', { count: draft.unitsWithoutReport.length })}：${draft.unitsWithoutReport.map((u) => u.unitLabel).join('、')}`,
  ].filter(Boolean);
  return (
    <>
      {lines.map((line) => (
        <Typography.Paragraph key={line as string} type="secondary">
          {line}
        </Typography.Paragraph>
      ))}
    </>
  );
}
