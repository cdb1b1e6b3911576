import { useEffect } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isInvalidForm, textToParagraphs } from '../../lib/paragraphs';
import { useDownload } from '../../lib/useDownload';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { downloadBulletin, useBulletin, useBulletinMutations } from './api';

interface FormValues {
  title: string;
  docPrefix: string;
  recipients: string;
  date: Dayjs;
  paragraphs: string;
}

/**
 * One 督查通报: the draft written from the round's records, edited by the organiser's office (title,
 * 机关代字, 主送, 成文日期, text), issued with its 发文字号 and read-only afterwards; Word at any time.
 */
export function BulletinModal({
  campaignId,
  bulletinId,
  onClose,
}: {
  campaignId: string;
  bulletinId: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const bulletin = useBulletin(bulletinId);
  const { update, issue } = useBulletinMutations(campaignId);
  const { downloading, download } = useDownload();
  const b = bulletin.data;
  const editable = !!b?.can.edit;

  useEffect(() => {
    if (b)
      form.setFieldsValue({
        title: b.title,
        docPrefix: b.docPrefix,
        recipients: b.recipients,
        date: dayjs(b.date),
        paragraphs: b.paragraphs.join('\n'),
      });
  }, [b, form]);

  const save = async () => {
    const v: FormValues = await form.validateFields();
    return update.mutateAsync({
      id: b!.id,
      body: {
        title: v.title.trim(),
        docPrefix: v.docPrefix.trim(),
        recipients: v.recipients.trim(),
        date: v.date.format('YYYY-MM-DD'),
        paragraphs: textToParagraphs(v.paragraphs),
        version: b!.version,
      },
    });
  };
  const saveDraft = async () => {
    try {
      await save();
      void message.success(t('bulletins.saved'));
    } catch (e) {
      if (!isInvalidForm(e)) showError(e, form);
    }
  };
  const confirmIssue = () =>
    modal.confirm({
      title: t('bulletins.issueConfirm'),
      content: t('bulletins.issueConfirmText'),
      okText: t('bulletins.issueAction'),
      onOk: async () => {
        try {
          const saved = await save();
          const done = await issue.mutateAsync({ id: saved.id, version: saved.version });
          void message.success(t('bulletins.issued', { number: done.docNumber ?? '' }));
        } catch (e) {
          if (!isInvalidForm(e)) showError(e, form);
        }
      },
    });

  const busy = update.isPending || issue.isPending;
  return (
    <Modal
      open
      width={860}
      title={b ? `${b.docNumber ?? t('bulletins.status.draft')} ${b.title}` : t('bulletins.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('bulletins.close')}
        </Button>,
        <Button
          key="download"
          disabled={!b}
          loading={downloading === bulletinId}
          onClick={() => void download(bulletinId, () => downloadBulletin(b!))}
        >
          {t('bulletins.generate')}
        </Button>,
        ...(editable
          ? [
              <Button key="save" loading={busy} onClick={() => void saveDraft()}>
                {t('bulletins.saveDraft')}
              </Button>,
              <Button key="issue" type="primary" disabled={busy} onClick={confirmIssue}>
                {t('bulletins.issueAction')}
              </Button>,
            ]
          : []),
      ]}
    >
      {b ? (
        <Typography.Paragraph type="secondary">
          <Tag color={b.status === 'issued' ? 'green' : undefined}>{t(`bulletins.status.${b.status}`)}</Tag>
          {b.status === 'issued' ? t('bulletins.issuedHint') : t('bulletins.draftHint')}
        </Typography.Paragraph>
      ) : null}
      {bulletin.error ? (
        <Alert type="error" showIcon title={t('bulletins.loadFailed')} description={bulletin.error.message} />
      ) : null}
      {!b && !bulletin.error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      <Form form={form} layout="vertical" hidden={!b} disabled={!editable}>
        <Form.Item
          name="title"
          label={t('bulletins.docTitle')}
          rules={[{ required: true, whitespace: true, message: t('bulletins.docTitleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="docPrefix"
            label={t('bulletins.docPrefix')}
            extra={t('bulletins.docPrefixHint')}
            rules={[{ required: true, whitespace: true, message: t('bulletins.docPrefixRequired') }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('bulletins.date')}
            rules={[{ required: true, message: t('bulletins.dateRequired') }]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="recipients" label={t('bulletins.recipients')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="paragraphs"
          label={t('bulletins.text')}
          extra={t('bulletins.textHint')}
          rules={[{ required: true, whitespace: true, message: t('bulletins.textRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 12, maxRows: 24 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
