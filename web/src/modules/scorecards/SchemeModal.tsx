import { useEffect } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isInvalidForm } from '../../lib/paragraphs';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useScorecardMutations, type IndicatorKind, type Scheme, type SchemeBody } from './api';

type IndicatorInput = SchemeBody['indicators'][number];
const RULES = ['share_of_max', 'rank', 'target', 'per_record'] as const;

/**
 * 考核方案: its indicators (from the kinds the server measures), each with its label, weight (分值)
 * and scoring rule. Editing a scheme whose results were published starts its next revision (the
 * server decides); the published results keep theirs.
 */
export function SchemeModal({
  campaignId,
  kinds,
  scheme,
  onClose,
}: {
  campaignId: string;
  kinds: IndicatorKind[];
  scheme?: Scheme;
  onClose: (saved?: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const { create, update } = useScorecardMutations(campaignId);
  const items = Form.useWatch('indicators', form) as IndicatorInput[] | undefined;
  const total = (items ?? []).reduce((s, i) => s + (i?.weight ?? 0), 0);

  useEffect(() => {
    form.setFieldsValue(
      scheme
        ? { name: scheme.name, indicators: scheme.indicators }
        : { name: t('scorecards.defaultName'), indicators: [] },
    );
  }, [scheme, form, t]);

  const submit = async () => {
    try {
      const v: SchemeBody = await form.validateFields();
      const body = { name: v.name, indicators: v.indicators ?? [] };
      const saved = scheme
        ? await update.mutateAsync({ id: scheme.id, ...body, version: scheme.version })
        : await create.mutateAsync(body);
      void message.success(t('scorecards.saved'));
      onClose(saved.id);
    } catch (e) {
      if (!isInvalidForm(e)) showError(e, form);
    }
  };

  return (
    <Modal
      open
      width={980}
      title={scheme ? t('scorecards.editScheme') : t('scorecards.newScheme')}
      onCancel={() => onClose()}
      destroyOnHidden
      okText={t('scorecards.save')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
    >
      <Typography.Paragraph type="secondary">
        {t('scorecards.schemeHint', { total, revision: scheme?.revision ?? 1 })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('scorecards.schemeName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const rule = items?.[f.name]?.rule;
                return (
                  <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} style={{ width: 180 }}>
                      <Select
                        placeholder={t('scorecards.kind')}
                        options={kinds.map((k) => ({ value: k.kind, label: `${k.label}（${k.unit}）` }))}
                        onChange={(kind: string) =>
                          form.setFieldValue(['indicators', f.name, 'label'], kinds.find((k) => k.kind === kind)?.label)
                        }
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, whitespace: true }]}
                      style={{ width: 160 }}
                    >
                      <Input maxLength={40} placeholder={t('scorecards.label')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]} style={{ width: 110 }}>
                      <InputNumber min={0.5} max={1000} suffix="分" placeholder={t('scorecards.weight')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'rule']} rules={[{ required: true }]} style={{ width: 200 }}>
                      <Select
                        placeholder={t('scorecards.rule')}
                        options={RULES.map((r) => ({ value: r, label: t(`scorecards.rule.${r}`) }))}
                      />
                    </Form.Item>
                    {rule === 'target' ? (
                      <Form.Item name={[f.name, 'target']} rules={[{ required: true }]} style={{ width: 150 }}>
                        <InputNumber min={0} placeholder={t('scorecards.target')} />
                      </Form.Item>
                    ) : null}
                    {rule === 'per_record' ? (
                      <Form.Item name={[f.name, 'pointsEach']} rules={[{ required: true }]} style={{ width: 150 }}>
                        <InputNumber min={0} suffix="分" placeholder={t('scorecards.pointsEach')} />
                      </Form.Item>
                    ) : null}
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('scorecards.removeIndicator')}
                    />
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ weight: 10, rule: 'share_of_max' })}>
                {t('scorecards.addIndicator')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('scorecards.targetHint')}
      </Typography.Paragraph>
    </Modal>
  );
}
