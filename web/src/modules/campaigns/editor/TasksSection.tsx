import { Button, Flex, Form, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../locales/i18n';
import { EditorSection } from './form-fields';
import type { CategoryValues, TaskValues } from './plan-form';
import { TaskCard } from './TaskCard';

type Options = { label: string; options: { value: string; label: string }[] }[];

export const newTask = (area: string, categoryCode = ''): TaskValues => ({
  area,
  title: '',
  content: '',
  categoryCode,
  focusProducts: [],
  focusPlaces: [],
  focusAreas: [],
  leadUnitIds: [],
  cooperatingUnitIds: [],
  pendingLeadRoles: [],
  pendingCooperatingRoles: [],
});

/**
 * 重点任务: the plan's tasks in order, shown under their area (重点任务, 工作措施, 自选动作 …). A
 * task may be added to an area or start a new one; the server wants a lead for each task.
 */
export function TasksSection({ unitOptions }: { unitOptions: Options }) {
  const t = useT();
  const form = Form.useFormInstance();
  // One string, so typing in a task re-renders the groups only when an area changes.
  const areaKey: string =
    Form.useWatch(
      (values: { tasks?: TaskValues[] }) => (values.tasks ?? []).map((x) => x?.area ?? '').join('\u0000'),
      form,
    ) ?? '';
  const areas = areaKey.split('\u0000');
  const categories: CategoryValues[] = Form.useWatch('categories', form) ?? [];
  const categoryOptions = categories
    .filter((c) => c?.code)
    .map((c) => ({ value: c.code, label: c.subLabel ? `${c.label}（${c.subLabel}）` : c.label || c.code }));
  const inherited = (i: number) => !!form.getFieldValue(['tasks', i, 'inheritedFromTaskId']);

  return (
    <EditorSection id="tasks" title={t('campaigns.sectionTasks')}>
      <Form.List name="tasks">
        {(fields, { add, remove, move }, { errors }) => {
          // Consecutive tasks of one area form a group; a group's button adds a task after its last.
          const groups: { area: string; indexes: number[] }[] = [];
          fields.forEach((_, i) => {
            const area = areas[i] ?? '';
            const last = groups[groups.length - 1];
            if (last && last.area === area) last.indexes.push(i);
            else groups.push({ area, indexes: [i] });
          });
          return (
            <Flex vertical gap={16}>
              {fields.length === 0 && <Typography.Text type="secondary">{t('campaigns.noTasks')}</Typography.Text>}
              {groups.map((g) => (
                <div key={`${g.indexes[0]}-${g.area}`} className="rs-task-group">
                  <Flex justify="space-between" align="center" className="rs-task-group-head">
                    <Typography.Text strong>{g.area || t('campaigns.noArea')}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('campaigns.groupCount', { count: g.indexes.length })}
                    </Typography.Text>
                  </Flex>
                  <Flex vertical gap={8}>
                    {g.indexes.map((i) => (
                      <TaskCard
                        key={fields[i].key}
                        field={fields[i]}
                        index={i}
                        total={fields.length}
                        inherited={inherited(i)}
                        unitOptions={unitOptions}
                        categoryOptions={categoryOptions}
                        onRemove={() => remove(fields[i].name)}
                        onMove={move}
                      />
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => add(newTask(g.area), g.indexes[g.indexes.length - 1] + 1)}
                    >
                      {t('campaigns.addTaskToArea', { area: g.area || t('campaigns.noArea') })}
                    </Button>
                  </Flex>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} block onClick={() => add(newTask(''))}>
                {t('campaigns.addTaskArea')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          );
        }}
      </Form.List>
    </EditorSection>
  );
}
