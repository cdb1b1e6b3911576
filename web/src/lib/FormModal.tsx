import type { CSSProperties, ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useT } from '../locales/i18n';
import { ApiError } from './api';
import { useShowError } from './useShowError';

/**
 * A dialog holding one form: its OK button submits the form (which validates, then calls
 * `onFinish`), 取消 and the close icon close it, and a click beside it never does, so nothing
 * typed is lost to a stray click. `intro` stands above the form, `footnote` below it.
 * The save's outcome goes through useFormModal.
 */
export function FormModal<V>(props: {
  form: FormInstance<V>;
  title: ReactNode;
  /** The OK button's label (保存 unless given). */
  okText?: string;
  okDanger?: boolean;
  okDisabled?: boolean;
  saving: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  width?: number;
  intro?: ReactNode;
  footnote?: ReactNode;
  formStyle?: CSSProperties;
  /** Says what to fix when the form does not validate (the long forms). */
  onFinishFailed?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const okProps =
    props.okDanger || props.okDisabled ? { danger: props.okDanger, disabled: props.okDisabled } : undefined;
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t('common.save')}
      okButtonProps={okProps}
      cancelText={t('common.cancel')}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.saving}
      mask={{ closable: false }}
      width={props.width}
    >
      {props.intro}
      <Form
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={props.onFinish}
        onFinishFailed={props.onFinishFailed}
        style={props.formStyle}
      >
        {props.children}
      </Form>
      {props.footnote}
    </Modal>
  );
}

/**
 * What a record changed by someone else first (409) does to an open dialog: the record is read
 * again (`invalidate`), then the dialog closes (`close`: what the user typed was for the old
 * record) or stays open saying so (`stay`: the form can be sent again as it is).
 */
interface Conflict {
  invalidate?: () => unknown;
  then: 'close' | 'stay';
}

/**
 * The form of a FormModal and its save's outcome: `saved(text)` says so and closes the dialog;
 * `failed(error)` shows the server's words, each field's under its field, and handles a 409 as
 * `conflict` says (without it, a 409 is shown like any other refusal).
 */
export function useFormModal<V = Record<string, unknown>>({
  onClose,
  conflict,
}: {
  onClose: () => void;
  conflict?: Conflict;
}) {
  const t = useT();
  // Untyped inside, so the server's errors can be set on any field path; typed for the dialog.
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const showError = useShowError();
  const saved = (text?: string) => {
    if (text) void message.success(text);
    onClose();
  };
  const failed = (error: unknown) => {
    showError(error, form);
    if (!conflict || !(error instanceof ApiError && error.status === 409)) return;
    void conflict.invalidate?.();
    if (conflict.then === 'close') onClose();
    else void message.info(t('common.conflictReloaded'));
  };
  return { form: form as FormInstance<V>, message, saved, failed };
}
