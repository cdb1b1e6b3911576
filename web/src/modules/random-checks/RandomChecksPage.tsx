import { Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { useCurrentUser } from '../auth/session';
import { permissions } from '../auth/permissions';
import { DrawCreateModal } from './DrawCreateModal';
import { DrawsTable } from './DrawsTable';
import { RegisterTab } from './RegisterTab';

/** 双随机、一公开: the office's draws and the register of market entities they are drawn from. */
export function RandomChecksPage() {
  const t = useT();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const tab = search.get('tab') === 'register' ? 'register' : 'draws';
  const canManage = permissions.manageRandomChecks(user);

  return (
    <PageContainer
      title={t('randomChecks.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('randomChecks.newDraw')}
          </Button>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'draws' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'draws', label: t('randomChecks.tabDraws'), children: <DrawsTable /> },
            { key: 'register', label: t('randomChecks.tabRegister'), children: <RegisterTab canManage={canManage} /> },
          ]}
        />
      </Card>
      {creating && <DrawCreateModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
