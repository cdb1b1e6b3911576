import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { ATTACHMENT_ACCEPT } from '../../lib/AttachmentsCard';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { useCurrentUser } from '../auth/session';
import { ASSISTANCE_KINDS, useAssistanceMutations, useAssistanceRecipients, type AssistanceSendBody } from './api';

type Values = Omit<AssistanceSendBody, 'fromUnitId'>;

/**
 * 发函: a 协查函 or 线索通报 from the user's bureau to another bureau on the installation (the
 * picker lists their names only), with the facts the sender chooses to share, the items asked, the
 * reply date and files (uploaded once the request is stored).
 */
export function AssistanceSendModal({ onClose, onSent }: { onClose: () => void; onSent: (id: string) => void }) {
  const t = useT();
  const user = useCurrentUser();
  const recipients = useAssistanceRecipients(true);
  const { send, upload } = useAssistanceMutations();
  const { form, failed, message } = useFormModal<Values>({ onClose });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('cases.required', { field }) }];

  const submit = async (values: Values) => {
    try {
      const created = await send.mutateAsync(values);
      for (const f of files) await upload.mutateAsync({ id: created.id, side: 'sender', file: f as unknown as File });
      void message.success(t('assistance.sentOk'));
      onSent(created.id);
    } catch (e) {
      failed(e);
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title={t('assistance.newTitle')}
      okText={t('assistance.new')}
      saving={send.isPending || upload.isPending}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      initialValues={{ kind: 'assistance', replyDueDate: dayjs(todayIso()).add(10, 'day').format('YYYY-MM-DD') }}
      width={720}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item name="kind" label={t('assistance.kind')}>
        <Radio.Group
          options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: t(`assistance.kind.${k}`) }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item name="toUnitId" label={t('assistance.to')} rules={required(t('assistance.to'))}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={recipients.isPending}
          placeholder={t('assistance.toPlaceholder')}
          options={(recipients.data ?? [])
            .filter((r) => r.id !== user.unitId)
            .map((r) => ({ value: r.id, label: r.parentName ? `${r.name}（${r.parentName}）` : r.name }))}
        />
      </Form.Item>
      <Form.Item name="documentNumber" label={t('assistance.documentNumber')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="title" label={t('assistance.subject')} rules={required(t('assistance.subject'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="facts"
        label={t('assistance.facts')}
        extra={t('assistance.factsHint')}
        rules={required(t('assistance.facts'))}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item
        name="requestedItems"
        label={t('assistance.requestedItems')}
        rules={required(t('assistance.requestedItems'))}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="replyDueDate"
        label={t('assistance.replyDueDate')}
        rules={[{ required: true, message: t('cases.required', { field: t('assistance.replyDueDate') }) }]}
        {...dateField}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(todayIso()), 'day')} />
      </Form.Item>
      <Form.Item label={t('assistance.files')}>
        <Upload
          multiple
          accept={ATTACHMENT_ACCEPT}
          fileList={files}
          beforeUpload={(file) => {
            setFiles((fs) => [...fs, file]);
            return false;
          }}
          onRemove={(file) => setFiles((fs) => fs.filter((f) => f.uid !== file.uid))}
        >
          <Button icon={<UploadOutlined />}>{t('assistance.pickFiles')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('attachments.rules')}</Typography.Text>
      </Form.Item>
    </FormModal>
  );
}
