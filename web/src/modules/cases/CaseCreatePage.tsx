import { App, Form } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useUnitContext } from '../../app/UnitContext';
import { useCurrentUser } from '../auth/session';
import { useCaseMutations } from './api';
import { emptyCase, formValuesToBody, type CaseFormValues } from './case-form';
import { CaseFormFields } from './CaseFormFields';
import { todayIso } from '../../lib/records/today';
import { RecordCreatePage } from '../../lib/records/RecordForm';

/** 新建案件: registers a case (立案) with the fields of the ledger and the typical-case form. */
export function CaseCreatePage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [search] = useSearchParams();
  const { unitId } = useUnitContext();
  const { create } = useCaseMutations();
  const [form] = Form.useForm();
  const initialValues = emptyCase({
    filingDate: todayIso(),
    unitId: unitId ?? undefined,
    campaignId: search.get('campaignId') ?? undefined,
    investigatorId: user.roles.includes('handler') ? user.id : undefined,
  });

  const submit = (values: CaseFormValues) =>
    create.mutate(formValuesToBody(values), {
      onSuccess: (c) => {
        void message.success(t('cases.created', { number: c.caseNumber }));
        navigate(`/cases/${c.id}`);
      },
      onError: (e) => showError(e, form),
    });

  return (
    <RecordCreatePage
      title={t('cases.createTitle')}
      crumb={t('cases.create')}
      className="rs-case-form"
      form={form}
      initialValues={initialValues}
      onFinish={submit}
      saving={create.isPending}
      saveLabel={t('cases.createSubmit')}
      cancelTo="/cases"
      actionsBelow
    >
      <CaseFormFields />
    </RecordCreatePage>
  );
}
