import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIsoDate } from '../src/modules/calendar/working-days';
import { checkPlan } from '../src/modules/campaigns/campaign-plan.rules';
import { templateToPlan } from '../src/modules/campaigns/campaign-templates.service';
import { CAMPAIGN_TEMPLATES } from '../src/modules/campaigns/templates';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('campaign templates (the seed plans as data)', () => {
  it('have stable, unique keys', () => {
    const keys = CAMPAIGN_TEMPLATES.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['tiequan-2021', 'daguan-2017-festival', 'changzhou-hongdun', 'meixian-2019']),
    );
  });

  for (const template of CAMPAIGN_TEMPLATES) {
    describe(template.key, () => {
      const p = template.plan;
      it('is consistent as printed: dates, categories, leads', () => {
        const dates = [
          p.startDate,
          p.endDate,
          ...p.phases.flatMap((x) => [x.startDate, x.endDate]),
          ...p.concentratedWindows.flatMap((x) => [x.startDate, x.endDate]),
        ];
        expect(dates.filter((d) => !isIsoDate(d))).toEqual([]);
        for (const phase of p.phases)
          expect(phase.startDate >= p.startDate && phase.endDate <= p.endDate, phase.name).toBe(true);
        const windows = [...p.concentratedWindows].sort((a, b) => a.startDate.localeCompare(b.startDate));
        windows.slice(1).forEach((w, i) => expect(w.startDate > windows[i].endDate, w.name).toBe(true));
        const codes = p.categories.map((c) => c.code);
        expect(new Set(codes).size).toBe(codes.length);
        expect(codes.at(-1)).toBe('other');
        for (const task of p.tasks) {
          expect(codes, task.title).toContain(task.categoryCode);
          expect(task.leadRoles.length, task.title).toBeGreaterThan(0);
        }
      });

      it('becomes a valid plan for this year and a later one', () => {
        for (const year of [template.baseYear, template.baseYear + 9]) {
          const plan = templateToPlan(template, [], '测试区市场监督管理局', year);
          expect(checkPlan({ ...plan, participantUnitIds: [] })).toEqual([]);
        }
      });

      it('creates a campaign for a district through the API', async () => {
        const res = await office.request('POST', '/api/campaigns/from-template', {
          template: template.key,
          unitId: tenant.units.district.id,
        });
        expect(res.statusCode).toBe(201);
        const c = res.json();
        expect(c.categories.at(-1)).toMatchObject({ code: 'other', label: '其他违法' });
        expect(c.tasks).toHaveLength(p.tasks.length);
        expect(c.participantUnitIds).toEqual(
          expect.arrayContaining([tenant.units.district.id, tenant.units.office.id]),
        );
      });
    });
  }

  it('gives tiequan-2021 exactly the eight rows of annex 2', async () => {
    const list = (await office.request('GET', '/api/campaign-templates')).json();
    const tiequan = list.find((x: { key: string }) => x.key === 'tiequan-2021');
    expect(tiequan.categories.map((c: { label: string }) => c.label)).toEqual([
      '食品安全违法',
      '产品质量违法',
      '特种设备违法',
      'CCC认证违法',
      '中介服务价格违法',
      '广告违法',
      '知识产权违法',
      '其他违法',
    ]);
  });

  it('issues a plan taken up by another bureau under that bureau’s name, without the author’s 文号, contact or named leaders', () => {
    const meixian = CAMPAIGN_TEMPLATES.find((x) => x.key === 'meixian-2019')!;
    const other = templateToPlan(meixian, [], '测试区市场监督管理局', 2026);
    expect(other).toMatchObject({
      name: '测试区市场监督管理局开展假冒伪劣重点领域治理工作实施方案（2026-2028年）',
      issuingOrgan: '测试区市场监督管理局',
      docNumber: null,
      contact: null,
      leadership: [],
    });
    const own = templateToPlan(meixian, [], '梅州市梅县区市场监督管理局', 2019);
    expect(own).toMatchObject({ docNumber: '梅县区市监字〔2019〕26号', contact: '专项工作联系电话：2589626' });
    expect(own.leadership).toHaveLength(33);
  });

  it('moves the years a plan names in its own words with its dates; the documents it implements keep theirs', () => {
    const tiequan = CAMPAIGN_TEMPLATES.find((x) => x.key === 'tiequan-2021')!;
    const plan = templateToPlan(tiequan, [], '测试区市场监督管理局', 2026);
    const fullYear = plan.reportSchedules.find((s) => s.name === '全年汇总数据和年度工作总结报告')!;
    expect(fullYear).toMatchObject({
      kind: 'dates',
      dates: ['2026-12-15'],
      covers: 'yearToDate',
      note: '报送2026年工作总结报告，总结有效做法和成功经验，提出2027年重点案件查办建议。',
    });
    expect(plan.reportSchedules.find((s) => s.kind === 'dates' && s.covers === 'quarter')).toMatchObject({
      dates: ['2026-07-02', '2026-10-02'],
    });
    const schedule = plan.sections[0].paragraphs.at(-1)!;
    expect(schedule).toContain('汇总2026年以来办结的相关案件');
    expect(schedule).toContain(
      '12月15日前，报送2026年工作总结报告，总结有效做法和成功经验，提出2027年重点案件查办建议',
    );
    expect(plan.sections[0].paragraphs[1]).toContain('区局成立2026民生领域案件查办“铁拳”行动领导小组');
    expect(JSON.stringify(plan.sections)).not.toMatch(/2021|2022/);
    expect(plan.basis).toEqual(tiequan.plan.basis);
    expect(plan.basis[0]).toContain('国市监稽发〔2021〕22号');
    // A winter plan spans two years: each moves with its own dates.
    const daguan = templateToPlan(
      CAMPAIGN_TEMPLATES.find((x) => x.key === 'daguan-2017-festival')!,
      [],
      '测试区市场监督管理局',
      2026,
    );
    expect(daguan.reportSchedules.find((s) => s.name === '阶段工作小结')).toMatchObject({
      dates: ['2025-12-27', '2026-01-17'],
    });
    expect(daguan.sections[0].paragraphs.join('')).toContain('并于2025年12月27日、2026年1月17日报阶段工作小结');
  });

  it('matches collective role names (各市场监管所) to the units of that kind', async () => {
    const c = (
      await office.request('POST', '/api/campaigns/from-template', {
        template: 'daguan-2017-festival',
        unitId: tenant.units.district.id,
      })
    ).json();
    expect(c.tasks[0]).toMatchObject({
      title: '集中打击重点违法行为',
      leadUnitIds: [tenant.units.office.id],
      pendingLeadRoles: [],
    });
    expect(c.tasks[4].pendingLeadRoles).toEqual(['办公室']);
  });
});
