import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '@redshield/api-client';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { useOverrideMutations } from './api';

type Override = Schemas['CalendarOverride'];

/** 自定义日期: the system administrator's holidays and make-up working days (everyone else reads). */
export function OverridesCard({ year, overrides, canEdit }: { year: number; overrides: Override[]; canEdit: boolean }) {
  const t = useT();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const showError = useShowError();
  const { put, remove } = useOverrideMutations();

  const submit = (v: { day: Dayjs; kind: Override['kind']; name: string }) => {
    const day = v.day.format('YYYY-MM-DD');
    put.mutate(
      { day, body: { kind: v.kind, name: v.name.trim() } },
      {
        onSuccess: () => {
          void message.success(t('calendar.overrideSaved', { day }));
          form.resetFields(['day', 'name']);
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Card title={t('calendar.overrides')}>
      <Typography.Paragraph type="secondary">
        {canEdit ? t('calendar.overridesHint') : t('calendar.overridesReadOnly')}
      </Typography.Paragraph>
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          initialValues={{ kind: 'holiday' }}
          style={{ marginBottom: 16, rowGap: 12 }}
        >
          <Form.Item name="day" rules={[{ required: true, message: t('calendar.dayRequired') }]}>
            <DatePicker placeholder={t('calendar.day')} defaultPickerValue={dayjs(`${year}-01-01`)} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'holiday', label: t('calendar.kindHoliday') },
                { value: 'workday', label: t('calendar.kindWorkday') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }, { max: 30 }]}
          >
            <Input placeholder={t('calendar.namePlaceholder')} maxLength={30} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={put.isPending}>
            {t('calendar.addOverride')}
          </Button>
        </Form>
      )}
      <Table<Override>
        size="small"
        rowKey="day"
        pagination={false}
        dataSource={overrides}
        locale={{ emptyText: t('calendar.noOverrides') }}
        columns={[
          { key: 'day', title: t('calendar.day'), dataIndex: 'day', width: 130 },
          {
            key: 'kind',
            title: t('calendar.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (kind: Override['kind']) => (
              <Tag color={kind === 'holiday' ? 'red' : 'blue'}>
                {t(kind === 'holiday' ? 'calendar.kindHoliday' : 'calendar.kindWorkday')}
              </Tag>
            ),
          },
          { key: 'name', title: t('calendar.name'), dataIndex: 'name' },
          {
            key: 'createdAt',
            title: t('field.createdAt'),
            dataIndex: 'createdAt',
            width: 180,
            render: (v: string) => formatDateTime(v),
          },
          ...(canEdit
            ? [
                {
                  key: 'ops',
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, o: Override) => (
                    <Popconfirm
                      title={t('calendar.deleteConfirm', { day: o.day })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutate(o.day, {
                          onSuccess: () => void message.success(t('calendar.overrideDeleted', { day: o.day })),
                          onError: (e) => showError(e),
                        })
                      }
                    >
                      <Button type="link" size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
