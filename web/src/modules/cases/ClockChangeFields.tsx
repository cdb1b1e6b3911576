import { Button, DatePicker, Form, Input } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { dateField } from '../campaigns/editor/form-fields';

/**
 * What every change of a clock asks for, the case's decision clock (办案期限) and the lead's
 * verification clock (核查期限) alike: for 中止 the day it stops (with `pauseHint`: what stops
 * it), for 恢复 the day it runs again, and always the reason. An extension's own fields come
 * before these.
 */
export function ClockChangeFields({ action, pauseHint }: { action: string; pauseHint: string }) {
  const t = useT();
  const required = (field: string) => [{ required: true, message: t('cases.required', { field }) }];
  return (
    <>
      {action === 'pause' && (
        <Form.Item
          name="fromDate"
          label={t('cases.clockPauseFrom')}
          rules={required(t('cases.clockPauseFrom'))}
          extra={pauseHint}
          {...dateField}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action === 'resume' && (
        <Form.Item
          name="toDate"
          label={t('cases.clockResumeOn')}
          rules={required(t('cases.clockResumeOn'))}
          {...dateField}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('cases.clockReason')}
        rules={[{ required: true, whitespace: true, message: t('cases.required', { field: t('cases.clockReason') }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

/** 中止 while the clock runs, 恢复 while it is stopped: opens the change of the clock. */
export function ClockPauseButton({
  paused,
  onAction,
}: {
  paused: boolean;
  onAction: (action: 'pause' | 'resume') => void;
}) {
  const t = useT();
  return paused ? (
    <Button size="small" icon={<PlayCircleOutlined />} onClick={() => onAction('resume')}>
      {t('cases.clockResume')}
    </Button>
  ) : (
    <Button size="small" icon={<PauseCircleOutlined />} onClick={() => onAction('pause')}>
      {t('cases.clockPause')}
    </Button>
  );
}
