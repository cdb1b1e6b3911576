import { Col, Row, Statistic } from 'antd';
import { useT } from '../../locales/i18n';
import type { JointOperationTotals as Totals } from './api';

/** 联合执法行动 N 次, 联席会议 N 次 and the actions' figures, over every record the filters match. */
export function JointOperationTotals({ totals }: { totals?: Totals }) {
  const t = useT();
  const items = [
    ['actions', 'jointOps.totalActions', 'jointOps.times'],
    ['meetings', 'jointOps.totalMeetings', 'jointOps.times'],
    ['staffDeployed', 'jointOps.staffDeployed', 'jointOps.personTimes'],
    ['entitiesInspected', 'jointOps.entitiesInspected', 'jointOps.householdTimes'],
    ['problemsFound', 'jointOps.problemsFound', 'jointOps.items'],
    ['casesFiled', 'jointOps.casesFiled', 'jointOps.cases'],
  ] as const;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="rs-joint-totals">
      {items.map(([key, label, unit]) => (
        <Col xs={12} md={8} xl={4} key={key}>
          <Statistic title={t(label)} value={totals?.[key] ?? 0} suffix={t(unit)} />
        </Col>
      ))}
    </Row>
  );
}
