import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { dateField } from '../campaigns/editor/form-fields';
import { useRectificationMutations, type OrderTarget } from './api';

interface OrderValues {
  entityId: string;
  description: string;
  requirement: string;
  deadlineBy: 'days' | 'date';
  deadlineWorkingDays?: number;
  deadline?: string | null;
}

/** 责令整改通知: the entity (of the unit's subtree), what was found, what it must do and by when. */
export function OrderRectificationModal(props: {
  target: OrderTarget;
  /** The entities an outing's order may name; none for a drawn entity (the draw names it). */
  entities: { id: string; name: string; creditCode: string }[];
  onClose: () => void;
}) {
  const fixedEntity = 'itemId' in props.target;
  const t = useT();
  const { order } = useRectificationMutations();
  const { form, saved, failed } = useFormModal<OrderValues>({ onClose: props.onClose });
  const by = Form.useWatch('deadlineBy', form);
  const submit = (v: OrderValues) =>
    order.mutate(
      {
        target: props.target,
        body: {
          entityId: fixedEntity ? null : v.entityId,
          description: v.description,
          requirement: v.requirement,
          deadlineWorkingDays: v.deadlineBy === 'days' ? v.deadlineWorkingDays : null,
          deadline: v.deadlineBy === 'date' ? v.deadline : null,
        },
      },
      { onSuccess: () => saved(t('rectifications.orderedOk')), onError: failed },
    );
  return (
    <FormModal
      form={form}
      title={t('rectifications.orderTitle')}
      saving={order.isPending}
      onClose={props.onClose}
      onFinish={submit}
      width={640}
      initialValues={{ deadlineBy: 'days', deadlineWorkingDays: 5 }}
    >
      {!fixedEntity && (
        <Form.Item
          name="entityId"
          label={t('rectifications.entity')}
          extra={t('rectifications.entityHint')}
          rules={[{ required: true, message: t('rectifications.entityRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('rectifications.entity')}
            options={props.entities.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="description"
        label={t('rectifications.description')}
        rules={[{ required: true, whitespace: true, message: t('rectifications.descriptionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
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
        <Form.Item name="deadline" label={t('rectifications.deadlineDate')} rules={[{ required: true }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item
          name="deadlineWorkingDays"
          label={t('rectifications.deadlineDaysFromOuting')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={250} addonAfter={t('rectifications.workingDays')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
