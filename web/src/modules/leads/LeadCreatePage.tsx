import { App, Form } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useUnitContext } from '../../app/UnitContext';
import { useLeadMutations } from './api';
import { leadFormToBody, type LeadFormValues } from './lead-form';
import { LeadFormFields } from './LeadFormFields';
import { todayIso } from '../../lib/records/today';
import { RecordCreatePage } from '../../lib/records/RecordForm';

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

  return (
    <RecordCreatePage
      title={t('leads.create')}
      crumb={t('leads.create')}
      className="rs-lead-form"
      form={form}
      initialValues={initialValues}
      onFinish={submit}
      saving={create.isPending}
      saveLabel={t('leads.createSubmit')}
      cancelTo="/leads"
    >
      <LeadFormFields />
    </RecordCreatePage>
  );
}
