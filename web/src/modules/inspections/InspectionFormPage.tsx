import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Form, Result } from 'antd';
import type { FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { queryStatus, RecordPageStatus } from '../../lib/records/RecordPageStatus';
import { useInspection, useInspectionMutations, type Inspection } from './api';
import { inspectionFormToBody, inspectionToFormValues, type InspectionFormValues } from './inspection-form';
import { InspectionFormFields } from './InspectionFormFields';
import { todayIso } from '../../lib/records/today';
import { EditConflictAlert, RecordForm } from '../../lib/records/RecordForm';
import { useRecordCreate } from '../../lib/records/useRecordCreate';
import { useSendOrQueue } from '../../lib/offline/OfflineQueue';
import { inspectionFieldLabels, inspectionQueueLabel } from './inspection-offline';
import { OfflineCreateExtras, useOfflineCreate } from './InspectionOfflineCreate';

/**
 * The entry form in a card, large controls in one column on a phone, with the save button both at
 * the top (desktop) and at the foot of the form (where a phone user ends up).
 */
function InspectionForm(props: {
  form: FormInstance;
  initialValues: InspectionFormValues;
  onFinish: (values: InspectionFormValues) => void;
  saving: boolean;
  saveLabel: string;
  onCancel: () => void;
  alerts?: ReactNode;
  /** Below the fields, above the buttons (the photos of a new outing). */
  extra?: ReactNode;
  onValuesChange?: (changed: unknown, values: InspectionFormValues) => void;
}) {
  const t = useT();
  return (
    <Card className="rs-inspection-form" styles={{ body: { padding: 'clamp(12px, 4vw, 24px)' } }}>
      {props.alerts}
      <RecordForm
        form={props.form}
        size="large"
        initialValues={props.initialValues}
        onFinish={props.onFinish}
        onValuesChange={props.onValuesChange}
      >
        <InspectionFormFields />
        {props.extra}
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={props.saving}
            htmlType="submit"
            style={{ flex: '1 1 200px' }}
          >
            {props.saveLabel}
          </Button>
          <Button size="large" onClick={props.onCancel} style={{ flex: '1 1 120px' }}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </RecordForm>
    </Card>
  );
}

/** 登记检查 (/inspections/new?campaignId=): one outing, today and the user's unit filled in. */
export function InspectionCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { create } = useInspectionMutations();
  const { form, starts } = useRecordCreate(create, (inspection) => ({
    text: t('inspections.created'),
    to: `/inspections/${inspection.id}`,
  }));
  const [initialValues] = useState<InspectionFormValues>(() => ({
    inspectionDate: todayIso(),
    ...starts,
    places: [],
    seizures: [],
    inspectorIds: [],
  }));
  // Online: saved at once, the photos uploaded after; offline: kept in the queue with its photos.
  const offline = useOfflineCreate(form, (values) => create.mutateAsync(values));
  const submit = (values: InspectionFormValues) => void offline.save(inspectionFormToBody(values));

  return (
    <PageContainer
      title={t('inspections.create')}
      crumbs={[{ key: 'new', title: t('inspections.create') }]}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={offline.saving} onClick={() => form.submit()}>
          {t('inspections.createSubmit')}
        </Button>
      }
    >
      <InspectionForm
        form={form}
        initialValues={initialValues}
        onFinish={submit}
        saving={offline.saving}
        saveLabel={t('inspections.createSubmit')}
        onCancel={() => navigate('/inspections')}
        alerts={offline.alerts}
        extra={<OfflineCreateExtras offline={offline} />}
        onValuesChange={offline.onValuesChange}
      />
    </PageContainer>
  );
}

/** 修改检查记录 (/inspections/:id/edit): sends the version read; on 409 says so and offers the latest version, keeping the input. */
export function InspectionEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const query = useInspection(id);

  if (!query.data) {
    const title = t('inspections.editTitle');
    return (
      <RecordPageStatus
        kind="inspections"
        {...queryStatus(query)}
        title={title}
        loadingTitle={title}
        rows={10}
        backPrimary={false}
      />
    );
  }
  const inspection = query.data;
  if (!inspection.can.edit) {
    return (
      <PageContainer title={t('inspections.editTitle')}>
        <Result
          status="403"
          subTitle={t('inspections.cannotEdit')}
          extra={<Button onClick={() => navigate(`/inspections/${id}`)}>{t('inspections.backToRecord')}</Button>}
        />
      </PageContainer>
    );
  }
  return (
    <InspectionEditor key={inspection.id} inspection={inspection} refetch={async () => (await query.refetch()).data} />
  );
}

function InspectionEditor({
  inspection,
  refetch,
}: {
  inspection: Inspection;
  refetch: () => Promise<Inspection | undefined>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { update } = useInspectionMutations();
  const sendOrQueue = useSendOrQueue();
  const [form] = Form.useForm();
  const [initialValues] = useState(() => inspectionToFormValues(inspection));
  const [version, setVersion] = useState(inspection.version);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const back = () => navigate(`/inspections/${inspection.id}`);

  // Without a network the edit is queued with the version it was based on; a 409 when it is sent
  // later is shown in the queue (the person's values beside the server's), never overwritten.
  const submit = (values: InspectionFormValues) => {
    const body = { ...inspectionFormToBody(values), version };
    sendOrQueue(() => update.mutateAsync({ id: inspection.id, body }), {
      method: 'PUT',
      path: `/api/inspections/${inspection.id}`,
      body,
      baseVersion: version,
      recordPath: `/api/inspections/${inspection.id}`,
      label: inspectionQueueLabel(t, body),
      fieldLabels: inspectionFieldLabels(t),
    }).then(
      (result) => {
        void message.success('queued' in result ? t('offline.queued') : t('common.saved'));
        back();
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 409) {
          setConflict(e.problem?.detail || t('inspections.conflictTitle'));
          void message.error(t('inspections.conflictTitle'));
          return;
        }
        showError(e, form);
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await refetch();
      if (!fresh) return;
      setVersion(fresh.version);
      setConflict(null);
      setReloaded(true);
    } finally {
      setReloading(false);
    }
  };

  const alerts = (
    <>
      {conflict && (
        <EditConflictAlert
          title={t('inspections.conflictTitle')}
          detail={conflict}
          hint={t('inspections.conflictHint')}
          reloadLabel={t('inspections.reloadKeepInput')}
          reloading={reloading}
          onReload={() => void reload()}
        />
      )}
      {reloaded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('inspections.reloadedTitle')}
          description={t('inspections.reloadedHint')}
        />
      )}
    </>
  );

  return (
    <PageContainer
      title={t('inspections.editTitle')}
      crumbs={[
        {
          key: 'record',
          title: (
            <Link to={`/inspections/${inspection.id}`}>{`${inspection.inspectionDate} ${inspection.unitName}`}</Link>
          ),
        },
        { key: 'edit', title: t('common.edit') },
      ]}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <InspectionForm
        form={form}
        initialValues={initialValues}
        onFinish={submit}
        saving={update.isPending}
        saveLabel={t('common.save')}
        onCancel={back}
        alerts={alerts}
      />
    </PageContainer>
  );
}
