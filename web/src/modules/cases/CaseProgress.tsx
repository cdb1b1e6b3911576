import { Card, Steps, Timeline, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { CASE_STAGES, type Case } from './api';

/** The eight stages (立案 … 归档) with the current one and the day the case entered each. */
export function CaseStageSteps({ record: c }: { record: Case }) {
  const t = useT();
  const current = CASE_STAGES.indexOf(c.stage);
  const entered = new Map(c.stageHistory.map((h) => [h.toStage, h]));
  return (
    <Card size="small" className="rs-case-steps-card" style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        current={current}
        status={c.stage === 'archived' ? 'finish' : 'process'}
        items={CASE_STAGES.map((s) => {
          const at = entered.get(s)?.at;
          return {
            key: s,
            title: t(`caseStage.${s}`),
            content: at ? <span className="rs-step-date">{formatDateTime(at).slice(0, 10)}</span> : undefined,
          };
        })}
        className="rs-case-steps"
      />
    </Card>
  );
}

/** 办案记录: who moved the case into each stage and when (oldest first), with the note they left. */
export function StageHistory({ record: c }: { record: Case }) {
  const t = useT();
  return (
    <Card title={t('cases.cardStages')} size="small" className="rs-case-progress">
      <Timeline
        className="rs-stage-history"
        items={c.stageHistory.map((h, i) => ({
          key: i,
          color: i === c.stageHistory.length - 1 ? 'blue' : 'gray',
          content: (
            <div className="rs-history-item">
              <div>
                {h.fromStage
                  ? t('cases.historyMove', {
                      who: h.actorName,
                      from: t(`caseStage.${h.fromStage}`),
                      to: t(`caseStage.${h.toStage}`),
                    })
                  : t('cases.historyFiled', { who: h.actorName })}
              </div>
              <Typography.Text type="secondary" className="rs-history-time">
                {formatDateTime(h.at)}
              </Typography.Text>
              {h.note && <div className="rs-history-note">{h.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
