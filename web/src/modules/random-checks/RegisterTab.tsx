import { useState } from 'react';
import { App, Button, Flex, Form, Input, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../locales/i18n';
import { api, unwrap } from '../../lib/api';
import { ImportDialog } from '../../lib/ImportDialog';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { LoadError } from '../../app/StatusPages';
import { PersonSelect } from '../../lib/records/PersonSelect';
import { RANDOM_CHECKS_KEY, useEntities, type MarketEntity } from './api';
import { REGISTER_IMPORT_COLUMNS } from '../market-entities/api';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { parseRegisterView, registerSearch } from './list-view';

const RISK_COLORS: Record<MarketEntity['riskLevel'], string> = { low: 'green', medium: 'gold', high: 'red' };

/**
 * 市场主体名录: the entities draws are made from (the register of 经济户口, market-entities), with the
 * 回避 ties of the draws; kept current by re-importing (upsert by credit code).
 */
export function RegisterTab({ canManage }: { canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { view, setView, change } = useListView(parseRegisterView, registerSearch);
  const [importing, setImporting] = useState(false);
  const [tieFor, setTieFor] = useState<MarketEntity | null>(null);
  // The register has no unit filter of its own: like the other lists it shows the header's current unit and below.
  const unitId = useListUnit(undefined);
  const entities = useEntities({ ...view, unitId });
  if (entities.isError) return <LoadError error={entities.error} onRetry={() => void entities.refetch()} />;

  const columns: TableColumnsType<MarketEntity> = [
    { key: 'name', title: t('randomChecks.entityName'), dataIndex: 'name', width: 240, ellipsis: true },
    {
      key: 'code',
      title: t('randomChecks.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (v: string) => <span className="rs-mono">{v}</span>,
    },
    { key: 'address', title: t('randomChecks.address'), dataIndex: 'address', ellipsis: true },
    { key: 'industry', title: t('randomChecks.industry'), dataIndex: 'industry', width: 120 },
    {
      key: 'risk',
      title: t('randomChecks.riskLevel'),
      dataIndex: 'riskLevel',
      width: 100,
      render: (r: MarketEntity['riskLevel'], e) => <Tag color={RISK_COLORS[r]}>{e.riskLabel}</Tag>,
    },
    { key: 'licence', title: t('randomChecks.licence'), dataIndex: 'licence', width: 160, ellipsis: true },
    ...(canManage
      ? [
          {
            key: 'tie',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, e: MarketEntity) => (
              <Button size="small" type="link" onClick={() => setTieFor(e)}>
                {t('randomChecks.addTie')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Input.Search
          key={view.q ?? ''}
          allowClear
          defaultValue={view.q}
          placeholder={t('randomChecks.searchEntities')}
          aria-label={t('randomChecks.searchEntities')}
          onSearch={(v) => change({ q: v.trim() || undefined })}
          style={{ width: 320 }}
        />
        {canManage && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('randomChecks.importRegister')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={entities.isFetching}
        dataSource={entities.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        pagination={listPagination(view, setView, t, entities.data)}
      />
      <ImportDialog
        open={importing}
        title={t('randomChecks.importRegisterTitle')}
        url="/api/market-entities/import"
        columns={REGISTER_IMPORT_COLUMNS}
        onClose={() => setImporting(false)}
        onImported={(count) => {
          void message.success(t('imports.done', { count }));
          void queryClient.invalidateQueries({ queryKey: RANDOM_CHECKS_KEY });
        }}
      />
      {tieFor && <TieModal entity={tieFor} onClose={() => setTieFor(null)} />}
    </>
  );
}

type TieValues = { userId: string; reason: string };

/** 回避: an inspector tied to the entity (a relative, a former employer) is never drawn for it. */
function TieModal({ entity, onClose }: { entity: MarketEntity; onClose: () => void }) {
  const t = useT();
  const { form, saved, failed } = useFormModal<TieValues>({ onClose });
  const [saving, setSaving] = useState(false);
  const submit = async (body: TieValues) => {
    setSaving(true);
    try {
      unwrap(await api.POST('/api/market-entities/{id}/ties', { params: { path: { id: entity.id } }, body }));
      saved(t('randomChecks.tieSaved'));
    } catch (e) {
      failed(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal
      form={form}
      title={t('randomChecks.tieTitle', { name: entity.name })}
      saving={saving}
      onClose={onClose}
      onFinish={(v) => void submit(v)}
      formStyle={{ marginTop: 12 }}
    >
      <Form.Item
        name="userId"
        label={t('randomChecks.tieInspector')}
        rules={[{ required: true, message: t('randomChecks.tieInspector') }]}
      >
        <PersonSelect role="handler" unitId={entity.unitId} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('randomChecks.tieReason')}
        rules={[{ required: true, whitespace: true, message: t('randomChecks.tieReason') }]}
      >
        <Input maxLength={200} placeholder={t('randomChecks.tieReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
