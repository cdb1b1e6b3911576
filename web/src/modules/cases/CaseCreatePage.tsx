import { App, Button, Card, Flex, Form } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { useUnitContext } from '../../app/UnitContext';
import { useCurrentUser } from '../auth/session';
import { useCaseMutations } from './api';
import { emptyCase, formValuesToBody, type CaseFormValues } from './case-form';
import { CaseFormFields } from './CaseFormFields';
import { todayIso } from '../../lib/records/today';

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

  const actions = (
    <>
      <Button onClick={() => navigate('/cases')}>{t('common.cancel')}</Button>
      <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={() => form.submit()}>
        {t('cases.createSubmit')}
      </Button>
    </>
  );

  return (
    <PageContainer title={t('cases.createTitle')} crumbs={[{ key: 'new', title: t('cases.create') }]} extra={actions}>
      <Card className="rs-case-form">
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={submit}
          onFinishFailed={() => void message.error(t('common.fixFields'))}
          scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
        >
          <CaseFormFields />
        </Form>
      </Card>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        {actions}
      </Flex>
    </PageContainer>
  );
}
