import { DatePicker, Drawer, Form, Input, Select, Table } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { formatDateTime } from '../../lib/format';
import { dateField } from '../campaigns/editor/form-fields';
import { CategorySelect, UnitTreeSelect } from '../../lib/records/pickers';
import {
  useEnterFigure,
  useManualEntries,
  type FormColumn,
  type StatsQuery,
  type TableColumn,
  type TableRow,
} from './api';
import { todayIso } from '../../lib/records/today';
import { entryDays } from './figures';

type FigureValues = {
  unitId: string;
  categoryCode: string;
  columnKey: string;
  day: string;
  value: string;
  reason: string;
};

/**
 * 手工填报: a figure the records cannot give (捣毁窝点 …), with the reason; a correction is a further,
 * negative entry. From a report, its day lies within the report's period.
 */
export function ManualFigureModal({
  campaignId,
  unitId,
  columns,
  period,
  onClose,
}: {
  campaignId: string;
  unitId: string;
  columns: FormColumn[];
  period?: { periodStart: string; periodEnd: string };
  onClose: () => void;
}) {
  const t = useT();
  const days = period ? entryDays(period, todayIso()) : null;
  const enter = useEnterFigure(campaignId);
  const { form, saved, failed } = useFormModal<FigureValues>({ onClose });
  const columnKey = Form.useWatch('columnKey', form);
  const money = columns.find((c) => c.key === columnKey)?.money;
  const submit = (v: FigureValues) =>
    enter.mutate(v, { onSuccess: () => saved(t('reports.figureEntered')), onError: failed });
  return (
    <FormModal
      form={form}
      title={t('reports.enterFigure')}
      saving={enter.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ unitId, day: days?.initial ?? todayIso(), columnKey: columns[0]?.key }}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item name="unitId" label={t('reports.unit')} rules={[{ required: true, message: t('reports.unit') }]}>
        <UnitTreeSelect campaignId={campaignId} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="columnKey"
        label={t('reports.figureColumn')}
        rules={[{ required: true, message: t('reports.figureColumn') }]}
      >
        <Select options={columns.map((c) => ({ value: c.key, label: `${c.name}（${c.unit}）` }))} />
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('reports.category')}
        rules={[{ required: true, message: t('reports.category') }]}
      >
        <CategorySelect campaignId={campaignId} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="day"
        label={t('reports.figureDay')}
        rules={[{ required: true, message: t('reports.figureDay') }]}
        {...dateField}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={days ? (d) => !days.allowed(d.format('YYYY-MM-DD')) : undefined}
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={money ? t('reports.figureYuan') : t('reports.figureValue')}
        extra={t('reports.figureValueHint')}
        rules={[{ required: true, whitespace: true, message: t('reports.figureValue') }]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reports.figureReason')}
        rules={[{ required: true, whitespace: true, message: t('reports.figureReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('reports.figureReasonHint')} />
      </Form.Item>
    </FormModal>
  );
}

/** The entries behind a figure entered by hand: who, for which unit and day, how much, and why. */
export function ManualEntriesDrawer({
  campaignId,
  query,
  row,
  column,
  onClose,
}: {
  campaignId: string;
  query: StatsQuery;
  row: TableRow;
  column: TableColumn;
  onClose: () => void;
}) {
  const t = useT();
  const entries = useManualEntries(campaignId, { ...query, columnKey: column.key, category: row.category });
  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={t('reports.drillTitle', { category: row.label, metric: column.name })}
    >
      <Table
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data ?? []}
        pagination={false}
        columns={[
          { key: 'day', title: t('reports.figureDay'), dataIndex: 'day', width: 110 },
          { key: 'unit', title: t('reports.drillUnit'), dataIndex: 'unitName', width: 140 },
          {
            key: 'amount',
            title: column.money ? t('reports.figureYuan') : t('reports.figureValue'),
            dataIndex: 'amount',
            width: 100,
            align: 'end',
          },
          { key: 'reason', title: t('reports.figureReason'), dataIndex: 'reason' },
          {
            key: 'by',
            title: t('reports.figureBy'),
            width: 170,
            render: (_: unknown, e) => `${e.createdByName} · ${formatDateTime(e.createdAt)}`,
          },
        ]}
      />
    </Drawer>
  );
}
