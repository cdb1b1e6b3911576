import { Col, Divider, Form, Input, Row } from 'antd';
import { useT, type MessageKey } from '../../../locales/i18n';
import { ApiError } from '../../../lib/api';
import { applyProblemToForm, type FieldPath } from '../../../lib/problem';
import { useShowError } from '../../../lib/useShowError';
import { FormModal, useFormModal } from '../../../lib/FormModal';
import { useCampaignMutations, type CampaignLiaison, type LiaisonsBody } from '../api';

type Person = NonNullable<CampaignLiaison['leader']>;
type PersonValues = Pick<Person, 'name' | 'position'> & {
  officePhone?: string | null;
  mobile?: string | null;
  fax?: string | null;
};
interface Values {
  leader: PersonValues;
  liaison: PersonValues;
}

const WHO = ['leader', 'liaison'] as const;
const FIELDS: { key: keyof PersonValues; label: MessageKey; required?: boolean; max: number }[] = [
  { key: 'name', label: 'campaigns.personName', required: true, max: 20 },
  { key: 'position', label: 'campaigns.personPosition', required: true, max: 50 },
  { key: 'officePhone', label: 'campaigns.officePhone', max: 30 },
  { key: 'mobile', label: 'campaigns.mobile', max: 11 },
  { key: 'fax', label: 'campaigns.fax', max: 30 },
];
/** Every field of the form, so a server error on `liaison.mobile` lands under that input. */
const FIELD_PATHS: FieldPath[] = WHO.flatMap((who) => FIELDS.map((f) => [who, f.key]));

const toPerson = (p: PersonValues): LiaisonsBody['leader'] => ({
  name: p.name.trim(),
  position: p.position.trim(),
  officePhone: p.officePhone?.trim() || null,
  mobile: p.mobile?.trim() || null,
  fax: p.fax?.trim() || null,
});

const fromPerson = (p: Person | null): PersonValues | undefined =>
  p
    ? { name: p.name, position: p.position, officePhone: p.officePhone ?? '', mobile: p.mobile ?? '', fax: p.fax ?? '' }
    : undefined;

/** 报送联络员: a unit's 分管领导 and 联络员 (annex 1 of the 2021 铁拳 plan), with the server's errors under their fields. */
export function LiaisonFormModal({
  campaignId,
  item,
  onClose,
}: {
  campaignId: string;
  item: CampaignLiaison;
  onClose: () => void;
}) {
  const t = useT();
  const { form, message, saved } = useFormModal<Values>({ onClose });
  const showError = useShowError();
  const { setLiaisons } = useCampaignMutations();

  const onError = (e: unknown) => {
    // Only the nested paths count as fields here (the form's top-level names are the two groups).
    const text = applyProblemToForm(
      {
        setFields: (fields) => form.setFields(fields as Parameters<typeof form.setFields>[0]),
        getFieldsValue: () => ({}),
      },
      e,
      FIELD_PATHS,
    );
    if (text) void message.error(text);
    else showError(e);
    if (e instanceof ApiError && e.status === 409) onClose();
  };

  const submit = (values: Values) =>
    setLiaisons.mutate(
      {
        id: campaignId,
        unitId: item.unitId,
        body: { leader: toPerson(values.leader), liaison: toPerson(values.liaison) },
      },
      { onSuccess: () => saved(t('campaigns.liaisonSaved', { unit: item.unitName })), onError },
    );

  return (
    <FormModal
      form={form}
      title={t('campaigns.liaisonTitle', { unit: item.unitName })}
      saving={setLiaisons.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ leader: fromPerson(item.leader), liaison: fromPerson(item.liaison) }}
      width={720}
    >
      {WHO.map((who) => (
        <div key={who}>
          <Divider titlePlacement="start" style={{ marginTop: 12 }}>
            {t(who === 'leader' ? 'campaigns.leader' : 'campaigns.liaison')}
          </Divider>
          <Row gutter={16}>
            {FIELDS.map((f) => (
              <Col key={f.key} xs={24} md={f.key === 'position' ? 16 : 8}>
                <Form.Item
                  name={[who, f.key]}
                  label={t(f.label)}
                  rules={
                    f.required
                      ? [
                          {
                            required: true,
                            whitespace: true,
                            message: t('campaigns.personRequired', { field: t(f.label) }),
                          },
                        ]
                      : []
                  }
                >
                  <Input
                    maxLength={f.max}
                    autoComplete="off"
                    inputMode={f.key === 'name' || f.key === 'position' ? undefined : 'tel'}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </FormModal>
  );
}
