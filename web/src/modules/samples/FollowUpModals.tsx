import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { dateField } from '../campaigns/editor/form-fields';
import { useSampleMutations, type ProgressBody, type Sample } from './api';

/** Units a 下架 quantity is written in (the server's list of seizure units). */
const UNITS = ['公斤', '吨', '克', '升', '瓶', '箱', '袋', '包', '盒', '件', '个', '套', '条'];
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(todayIso()), 'day');

interface ProgressValues {
  offShelfQuantity?: number | null;
  offShelfUnit?: string | null;
  offShelfDate?: string | null;
  recallNotice?: string | null;
  recallDate?: string | null;
  progressNote?: string | null;
}

/** 登记处置情况: what was done for the measures demanded (下架 quantity, 召回 notice), and a note. */
export function ProgressModal({ record, onClose }: { record: Sample; onClose: () => void }) {
  const t = useT();
  const f = record.followUp!;
  const { progress, invalidate } = useSampleMutations();
  const { form, saved, failed } = useFormModal<ProgressValues>({ onClose, conflict: { invalidate, then: 'close' } });
  const submit = (v: ProgressValues) =>
    progress.mutate(
      {
        id: record.id,
        body: {
          offShelfQuantity: v.offShelfQuantity != null ? String(v.offShelfQuantity) : null,
          offShelfUnit: (v.offShelfUnit || null) as ProgressBody['offShelfUnit'],
          offShelfDate: v.offShelfDate || null,
          recallNotice: v.recallNotice?.trim() || null,
          recallDate: v.recallDate || null,
          progressNote: v.progressNote?.trim() || null,
          version: f.version,
        },
      },
      { onSuccess: () => saved(t('samples.savedOk')), onError: failed },
    );
  return (
    <FormModal
      form={form}
      title={t('samples.followUp.recordProgress')}
      saving={progress.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{
        offShelfQuantity: f.offShelfQuantity ? Number(f.offShelfQuantity) : null,
        offShelfUnit: f.offShelfUnit,
        offShelfDate: f.offShelfDate,
        recallNotice: f.recallNotice,
        recallDate: f.recallDate,
        progressNote: f.progressNote,
      }}
      width={680}
    >
      {f.measures.includes('off_shelf') && (
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="offShelfQuantity" label={t('samples.followUp.offShelfQuantity')}>
              <InputNumber min={0} max={9_999_999_999} precision={3} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="offShelfUnit" label={t('samples.followUp.offShelfUnit')}>
              <Select allowClear options={UNITS.map((u) => ({ value: u, label: u }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="offShelfDate" label={t('samples.followUp.offShelfDate')} {...dateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {f.measures.includes('recall') && (
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="recallNotice" label={t('samples.followUp.recallNotice')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recallDate" label={t('samples.followUp.recallDate')} {...dateField}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="progressNote" label={t('samples.followUp.progressNote')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 立案: registers the lead (source 抽检监测) in one step; the follow-up keeps the link. */
export function OpenLeadModal({ record, onClose }: { record: Sample; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { openLead, invalidate } = useSampleMutations();
  const { form, saved, failed } = useFormModal<{ partyName?: string; description?: string; important?: boolean }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('samples.followUp.openLead')}
      saving={openLead.isPending}
      onClose={onClose}
      onFinish={(v) =>
        openLead.mutate(
          {
            id: record.id,
            body: {
              partyName: (v.partyName ?? '').trim(),
              description: v.description?.trim() || null,
              important: !!v.important,
              version: record.followUp!.version,
            },
          },
          {
            onSuccess: ({ leadId }) => {
              saved(t('samples.followUp.leadOpened'));
              navigate(`/leads/${leadId}`);
            },
            onError: failed,
          },
        )
      }
      initialValues={{ partyName: record.entityName, important: false }}
    >
      <Form.Item
        name="partyName"
        label={t('samples.followUp.partyName')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('samples.required', { field: t('samples.followUp.partyName') }),
          },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('samples.followUp.description')}
        extra={t('samples.followUp.descriptionHint')}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="important" valuePropName="checked">
        <Checkbox>{t('samples.followUp.important')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** 办结: with a note, once every measure demanded is recorded (the server says which are not). */
export function CloseModal({ record, onClose }: { record: Sample; onClose: () => void }) {
  const t = useT();
  const { close, invalidate } = useSampleMutations();
  const { form, saved, failed } = useFormModal<{ closingNote?: string }>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('samples.followUp.close')}
      saving={close.isPending}
      onClose={onClose}
      onFinish={(v) =>
        close.mutate(
          { id: record.id, body: { closingNote: (v.closingNote ?? '').trim(), version: record.followUp!.version } },
          { onSuccess: () => saved(t('samples.savedOk')), onError: failed },
        )
      }
    >
      <Form.Item
        name="closingNote"
        label={t('samples.followUp.closingNote')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('samples.required', { field: t('samples.followUp.closingNote') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
