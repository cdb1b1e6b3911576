import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Segmented, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUnitContext } from '../../app/UnitContext';
import { CampaignSelect, TaskSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { RISK_LEVELS, useRandomCheckMutations, type DrawBody } from './api';

interface DrawForm {
  unitId: string;
  campaignId?: string;
  taskId?: string | null;
  name: string;
  industry?: string;
  riskLevels?: DrawBody['riskLevels'];
  divisionCode?: string;
  percent?: number;
  count?: number;
}

/** Turns the form into the request: a share in percent becomes a fraction; empty filters are left out. */
export function toDrawBody(v: DrawForm, mode: 'share' | 'count'): DrawBody {
  return {
    unitId: v.unitId,
    campaignId: v.campaignId ?? null,
    // 重点任务 only with a campaign; left out, the server tags the draw by its unit.
    ...(v.campaignId && v.taskId ? { taskId: v.taskId } : {}),
    name: v.name,
    industry: v.industry?.trim() || null,
    riskLevels: v.riskLevels ?? [],
    divisionCode: v.divisionCode?.trim() || null,
    ...(mode === 'share' ? { share: (v.percent ?? 0) / 100 } : { count: v.count }),
  };
}

/** 新建抽查: the office picks the unit, the filters and a share or a count; the server draws. */
export function DrawCreateModal({ campaignId, onClose }: { campaignId?: string; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { createDraw } = useRandomCheckMutations();
  const { form, saved, failed } = useFormModal<DrawForm>({ onClose });
  const [mode, setMode] = useState<'share' | 'count'>('share');
  const { unitId } = useUnitContext();
  const selectedCampaign = Form.useWatch('campaignId', form);

  const submit = (v: DrawForm) =>
    createDraw.mutate(toDrawBody(v, mode), {
      onSuccess: (draw) => {
        saved(t('randomChecks.drawn', { count: draw.items.length }));
        navigate(`/random-checks/draws/${draw.id}`);
      },
      onError: failed,
    });

  return (
    <FormModal
      form={form}
      width={560}
      title={t('randomChecks.newDraw')}
      okText={t('randomChecks.drawNow')}
      saving={createDraw.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ unitId: unitId ?? undefined, campaignId, percent: 5, count: 10 }}
      intro={<Alert type="info" showIcon title={t('randomChecks.drawHint')} style={{ margin: '12px 0' }} />}
    >
      <Form.Item
        name="name"
        label={t('randomChecks.drawName')}
        rules={[{ required: true, whitespace: true, message: t('randomChecks.drawNameRequired') }]}
      >
        <Input maxLength={200} placeholder={t('randomChecks.drawNamePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('randomChecks.drawUnit')}
        rules={[{ required: true, message: t('randomChecks.drawUnitRequired') }]}
        extra={t('randomChecks.drawUnitHint')}
      >
        <UnitTreeSelect placeholder={t('randomChecks.drawUnit')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="campaignId" label={t('randomChecks.campaign')}>
        <CampaignSelect style={{ width: '100%' }} onChange={() => form.setFieldsValue({ taskId: undefined })} />
      </Form.Item>
      <Form.Item name="taskId" label={t('records.task')}>
        <TaskSelect campaignId={selectedCampaign} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('randomChecks.filters')} style={{ marginBottom: 0 }}>
        <Form.Item name="riskLevels" style={{ display: 'inline-block', width: 'calc(40% - 8px)', marginInlineEnd: 8 }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('randomChecks.riskLevel')}
            aria-label={t('randomChecks.riskLevel')}
            options={RISK_LEVELS.map((r) => ({ value: r, label: t(`randomChecks.risk.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="industry" style={{ display: 'inline-block', width: 'calc(30% - 8px)', marginInlineEnd: 8 }}>
          <Input placeholder={t('randomChecks.industry')} aria-label={t('randomChecks.industry')} maxLength={50} />
        </Form.Item>
        <Form.Item name="divisionCode" style={{ display: 'inline-block', width: '30%' }}>
          <Input
            placeholder={t('randomChecks.divisionCode')}
            aria-label={t('randomChecks.divisionCode')}
            maxLength={12}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item label={t('randomChecks.size')} required>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'share' | 'count')}
          options={[
            { value: 'share', label: t('randomChecks.byShare') },
            { value: 'count', label: t('randomChecks.byCount') },
          ]}
          style={{ marginBottom: 8 }}
        />
        {mode === 'share' ? (
          <Form.Item name="percent" noStyle rules={[{ required: true, message: t('randomChecks.shareRequired') }]}>
            <InputNumber
              min={0.01}
              max={100}
              step={1}
              precision={2}
              suffix="%"
              aria-label={t('randomChecks.byShare')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="count" noStyle rules={[{ required: true, message: t('randomChecks.countRequired') }]}>
            <InputNumber
              min={1}
              max={100000}
              precision={0}
              aria-label={t('randomChecks.byCount')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}
