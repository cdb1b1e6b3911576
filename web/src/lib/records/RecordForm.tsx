import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Form } from 'antd';
import type { FormInstance } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';

/**
 * A record's long form (a case, a lead, an outing): the fields stacked, and when a save finds a
 * field wrong, 请检查标红的字段 and a scroll to the first one, however far down it is.
 */
export function RecordForm<V>(props: {
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  size?: 'large';
  /** Every change of a value (a draft kept while the form is filled). */
  onValuesChange?: (changed: unknown, values: V) => void;
  children: ReactNode;
}) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Form
      form={props.form}
      layout="vertical"
      size={props.size}
      initialValues={props.initialValues}
      onFinish={props.onFinish}
      onValuesChange={props.onValuesChange}
      onFinishFailed={() => void message.error(t('common.fixFields'))}
      scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
    >
      {props.children}
    </Form>
  );
}

/**
 * Someone saved the record first (409): the server's words, what the user's input becomes, and
 * the way to take the latest version while keeping what was typed. Each record names its own
 * strings.
 */
export function EditConflictAlert(props: {
  title: string;
  detail: string;
  hint: string;
  reloadLabel: string;
  reloading: boolean;
  onReload: () => void;
  className?: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      className={props.className}
      style={{ marginBottom: 16 }}
      title={props.title}
      description={
        <>
          <div>{props.detail}</div>
          <div>{props.hint}</div>
        </>
      }
      action={
        <Button icon={<ReloadOutlined />} loading={props.reloading} onClick={props.onReload}>
          {props.reloadLabel}
        </Button>
      }
    />
  );
}

/**
 * A page that registers a record (新建案件, 登记线索): 取消 and the save button in the header, the
 * form in a card, and with `actionsBelow` the buttons again at its foot (a long form).
 */
export function RecordCreatePage<V>(props: {
  title: string;
  crumb: string;
  /** The card's class (the journeys and the styles find the form by it). */
  className: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  onFinish: (values: V) => void;
  saving: boolean;
  saveLabel: string;
  /** Where 取消 leads: the list. */
  cancelTo: string;
  actionsBelow?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  const actions = (
    <>
      <Button onClick={() => navigate(props.cancelTo)}>{t('common.cancel')}</Button>
      <Button type="primary" icon={<SaveOutlined />} loading={props.saving} onClick={() => props.form.submit()}>
        {props.saveLabel}
      </Button>
    </>
  );
  return (
    <PageContainer title={props.title} crumbs={[{ key: 'new', title: props.crumb }]} extra={actions}>
      <Card className={props.className}>
        <RecordForm form={props.form} initialValues={props.initialValues} onFinish={props.onFinish}>
          {props.children}
        </RecordForm>
      </Card>
      {props.actionsBelow && (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          {actions}
        </Flex>
      )}
    </PageContainer>
  );
}
