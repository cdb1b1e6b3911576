import { useState } from 'react';
import { App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { CaseStageTag } from '../cases/tags';

type Candidate =
  paths['/api/campaigns/{id}/carry-forward']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * 结转: the office picks last year's open cases (not yet decided) and carries them into this plan;
 * cases carried before are marked, and carrying them again changes nothing.
 */
export function CarryForwardButton({ campaignId }: { campaignId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['carry-forward', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/carry-forward', { params: { path: { id: campaignId } } })),
  });
  const carry = useMutation({
    mutationFn: async (body: { caseIds?: string[]; all?: boolean }) =>
      unwrap(await api.POST('/api/campaigns/{id}/carry-forward', { params: { path: { id: campaignId } }, body })),
    onSuccess: async (r) => {
      void message.success(t('campaigns.carryDone', { n: r.carried.length, m: r.already.length }));
      setSelected([]);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['carry-forward', campaignId] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
        queryClient.invalidateQueries({ queryKey: ['stats'] }),
      ]);
    },
    onError: (e) => showError(e),
  });
  if (!list.data?.predecessor || !list.data.canCarry) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('campaigns.carryForward')}</Button>
      <Modal
        open={open}
        title={t('campaigns.carryTitle')}
        width={900}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button loading={carry.isPending} onClick={() => carry.mutate({ all: true })}>
              {t('campaigns.carryAll')}
            </Button>
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={carry.isPending}
              onClick={() => carry.mutate({ caseIds: selected })}
            >
              {t('campaigns.carrySelected')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('campaigns.carryHint')}{' '}
          <Link to={`/campaigns/${list.data.predecessor.id}`}>{list.data.predecessor.name}</Link>
        </Typography.Paragraph>
        <Table<Candidate>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list.data.items}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.carried }),
          }}
          columns={[
            {
              title: t('campaigns.caseNumber'),
              dataIndex: 'caseNumber',
              render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
            },
            { title: t('campaigns.caseName'), dataIndex: 'name' },
            { title: t('campaigns.caseUnit'), dataIndex: 'unitName' },
            { title: t('campaigns.caseFiled'), dataIndex: 'filingDate' },
            {
              title: t('campaigns.caseStage'),
              dataIndex: 'stage',
              render: (s: Candidate['stage'], r) => (
                <Space size={4}>
                  <CaseStageTag stage={s} />
                  {r.carried && <Tag color="green">{t('campaigns.carried')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
