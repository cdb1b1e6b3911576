import { Tag, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import type { CaseStage, ClockState } from './api';
import { dueTone } from './ledger';

const STAGE_COLORS: Record<CaseStage, string> = {
  filed: 'blue',
  investigation: 'geekblue',
  review: 'purple',
  notice: 'magenta',
  decided: 'gold',
  execution: 'orange',
  closed: 'green',
  archived: 'default',
};

/** 立案 / 调查取证 / 核审 … as a coloured tag. */
export function CaseStageTag({ stage }: { stage: CaseStage }) {
  const t = useT();
  return (
    <Tag color={STAGE_COLORS[stage]} className="rs-case-stage">
      {t(`caseStage.${stage}`)}
    </Tag>
  );
}

const CLOCK_COLORS: Record<ClockState, string> = {
  running: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  paused: 'default',
  stopped: 'green',
};

/** 计时中 / 临期 / 已超期 / 已中止 / 已停止 of a decision or verification clock. */
export function ClockStateTag({ state }: { state: ClockState }) {
  const t = useT();
  return <Tag color={CLOCK_COLORS[state]}>{t(`clockState.${state}`)}</Tag>;
}

/** A due date in a list: red when past, orange when due soon. */
export function DueDate({
  due,
  today,
  soonDays,
}: {
  due: string | null | undefined;
  today: string;
  soonDays?: number;
}) {
  const t = useT();
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const tone = dueTone(due, today, soonDays);
  return (
    <span className={`rs-due${tone ? ` rs-due-${tone}` : ''}`}>
      <Typography.Text
        type={tone === 'overdue' ? 'danger' : tone === 'soon' ? 'warning' : undefined}
        strong={tone !== null}
      >
        {formatDate(due)}
      </Typography.Text>
      {tone && (
        <Tag color={tone === 'overdue' ? 'red' : 'orange'} variant="outlined">
          {t(tone === 'overdue' ? 'cases.overdueMark' : 'cases.dueSoonMark')}
        </Tag>
      )}
    </span>
  );
}
