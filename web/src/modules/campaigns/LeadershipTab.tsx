import { Button, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import type { Campaign } from './api';

type Member = Campaign['leadership'][number];
const ROLE_ORDER: Member['role'][] = ['组长', '副组长', '成员'];
const ROLE_COLORS: Record<Member['role'], string> = { 组长: 'red', 副组长: 'orange', 成员: 'blue' };

/** 领导小组: 组长, 副组长 and 成员 with their titles, and the office (领导小组办公室) that runs the campaign. */
export function LeadershipTab({ campaign: c }: { campaign: Campaign }) {
  const t = useT();
  const navigate = useNavigate();
  const office = c.officeUnitId ? c.units.find((u) => u.id === c.officeUnitId) : undefined;
  // Keep the plan's order inside each role.
  const members = ROLE_ORDER.flatMap((role) =>
    c.leadership.map((m, i) => ({ ...m, key: i })).filter((m) => m.role === role),
  );

  return (
    <Row gutter={[16, 16]} style={{ paddingTop: 8 }}>
      <Col xs={24} lg={16}>
        <Card size="small" title={t('campaigns.leadershipGroup')}>
          {members.length ? (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={members}
              columns={[
                {
                  key: 'role',
                  title: t('campaigns.memberRole'),
                  dataIndex: 'role',
                  width: 110,
                  render: (r: Member['role']) => <Tag color={ROLE_COLORS[r]}>{t(`leadershipRole.${r}`)}</Tag>,
                },
                {
                  key: 'name',
                  title: t('campaigns.memberName'),
                  dataIndex: 'name',
                  width: 140,
                  render: (n: string) =>
                    n || <Typography.Text type="secondary">{t('campaigns.toBeNamed')}</Typography.Text>,
                },
                { key: 'title', title: t('campaigns.memberTitle'), dataIndex: 'title' },
              ]}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.noLeadership')}>
              {c.can.edit && (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/campaigns/${c.id}/edit#leadership`)}>
                  {t('campaigns.edit')}
                </Button>
              )}
            </Empty>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('campaigns.officeUnit')}>
          <Flex vertical gap={8}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'office',
                  label: t('campaigns.officeUnitName'),
                  children: office?.name ?? (
                    <Typography.Text type="secondary">{t('campaigns.notStated')}</Typography.Text>
                  ),
                },
                ...(c.contact ? [{ key: 'contact', label: t('campaigns.contact'), children: c.contact }] : []),
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('campaigns.officeHint')}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
