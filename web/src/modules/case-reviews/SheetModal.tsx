import { useEffect } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isInvalidForm } from '../../lib/paragraphs';
import { useShowError } from '../../lib/useShowError';
import { useT } from '../../locales/i18n';
import { useReviewSheet, useSaveReviewSheet, type SheetItem } from './api';

/**
 * 评查表 of a unit: its items (评查项目, 分值, 评查内容). The organiser's office edits it; a sheet a
 * submitted score used stays as it was and the change becomes its next revision (the server decides).
 */
export function SheetModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const sheet = useReviewSheet(unitId);
  const save = useSaveReviewSheet(unitId);
  const items = Form.useWatch('items', form) as SheetItem[] | undefined;
  const total = (items ?? []).reduce((s, i) => s + (i?.maxPoints ?? 0), 0);
  const editable = !!sheet.data?.can.edit;

  useEffect(() => {
    if (sheet.data) form.setFieldsValue({ name: sheet.data.name, items: sheet.data.items });
  }, [sheet.data, form]);

  const submit = async () => {
    try {
      const v: { name: string; items: SheetItem[] } = await form.validateFields();
      await save.mutateAsync({
        name: v.name.trim(),
        items: v.items.map((i, n) => ({ ...i, key: i.key || `item${n + 1}`, description: i.description ?? '' })),
        version: sheet.data!.version,
      });
      void message.success(t('caseReviews.sheetSaved'));
      onClose();
    } catch (e) {
      if (!isInvalidForm(e)) showError(e, form);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={t('caseReviews.sheet')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('caseReviews.close')}
        </Button>,
        ...(editable
          ? [
              <Button key="save" type="primary" loading={save.isPending} onClick={() => void submit()}>
                {t('caseReviews.save')}
              </Button>,
            ]
          : []),
      ]}
    >
      {!sheet.data ? <Skeleton active /> : null}
      <Typography.Paragraph type="secondary">
        {t('caseReviews.sheetHint', { revision: sheet.data?.revision ?? 0, total })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" hidden={!sheet.data} disabled={!editable}>
        <Form.Item name="name" label={t('caseReviews.sheetName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true }]}
                    style={{ width: 160 }}
                  >
                    <Input maxLength={40} placeholder={t('caseReviews.item')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true }]} style={{ width: 90 }}>
                    <InputNumber min={1} max={100} precision={0} suffix="分" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} style={{ flex: 1 }}>
                    <Input maxLength={500} placeholder={t('caseReviews.itemDescription')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('caseReviews.removeItem')}
                  />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', maxPoints: 5, description: '' })}>
                {t('caseReviews.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
