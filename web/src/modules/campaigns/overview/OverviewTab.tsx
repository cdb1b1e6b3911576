import { Card, Col, Collapse, Empty, Flex, List, Row, Table, Tag, Typography } from 'antd';
import { useT } from '../../../locales/i18n';
import type { Campaign } from '../api';
import { dateRange, describeSchedule, kpiTarget } from '../plan-text';
import { orderUnits } from '../task-matrix';
import { PlanFacts } from './PlanFacts';
import { RandomCheckKpiCard } from '../../random-checks/RandomCheckKpiCard';

const KIND_COLORS: Record<Campaign['units'][number]['kind'], string> = {
  bureau: 'red',
  section: 'blue',
  brigade: 'volcano',
  office: 'green',
};

/** 概况: the plan at a glance — facts, basis, goals, phases, KPIs, categories, units, reporting. */
export function OverviewTab({ campaign: c }: { campaign: Campaign }) {
  const t = useT();
  const none = <Typography.Text type="secondary">{t('campaigns.notStated')}</Typography.Text>;
  const participants = orderUnits(
    c.units.filter((u) => c.participantUnitIds.includes(u.id)),
    c.participantUnitIds,
  );
  const stages = [
    ...c.phases.map((p, i) => ({
      key: `p${i}`,
      kind: t('campaigns.phase'),
      name: p.name,
      range: dateRange(p.startDate, p.endDate),
      description: p.description,
    })),
    ...c.concentratedWindows.map((w, i) => ({
      key: `w${i}`,
      kind: t('campaigns.concentratedWindow'),
      name: w.name,
      range: dateRange(w.startDate, w.endDate),
      description: '',
    })),
  ];

  return (
    <Row gutter={[16, 16]} style={{ paddingTop: 8 }}>
      <Col xs={24} xl={15}>
        <Flex vertical gap={16}>
          <PlanFacts campaign={c} />
          <Card size="small" title={t('campaigns.basis')}>
            {c.basis.length ? (
              <ol className="rs-plan-list">
                {c.basis.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ol>
            ) : (
              none
            )}
          </Card>
          <Card size="small" title={t('campaigns.goals')}>
            {c.goals.length
              ? c.goals.map((g, i) => (
                  <Typography.Paragraph key={i} className="rs-plan-text">
                    {g}
                  </Typography.Paragraph>
                ))
              : none}
          </Card>
          <Card size="small" title={t('campaigns.stages')}>
            {stages.length ? (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={stages}
                columns={[
                  {
                    key: 'kind',
                    title: t('campaigns.stageKind'),
                    dataIndex: 'kind',
                    width: 100,
                    render: (k: string) => <Tag>{k}</Tag>,
                  },
                  { key: 'name', title: t('campaigns.stageName'), dataIndex: 'name', width: 160 },
                  { key: 'range', title: t('campaigns.stageDates'), dataIndex: 'range', width: 210 },
                  { key: 'description', title: t('campaigns.stageDescription'), dataIndex: 'description' },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">
                {t('campaigns.noStages', { range: dateRange(c.startDate, c.endDate) })}
              </Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('campaigns.kpis')}>
            {c.kpis.length ? (
              <List
                size="small"
                dataSource={c.kpis}
                renderItem={(k) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Flex gap={8} wrap>
                          <span>{k.name}</span>
                          <Tag color="red">{kpiTarget(k)}</Tag>
                        </Flex>
                      }
                      description={k.description || undefined}
                    />
                  </List.Item>
                )}
              />
            ) : (
              none
            )}
          </Card>
          {c.sections.length > 0 && (
            <Card size="small" title={t('campaigns.sections')}>
              <Collapse
                ghost
                items={c.sections.map((s, i) => ({
                  key: i,
                  label: s.heading,
                  children: s.paragraphs.map((p, j) => (
                    <Typography.Paragraph key={j} className="rs-plan-text">
                      {p}
                    </Typography.Paragraph>
                  )),
                }))}
              />
            </Card>
          )}
        </Flex>
      </Col>
      <Col xs={24} xl={9}>
        <Flex vertical gap={16}>
          <RandomCheckKpiCard campaignId={c.id} />
          <Card size="small" title={t('campaigns.categories')}>
            <Flex wrap gap={6}>
              {c.categories.map((x) => (
                <Tag key={x.code} color={x.code === 'other' ? 'default' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
                  {x.label}
                  {x.subLabel && <span className="rs-tag-sub">（{x.subLabel}）</span>}
                </Tag>
              ))}
            </Flex>
            {c.categories.some((x) => x.inherited) && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                {t('campaigns.categoriesInherited')}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('campaigns.participantsCount', { count: c.participantUnitIds.length })}>
            {participants.length ? (
              <Flex wrap gap={6}>
                {participants.map((u) => (
                  <Tag key={u.id} color={KIND_COLORS[u.kind]} style={{ marginInlineEnd: 0 }}>
                    {u.name}
                  </Tag>
                ))}
              </Flex>
            ) : (
              none
            )}
          </Card>
          <Card size="small" title={t('campaigns.reporting')}>
            {c.reportSchedules.length ? (
              <List
                size="small"
                dataSource={c.reportSchedules}
                renderItem={(s) => (
                  <List.Item>
                    <List.Item.Meta
                      title={s.name}
                      description={[describeSchedule(t, s), s.note].filter(Boolean).join(' — ')}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.noReporting')} />
            )}
          </Card>
          {c.attachments.length > 0 && (
            <Card size="small" title={t('campaigns.attachments')}>
              <ol className="rs-plan-list">
                {c.attachments.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ol>
            </Card>
          )}
        </Flex>
      </Col>
    </Row>
  );
}
