import { useState } from 'react';
import { Button, Form, Input, Space, Switch } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { CampaignSelect, CategorySelect } from '../../lib/records/pickers';
import { OrderRectificationModal } from '../rectifications/OrderRectificationModal';
import { useDrawItemRectifications } from '../rectifications/api';
import { useRandomCheckMutations, type DrawItem, type RandomDraw } from './api';

/**
 * What follows a 双随机 finding on a drawn entity: its lead (登记线索, like an outing's finding; then
 * the link to it) and its 责令整改 (ordered through the rectification engine; the link to each).
 */
export function DrawItemFollowUp({ draw, item }: { draw: RandomDraw; item: DrawItem }) {
  const t = useT();
  const [open, setOpen] = useState<'lead' | 'order' | null>(null);
  const found = item.result === 'corrected' || item.result === 'problem_followed_up';
  const orders = useDrawItemRectifications(draw.id, item.id, found);
  return (
    <Space size={[4, 0]} wrap>
      {item.leadId && (
        <Link to={`/leads/${item.leadId}`} className="rs-draw-item-lead">
          {t('randomChecks.itemLead')}
        </Link>
      )}
      {item.canOpenLead && (
        <Button size="small" type="link" onClick={() => setOpen('lead')}>
          {t('randomChecks.openLead')}
        </Button>
      )}
      {orders.data?.items.map((r) => (
        <Link key={r.id} to={`/rectifications/${r.id}`}>
          {t('randomChecks.itemRectification', { status: t(`rectifications.status.${r.status}`) })}
        </Link>
      ))}
      {orders.data?.canOrder && (
        <Button size="small" type="link" onClick={() => setOpen('order')}>
          {t('rectifications.order')}
        </Button>
      )}
      {open === 'lead' && <OpenDrawLeadModal draw={draw} item={item} onClose={() => setOpen(null)} />}
      {open === 'order' && (
        <OrderRectificationModal
          target={{ drawId: draw.id, itemId: item.id }}
          entities={[]}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}

interface LeadValues {
  campaignId?: string;
  categoryCode: string;
  partyName: string;
  description: string;
  important: boolean;
}

function OpenDrawLeadModal({ draw, item, onClose }: { draw: RandomDraw; item: DrawItem; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { openLead } = useRandomCheckMutations();
  const { form, saved, failed } = useFormModal<LeadValues>({ onClose });
  const campaignId = Form.useWatch('campaignId', form) ?? draw.campaignId;
  const submit = (v: LeadValues) =>
    openLead.mutate(
      {
        drawId: draw.id,
        itemId: item.id,
        body: {
          campaignId: draw.campaignId ? null : v.campaignId,
          categoryCode: v.categoryCode,
          partyName: v.partyName.trim(),
          description: v.description?.trim() || null,
          important: v.important,
          version: item.version,
        },
      },
      {
        onSuccess: ({ leadId }) => {
          saved(t('randomChecks.leadOpened'));
          navigate(`/leads/${leadId}`);
        },
        onError: failed,
      },
    );
  return (
    <FormModal
      form={form}
      title={t('randomChecks.openLeadTitle')}
      saving={openLead.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ partyName: item.entityName, description: item.resultNote ?? '', important: false }}
    >
      {!draw.campaignId && (
        <Form.Item
          name="campaignId"
          label={t('records.campaign')}
          rules={[{ required: true, message: t('randomChecks.campaignRequired') }]}
        >
          <CampaignSelect />
        </Form.Item>
      )}
      <Form.Item
        name="categoryCode"
        label={t('records.category')}
        rules={[{ required: true, message: t('randomChecks.categoryRequired') }]}
      >
        <CategorySelect campaignId={campaignId} />
      </Form.Item>
      <Form.Item name="partyName" label={t('randomChecks.partyName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('randomChecks.leadDescription')}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="important" label={t('randomChecks.important')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
