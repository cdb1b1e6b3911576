import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useT } from '../../locales/i18n';
import { useUnits } from '../units/api';
import { subtreeIds } from '../units/tree';
import { useSupervisionMutations, type SupervisionGroup } from './api';

/** 划分片区: the units of the organiser's subtree a group supervises (the server refuses one already in another area). */
export function AreaModal({ group, onClose }: { group: SupervisionGroup; onClose: () => void }) {
  const t = useT();
  const units = useUnits(false);
  const { setArea } = useSupervisionMutations();
  const { form, saved, failed } = useFormModal<{ unitIds: string[] }>({ onClose, conflict: { then: 'close' } });
  const options = useMemo(() => {
    const all = units.data ?? [];
    const below = new Set(subtreeIds(all, group.organizerUnitId));
    const known = new Map(group.area.map((u) => [u.id, u.name]));
    for (const u of all) if (below.has(u.id)) known.set(u.id, u.name);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [units.data, group]);
  return (
    <FormModal<{ unitIds: string[] }>
      form={form}
      title={`${t('supervision.editArea')}：${group.name}`}
      saving={setArea.isPending}
      onClose={onClose}
      onFinish={(v) =>
        setArea.mutate(
          { id: group.id, unitIds: v.unitIds ?? [], version: group.version },
          { onSuccess: () => saved(t('supervision.saved')), onError: failed },
        )
      }
      initialValues={{ unitIds: group.area.map((u) => u.id) }}
    >
      <Form.Item name="unitIds" label={t('supervision.areaUnits')}>
        <Select
          mode="multiple"
          loading={units.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
        />
      </Form.Item>
    </FormModal>
  );
}
