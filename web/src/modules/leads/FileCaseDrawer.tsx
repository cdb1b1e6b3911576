import { Alert, App, Form } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../lib/FormDrawer';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useCurrentUser } from '../auth/session';
import { emptyCase, formValuesToBody, unnestProblem, type CaseFormValues } from '../cases/case-form';
import { CaseFormFields } from '../cases/CaseFormFields';
import { filesCaseDirectly } from '../cases/case-permissions';
import { useLeadMutations, type Lead } from './api';
import { todayIso } from '../../lib/records/today';
import { RecordForm } from '../../lib/records/RecordForm';

/**
 * 立案: the lead becomes a case of its unit and campaign (one transaction on the server). The form
 * starts from the lead (party, category, description); the case's errors come back as "case.…"
 * and land on the fields here. Opens the new case.
 */
export function FileCaseDrawer({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  // The office, the leader, administrators file at once; a handler asks for approval (立案审批).
  const direct = filesCaseDirectly(user);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { decide, invalidate } = useLeadMutations();
  const [form] = Form.useForm();
  const initialValues = emptyCase({
    filingDate: todayIso(),
    categoryCode: lead.categoryCode,
    partyName: lead.partyName,
    summary: lead.description,
    investigatorId: user.roles.includes('handler') ? user.id : undefined,
  });

  const submit = (values: CaseFormValues) => {
    const { unitId: _u, campaignId: _c, ...fields } = formValuesToBody(values);
    decide.mutate(
      { id: lead.id, body: { outcome: 'file', version: lead.version, case: fields } },
      {
        onSuccess: (decided) => {
          void message.success(t(direct ? 'leads.filed' : 'leads.filingRequested'));
          onClose();
          if (decided.caseId) navigate(`/cases/${decided.caseId}`);
        },
        onError: (e) => {
          showError(e instanceof ApiError ? new ApiError(e.status, unnestProblem(e.problem, 'case.')) : e, form);
          if (e instanceof ApiError && e.status === 409) {
            void invalidate();
            onClose();
          }
        },
      },
    );
  };

  return (
    <FormDrawer
      size={880}
      title={t('leads.fileTitle', { party: lead.partyName })}
      saving={decide.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      saveLabel={t(direct ? 'leads.fileSubmit' : 'leads.fileRequestSubmit')}
      saveIcon={<FileDoneOutlined />}
    >
      <Alert
        type="info"
        showIcon
        title={t(direct ? 'leads.fileHint' : 'leads.fileRequestHint', { unit: lead.unitName })}
        style={{ marginBottom: 16 }}
      />
      <RecordForm form={form} initialValues={initialValues} onFinish={submit}>
        <CaseFormFields campaignId={lead.campaignId} unitId={lead.unitId} />
      </RecordForm>
    </FormDrawer>
  );
}
