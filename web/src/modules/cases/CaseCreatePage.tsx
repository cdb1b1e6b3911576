import { Alert } from 'antd';
import { useT } from '../../locales/i18n';
import { useCurrentUser } from '../auth/session';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApprovalRequest } from '../approvals/api';
import { useCaseMutations, type Case, type CaseBody } from './api';
import { emptyCase, formValuesToBody, type CaseFormValues } from './case-form';
import { filesCaseDirectly } from './case-permissions';
import { CaseFormFields } from './CaseFormFields';
import { todayIso } from '../../lib/records/today';
import { RecordCreatePage } from '../../lib/records/RecordForm';
import { useRecordCreate } from '../../lib/records/useRecordCreate';

/**
 * 新建案件: the office, the leader and administrators register a case whose filing was approved
 * (登记立案); a handler submits it for approval (立案审批): the case is filed when the leader he
 * names approves it, dated that day, and his request waits on the approvals page meanwhile.
 */
export function CaseCreatePage() {
  const t = useT();
  const user = useCurrentUser();
  const direct = filesCaseDirectly(user);
  const { create, requestFiling } = useCaseMutations();
  // Either answer: the case registered (opened), or the request made (the approvals page lists it).
  const mutation = (direct ? create : requestFiling) as unknown as UseMutationResult<
    Case | ApprovalRequest,
    Error,
    CaseBody
  >;
  const { form, starts, save } = useRecordCreate(mutation, (r) =>
    'caseNumber' in r
      ? { text: t('cases.created', { number: r.caseNumber }), to: `/cases/${r.id}` }
      : { text: t('cases.filingRequested', { title: r.title }), to: '/approvals' },
  );
  const initialValues = emptyCase({
    filingDate: todayIso(),
    ...starts,
    investigatorId: user.roles.includes('handler') ? user.id : undefined,
  });

  return (
    <RecordCreatePage
      title={t(direct ? 'cases.createTitle' : 'cases.requestTitle')}
      crumb={t('cases.create')}
      className="rs-case-form"
      form={form}
      initialValues={initialValues}
      onFinish={(values: CaseFormValues) => save(formValuesToBody(values))}
      saving={mutation.isPending}
      saveLabel={t(direct ? 'cases.createSubmit' : 'cases.requestSubmit')}
      cancelTo="/cases"
      actionsBelow
    >
      {!direct && <Alert type="info" showIcon title={t('cases.requestHint')} style={{ marginBottom: 16 }} />}
      <CaseFormFields />
    </RecordCreatePage>
  );
}
