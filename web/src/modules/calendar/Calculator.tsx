import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useAddWorkingDays, useWorkingDaysBetween } from './api';

const ISO = 'YYYY-MM-DD';

/** A result line; provisional when it involves a year whose holidays are not known yet. */
function Answer({ text, provisional }: { text: string; provisional: boolean }) {
  const t = useT();
  return (
    <Alert
      style={{ marginTop: 16 }}
      showIcon
      type={provisional ? 'warning' : 'success'}
      title={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {text}
        </Typography.Text>
      }
      description={provisional ? t('calendar.provisional') : undefined}
      role="status"
    />
  );
}

/** 期限计算: start + N working days, and the working days between two dates (the server computes). */
export function Calculator() {
  const t = useT();
  const showError = useShowError();
  const [addForm] = Form.useForm();
  const [betweenForm] = Form.useForm();
  const add = useAddWorkingDays();
  const between = useWorkingDaysBetween();

  return (
    <Card title={t('calendar.calculator')}>
      <Row gutter={[32, 24]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('calendar.addDays')}
          </Typography.Title>
          <Form
            form={addForm}
            layout="inline"
            initialValues={{ from: dayjs(), days: 15 }}
            onFinish={(v: { from: Dayjs; days: number }) =>
              add.mutate({ from: v.from.format(ISO), days: v.days }, { onError: (e) => showError(e, addForm) })
            }
            style={{ rowGap: 12 }}
          >
            <Form.Item name="from" label={t('calendar.from')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="days" label={t('calendar.days')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('calendar.calc')}
            </Button>
          </Form>
          {add.data && add.variables && (
            <Answer
              text={t('calendar.resultDate', {
                days: add.variables.days,
                date: add.data.date,
                weekday: dayjs(add.data.date).format('dddd'),
              })}
              provisional={add.data.provisional}
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('calendar.between')}
          </Typography.Title>
          <Form
            form={betweenForm}
            layout="inline"
            initialValues={{ from: dayjs(), to: dayjs().add(1, 'month') }}
            onFinish={(v: { from: Dayjs; to: Dayjs }) =>
              between.mutate(
                { from: v.from.format(ISO), to: v.to.format(ISO) },
                { onError: (e) => showError(e, betweenForm) },
              )
            }
            style={{ rowGap: 12 }}
          >
            <Form.Item name="from" label={t('calendar.from')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="to" label={t('calendar.to')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={between.isPending}>
              {t('calendar.calc')}
            </Button>
          </Form>
          {between.data && (
            <Answer
              text={t('calendar.resultBetween', { days: between.data.days })}
              provisional={between.data.provisional}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
