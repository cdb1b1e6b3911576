import { useMemo } from 'react';
import { Alert, App, Form, Modal, TreeSelect } from 'antd';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useUnitMutations } from './api';
import { allowedParents, buildUnitTree, toTreeOptions, type Unit } from './tree';

/** 调整上级: a TreeSelect of the whole visible tree where only allowed parents can be picked. */
export function MoveUnitModal({ unit, units, onClose }: { unit: Unit; units: Unit[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const showError = useShowError();
  const { move, invalidate } = useUnitMutations();

  const { treeData, hasTargets } = useMemo(() => {
    const allowed = new Set(allowedParents(units, unit).map((u) => u.id));
    return { treeData: toTreeOptions(buildUnitTree(units.filter((u) => u.active)), (u) => !allowed.has(u.id)), hasTargets: allowed.size > 0 };
  }, [units, unit]);

  const submit = ({ parentId }: { parentId: string }) =>
    move.mutate(
      { id: unit.id, body: { version: unit.version, parentId } },
      {
        onSuccess: () => {
          void message.success(t('units.moved'));
          onClose();
        },
        onError: (e) => {
          showError(e, form);
          if (e instanceof ApiError && e.status === 409) {
            void invalidate();
            void message.info(t('common.conflictReloaded'));
          }
        },
      },
    );

  return (
    <Modal
      open
      title={t('units.moveTitle', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ disabled: !hasTargets }}
      mask={{ closable: false }}
      width={560}
    >
      <Alert type={hasTargets ? 'info' : 'warning'} showIcon title={t(hasTargets ? 'units.moveHint' : 'units.noMoveTargets')} style={{ margin: '16px 0' }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="parentId" label={t('units.moveTarget')} rules={[{ required: true, message: t('units.required', { field: t('units.moveTarget') }) }]}>
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder={t('units.moveTarget')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
