import type { ReactNode } from 'react';
import { Button, Drawer, Flex } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useT } from '../locales/i18n';

/**
 * A drawer holding one form: 取消 and the save button in its header (the save submits the form),
 * closed only by those or the close icon, never by a click beside it, so nothing typed is lost.
 */
export function FormDrawer(props: {
  title: ReactNode;
  size: number;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  saveLabel?: string;
  saveIcon?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Drawer
      open
      size={props.size}
      title={props.title}
      onClose={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={props.saveIcon ?? <SaveOutlined />}
            loading={props.saving}
            onClick={props.onSave}
          >
            {props.saveLabel ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      {props.children}
    </Drawer>
  );
}
