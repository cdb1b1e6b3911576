import { useT } from '../../locales/i18n';
import { useLeadMutations } from './api';
import { leadFormToBody, type LeadFormValues } from './lead-form';
import { LeadFormFields } from './LeadFormFields';
import { todayIso } from '../../lib/records/today';
import { RecordCreatePage } from '../../lib/records/RecordForm';
import { useRecordCreate } from '../../lib/records/useRecordCreate';

/** 登记线索: a lead found or received, its 15-working-day verification clock starting on that day. */
export function LeadCreatePage() {
  const t = useT();
  const { create } = useLeadMutations();
  const { form, starts, save } = useRecordCreate(create, (lead) => ({
    text: t('leads.created', { due: lead.clock.dueDate ?? '' }),
    to: `/leads/${lead.id}`,
  }));
  const initialValues: Partial<LeadFormValues> = { receivedDate: todayIso(), important: false, ...starts };

  return (
    <RecordCreatePage
      title={t('leads.create')}
      crumb={t('leads.create')}
      className="rs-lead-form"
      form={form}
      initialValues={initialValues}
      onFinish={(values: LeadFormValues) => save(leadFormToBody(values))}
      saving={create.isPending}
      saveLabel={t('leads.createSubmit')}
      cancelTo="/leads"
    >
      <LeadFormFields />
    </RecordCreatePage>
  );
}
