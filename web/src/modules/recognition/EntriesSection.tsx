import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { LoadError } from '../../app/StatusPages';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { todayIso } from '../../lib/records/today';
import { useShowError } from '../../lib/useShowError';
import { dateField } from '../campaigns/editor/form-fields';
import {
  ACCOUNTABILITY_MEASURES,
  COMMENDATION_KINDS,
  useAccountability,
  useCommendations,
  useRecognitionMutations,
  type Accountability,
  type Commendation,
  type EvidenceLink,
} from './api';
import { CasePicker } from './CasePicker';

type Kind = 'commendation' | 'accountability';
type Entry = Commendation | Accountability;
interface Values {
  type: string;
  unitId: string;
  personName?: string | null;
  reason: string;
  decidedOn: string;
  documentNumber?: string | null;
  talentPool?: boolean;
  caseIds?: string[];
}

/** The evidence as links to the records (or the record's type when it is no longer visible). */
export function EvidenceLinks({ evidence }: { evidence: Entry['evidence'] }) {
  return (
    <Space size={4} wrap>
      {evidence.map((e) =>
        e.link ? (
          <Link key={`${e.type}:${e.id}`} to={e.link}>
            <Tag>
              {e.typeLabel}：{e.title}
            </Tag>
          </Link>
        ) : (
          <Tag key={`${e.type}:${e.id}`}>{e.typeLabel}</Tag>
        ),
      )}
    </Space>
  );
}

/** A 表彰 or 问责: unit, person, kind or measure, reason, the cases cited (other evidence kept), date. */
function EntryFormModal({
  kind,
  campaignId,
  record,
  onClose,
}: {
  kind: Kind;
  campaignId: string;
  record?: Entry;
  onClose: () => void;
}) {
  const t = useT();
  const m = useRecognitionMutations(campaignId);
  const save = kind === 'commendation' ? m.saveCommendation : m.saveAccountability;
  const { form, saved, failed } = useFormModal<Values>({
    onClose,
    conflict: { invalidate: m.invalidate, then: 'close' },
  });
  const type = Form.useWatch('type', form);
  const kept: EvidenceLink[] = (record?.evidence ?? [])
    .filter((e) => e.type !== 'case')
    .map((e) => ({ type: e.type, id: e.id }));
  const submit = (v: Values) => {
    const evidence: EvidenceLink[] = [...(v.caseIds ?? []).map((id) => ({ type: 'case' as const, id })), ...kept];
    const common = {
      unitId: v.unitId,
      userId: record?.userId ?? null,
      personName: record?.userId ? null : v.personName || null,
      reason: v.reason,
      decidedOn: v.decidedOn,
      evidence,
      version: record?.version,
    };
    const done = { onSuccess: () => saved(t('recognition.saved')), onError: failed };
    if (kind === 'commendation')
      m.saveCommendation.mutate(
        {
          id: record?.id,
          body: {
            ...common,
            kind: v.type as Commendation['kind'],
            talentPool: v.talentPool,
            documentNumber: v.documentNumber || null,
          },
        },
        done,
      );
    else
      m.saveAccountability.mutate(
        { id: record?.id, body: { ...common, measure: v.type as Accountability['measure'] } },
        done,
      );
  };
  const initial: Partial<Values> = record
    ? {
        type: 'kind' in record ? record.kind : record.measure,
        unitId: record.unitId,
        personName: record.personLabel,
        reason: record.reason,
        decidedOn: record.decidedOn,
        documentNumber: 'documentNumber' in record ? record.documentNumber : null,
        talentPool: 'talentPool' in record ? record.talentPool : undefined,
        caseIds: record.evidence.filter((e) => e.type === 'case').map((e) => e.id),
      }
    : {
        type: kind === 'commendation' ? 'advanced_collective' : 'circulated_criticism',
        decidedOn: todayIso(),
        talentPool: false,
      };
  const required = [{ required: true, whitespace: true, message: t('recognition.required') }];
  return (
    <FormModal
      form={form}
      title={t(kind === 'commendation' ? 'recognition.commendationForm' : 'recognition.accountabilityForm')}
      saving={save.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={initial}
      width={680}
    >
      <Form.Item name="type" label={t(kind === 'commendation' ? 'recognition.kind' : 'recognition.measure')}>
        <Select
          options={
            kind === 'commendation'
              ? COMMENDATION_KINDS.map((k): { value: string; label: string } => ({
                  value: k,
                  label: t(`recognition.kind.${k}`),
                }))
              : ACCOUNTABILITY_MEASURES.map((k): { value: string; label: string } => ({
                  value: k,
                  label: t(`recognition.measure.${k}`),
                }))
          }
          onChange={(k: string) => kind === 'commendation' && form.setFieldValue('talentPool', k === 'case_expert')}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('recognition.unit')} rules={required}>
        <UnitTreeSelect campaignId={campaignId} />
      </Form.Item>
      {type !== 'advanced_collective' && (
        <Form.Item name="personName" label={t('recognition.person')}>
          <Input maxLength={50} disabled={Boolean(record?.userId)} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('recognition.reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="caseIds" label={t('recognition.evidenceCases')} extra={t('recognition.evidenceHint')}>
        <CasePicker
          campaignId={campaignId}
          multiple
          known={(record?.evidence ?? [])
            .filter((e) => e.type === 'case' && e.title)
            .map((e) => ({ id: e.id, label: e.title! }))}
        />
      </Form.Item>
      {kept.length > 0 && record && (
        <Form.Item label={t('recognition.evidenceOther')}>
          <EvidenceLinks evidence={record.evidence.filter((e) => e.type !== 'case')} />
        </Form.Item>
      )}
      <Form.Item name="decidedOn" label={t('recognition.decidedOn')} rules={required} {...dateField}>
        <DatePicker />
      </Form.Item>
      {kind === 'commendation' && (
        <>
          <Form.Item name="documentNumber" label={t('recognition.documentNumber')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="talentPool" valuePropName="checked">
            <Checkbox>{t('recognition.talentPool')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** 表彰 or 问责 of a plan: the list with its evidence links, and the office's form, edit and delete. */
export function EntriesSection({ kind, campaignId }: { kind: Kind; campaignId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const commendations = useCommendations(campaignId);
  const accountability = useAccountability(campaignId);
  const list = kind === 'commendation' ? commendations : accountability;
  const m = useRecognitionMutations(campaignId);
  const [form, setForm] = useState<{ record?: Entry } | null>(null);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const remove = (r: Entry) =>
    (kind === 'commendation' ? m.deleteCommendation : m.deleteAccountability).mutate(
      { id: r.id, version: r.version },
      { onSuccess: () => void message.success(t('recognition.deleted')), onError: (e) => showError(e) },
    );
  const columns: TableColumnsType<Entry> = [
    {
      key: 'type',
      title: t(kind === 'commendation' ? 'recognition.kind' : 'recognition.measure'),
      width: 120,
      render: (_, r) => (
        <Tag color={kind === 'commendation' ? 'gold' : 'red'}>{'kindLabel' in r ? r.kindLabel : r.measureLabel}</Tag>
      ),
    },
    { key: 'unit', title: t('recognition.unit'), dataIndex: 'unitName', width: 160 },
    { key: 'person', title: t('recognition.person'), dataIndex: 'personLabel', width: 100 },
    { key: 'reason', title: t('recognition.reason'), dataIndex: 'reason', ellipsis: true },
    { key: 'evidence', title: t('recognition.evidence'), render: (_, r) => <EvidenceLinks evidence={r.evidence} /> },
    { key: 'decidedOn', title: t('recognition.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, r) => (
        <Space>
          {r.can.edit && (
            <Button size="small" onClick={() => setForm({ record: r })}>
              {t('common.edit')}
            </Button>
          )}
          {r.can.delete && (
            <Popconfirm title={t('recognition.deleteConfirm')} onConfirm={() => remove(r)}>
              <Button size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        {list.data?.canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>
            {t(kind === 'commendation' ? 'recognition.addCommendation' : 'recognition.addAccountability')}
          </Button>
        )}
      </Flex>
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{
          emptyText: t(kind === 'commendation' ? 'recognition.noCommendations' : 'recognition.noAccountability'),
        }}
      />
      {form && (
        <EntryFormModal kind={kind} campaignId={campaignId} record={form.record} onClose={() => setForm(null)} />
      )}
    </Flex>
  );
}
