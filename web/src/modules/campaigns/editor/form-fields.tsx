import type { ReactNode } from 'react';
import { Button, Card, Flex, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../locales/i18n';
import type { UnitKind } from '../../units/tree';

/*
 * The form keeps the plan in the API's shape; these adapters let antd's pickers edit it:
 * DatePicker ⇄ 'YYYY-MM-DD', multiple DatePicker ⇄ ['YYYY-MM-DD'], TimePicker ⇄ 'HH:mm',
 * a TextArea ⇄ one paragraph per line.
 */
export const dateField = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export const datesField = {
  getValueProps: (v?: string[] | null) => ({ value: (v ?? []).map((d) => dayjs(d)) }),
  normalize: (ds?: Dayjs[] | null) => (ds ?? []).map((d) => d.format('YYYY-MM-DD')).sort(),
};

export const timeField = {
  getValueProps: (v?: string | null) => ({
    value:
      v && /^\d{2}:\d{2}$/.test(v)
        ? dayjs()
            .hour(Number(v.slice(0, 2)))
            .minute(Number(v.slice(3)))
            .second(0)
        : null,
  }),
  normalize: (d?: Dayjs | null) => (d ? d.format('HH:mm') : ''),
};

export const linesField = {
  getValueProps: (v?: string[] | null) => ({ value: (v ?? []).join('\n') }),
  normalize: (s?: string) => (s ?? '').split('\n'),
};

/** A unit the pickers offer. */
export interface UnitOption {
  id: string;
  name: string;
  kind: UnitKind;
}

const KINDS: UnitKind[] = ['bureau', 'section', 'brigade', 'office'];

/** Select options grouped by kind (局, 科室, 执法大队, 所), each group in the given order. */
export function useGroupedUnitOptions(units: readonly UnitOption[]) {
  const t = useT();
  return KINDS.map((kind) => ({
    label: t(`unitKind.${kind}`),
    title: t(`unitKind.${kind}`),
    options: units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
  })).filter((g) => g.options.length > 0);
}

/** A section of the editor (an anchor target). */
export function EditorSection({
  id,
  title,
  extra,
  children,
}: {
  id: string;
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} title={title} extra={extra} className="rs-editor-section">
      {children}
    </Card>
  );
}

/** One item of a list in the editor, with its move and remove buttons. */
export function ListItem({
  title,
  extra,
  onRemove,
  removeDisabled,
  onMoveUp,
  onMoveDown,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  onRemove: () => void;
  removeDisabled?: string | false;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Card
      size="small"
      type="inner"
      className="rs-list-item"
      title={title}
      extra={
        <Flex gap={2} align="center">
          {extra}
          {onMoveUp && (
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('campaigns.moveUp')}
              onClick={onMoveUp}
            />
          )}
          {onMoveDown && (
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('campaigns.moveDown')}
              onClick={onMoveDown}
            />
          )}
          <Tooltip title={removeDisabled || null}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              disabled={!!removeDisabled}
              onClick={onRemove}
            />
          </Tooltip>
        </Flex>
      }
    >
      {children}
    </Card>
  );
}
