import { useState } from 'react';
import { Alert, App, Form } from 'antd';
import { FormDrawer } from '../../lib/FormDrawer';
import { useT } from '../../locales/i18n';
import { ApiError } from '../../lib/api';
import { useShowError } from '../../lib/useShowError';
import { useCaseMutations, useCase, type Case } from './api';
import { caseToFormValues, changedFields, formValuesToBody, type CaseField, type CaseFormValues } from './case-form';
import { FIELD_LABELS } from './case-labels';
import { CaseFormFields } from './CaseFormFields';
import { EditConflictAlert, RecordForm } from '../../lib/records/RecordForm';

/**
 * 修改案件 in a drawer. Saving sends the version the form started from; when someone else saved
 * first (409) the drawer says so and offers to take the latest version number while keeping what
 * the user typed, listing the fields the other person changed, so the user decides what to keep.
 */
export function CaseEditDrawer({ record, onClose }: { record: Case; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { update } = useCaseMutations();
  const latest = useCase(record.id);
  const [form] = Form.useForm();
  const [initialValues] = useState(() => caseToFormValues(record));
  const [base, setBase] = useState({ values: initialValues, version: record.version });
  const [conflict, setConflict] = useState<string | null>(null);
  const [othersChanged, setOthersChanged] = useState<CaseField[] | null>(null);
  const people = [record.people.filingApprover, record.people.investigator];

  const submit = (values: CaseFormValues) =>
    update.mutate(
      { id: record.id, body: { ...formValuesToBody(values), version: base.version } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setConflict(e.problem?.detail || t('cases.conflictTitle'));
            void message.error(t('cases.conflictTitle'));
            setOthersChanged(null);
            return;
          }
          showError(e, form);
        },
      },
    );

  /** Takes the latest version number; the user's input stays, the other person's changes are listed. */
  const reload = async () => {
    const fresh = (await latest.refetch()).data;
    if (!fresh) return;
    const freshValues = caseToFormValues(fresh);
    setOthersChanged(changedFields(base.values, freshValues));
    setBase({ values: freshValues, version: fresh.version });
    setConflict(null);
  };

  return (
    <FormDrawer
      size={880}
      title={t('cases.editTitle', { number: record.caseNumber })}
      saving={update.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {/* Stays in view however far down the user is in the form. */}
      <div className="rs-drawer-alerts">
        {conflict && (
          <EditConflictAlert
            className="rs-case-conflict"
            title={t('cases.conflictTitle')}
            detail={conflict}
            hint={t('cases.conflictHint')}
            reloadLabel={t('cases.reloadKeepInput')}
            reloading={latest.isFetching}
            onReload={() => void reload()}
          />
        )}
        {othersChanged && (
          <Alert
            type="warning"
            showIcon
            closable
            className="rs-case-reloaded"
            style={{ marginBottom: 16 }}
            title={t('cases.reloadedTitle')}
            description={
              othersChanged.length > 0
                ? t('cases.othersChanged', {
                    fields: othersChanged.map((f) => t(FIELD_LABELS[f])).join(t('cases.listSeparator')),
                  })
                : t('cases.othersChangedNothing')
            }
            onClose={() => setOthersChanged(null)}
          />
        )}
      </div>
      <RecordForm form={form} initialValues={initialValues} onFinish={submit}>
        <CaseFormFields known={people} />
      </RecordForm>
    </FormDrawer>
  );
}
