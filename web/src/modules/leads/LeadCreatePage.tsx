import { App, Button, Card, Form } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { useUnitContext } from '../../app/UnitContext';
import { useLeadMutations } from './api';
import { leadFormToBody, type LeadFormValues } from './lead-form';
import { LeadFormFields } from './LeadFormFields';
import { todayIso } from '../../lib/records/today';

/** 登记线索: a lead found or received, its 15-working-day verification clock starting on that day. */
export function LeadCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [search] = useSearchParams();
  const { unitId } = useUnitContext();
  const { create } = useLeadMutations();
  const [form] = Form.useForm();
  const initialValues: Partial<LeadFormValues> = {
    receivedDate: todayIso(),
    important: false,
    unitId: unitId ?? undefined,
    campaignId: search.get('campaignId') ?? undefined,
  };

  const submit = (values: LeadFormValues) =>
    create.mutate(leadFormToBody(values), {
      onSuccess: (lead) => {
        void message.success(t('leads.created', { due: lead.clock.dueDate ?? '' }));
        navigate(`/leads/${lead.id}`);
      },
      onError: (e) => showError(e, form),
    });

  const actions = (
    <>
      <Button onClick={() => navigate('/leads')}>{t('common.cancel')}</Button>
      <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={() => form.submit()}>
        {t('leads.createSubmit')}
      </Button>
    </>
  );

  return (
    <PageContainer title={t('leads.create')} crumbs={[{ key: 'new', title: t('leads.create') }]} extra={actions}>
      <Card className="rs-lead-form">
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={submit}
          onFinishFailed={() => void message.error(t('common.fixFields'))}
          scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
        >
          <LeadFormFields />
        </Form>
      </Card>
    </PageContainer>
  );
}
