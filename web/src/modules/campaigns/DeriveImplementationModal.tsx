import { Form, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useCampaignMutations, type Campaign } from './api';

/**
 * 制定实施方案: a bureau below that takes part gets its own plan, inheriting the categories and
 * tasks (the server matches the superior's section names to the bureau's units). Opens the draft.
 */
export function DeriveImplementationModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const t = useT();
  const { form, saved, failed } = useFormModal<{ unitId: string }>({ onClose });
  const navigate = useNavigate();
  const { deriveImplementation } = useCampaignMutations();
  const names = new Map(campaign.units.map((u) => [u.id, u.name]));
  const options = campaign.can.deriveFor.map((id) => ({ value: id, label: names.get(id) ?? id }));

  const submit = ({ unitId }: { unitId: string }) =>
    deriveImplementation.mutate(
      { id: campaign.id, unitId },
      {
        onSuccess: (c) => {
          saved(t('campaigns.derived', { name: c.name }));
          navigate(`/campaigns/${c.id}`);
        },
        onError: failed,
      },
    );

  return (
    <FormModal
      form={form}
      title={t('campaigns.deriveTitle')}
      okText={t('common.create')}
      saving={deriveImplementation.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ unitId: options.length === 1 ? options[0].value : undefined }}
      intro={
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('campaigns.deriveHint', { name: campaign.name })}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="unitId"
        label={t('campaigns.deriveUnit')}
        rules={[{ required: true, message: t('campaigns.unitRequired') }]}
      >
        <Select options={options} placeholder={t('campaigns.deriveUnit')} />
      </Form.Item>
    </FormModal>
  );
}
