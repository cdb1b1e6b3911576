import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { useT } from '../../locales/i18n';
import { useSupervisionMutations, type GroupsAnswer, type SupervisionGroup } from './api';

interface Values {
  name: string;
  leaderId: string;
  memberIds: string[];
  phone?: string;
  note?: string;
  sortOrder?: number;
  organizerUnitId?: string;
}

/** 组建 or 修改 a 督查组: name, leader and members from the organiser's people, phone, note. */
export function GroupModal({
  campaignId,
  group,
  answer,
  onClose,
}: {
  campaignId: string;
  group: SupervisionGroup | null;
  answer: GroupsAnswer;
  onClose: () => void;
}) {
  const t = useT();
  const { createGroup, updateGroup } = useSupervisionMutations();
  const { form, saved, failed } = useFormModal<Values>({ onClose, conflict: { then: 'close' } });
  const known = new Map(answer.people.map((p) => [p.id, `${p.name}（${p.unitName}）`]));
  if (group) {
    known.set(group.leaderId, known.get(group.leaderId) ?? group.leaderName);
    for (const m of group.members) known.set(m.id, known.get(m.id) ?? m.name);
  }
  const people = [...known].map(([value, label]) => ({ value, label }));
  const finish = (v: Values) => {
    const body = {
      name: v.name,
      leaderId: v.leaderId,
      memberIds: v.memberIds ?? [],
      phone: v.phone || null,
      note: v.note || null,
      sortOrder: v.sortOrder ?? 0,
    };
    const done = () => saved(t('supervision.saved'));
    if (group)
      updateGroup.mutate(
        { id: group.id, body: { ...body, version: group.version } },
        { onSuccess: done, onError: failed },
      );
    else
      createGroup.mutate(
        { campaignId, body: { ...body, organizerUnitId: v.organizerUnitId ?? null } },
        { onSuccess: done, onError: failed },
      );
  };
  return (
    <FormModal<Values>
      form={form}
      title={group ? t('supervision.editGroup') : t('supervision.newGroup')}
      saving={createGroup.isPending || updateGroup.isPending}
      onClose={onClose}
      onFinish={finish}
      initialValues={
        group
          ? { ...group, phone: group.phone ?? '', note: group.note ?? '', memberIds: group.members.map((m) => m.id) }
          : { organizerUnitId: answer.organizers[0]?.id, memberIds: [], sortOrder: answer.items.length }
      }
    >
      {!group && answer.organizers.length > 1 && (
        <Form.Item name="organizerUnitId" label={t('supervision.organizer')}>
          <Select options={answer.organizers.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('supervision.groupName')}
        rules={[{ required: true, message: t('supervision.groupNameRequired') }]}
      >
        <Input placeholder={t('supervision.groupNameHint')} maxLength={40} />
      </Form.Item>
      <Form.Item
        name="leaderId"
        label={t('supervision.leader')}
        rules={[{ required: true, message: t('supervision.leaderRequired') }]}
      >
        <Select showSearch={{ optionFilterProp: 'label' }} options={people} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('supervision.members')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={people} />
      </Form.Item>
      <Form.Item name="phone" label={t('supervision.phone')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="sortOrder" label="#">
        <InputNumber min={0} max={999} />
      </Form.Item>
      <Form.Item name="note" label={t('supervision.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
