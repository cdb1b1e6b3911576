import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useSupervisionMutations, verifyDraw, type SupervisionDraw, type SupervisionGroup } from './api';

/** 随机专项督查 of a round: each draw with its seed and a 复核 button, and a new draw for a group. */
export function DrawsCard({
  roundId,
  draws,
  groups,
}: {
  roundId: string;
  draws: SupervisionDraw[];
  groups: SupervisionGroup[];
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { draw } = useSupervisionMutations();
  const drawable = groups.filter((g) => g.can.draw && g.area.length > 0);
  const [picked, setGroupId] = useState<string | undefined>();
  // The first group the user may draw for, until he picks another (the groups load after the round).
  const groupId = picked ?? drawable[0]?.id;
  const [count, setCount] = useState(1);
  const check = async (d: SupervisionDraw) => {
    try {
      const r = await verifyDraw(d.id);
      if (r.reproducible) void message.success(t('supervision.verifyOk'));
      else void message.error(t('supervision.verifyBad', { problem: r.problem ?? '' }));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card size="small" className="rs-supervision-draws" title={t('supervision.draws')}>
      <Typography.Paragraph type="secondary">{t('supervision.drawHint')}</Typography.Paragraph>
      {drawable.length > 0 && (
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('supervision.group')}>
            <Select
              style={{ width: 160 }}
              value={groupId}
              onChange={setGroupId}
              options={drawable.map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
          <Form.Item label={t('supervision.drawCount')}>
            <InputNumber min={1} max={99} value={count} onChange={(v) => setCount(v ?? 1)} />
          </Form.Item>
          <Button
            type="primary"
            loading={draw.isPending}
            disabled={!groupId}
            onClick={() =>
              draw.mutate(
                { roundId, groupId: groupId!, count },
                {
                  onSuccess: (d) =>
                    void message.success(t('supervision.drawDone', { units: d.picked.map((p) => p.name).join('、') })),
                  onError: (e) => showError(e),
                },
              )
            }
          >
            {t('supervision.newDraw')}
          </Button>
        </Form>
      )}
      {draws.length === 0 && <Typography.Text type="secondary">{t('supervision.noDraws')}</Typography.Text>}
      <Flex vertical gap={8}>
        {draws.map((d) => (
          <Descriptions
            key={d.id}
            size="small"
            bordered
            column={1}
            title={d.groupName}
            extra={<Button onClick={() => void check(d)}>{t('supervision.verify')}</Button>}
            items={[
              { key: 'picked', label: t('supervision.picked'), children: d.picked.map((p) => p.name).join('、') },
              {
                key: 'candidates',
                label: t('supervision.candidates'),
                children: d.candidates.map((p) => p.name).join('、'),
              },
              {
                key: 'seed',
                label: t('supervision.seed'),
                children: (
                  <Typography.Text code copyable>
                    {d.seed}
                  </Typography.Text>
                ),
              },
              { key: 'algorithm', label: t('supervision.algorithm'), children: d.algorithm },
            ]}
          />
        ))}
      </Flex>
    </Card>
  );
}
