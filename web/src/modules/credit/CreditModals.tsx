import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useT } from '../../locales/i18n';
import { FormModal, useFormModal } from '../../lib/FormModal';
import { todayIso } from '../../lib/records/today';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { dateField } from '../campaigns/editor/form-fields';
import {
  ABNORMAL_REASONS,
  PUBLICATION_CHANNELS,
  REMOVAL_KINDS,
  useCreditMutations,
  type CreditListing,
  type ListingBody,
  type ListingKind,
  type PublicationBody,
  type PublicationRow,
  type RemovalBody,
} from './api';

/** 登记公示: when and where the case's penalty decision was published (the case turns 已公开). */
export function PublicationModal({ row, onClose }: { row: PublicationRow; onClose: () => void }) {
  const t = useT();
  const { publish } = useCreditMutations();
  const { form, saved, failed } = useFormModal<Omit<PublicationBody, 'caseId'>>({ onClose });
  return (
    <FormModal
      form={form}
      title={t('credit.recordPublication')}
      saving={publish.isPending}
      onClose={onClose}
      onFinish={(v) =>
        publish.mutate(
          { ...v, caseId: row.caseId },
          { onSuccess: () => saved(t('credit.publishedOk')), onError: failed },
        )
      }
      intro={<p>{t('credit.publicationIntro', { number: row.caseNumber, due: row.dueDate })}</p>}
      initialValues={{ publishedDate: todayIso(), channel: '国家企业信用信息公示系统' }}
    >
      <Form.Item name="publishedDate" label={t('credit.publishedDate')} rules={[{ required: true }]} {...dateField}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="channel" label={t('credit.channel')} rules={[{ required: true }]}>
        <Select options={PUBLICATION_CHANNELS.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="reference" label={t('credit.reference')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 列入经营异常名录 / 严重违法失信名单. */
export function ListingModal({ kind, onClose }: { kind: ListingKind; onClose: () => void }) {
  const t = useT();
  const { list } = useCreditMutations();
  const { form, saved, failed } = useFormModal<Omit<ListingBody, 'listKind'>>({ onClose });
  return (
    <FormModal
      form={form}
      title={t(`credit.add.${kind}`)}
      saving={list.isPending}
      onClose={onClose}
      width={640}
      onFinish={(v) =>
        list.mutate({ ...v, listKind: kind }, { onSuccess: () => saved(t('credit.listedOk')), onError: failed })
      }
      initialValues={{ listedDate: todayIso() }}
    >
      <Form.Item name="entityName" label={t('credit.entityName')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('credit.creditCode')} rules={[{ required: true }]}>
        <Input maxLength={18} />
      </Form.Item>
      {kind === 'abnormal' ? (
        <Form.Item name="abnormalReason" label={t('credit.reason')} rules={[{ required: true }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={ABNORMAL_REASONS.map((r) => ({ value: r, label: t(`credit.abnormalReason.${r}`) }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="reasonText" label={t('credit.reasonText')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="basis" label={t('credit.basis')} rules={[{ required: true }]}>
            <Input maxLength={500} placeholder={t('credit.basisPlaceholder')} />
          </Form.Item>
        </>
      )}
      <Form.Item name="decisionNumber" label={t('credit.decisionNumber')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="listedDate" label={t('credit.listedDate')} rules={[{ required: true }]} {...dateField}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="unitId" label={t('credit.unit')} rules={[{ required: true }]}>
        <UnitTreeSelect />
      </Form.Item>
    </FormModal>
  );
}

/** 移出: 信用修复, 期满移出 or 其他, with its date and basis. */
export function RemovalModal({ listing, onClose }: { listing: CreditListing; onClose: () => void }) {
  const t = useT();
  const { remove, invalidate } = useCreditMutations();
  const { form, saved, failed } = useFormModal<Omit<RemovalBody, 'version'>>({
    onClose,
    conflict: { invalidate, then: 'close' },
  });
  return (
    <FormModal
      form={form}
      title={t('credit.remove')}
      saving={remove.isPending}
      onClose={onClose}
      onFinish={(v) =>
        remove.mutate(
          { ...v, id: listing.id, version: listing.version },
          { onSuccess: () => saved(t('credit.removedOk')), onError: failed },
        )
      }
      intro={
        listing.repairableFrom ? (
          <p>{t('credit.seriousRules', { repair: listing.repairableFrom, expiry: listing.expiryDate ?? '' })}</p>
        ) : undefined
      }
      initialValues={{ removedDate: todayIso(), removalKind: '信用修复' }}
    >
      <Form.Item name="removalKind" label={t('credit.removalKind')} rules={[{ required: true }]}>
        <Radio.Group options={REMOVAL_KINDS.map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="removedDate" label={t('credit.removedDate')} rules={[{ required: true }]} {...dateField}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="removalBasis" label={t('credit.removalBasis')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
