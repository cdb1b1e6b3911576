import { Form, Input, Switch } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { CampaignSelect, CategorySelect } from '../../lib/records/pickers';
import { useAssistanceMutations, type AssistanceRequest } from './api';

interface Values {
  register: boolean;
  campaignId?: string;
  categoryCode?: string;
  partyName?: string;
}

/**
 * 受理 a 线索通报: optionally registering it at once as a lead of the receiving bureau (source
 * 异地协查、线索通报) in one of its campaigns; the server writes both in one transaction.
 */
export function AcceptLeadNoticeModal({ request: r, onClose }: { request: AssistanceRequest; onClose: () => void }) {
  const t = useT();
  const { accept, invalidate } = useAssistanceMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { invalidate, then: 'close' } });
  const register = Form.useWatch('register', form);
  const campaignId = Form.useWatch('campaignId', form);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('cases.required', { field }) }];
  const submit = (v: Values) =>
    accept.mutate(
      {
        id: r.id,
        version: r.version,
        ...(v.register
          ? { registerLead: { campaignId: v.campaignId!, categoryCode: v.categoryCode!, partyName: v.partyName! } }
          : {}),
      },
      { onSuccess: () => saved(t('assistance.accepted')), onError: failed },
    );
  return (
    <FormModal<Values>
      form={form}
      title={t('assistance.accept')}
      okText={t('assistance.accept')}
      saving={accept.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ register: true }}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item name="register" label={t('assistance.registerLead')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {register && (
        <>
          <Form.Item name="campaignId" label={t('records.campaign')} rules={required(t('records.campaign'))}>
            <CampaignSelect />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('records.category')} rules={required(t('records.category'))}>
            <CategorySelect campaignId={campaignId} />
          </Form.Item>
          <Form.Item name="partyName" label={t('assistance.partyName')} rules={required(t('assistance.partyName'))}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
