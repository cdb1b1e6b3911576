import { Form, Input, InputNumber } from 'antd';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useT } from '../../locales/i18n';
import { useSaveFigure, type CampaignKpi, type KpiUnitRow } from './api';

interface Values {
  numerator: number;
  denominator: number;
  reason: string;
}

/** 填报: a unit's hand-entered figure of a manual KPI (明厨亮灶 …) for the period shown, with its reason. */
export function FigureModal({
  campaignId,
  kpi,
  row,
  onClose,
}: {
  campaignId: string;
  kpi: CampaignKpi;
  row: KpiUnitRow;
  onClose: () => void;
}) {
  const t = useT();
  const save = useSaveFigure(campaignId);
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { then: 'close' } });
  const finish = (v: Values) =>
    save.mutate(
      {
        kpiIndex: kpi.index,
        body: {
          unitId: row.unitId,
          period: kpi.selectedPeriod,
          numerator: v.numerator,
          denominator: v.denominator,
          reason: v.reason,
          version: row.figure?.version ?? 0,
        },
      },
      { onSuccess: () => saved(t('kpis.saved')), onError: failed },
    );
  return (
    <FormModal<Values>
      form={form}
      title={t('kpis.figureTitle', { name: kpi.name, unit: row.unitLabel, period: kpi.selectedPeriod })}
      saving={save.isPending}
      onClose={onClose}
      onFinish={finish}
      initialValues={row.figure ?? undefined}
      intro={kpi.description}
    >
      <Form.Item
        name="numerator"
        label={t('kpis.numerator')}
        rules={[{ required: true, message: t('kpis.numeratorRequired') }]}
      >
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="denominator"
        label={t('kpis.denominator')}
        rules={[{ required: true, message: t('kpis.denominatorRequired') }]}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('kpis.reason')} rules={[{ required: true, message: t('kpis.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('kpis.reasonHint')} />
      </Form.Item>
    </FormModal>
  );
}
