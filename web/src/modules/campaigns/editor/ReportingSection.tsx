import {
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import type { FormListFieldData } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { useStatTemplates } from '../../reports/api';
import { weekdayName } from '../plan-text';
import { dateField, datesField, EditorSection, ListItem, timeField } from './form-fields';
import { DATE_COVERS, SCHEDULE_KINDS, type ScheduleKind, type ScheduleValues } from './plan-form';

/** One schedule: the fields its kind needs (day of month, weekday and time, time of day, or dates). */
function ScheduleItem({ field, index, onRemove }: { field: FormListFieldData; index: number; onRemove: () => void }) {
  const t = useT();
  const templates = useStatTemplates();
  const form = Form.useFormInstance();
  const kind: ScheduleKind | undefined = Form.useWatch(['reportSchedules', field.name, 'kind'], form);
  const name = field.name;
  const requiredValue = (label: string) => ({
    required: true,
    message: t('campaigns.fieldRequired', { field: label }),
  });
  return (
    <ListItem title={t('campaigns.scheduleNo', { no: index + 1 })} onRemove={onRemove}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'name']}
            label={t('campaigns.scheduleName')}
            rules={[{ ...requiredValue(t('campaigns.scheduleName')), whitespace: true }]}
          >
            <Input maxLength={100} placeholder={t('campaigns.scheduleNamePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'kind']} label={t('campaigns.scheduleKind')} rules={[{ required: true }]}>
            <Select options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`scheduleKind.${k}`) }))} />
          </Form.Item>
        </Col>
        {kind === 'monthly' && (
          <>
            <Col xs={12} md={3}>
              <Form.Item
                name={[name, 'dayOfMonth']}
                label={t('campaigns.dayOfMonth')}
                rules={[requiredValue(t('campaigns.dayOfMonth'))]}
              >
                <InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item
                name={[name, 'cumulative']}
                label={t('campaigns.cumulative')}
                valuePropName="checked"
                tooltip={t('campaigns.cumulativeHint')}
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name={[name, 'afterEnd']}
                label={t('campaigns.afterEnd')}
                valuePropName="checked"
                tooltip={t('campaigns.afterEndHint')}
              >
                <Switch />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'weekly' && (
          <>
            <Col xs={12} md={3}>
              <Form.Item
                name={[name, 'weekday']}
                label={t('campaigns.weekday')}
                rules={[requiredValue(t('campaigns.weekday'))]}
              >
                <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayName(t, d) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item
                name={[name, 'time']}
                label={t('campaigns.dueTime')}
                rules={[requiredValue(t('campaigns.dueTime'))]}
                {...timeField}
              >
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {kind === 'daily' && (
          <Col xs={12} md={6}>
            <Form.Item
              name={[name, 'time']}
              label={t('campaigns.dueTime')}
              extra={t('campaigns.dailyHint')}
              rules={[requiredValue(t('campaigns.dueTime'))]}
              {...timeField}
            >
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {kind === 'dates' && (
          <>
            <Col xs={24} md={16}>
              <Form.Item
                name={[name, 'dates']}
                label={t('campaigns.dueDates')}
                rules={[{ required: true, type: 'array', min: 1, message: t('campaigns.dueDatesRequired') }]}
                {...datesField}
              >
                <DatePicker multiple style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={[name, 'covers']}
                label={t('campaigns.scheduleCovers')}
                tooltip={t('campaigns.scheduleCoversHint')}
              >
                <Select options={DATE_COVERS.map((c) => ({ value: c, label: t(`campaigns.covers.${c}`) }))} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'statTemplate']}
            label={t('campaigns.statTemplate')}
            tooltip={t('campaigns.statTemplateHint')}
          >
            <Select
              allowClear
              loading={templates.isLoading}
              placeholder={t('campaigns.statTemplateDefault')}
              options={(templates.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'note']} label={t('campaigns.scheduleNote')} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </ListItem>
  );
}

const newSchedule = (): ScheduleValues => ({
  name: '',
  kind: 'monthly',
  dayOfMonth: 5,
  cumulative: false,
  afterEnd: false,
  weekday: 4,
  time: '15:00',
  dates: [],
  covers: 'sincePrevious',
});

/** 信息报送: when the liaison list is due, and the periodic reports (monthly by day N, weekly, daily in windows, fixed dates). */
export function ReportingSection() {
  const t = useT();
  return (
    <EditorSection id="reporting" title={t('campaigns.sectionReporting')}>
      <Form.Item
        name="liaisonDeadline"
        label={t('campaigns.liaisonDeadline')}
        extra={t('campaigns.liaisonDeadlineHint')}
        {...dateField}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="workPlanDeadline"
        label={t('campaigns.workPlanDeadline')}
        extra={t('campaigns.workPlanDeadlineHint')}
        {...dateField}
      >
        <DatePicker />
      </Form.Item>
      <Typography.Title level={5}>{t('campaigns.reportSchedules')}</Typography.Title>
      <Form.List name="reportSchedules">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <ScheduleItem key={field.key} field={field} index={i} onRemove={() => remove(field.name)} />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => add(newSchedule())}
            >
              {t('campaigns.addSchedule')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </EditorSection>
  );
}
