import { useT } from '../../locales/i18n';
import { useCurrentUser } from '../auth/session';
import { useCaseMutations } from './api';
import { emptyCase, formValuesToBody, type CaseFormValues } from './case-form';
import { CaseFormFields } from './CaseFormFields';
import { todayIso } from '../../lib/records/today';
import { RecordCreatePage } from '../../lib/records/RecordForm';
import { useRecordCreate } from '../../lib/records/useRecordCreate';

/** 新建案件: registers a case (立案) with the fields of the ledger and the typical-case form. */
export function CaseCreatePage() {
  const t = useT();
  const user = useCurrentUser();
  const { create } = useCaseMutations();
  const { form, starts, save } = useRecordCreate(create, (c) => ({
    text: t('cases.created', { number: c.caseNumber }),
    to: `/cases/${c.id}`,
  }));
  const initialValues = emptyCase({
    filingDate: todayIso(),
    ...starts,
    investigatorId: user.roles.includes('handler') ? user.id : undefined,
  });

  return (
    <RecordCreatePage
      title={t('cases.createTitle')}
      crumb={t('cases.create')}
      className="rs-case-form"
      form={form}
      initialValues={initialValues}
      onFinish={(values: CaseFormValues) => save(formValuesToBody(values))}
      saving={create.isPending}
      saveLabel={t('cases.createSubmit')}
      cancelTo="/cases"
      actionsBelow
    >
      <CaseFormFields />
    </RecordCreatePage>
  );
}
