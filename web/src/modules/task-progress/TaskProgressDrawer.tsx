import { Button, DatePicker, Drawer, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { useT, type MessageKey } from '../../locales/i18n';
import { useAddNote, useTaskProgressCell } from './api';

interface NoteValues {
  noteDate: Dayjs;
  text: string;
}

/** 添加进展: the unit's own liaison, office or leader writes what was done, dated. */
function NoteModal(props: { campaignId: string; taskId: string; unitId: string; onClose: () => void }) {
  const t = useT();
  const add = useAddNote(props.campaignId);
  const { form, saved, failed } = useFormModal<NoteValues>({ onClose: props.onClose });
  return (
    <FormModal
      form={form}
      title={t('taskProgress.addNote')}
      saving={add.isPending}
      onClose={props.onClose}
      initialValues={{ noteDate: dayjs(todayIso()) }}
      onFinish={(v) =>
        add.mutate(
          { taskId: props.taskId, unitId: props.unitId, noteDate: v.noteDate.format('YYYY-MM-DD'), text: v.text },
          { onSuccess: () => saved(t('taskProgress.noteSaved')), onError: failed },
        )
      }
    >
      <Form.Item name="noteDate" label={t('taskProgress.noteDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIso()} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('taskProgress.noteText')}
        rules={[{ required: true, whitespace: true, message: t('taskProgress.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** One cell of the grid: the records behind it (links) and the unit's 进展情况, with 添加进展 for those allowed. */
export function TaskProgressDrawer(props: {
  campaignId: string;
  cell: { taskId: string; unitId: string };
  onClose: () => void;
}) {
  const t = useT();
  const cell = useTaskProgressCell(props.campaignId, props.cell);
  const [adding, setAdding] = useState(false);
  const d = cell.data;
  return (
    <Drawer
      open
      size="large"
      onClose={props.onClose}
      loading={cell.isPending}
      title={d ? `${d.task.seq + 1}. ${d.task.title} · ${d.unit.name}` : t('taskProgress.tab')}
      extra={
        d?.can.addNote && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('taskProgress.addNote')}
          </Button>
        )
      }
    >
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Tag color={d.role === 'lead' ? 'blue' : 'default'}>
            {d.role === 'lead' ? t('taskProgress.leadFull') : t('taskProgress.cooperatingFull')}
          </Tag>
          <Typography.Title level={5}>{t('taskProgress.noteList')}</Typography.Title>
          <List
            size="small"
            dataSource={d.notes}
            locale={{ emptyText: <Empty description={t('taskProgress.noNotes')} /> }}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta title={`${n.noteDate} · ${n.authorName}`} description={n.text} />
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{t('taskProgress.records')}</Typography.Title>
          <List
            size="small"
            dataSource={d.records}
            locale={{ emptyText: <Empty description={t('taskProgress.noRecords')} /> }}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Tag>{t(`taskProgress.kind.${r.kind}` as MessageKey)}</Tag>
                  <span>{r.date}</span>
                  <Link to={r.link}>{r.title}</Link>
                  <Typography.Text type="secondary">{r.unitName}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
      {adding && (
        <NoteModal
          campaignId={props.campaignId}
          taskId={props.cell.taskId}
          unitId={props.cell.unitId}
          onClose={() => setAdding(false)}
        />
      )}
    </Drawer>
  );
}
