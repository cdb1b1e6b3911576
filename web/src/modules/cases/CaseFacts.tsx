import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import type { Case } from './api';
import { formatYuan } from './case-form';
import { measureKey } from './case-labels';

const Empty = () => <Typography.Text type="secondary">—</Typography.Text>;
const or = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Empty /> : value);
const date = (value: string | null) => (value ? formatDate(value) : <Empty />);

/** The fields of a case (annex 3 of seed 004) in cards: basics, party, money, handling, marks, people. */
export function CaseFacts({ record: c }: { record: Case }) {
  const t = useT();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const money = (v: string) => <span className="rs-money">{formatYuan(v)}</span>;
  const person = (p: { displayName: string } | null) => or(p?.displayName);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('cases.cardBasics')} size="small" className="rs-case-card">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              {
                key: 'number',
                label: t('cases.caseNumber'),
                children: <span className="rs-case-number">{c.caseNumber}</span>,
              },
              { key: 'name', label: t('cases.name'), children: c.name },
              {
                key: 'campaign',
                label: t('cases.campaign'),
                children: <Link to={`/campaigns/${c.campaignId}`}>{c.campaignName}</Link>,
                span: 'filled',
              },
              { key: 'category', label: t('cases.category'), children: c.categoryLabel },
              { key: 'unit', label: t('cases.unit'), children: c.unitName },
              {
                key: 'state',
                label: t('cases.handlingState'),
                children: c.closingDate ? t('cases.stateClosed') : t('cases.stateOpen'),
              },
              { key: 'filing', label: t('cases.filingDate'), children: date(c.filingDate) },
              { key: 'decision', label: t('cases.decisionDate'), children: date(c.decisionDate) },
              { key: 'closing', label: t('cases.closingDate'), children: date(c.closingDate) },
              {
                key: 'chain',
                label: t('cases.chainStage'),
                children: c.chainStage ? t(`chainStage.${c.chainStage}`) : <Empty />,
              },
              { key: 'provinces', label: t('cases.otherProvinces'), children: or(c.otherProvinces) },
              {
                key: 'lead',
                label: t('cases.originLead'),
                children: c.originLeadId ? (
                  <Link to={`/leads/${c.originLeadId}`}>{t('cases.openLead')}</Link>
                ) : (
                  <Empty />
                ),
              },
              {
                key: 'summary',
                label: t('cases.summary'),
                children: <span className="rs-pre">{or(c.summary)}</span>,
                span: 'filled',
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card title={t('cases.cardParty')} size="small" className="rs-case-card" style={{ height: '100%' }}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'kind', label: t('cases.partyKind'), children: t(`partyKind.${c.partyKind}`) },
              { key: 'name', label: t('cases.party'), children: c.partyName },
              {
                key: 'code',
                label: t('cases.partyCreditCode'),
                children: c.partyCreditCode ? <span className="rs-mono">{c.partyCreditCode}</span> : <Empty />,
              },
              { key: 'licence', label: t('cases.licenceInfo'), children: or(c.licenceInfo) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card
          title={t('cases.cardMoney')}
          size="small"
          className="rs-case-card rs-case-money"
          style={{ height: '100%' }}
        >
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'involved', label: t('cases.amountInvolved'), children: money(c.amountInvolved) },
              {
                key: 'total',
                label: t('cases.finesAndConfiscations'),
                children: <strong>{money(c.finesAndConfiscations)}</strong>,
              },
              { key: 'fine', label: t('cases.fine'), children: money(c.fine) },
              { key: 'confiscated', label: t('cases.confiscated'), children: money(c.confiscated) },
              { key: 'losses', label: t('cases.lossesRecovered'), children: money(c.lossesRecovered) },
              {
                key: 'compensation',
                label: t('cases.compensationMediated'),
                children: c.mediated ? money(c.compensation) : t('cases.notMediated'),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card title={t('cases.cardHandling')} size="small" className="rs-case-card" style={{ height: '100%' }}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'penalized', label: t('cases.penalized'), children: yesNo(c.penalized) },
              {
                key: 'measures',
                label: t('cases.otherMeasures'),
                children: c.otherMeasures.length ? (
                  c.otherMeasures.map((m) => <Tag key={m}>{t(measureKey(m))}</Tag>)
                ) : (
                  <Empty />
                ),
              },
              {
                key: 'content',
                label: t('cases.penaltyContent'),
                children: <span className="rs-pre">{or(c.penaltyContent)}</span>,
                span: 'filled',
              },
              {
                key: 'judiciary',
                label: t('cases.transferredToJudiciary'),
                children: c.transferredToJudiciary
                  ? t('cases.transferredOn', { date: c.judiciaryTransferDate ?? '' })
                  : t('common.no'),
              },
              {
                key: 'police',
                label: t('cases.transferredToPolice'),
                children: c.transferredToPolice
                  ? t('cases.transferredOn', { date: c.policeTransferDate ?? '' })
                  : t('common.no'),
              },
              {
                key: 'notified',
                label: t('cases.notification'),
                children: c.notifiedTo
                  ? [c.notifiedTo, c.notificationDate].filter(Boolean).join(' · ')
                  : t('cases.notNotified'),
              },
              { key: 'published', label: t('cases.published'), children: yesNo(c.published) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card
          title={t('cases.cardFlags')}
          size="small"
          className="rs-case-card rs-case-flags"
          style={{ marginBottom: 16 }}
        >
          <Space wrap>
            <FlagTag on={c.typical} color="red" label={t('cases.typical')} />
            <FlagTag on={c.online} color="blue" label={t('cases.online')} />
            <FlagTag on={c.rural} color="green" label={t('cases.rural')} />
            <FlagTag
              on={Boolean(c.supervisionLevel)}
              color="volcano"
              label={c.supervisionLevel ? t(`supervisionLevel.${c.supervisionLevel}`) : t('cases.supervised')}
            />
            {c.supervisionDeadline && (
              <Typography.Text type="secondary">
                {t('cases.supervisionUntil', { date: c.supervisionDeadline })}
              </Typography.Text>
            )}
          </Space>
        </Card>
        <Card title={t('cases.cardPeople')} size="small" className="rs-case-card rs-case-people">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'approver', label: t('cases.filingApprover'), children: person(c.people.filingApprover) },
              { key: 'investigator', label: t('cases.investigator'), children: person(c.people.investigator) },
              { key: 'reviewer', label: t('cases.reviewer'), children: person(c.people.reviewer) },
              { key: 'executor', label: t('cases.executor'), children: person(c.people.executor) },
              {
                key: 'contact',
                label: t('cases.contact'),
                children: or([c.contactName, c.contactPhone].filter(Boolean).join('  ')),
                span: 'filled',
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** A mark that is set shows in colour; one that is not shows greyed, so the four are always in place. */
function FlagTag({ on, color, label }: { on: boolean; color: string; label: string }) {
  const t = useT();
  return (
    <Tag color={on ? color : undefined} className={on ? 'rs-flag-on' : 'rs-flag-off'}>
      {on ? label : t('cases.flagOff', { flag: label })}
    </Tag>
  );
}
