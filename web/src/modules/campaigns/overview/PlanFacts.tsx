import { Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../locales/i18n';
import type { Campaign } from '../api';
import { CampaignStatusTag } from '../CampaignStatusTag';
import { dateRange } from '../plan-text';

/** The head of the plan: 文号, issuing organ and unit, dates, office, liaison deadline, related plans. */
export function PlanFacts({ campaign: c }: { campaign: Campaign }) {
  const t = useT();
  const names = new Map(c.units.map((u) => [u.id, u.name]));
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'docNumber', label: t('campaigns.docNumber'), children: c.docNumber ?? dash },
        { key: 'issueDate', label: t('campaigns.issueDate'), children: c.issueDate ?? dash },
        { key: 'organ', label: t('campaigns.issuingOrgan'), children: c.issuingOrgan },
        { key: 'unit', label: t('campaigns.issuingUnit'), children: c.unitName },
        { key: 'window', label: t('campaigns.window'), children: dateRange(c.startDate, c.endDate) },
        {
          key: 'office',
          label: t('campaigns.officeUnit'),
          children: c.officeUnitId ? (names.get(c.officeUnitId) ?? dash) : dash,
        },
        { key: 'liaisonDeadline', label: t('campaigns.liaisonDeadline'), children: c.liaisonDeadline ?? dash },
        { key: 'recipients', label: t('campaigns.recipients'), children: c.recipients ?? dash },
        ...(c.contact
          ? [{ key: 'contact', label: t('campaigns.contact'), children: c.contact, span: 'filled' as const }]
          : []),
        ...(c.parent
          ? [
              {
                key: 'parent',
                label: t('campaigns.parent'),
                children: <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link>,
                span: 'filled' as const,
              },
            ]
          : []),
        ...(c.implementations.length
          ? [
              {
                key: 'implementations',
                label: t('campaigns.implementations'),
                span: 'filled' as const,
                children: (
                  <Flex vertical gap={4}>
                    {c.implementations.map((i) => (
                      <Flex key={i.id} gap={8} align="center" wrap>
                        <Link to={`/campaigns/${i.id}`}>{i.name}</Link>
                        <CampaignStatusTag status={i.status} />
                      </Flex>
                    ))}
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
