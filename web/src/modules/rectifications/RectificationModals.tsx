import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, List, Radio, Select, Space, Upload } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../locales/i18n';
import { ATTACHMENT_ACCEPT } from '../../lib/AttachmentsCard';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useShowError } from '../../lib/useShowError';
import { todayIso } from '../../lib/records/today';
import { formatDateTime } from '../../lib/format';
import { dateField } from '../campaigns/editor/form-fields';
import { useRectificationMutations, type Finding, type FindingBody, type RectificationAttachment } from './api';

interface FindingValues {
  unitId: string;
  description: string;
  demand: boolean;
  requirement?: string;
  deadlineBy: 'days' | 'date';
  deadlineWorkingDays?: number;
  deadline?: string | null;
}

/** 记录发现的问题 on a visit (or, with `record`, correcting one): with 整改要求 and 期限, or noted only. */
export function FindingFormModal(props: {
  visitId: string;
  units: { id: string; name: string }[];
  defaultUnitId: string;
  record?: Finding;
  onClose: () => void;
}) {
  const t = useT();
  const { create, edit, invalidate } = useRectificationMutations();
  const { form, saved, failed } = useFormModal<FindingValues>({
    onClose: props.onClose,
    conflict: { invalidate, then: 'close' },
  });
  const demand = Form.useWatch('demand', form);
  const by = Form.useWatch('deadlineBy', form);
  const r = props.record;
  const submit = (v: FindingValues) => {
    const body: FindingBody = {
      unitId: v.unitId,
      description: v.description,
      requirement: v.demand ? v.requirement : null,
      deadlineWorkingDays: v.demand && v.deadlineBy === 'days' ? v.deadlineWorkingDays : null,
      deadline: v.demand && v.deadlineBy === 'date' ? v.deadline : null,
    };
    if (r)
      edit.mutate(
        { id: r.id, body: { ...body, version: r.version } },
        { onSuccess: () => saved(t('rectifications.savedOk')), onError: failed },
      );
    else
      create.mutate(
        { visitId: props.visitId, body },
        { onSuccess: () => saved(t('rectifications.createdOk')), onError: failed },
      );
  };
  const unitOptions = r ? [{ value: r.unitId, label: r.unitName }] : [];
  for (const u of props.units) if (u.id !== r?.unitId) unitOptions.push({ value: u.id, label: u.name });
  return (
    <FormModal
      form={form}
      title={t(r ? 'rectifications.editFinding' : 'rectifications.addFinding')}
      saving={create.isPending || edit.isPending}
      onClose={props.onClose}
      onFinish={submit}
      width={640}
      initialValues={
        r
          ? {
              unitId: r.unitId,
              description: r.description,
              demand: r.requirement !== null,
              requirement: r.requirement ?? undefined,
              deadlineBy: r.deadlineWorkingDays !== null || r.deadline === null ? 'days' : 'date',
              deadlineWorkingDays: r.deadlineWorkingDays ?? 10,
              deadline: r.deadline,
            }
          : { unitId: props.defaultUnitId, demand: true, deadlineBy: 'days', deadlineWorkingDays: 10 }
      }
    >
      <Form.Item name="unitId" label={t('rectifications.unit')} rules={[{ required: true }]}>
        <Select options={unitOptions} aria-label={t('rectifications.unit')} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('rectifications.description')}
        rules={[{ required: true, whitespace: true, message: t('rectifications.descriptionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="demand" label={t('rectifications.demand')}>
        <Radio.Group
          options={[
            { value: true, label: t('rectifications.demandYes') },
            { value: false, label: t('rectifications.demandNo') },
          ]}
        />
      </Form.Item>
      {demand && (
        <>
          <Form.Item
            name="requirement"
            label={t('rectifications.requirement')}
            rules={[{ required: true, whitespace: true, message: t('rectifications.requirementRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="deadlineBy" label={t('rectifications.deadline')}>
            <Radio.Group
              options={[
                { value: 'days', label: t('rectifications.deadlineByDays') },
                { value: 'date', label: t('rectifications.deadlineByDate') },
              ]}
            />
          </Form.Item>
          {by === 'date' ? (
            <Form.Item
              name="deadline"
              label={t('rectifications.deadlineDate')}
              rules={[{ required: true }]}
              {...dateField}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : (
            <Form.Item name="deadlineWorkingDays" label={t('rectifications.deadlineDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={250} addonAfter={t('rectifications.workingDays')} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

/** 报送整改情况: what the unit did, with files uploaded here before sending. */
export function ReplyModal({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const { reply, upload, invalidate } = useRectificationMutations();
  const [files, setFiles] = useState<RectificationAttachment[]>([]);
  const { form, saved, failed } = useFormModal<{ text: string }>({ onClose, conflict: { invalidate, then: 'close' } });
  const send = ({ file }: { file: unknown }) =>
    upload.mutateAsync({ id: finding.id, file: file as File }).then(
      (a) => setFiles((fs) => [...fs, a]),
      (e: unknown) => showError(e),
    );
  return (
    <FormModal
      form={form}
      title={t('rectifications.replyTitle')}
      okText={t('rectifications.replySubmit')}
      saving={reply.isPending}
      onClose={onClose}
      width={640}
      onFinish={(v) =>
        reply.mutate(
          { id: finding.id, text: v.text, attachmentIds: files.map((f) => f.id), version: finding.version },
          { onSuccess: () => saved(t('rectifications.repliedOk')), onError: failed },
        )
      }
    >
      <Form.Item
        name="text"
        label={t('rectifications.replyText')}
        rules={[{ required: true, whitespace: true, message: t('rectifications.replyTextRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
      <Form.Item label={t('rectifications.replyFiles')} extra={t('rectifications.photoHint')}>
        <Space wrap>
          {/* On a phone: the camera opens directly; the photo keeps when and where it was taken (EXIF). */}
          <Upload showUploadList={false} accept="image/*" capture="environment" customRequest={send}>
            <Button icon={<CameraOutlined />} loading={upload.isPending}>
              {t('rectifications.takePhoto')}
            </Button>
          </Upload>
          <Upload showUploadList={false} accept={ATTACHMENT_ACCEPT} customRequest={send}>
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        </Space>
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item>
              {f.fileName}
              {f.takenAt && (
                <span className="rs-photo-taken">
                  {' '}
                  · {t('rectifications.takenAt', { at: formatDateTime(f.takenAt) })}
                  {f.takenLatitude && ` (${f.takenLatitude}, ${f.takenLongitude})`}
                </span>
              )}
            </List.Item>
          )}
        />
      </Form.Item>
    </FormModal>
  );
}

/** 复查: 销号 with an optional opinion, or 退回 with the reason and perhaps a later deadline. */
export function ReviewModal({
  finding,
  mode,
  onClose,
}: {
  finding: Finding;
  mode: 'close' | 'return';
  onClose: () => void;
}) {
  const t = useT();
  const { close, sendBack, invalidate } = useRectificationMutations();
  const { form, saved, failed } = useFormModal<{ text?: string; deadline?: string | null }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  const done = {
    onSuccess: () => saved(t(mode === 'close' ? 'rectifications.closedOk' : 'rectifications.returnedOk')),
    onError: failed,
  };
  return (
    <FormModal
      form={form}
      title={t(mode === 'close' ? 'rectifications.closeTitle' : 'rectifications.returnTitle')}
      okText={t(mode === 'close' ? 'rectifications.close' : 'rectifications.return')}
      okDanger={mode === 'return'}
      saving={close.isPending || sendBack.isPending}
      onClose={onClose}
      onFinish={(v) =>
        mode === 'close'
          ? close.mutate({ id: finding.id, text: v.text || null, version: finding.version }, done)
          : sendBack.mutate(
              { id: finding.id, reason: v.text ?? '', deadline: v.deadline || null, version: finding.version },
              done,
            )
      }
    >
      <Form.Item
        name="text"
        label={t(mode === 'close' ? 'rectifications.closeText' : 'rectifications.returnReason')}
        rules={
          mode === 'return'
            ? [{ required: true, whitespace: true, message: t('rectifications.returnReasonRequired') }]
            : []
        }
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {mode === 'return' && (
        <Form.Item name="deadline" label={t('rectifications.newDeadline')} {...dateField}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(todayIso()), 'day')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
