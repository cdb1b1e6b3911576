import { Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useQueuedForm } from '../../lib/offline/useQueuedForm';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { RISK_LEVELS, useMarketEntityMutations, type EntityBody, type MarketEntityDetail } from './api';
import { EntityCoreFields } from './entity-fields';
import { RISK_KEYS } from './entity-labels';
import { entityFieldLabels, entityQueueLabel, NEW_ENTITY_PATH } from './entity-offline';

type Values = EntityBody;

/**
 * 登记 or 修改 a market entity (the register's office line); a new one opens its page. Without a
 * network the change is queued (an edit with the version it was based on: a change made on the
 * server meanwhile becomes a conflict in the header's drawer).
 */
export function EntityFormModal({
  entity,
  unitId,
  onClose,
}: {
  entity?: MarketEntityDetail;
  unitId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { create, update, invalidate } = useMarketEntityMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { invalidate, then: 'stay' } });
  const queued = useQueuedForm({ form, formPath: entity ? undefined : NEW_ENTITY_PATH });
  const saving = create.isPending || update.isPending;
  const submit = async (values: Values) => {
    try {
      if (entity) {
        const body = { ...values, version: entity.version };
        const path = `/api/market-entities/${entity.id}`;
        const result = await queued.submit(() => update.mutateAsync({ id: entity.id, body }), {
          method: 'PUT',
          path,
          body,
          baseVersion: entity.version,
          recordPath: path,
          label: entityQueueLabel(t, body),
          fieldLabels: entityFieldLabels(t),
        });
        saved('queued' in result ? t('offline.queued') : t('entities.saved'));
      } else {
        const result = await queued.submit(() => create.mutateAsync(values), {
          method: 'POST',
          path: '/api/market-entities',
          body: values,
          label: entityQueueLabel(t, values),
          fieldLabels: entityFieldLabels(t),
        });
        if ('queued' in result) return saved(t('offline.queued'));
        saved(t('entities.created'));
        navigate(`/market-entities/${result.sent.id}`);
      }
    } catch (e) {
      failed(e);
    }
  };
  return (
    <FormModal
      form={form}
      title={entity ? t('entities.editTitle', { name: entity.name }) : t('entities.createTitle')}
      saving={saving}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      width={640}
      intro={queued.alert}
      initialValues={
        entity
          ? {
              unitId: entity.unitId,
              name: entity.name,
              creditCode: entity.creditCode,
              entityKind: entity.entityKind,
              industry: entity.industry,
              operatorName: entity.operatorName,
              address: entity.address,
              riskLevel: entity.riskLevel,
              divisionCode: entity.divisionCode,
              licence: entity.licence,
            }
          : { unitId, riskLevel: 'low', entityKind: 'enterprise' }
      }
    >
      <Form.Item
        name="unitId"
        label={t('entities.unit')}
        rules={[{ required: true, message: t('entities.unitRequired') }]}
      >
        <UnitTreeSelect allowClear={false} />
      </Form.Item>
      <EntityCoreFields />
      <Form.Item name="riskLevel" label={t('entities.riskLevel')}>
        <Select options={RISK_LEVELS.map((r) => ({ value: r, label: t(RISK_KEYS[r]) }))} />
      </Form.Item>
      <Form.Item name="licence" label={t('entities.licence')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="divisionCode"
        label={t('entities.divisionCode')}
        rules={[{ pattern: /^(\d{6}(\d{3}|\d{6})?)?$/, message: t('entities.divisionCodeShape') }]}
      >
        <Input maxLength={12} inputMode="numeric" />
      </Form.Item>
    </FormModal>
  );
}
