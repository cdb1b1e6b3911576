import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Timeline, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useCaseSupervision, type CaseSupervision } from './api';
import { SupervisionActionModal, type SupervisionAction } from './SupervisionActionModal';
import { SupervisionTags } from './tags';

/**
 * The case page's 督办 card: the open (or latest) 督办件 — status, instruction, deadline, the
 * progress reports and 批示 in a timeline — and the buttons the server's `can` allows.
 */
export function SupervisionCard({ caseId }: { caseId: string }) {
  const t = useT();
  const query = useCaseSupervision(caseId);
  const [acting, setActing] = useState<{ action: SupervisionAction; s?: CaseSupervision } | null>(null);
  const data = query.data;
  const [current, ...earlier] = data?.items ?? [];
  const button = (action: SupervisionAction, s?: CaseSupervision, primary = false) => (
    <Button key={action} size="small" type={primary ? 'primary' : 'default'} onClick={() => setActing({ action, s })}>
      {t(`caseSupervision.${action}`)}
    </Button>
  );
  const buttons = [
    data?.can.request && button('request', undefined, true),
    data?.can.initiate && button('initiate'),
    current?.can.takeUp && button('takeUp', current, true),
    current?.can.decline && button('decline', current),
    current?.can.report && button('progress', current, true),
    current?.can.instruct && button('instruct', current),
    current?.can.close && button('close', current, true),
  ].filter(Boolean);
  return (
    <Card
      size="small"
      className="rs-case-supervision"
      title={t('caseSupervision.card')}
      loading={query.isLoading}
      aria-label={t('caseSupervision.card')}
    >
      <Flex vertical gap={12}>
        {current ? <SupervisionDetail s={current} /> : <Empty description={t('caseSupervision.none')} />}
        {buttons.length > 0 && (
          <Flex gap={8} wrap>
            {buttons}
          </Flex>
        )}
        {earlier.length > 0 && (
          <Typography.Text type="secondary">
            {t('caseSupervision.history')}：
            {earlier.map((s) => `${s.supervisingUnitName} ${t(`caseSupervision.status.${s.status}`)}`).join('；')}
          </Typography.Text>
        )}
      </Flex>
      {acting && (
        <SupervisionActionModal
          caseId={caseId}
          supervision={acting.s}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      )}
    </Card>
  );
}

function SupervisionDetail({ s }: { s: CaseSupervision }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      <SupervisionTags s={s} />
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('caseSupervision.supervisingUnit')}>
          {s.supervisingUnitName}
          {s.level && `（${t(`caseSupervision.level.${s.level}`)}）`}
        </Descriptions.Item>
        {s.requestReason && (
          <Descriptions.Item label={t('caseSupervision.reason')}>
            {s.requestReason}
            <Typography.Text type="secondary">
              {' '}
              {t('caseSupervision.requestedBy', { name: s.requestedByName ?? '—', at: formatDateTime(s.requestedAt) })}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {s.declineReason && (
          <Descriptions.Item label={t('caseSupervision.declineReason')}>{s.declineReason}</Descriptions.Item>
        )}
        {s.instruction && (
          <Descriptions.Item label={t('caseSupervision.instruction')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{s.instruction}</span>
          </Descriptions.Item>
        )}
        {s.deadline && <Descriptions.Item label={t('caseSupervision.deadline')}>{s.deadline}</Descriptions.Item>}
        {s.progressInterval && s.progressIntervalKind && (
          <Descriptions.Item label={t('caseSupervision.interval')}>
            {t('caseSupervision.every', {
              n: s.progressInterval,
              unit: t(`caseSupervision.intervalKind.${s.progressIntervalKind}`),
            })}
            {s.nextProgressDue && `，${t('caseSupervision.nextDue')} ${s.nextProgressDue}`}
          </Descriptions.Item>
        )}
        {s.conclusion && <Descriptions.Item label={t('caseSupervision.conclusion')}>{s.conclusion}</Descriptions.Item>}
      </Descriptions>
      {s.entries.length > 0 && (
        <Timeline
          items={s.entries.map((e) => ({
            color: e.kind === 'instruction' ? 'red' : 'blue',
            content: (
              <>
                <Typography.Text strong>
                  {e.entryDate} {t(`caseSupervision.entry.${e.kind}`)} · {e.authorName}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
              </>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
