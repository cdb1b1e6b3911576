import { useState } from 'react';
import { Alert, App, Form } from 'antd';
import { FormDrawer } from '../../lib/FormDrawer';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useLead, useLeadMutations, type Lead } from './api';
import { leadFormToUpdateBody, leadToFormValues, type LeadFormValues } from './lead-form';
import { LeadFormFields } from './LeadFormFields';
import { EditConflictAlert, RecordForm } from '../../lib/records/RecordForm';

/**
 * 修改线索 (only its handlers get here: others see the complainant masked, and saving would write
 * the mask back). Sends the version; on 409 says so and takes the latest version, keeping the input.
 */
export function LeadEditDrawer({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { update } = useLeadMutations();
  const latest = useLead(lead.id);
  const [form] = Form.useForm();
  const [initialValues] = useState(() => leadToFormValues(lead));
  const [version, setVersion] = useState(lead.version);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);

  const submit = (values: LeadFormValues) =>
    update.mutate(
      { id: lead.id, body: { ...leadFormToUpdateBody(values), version } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setConflict(e.problem?.detail || t('leads.conflictTitle'));
            void message.error(t('leads.conflictTitle'));
            return;
          }
          showError(e, form);
        },
      },
    );

  const reload = async () => {
    const fresh = (await latest.refetch()).data;
    if (!fresh) return;
    setVersion(fresh.version);
    setConflict(null);
    setReloaded(true);
  };

  return (
    <FormDrawer
      size={760}
      title={t('leads.editTitle')}
      saving={update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {/* Stays in view however far down the user is in the form. */}
      <div className="rs-drawer-alerts">
        {conflict && (
          <EditConflictAlert
            title={t('leads.conflictTitle')}
            detail={conflict}
            hint={t('cases.conflictHint')}
            reloadLabel={t('cases.reloadKeepInput')}
            reloading={latest.isFetching}
            onReload={() => void reload()}
          />
        )}
        {reloaded && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cases.reloadedTitle')}
            description={t('leads.reloadedHint')}
          />
        )}
      </div>
      <RecordForm form={form} initialValues={initialValues} onFinish={submit}>
        <LeadFormFields withHandlers={false} />
      </RecordForm>
    </FormDrawer>
  );
}
