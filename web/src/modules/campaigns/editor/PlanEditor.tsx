import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, App, Button, Col, Flex, Form, Row, Space, Typography } from 'antd';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../../locales/i18n';
import { ApiError } from '../../../lib/api';
import { useShowError } from '../../../lib/useShowError';
import { PageContainer } from '../../../app/PageContainer';
import { useUnitContext } from '../../../app/UnitContext';
import { useCurrentUser } from '../../auth/session';
import { subtreeIds, type Unit } from '../../units/tree';
import { useCampaignMutations, type Campaign } from '../api';
import { orderUnits } from '../task-matrix';
import { BasicsSection } from './BasicsSection';
import { CategoriesSection } from './CategoriesSection';
import { useGroupedUnitOptions, type UnitOption } from './form-fields';
import { OrganisationSection } from './OrganisationSection';
import { OtherSection } from './OtherSection';
import {
  campaignToFormValues,
  emptyPlan,
  formValuesToPlan,
  planProblem,
  toCreateBody,
  type PlanFormValues,
  type PlanProblem,
  type TaskValues,
} from './plan-form';
import { ReportingSection } from './ReportingSection';
import { TasksSection } from './TasksSection';
import { TimeSection } from './TimeSection';

const SECTIONS = ['basics', 'time', 'categories', 'tasks', 'organisation', 'reporting', 'other'] as const;
const SECTION_TITLES = {
  basics: 'campaigns.sectionBasics',
  time: 'campaigns.sectionTime',
  categories: 'campaigns.categories',
  tasks: 'campaigns.sectionTasks',
  organisation: 'campaigns.sectionOrganisation',
  reporting: 'campaigns.sectionReporting',
  other: 'campaigns.sectionOther',
} as const;

/**
 * The whole plan in one form. Saving sends it all (with the version it was based on); a 400 puts
 * each of the server's errors under its field and lists them on top, a 409 says someone else saved
 * first and offers to load their version. What the user typed stays until they choose.
 */
export function PlanEditor({
  campaign,
  units,
  reload,
}: {
  campaign?: Campaign;
  units: Unit[];
  reload: () => Promise<Campaign | undefined>;
}) {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { unit: contextUnit } = useUnitContext();
  const { create, update } = useCampaignMutations();
  const [form] = Form.useForm();
  const [version, setVersion] = useState(campaign?.version ?? 0);
  const [problem, setProblem] = useState<PlanProblem['summary'] | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const { hash } = useLocation();

  // Opened for one section (the leadership tab links to #leadership): go there once it is drawn.
  useEffect(() => {
    if (!hash) return;
    const timer = setTimeout(() => document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' }), 150);
    return () => clearTimeout(timer);
  }, [hash]);

  const bureaus = useMemo(() => units.filter((u) => u.kind === 'bureau' && u.active), [units]);
  const subtree = (unitId: string | undefined) =>
    unitId ? units.filter((u) => subtreeIds(units, unitId).has(u.id) && u.active).map((u) => u.id) : [];
  const [initialValues] = useState<PlanFormValues>(() => {
    if (campaign) return campaignToFormValues(campaign);
    const unit =
      bureaus.find((u) => u.id === contextUnit?.id) ?? bureaus.find((u) => u.id === user.unitId) ?? bureaus[0];
    return emptyPlan(unit, subtree(unit?.id), t('campaigns.otherCategory'));
  });

  // The units a plan may name: the issuing unit's subtree (the server checks it), with the names
  // the plan itself carries for any the user cannot list.
  const issuingId: string | undefined = Form.useWatch('unitId', form) ?? initialValues.unitId;
  const scope: UnitOption[] = useMemo(() => {
    const ids = issuingId ? subtreeIds(units, issuingId) : new Set<string>();
    const own = units.filter((u) => ids.has(u.id) && u.active);
    const extra = (campaign?.units ?? []).filter((u) => !own.some((o) => o.id === u.id));
    return orderUnits([...own, ...extra], campaign?.participantUnitIds);
  }, [units, issuingId, campaign]);
  const participants: string[] = Form.useWatch('participantUnitIds', form) ?? initialValues.participantUnitIds;
  const named: string =
    Form.useWatch(
      (v: PlanFormValues) =>
        [
          ...new Set(
            (v.tasks ?? []).flatMap((x: TaskValues) => [...(x?.leadUnitIds ?? []), ...(x?.cooperatingUnitIds ?? [])]),
          ),
        ].join(','),
      form,
    ) ?? '';
  const taskUnits = useMemo(() => {
    const keep = new Set([...participants, ...named.split(',')]);
    return scope.filter((u) => keep.has(u.id));
  }, [scope, participants, named]);
  const scopeOptions = useGroupedUnitOptions(scope);
  const taskUnitOptions = useGroupedUnitOptions(taskUnits.length ? taskUnits : scope);

  const onUnitChange = (unitId: string) => {
    const unit = units.find((u) => u.id === unitId);
    form.setFieldsValue({ issuingOrgan: unit?.name ?? '', participantUnitIds: subtree(unitId), officeUnitId: null });
  };

  const onSaveError = (e: unknown, sent: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      setConflict(e.problem?.detail || t('campaigns.conflictTitle'));
      void message.error(t('campaigns.conflictTitle'));
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    if (e instanceof ApiError && e.status === 400 && e.problem) {
      const p = planProblem(e.problem, sent);
      form.setFields(p.fields);
      setProblem(p.summary);
      void message.error(t('campaigns.planInvalid', { count: p.summary.length }));
      if (p.fields[0]) form.scrollToField(p.fields[0].name, { block: 'center', behavior: 'smooth' });
      return;
    }
    showError(e);
  };

  const save = () => {
    const values = form.getFieldsValue(true) as PlanFormValues;
    setProblem(null);
    if (!campaign) {
      const body = toCreateBody(values);
      create.mutate(body, {
        onSuccess: (c) => {
          void message.success(t('campaigns.createdPlan', { name: c.name }));
          navigate(`/campaigns/${c.id}`);
        },
        onError: (e) => onSaveError(e, body),
      });
      return;
    }
    const body = { ...formValuesToPlan(values), version };
    update.mutate(
      { id: campaign.id, body },
      {
        onSuccess: (c) => {
          void message.success(t('common.saved'));
          navigate(`/campaigns/${c.id}?tab=tasks`);
        },
        onError: (e) => onSaveError(e, body),
      },
    );
  };

  const reloadLatest = async () => {
    const fresh = await reload();
    if (!fresh) return;
    form.resetFields();
    form.setFieldsValue(campaignToFormValues(fresh));
    setVersion(fresh.version);
    setConflict(null);
    setProblem(null);
    void message.info(t('campaigns.reloaded'));
  };

  const saving = create.isPending || update.isPending;
  const cancel = () => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns');
  const title = campaign ? t('campaigns.editTitleOf', { name: campaign.name }) : t('campaigns.createTitle');
  const crumbs = campaign
    ? [
        { key: 'campaign', title: campaign.docNumber ?? campaign.name },
        { key: 'edit', title: t('campaigns.edit') },
      ]
    : [{ key: 'new', title: t('campaigns.create') }];

  return (
    <PageContainer
      title={title}
      crumbs={crumbs}
      extra={
        <>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xxl={20}>
          <Flex vertical gap={12} style={{ marginBottom: 12 }}>
            {conflict && (
              <Alert
                type="error"
                showIcon
                title={t('campaigns.conflictTitle')}
                description={
                  <>
                    <div>{conflict}</div>
                    <div>{t('campaigns.conflictHint')}</div>
                  </>
                }
                action={
                  <Button icon={<ReloadOutlined />} onClick={() => void reloadLatest()}>
                    {t('campaigns.reloadLatest')}
                  </Button>
                }
              />
            )}
            {problem && problem.length > 0 && (
              <Alert
                type="error"
                showIcon
                className="rs-plan-problems"
                title={t('campaigns.planInvalid', { count: problem.length })}
                description={
                  <ul>
                    {problem.map((p, i) => (
                      <li key={i}>
                        {p.name ? (
                          <Typography.Link
                            onClick={() =>
                              form.scrollToField(p.name!, { block: 'center', behavior: 'smooth', focus: true })
                            }
                          >
                            {p.message}
                          </Typography.Link>
                        ) : (
                          p.message
                        )}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </Flex>
          <Form
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={save}
            onFinishFailed={({ errorFields }) => {
              void message.error(t('common.fixFields'));
              if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', behavior: 'smooth' });
            }}
            scrollToFirstError={false}
          >
            <Flex vertical gap={16}>
              <BasicsSection
                isNew={!campaign}
                bureaus={bureaus.map((b) => ({ value: b.id, label: b.name }))}
                onUnitChange={onUnitChange}
              />
              <TimeSection />
              <CategoriesSection fixed={!!campaign?.parent} />
              <TasksSection unitOptions={taskUnitOptions} />
              <OrganisationSection scopeOptions={scopeOptions} scopeIds={scope.map((u) => u.id)} />
              <ReportingSection />
              <OtherSection />
            </Flex>
          </Form>
          <div className="rs-editor-footer">
            <Space>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => form.submit()}>
                {t('campaigns.savePlan')}
              </Button>
              <Button onClick={cancel}>{t('common.cancel')}</Button>
            </Space>
          </div>
        </Col>
        <Col xs={0} xxl={4}>
          <Anchor
            offsetTop={72}
            targetOffset={80}
            replace
            items={SECTIONS.map((key) => ({ key, href: `#${key}`, title: t(SECTION_TITLES[key]) }))}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
