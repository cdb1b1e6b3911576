import { App, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { useDisclosureMutations, useDisclosures } from './api';
import { DisclosureStatusTag } from './DisclosureStatusTag';

/**
 * The case page's 曝光 card: the case's disclosures (草稿, 待审批, 已发布, 已撤下) with a link to
 * each, and 生成曝光稿 when the case is typical and decided and the user's office may write it.
 */
export function DisclosureCard({ caseId }: { caseId: string }) {
  const t = useT();
  const query = useDisclosures({ caseId });
  const { create } = useDisclosureMutations();
  const navigate = useNavigate();
  const showError = useShowError();
  const { message } = App.useApp();
  const items = query.data?.items ?? [];
  return (
    <Card
      size="small"
      className="rs-case-disclosure"
      title={t('disclosures.card')}
      loading={query.isLoading}
      aria-label={t('disclosures.card')}
    >
      <Flex vertical gap={12}>
        {items.length ? (
          <List
            size="small"
            dataSource={items}
            renderItem={(d) => (
              <List.Item>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <DisclosureStatusTag status={d.status} />
                    <Link to={`/disclosures/${d.id}`}>{d.title}</Link>
                  </Flex>
                  <Typography.Text type="secondary">
                    {t('disclosures.partyShown', { party: d.partyDisplayName })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t('disclosures.none')} />
        )}
        {query.data?.canCreate && (
          <Button
            size="small"
            type="primary"
            loading={create.isPending}
            onClick={() =>
              create.mutate(caseId, {
                onSuccess: (d) => {
                  void message.success(t('disclosures.createdOk'));
                  void navigate(`/disclosures/${d.id}`);
                },
                onError: (e) => showError(e),
              })
            }
          >
            {t('disclosures.create')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
