import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useUnitContext } from '../../app/UnitContext';
import { permissions } from '../auth/permissions';
import { useCurrentUser } from '../auth/session';
import { useUnits } from './api';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitDetails, type UnitAction } from './UnitDetails';
import { UnitFormModal } from './UnitFormModal';
import { UnitTree } from './UnitTree';

type Dialog = { action: UnitAction | 'createTop'; unitId: string | null } | null;

/** 组织机构: the unit tree on the left, the selected unit with its actions on the right. */
export function UnitsPage() {
  const t = useT();
  const user = useCurrentUser();
  const { unitId: contextUnitId } = useUnitContext();
  const [showInactive, setShowInactive] = useState(false);
  const units = useUnits(showInactive);
  const [selectedId, setSelectedId] = useState<string | null>(contextUnitId);
  const [dialog, setDialog] = useState<Dialog>(null);

  // Follow the unit switcher.
  useEffect(() => setSelectedId(contextUnitId), [contextUnitId]);

  const list = units.data ?? [];
  const selected = list.find((u) => u.id === selectedId) ?? (selectedId === null ? list[0] : undefined) ?? null;
  const dialogUnit = dialog?.unitId ? list.find((u) => u.id === dialog.unitId) : undefined;

  return (
    <PageContainer
      title={t('units.title')}
      extra={
        permissions.createTopLevelUnit(user) && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ action: 'createTop', unitId: null })}>
            {t('units.createTop')}
          </Button>
        )
      }
    >
      {units.isError && !units.data ? (
        <LoadError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={9} xl={8}>
            <Card
              title={t('units.tree')}
              loading={units.isPending}
              extra={
                <Space>
                  <Typography.Text type="secondary">{t('units.showInactive')}</Typography.Text>
                  <Switch
                    size="small"
                    checked={showInactive}
                    onChange={setShowInactive}
                    aria-label={t('units.showInactive')}
                  />
                </Space>
              }
              styles={{ body: { maxHeight: 'calc(100vh - 260px)', minHeight: 320, overflow: 'auto' } }}
            >
              <UnitTree units={list} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            </Card>
          </Col>
          <Col xs={24} lg={15} xl={16}>
            <Card title={t('units.details')} loading={units.isPending}>
              {selected ? (
                <UnitDetails
                  unit={selected}
                  units={list}
                  onSelect={setSelectedId}
                  onAction={(action) => setDialog({ action, unitId: selected.id })}
                />
              ) : (
                <Empty description={t('units.selectHint')} />
              )}
            </Card>
          </Col>
        </Row>
      )}

      {dialog?.action === 'createTop' && (
        <UnitFormModal
          mode="create"
          parent={null}
          onClose={() => setDialog(null)}
          onCreated={(u) => setSelectedId(u.id)}
        />
      )}
      {dialog?.action === 'createChild' && dialogUnit && (
        <UnitFormModal
          mode="create"
          parent={dialogUnit}
          onClose={() => setDialog(null)}
          onCreated={(u) => setSelectedId(u.id)}
        />
      )}
      {dialog?.action === 'edit' && dialogUnit && (
        <UnitFormModal mode="edit" unit={dialogUnit} onClose={() => setDialog(null)} />
      )}
      {dialog?.action === 'move' && dialogUnit && (
        <MoveUnitModal unit={dialogUnit} units={list} onClose={() => setDialog(null)} />
      )}
    </PageContainer>
  );
}
