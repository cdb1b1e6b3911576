import { Form, Input, Select } from 'antd';
import { useT } from '../../locales/i18n';
import { ENTITY_KINDS } from './api';
import { ENTITY_KIND_KEYS } from './entity-labels';

/** 18 characters of GB 32100's set (the check character itself is the server's to verify). */
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/i;

/**
 * The fields every new entity carries (the register's form and an outing's inline entity): name,
 * credit code, kind, industry, operator, address. `prefix` is the form path they sit under.
 */
export function EntityCoreFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const t = useT();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      <Form.Item
        name={name('name')}
        label={t('entities.name')}
        rules={[{ required: true, whitespace: true, message: t('entities.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name={name('creditCode')}
        label={t('entities.creditCode')}
        extra={t('entities.creditCodeHint')}
        normalize={(v: string) => v?.toUpperCase()}
        rules={[
          { required: true, message: t('entities.creditCodeRequired') },
          { pattern: CREDIT_CODE_SHAPE, message: t('entities.creditCodeShape') },
        ]}
      >
        <Input maxLength={18} className="rs-mono" autoComplete="off" />
      </Form.Item>
      <Form.Item name={name('entityKind')} label={t('entities.entityKind')} initialValue="enterprise">
        <Select options={ENTITY_KINDS.map((k) => ({ value: k, label: t(ENTITY_KIND_KEYS[k]) }))} />
      </Form.Item>
      <Form.Item name={name('industry')} label={t('entities.industry')} extra={t('entities.industryHint')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={name('operatorName')} label={t('entities.operatorName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={name('address')} label={t('entities.address')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}
