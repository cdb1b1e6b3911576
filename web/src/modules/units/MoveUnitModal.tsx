import { useMemo } from 'react';
import { Alert, Form, TreeSelect } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useUnitMutations } from './api';
import { allowedParents, buildUnitTree, toTreeOptions, type Unit } from './tree';

/** 调整上级: a TreeSelect of the whole visible tree where only allowed parents can be picked. */
export function MoveUnitModal({ unit, units, onClose }: { unit: Unit; units: Unit[]; onClose: () => void }) {
  const t = useT();
  const { move, invalidate } = useUnitMutations();
  const { form, saved, failed } = useFormModal<{ parentId: string }>({
    onClose,
    conflict: { invalidate, then: 'stay' },
  });

  const { treeData, hasTargets } = useMemo(() => {
    const allowed = new Set(allowedParents(units, unit).map((u) => u.id));
    return {
      treeData: toTreeOptions(buildUnitTree(units.filter((u) => u.active)), (u) => !allowed.has(u.id)),
      hasTargets: allowed.size > 0,
    };
  }, [units, unit]);

  const submit = ({ parentId }: { parentId: string }) =>
    move.mutate(
      { id: unit.id, body: { version: unit.version, parentId } },
      { onSuccess: () => saved(t('units.moved')), onError: failed },
    );

  return (
    <FormModal
      form={form}
      title={t('units.moveTitle', { name: unit.name })}
      saving={move.isPending}
      okDisabled={!hasTargets}
      onClose={onClose}
      onFinish={submit}
      width={560}
      intro={
        <Alert
          type={hasTargets ? 'info' : 'warning'}
          showIcon
          title={t(hasTargets ? 'units.moveHint' : 'units.noMoveTargets')}
          style={{ margin: '16px 0' }}
        />
      }
    >
      <Form.Item
        name="parentId"
        label={t('units.moveTarget')}
        rules={[{ required: true, message: t('units.required', { field: t('units.moveTarget') }) }]}
      >
        <TreeSelect
          treeData={treeData}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('units.moveTarget')}
        />
      </Form.Item>
    </FormModal>
  );
}
