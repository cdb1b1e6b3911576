import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { useT } from '../../locales/i18n';
import { TaskSelect, UnitTreeSelect } from '../../lib/records/pickers';
import {
  useSupervisionMutations,
  useSupervisionRound,
  useSupervisionRounds,
  VISIT_METHODS,
  type SupervisionVisit,
  type VisitMethod,
} from './api';

interface Values {
  roundId: string;
  groupId: string;
  unitId: string;
  visitDate: Dayjs;
  method: VisitMethod;
  unannounced: boolean;
  checkedItems: string;
  summary?: string;
  drawId?: string | null;
  taskId?: string | null;
}

/** The group a new visit is recorded for: its id, name and the units of its area. */
export interface VisitGroup {
  id: string;
  name: string;
  campaignId: string;
  area: { id: string; name: string }[];
}

/**
 * 新建 or 修改 a 督查记录. The unit is one of the group's area, or — for 交叉检查 and 互查 — any unit
 * the user may pick; the server checks the area, the dates and the draw again.
 */
export function VisitModal({
  group,
  visit,
  onClose,
}: {
  group: VisitGroup;
  visit: SupervisionVisit | null;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { createVisit, updateVisit } = useSupervisionMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { then: 'close' } });
  const rounds = useSupervisionRounds(group.campaignId);
  const method = Form.useWatch('method', form);
  const roundId = Form.useWatch('roundId', form) ?? visit?.roundId;
  const round = useSupervisionRound(roundId ?? '');
  const draws = (round.data?.draws ?? []).filter((d) => d.groupId === group.id);
  const outside = method === 'cross' || method === 'mutual';

  const finish = (v: Values) => {
    const body = {
      unitId: v.unitId,
      visitDate: v.visitDate.format('YYYY-MM-DD'),
      method: v.method,
      unannounced: v.unannounced,
      checkedItems: v.checkedItems,
      summary: v.summary || null,
      drawId: v.method === 'random' ? (v.drawId ?? null) : null,
      taskId: v.taskId ?? null,
    };
    if (visit)
      updateVisit.mutate(
        { id: visit.id, body: { ...body, version: visit.version } },
        { onSuccess: () => saved(t('supervision.saved')), onError: failed },
      );
    else
      createVisit.mutate(
        { ...body, roundId: v.roundId, groupId: group.id },
        {
          onSuccess: (created) => {
            saved(t('supervision.saved'));
            navigate(`/supervision/visits/${created.id}`);
          },
          onError: failed,
        },
      );
  };
  return (
    <FormModal<Values>
      form={form}
      width={640}
      title={`${visit ? t('supervision.editVisit') : t('supervision.newVisit')}：${group.name}`}
      saving={createVisit.isPending || updateVisit.isPending}
      onClose={onClose}
      onFinish={finish}
      initialValues={
        visit
          ? { ...visit, visitDate: dayjs(visit.visitDate), summary: visit.summary ?? '' }
          : { method: 'comprehensive', unannounced: false, visitDate: dayjs(todayIso()) }
      }
    >
      <Form.Item
        name="roundId"
        label={t('supervision.round')}
        rules={[{ required: true, message: t('supervision.roundRequired') }]}
      >
        <Select
          disabled={!!visit}
          loading={rounds.isFetching}
          options={(rounds.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.title}（${t('supervision.period', { from: r.startDate, to: r.endDate })}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="method"
        label={t('supervision.method')}
        extra={<Typography.Text type="secondary">{t('supervision.methodHint')}</Typography.Text>}
        rules={[{ required: true, message: t('supervision.methodRequired') }]}
      >
        <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`supervision.method.${m}`) }))} />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('supervision.unit')}
        rules={[{ required: true, message: t('supervision.unitRequired') }]}
      >
        {outside ? (
          <UnitTreeSelect />
        ) : (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={group.area.map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
      </Form.Item>
      {method === 'random' && draws.length > 0 && (
        <Form.Item name="drawId" label={t('supervision.draw')}>
          <Select
            allowClear
            placeholder={t('supervision.drawNone')}
            options={draws.map((d) => ({ value: d.id, label: d.picked.map((p) => p.name).join('、') }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="visitDate"
        label={t('supervision.visitDate')}
        rules={[{ required: true, message: t('supervision.dateRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()} />
      </Form.Item>
      <Form.Item name="unannounced" label={t('supervision.unannounced')}>
        <Radio.Group
          options={[
            { value: false, label: t('supervision.announced') },
            { value: true, label: t('supervision.secret') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="checkedItems"
        label={t('supervision.checkedItems')}
        rules={[{ required: true, whitespace: true, message: t('supervision.checkedItemsRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="summary" label={t('supervision.summary')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="taskId" label={t('records.task')}>
        <TaskSelect campaignId={group.campaignId} />
      </Form.Item>
    </FormModal>
  );
}
